import { describe, expect, it } from 'vitest'

import { dockedAt, occupancyAt } from '../../shared/occupancy/occupancy'
import { stationId, utcMillis } from '../../shared/domain/units'
import { dockingEvent } from './chart-fixtures'
import { NO_END_FACTS } from '../../shared/occupancy/end-facts'

const at = (iso: string) => utcMillis(Date.parse(iso))

const events = [
  dockingEvent(1, '2000-01-01T00:00:00Z', '2000-03-01T00:00:00Z', { port: 2, portName: 'Port 10' }),
  dockingEvent(2, '2000-02-01T00:00:00Z', null, { port: 3, portName: 'Port 2' }),
  dockingEvent(3, '2000-01-15T00:00:00Z', '2000-02-15T00:00:00Z', {
    station: 20,
    stationName: 'Mir',
    port: 9,
    portName: 'Aft',
  }),
  dockingEvent(4, '2000-02-10T00:00:00Z', '2000-02-20T00:00:00Z', { port: null }),
  dockingEvent(5, '2000-03-01T00:00:00Z', '2000-04-01T00:00:00Z', { port: 2, portName: 'Port 10' }),
]

describe('occupancyAt', () => {
  it('groups what is docked by station and port, with counts', () => {
    const snap = occupancyAt(events, at('2000-02-12T00:00:00Z'), NO_END_FACTS)
    expect(snap.count).toBe(4)
    expect(
      snap.stations.map((s) => [
        s.stationName,
        s.count,
        s.ports.map((p) => [p.portName, p.events.map((e) => e.id)]),
      ]),
    ).toEqual([
      ['Mir', 1, [['Aft', [3]]]],
      // Ports by name, numbers as numbers; a port-less record last.
      [
        'Station A',
        3,
        [
          ['Port 2', [2]],
          ['Port 10', [1]],
          [null, [4]],
        ],
      ],
    ])
  })

  it('agrees with dockedAt at every instant, including departures and arrivals', () => {
    for (const iso of [
      '1999-12-31T00:00:00Z',
      '2000-01-01T00:00:00Z',
      '2000-02-15T00:00:00Z',
      '2000-03-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ]) {
      const snap = occupancyAt(events, at(iso), NO_END_FACTS)
      const ids = snap.stations.flatMap((s) => s.ports.flatMap((p) => p.events.map((e) => e.id)))
      expect(ids.sort(), iso).toEqual(
        dockedAt(events, at(iso), NO_END_FACTS)
          .map((e) => e.id)
          .sort(),
      )
      expect(snap.count).toBe(ids.length)
    }
  })

  it('counts the arriving vehicle, not the departing one, at a handover instant', () => {
    const snap = occupancyAt(events, at('2000-03-01T00:00:00Z'), NO_END_FACTS)
    const port10 = snap.stations[0]?.ports.find((p) => p.portName === 'Port 10')
    expect(port10?.events.map((e) => e.id)).toEqual([5])
  })

  it('orders stations as the chart does when given its order', () => {
    const snap = occupancyAt(events, at('2000-02-12T00:00:00Z'), NO_END_FACTS, [
      stationId(10),
      stationId(20),
    ])
    expect(snap.stations.map((s) => s.stationName)).toEqual(['Station A', 'Mir'])
  })
})

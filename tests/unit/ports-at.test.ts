import { describe, expect, it } from 'vitest'

import type { Port } from '../../shared/domain/model'
import { portId, stationId, utcMillis } from '../../shared/domain/units'
import { portsAt } from '../../shared/occupancy/ports-at'
import { NO_END_FACTS, endFacts, type EndFacts } from '../../shared/occupancy/end-facts'
import { makeEvent } from './query/make-event'
import { ISS, RASSVET_NADIR, SOYUZ_MS_17, SOYUZ_MS_18 } from './query/port-reused'

const FWD = [4, 'Salyut-6 forward'] as const
const AFT = [5, 'Salyut-6 aft'] as const
const ports: Port[] = [
  { id: portId(5), name: 'Salyut-6 aft', stationId: stationId(14) },
  { id: portId(4), name: 'Salyut-6 forward', stationId: stationId(14) },
  { id: portId(6), name: 'Salyut-6 side', stationId: stationId(14) },
]
const events = [
  makeEvent({ id: 1, port: FWD, docking: '1978-01-11', departure: '1978-03-16' }),
  makeEvent({
    id: 2,
    port: AFT,
    vehicle: 'Progress 1',
    docking: '1978-01-22',
    departure: '1978-02-07',
  }),
  makeEvent({
    id: 3,
    port: AFT,
    vehicle: 'Soyuz 27',
    docking: '1978-03-01',
    departure: '1978-03-20',
  }),
]
const SALYUT_6 = [{ id: stationId(14), name: 'Salyut 6' }]
const at = (iso: string) => utcMillis(Date.parse(iso))
const view = (iso: string, shown: number[]) =>
  portsAt(events, new Set(shown), ports, SALYUT_6, at(iso), NO_END_FACTS).stations.map((s) =>
    s.ports.map((p) => [
      p.portName,
      p.state,
      p.docked.map((d) => `${d.event.id}${d.isHidden ? ' hidden' : ''}`),
    ]),
  )

describe('portsAt', () => {
  it('lists every port of the station, occupied or free', () => {
    expect(view('1978-01-25', [1, 2, 3])).toEqual([
      [
        ['Salyut-6 aft', 'occupied', ['2']],
        ['Salyut-6 forward', 'occupied', ['1']],
        // No docking on record at the side port: the records cannot call it free.
        ['Salyut-6 side', 'unrecorded', []],
      ],
    ])
    expect(view('1978-02-15', [1, 2, 3])[0]![0]).toEqual(['Salyut-6 aft', 'free', []])
  })

  it('lists what the filters hide, marked, and counts it', () => {
    const list = portsAt(events, new Set([1]), ports, SALYUT_6, at('1978-01-25'), NO_END_FACTS)
    expect(view('1978-01-25', [1])[0]![0]).toEqual(['Salyut-6 aft', 'occupied', ['2 hidden']])
    expect([list.dockedCount, list.hiddenCount]).toEqual([2, 1])
  })

  it('lists no station outside the span its records cover', () => {
    expect(view('1977-06-01', [1, 2, 3])).toEqual([])
    expect(view('1978-03-20', [1, 2, 3])).toEqual([])
  })

  it('ends a stay with no departure where its bar does: at the next docking at its port', () => {
    const both = [SOYUZ_MS_17, SOYUZ_MS_18]
    const iss = [{ id: stationId(ISS[0]), name: ISS[1] }]
    const rassvet: Port[] = [
      { id: portId(RASSVET_NADIR[0]), name: RASSVET_NADIR[1], stationId: stationId(ISS[0]) },
    ]
    const docked = (facts: EndFacts) =>
      portsAt(
        both,
        new Set([241, 280]),
        rassvet,
        iss,
        at('2021-06-15T12:00:00Z'),
        facts,
      ).stations[0]!.ports[0]!.docked.map((d) => d.event.vehicle)
    // On 2021-06-15 only MS-18 is at Rassvet nadir: MS-17 had left by its docking.
    expect(docked(endFacts(both, []))).toEqual(['Soyuz MS-18'])
    expect(docked(NO_END_FACTS)).toEqual(['Soyuz MS-17', 'Soyuz MS-18'])
  })
})

import { describe, expect, it } from 'vitest'

import {
  buildBars,
  countRowEvents,
  findOverlaps,
  indexBars,
  layoutRows,
  placeBars,
  shownBars,
} from '../../shared/chart/chart-model'
import type { Port, Station } from '../../shared/domain/model'
import { buildRows } from '../../shared/chart/timeline-rows'
import { portId, stationId, utcMillis } from '../../shared/domain/units'
import { dockingEvent } from './chart-fixtures'
import { NO_END_FACTS } from '../../shared/occupancy/end-facts'

const NOW = utcMillis(Date.parse('2025-01-01T00:00:00Z'))

describe('buildBars', () => {
  it('runs a still-docked bar to now and marks it open', () => {
    const [bar] = buildBars([dockingEvent(1, '2024-06-01T00:00:00Z', null)], NOW, {
      endFacts: NO_END_FACTS,
    })
    expect(bar?.endState).toBe('docked')
    expect(bar?.end).toBe(NOW)
  })

  it('never ends an open bar before its own docking', () => {
    const [bar] = buildBars([dockingEvent(1, '2026-06-01T00:00:00Z', null)], NOW, {
      endFacts: NO_END_FACTS,
    })
    expect(bar?.end).toBe(bar?.start)
  })

  it('leaves out events with no port or no station', () => {
    const bars = buildBars(
      [dockingEvent(1, '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', { port: null })],
      NOW,
      { endFacts: NO_END_FACTS },
    )
    expect(bars).toEqual([])
  })

  it('flags both bars of an overlap and no others', () => {
    const bars = buildBars(
      [
        dockingEvent(1, '2024-01-01T00:00:00Z', '2024-01-20T00:00:00Z'),
        dockingEvent(2, '2024-01-10T00:00:00Z', '2024-02-01T00:00:00Z'),
        dockingEvent(3, '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z'),
        dockingEvent(4, '2024-01-05T00:00:00Z', '2024-01-25T00:00:00Z', { port: 2 }),
      ],
      NOW,
      { endFacts: NO_END_FACTS },
    )
    expect(bars.filter((b) => b.hasOverlap).map((b) => b.eventId)).toEqual([1, 2])
  })
})

describe('shownBars', () => {
  const events = [
    dockingEvent(1, '2024-01-01T00:00:00Z', '2024-01-20T00:00:00Z'),
    dockingEvent(2, '2024-01-10T00:00:00Z', '2024-02-01T00:00:00Z'),
    dockingEvent(3, '2024-01-15T00:00:00Z', '2024-01-18T00:00:00Z'),
    dockingEvent(4, '2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z'),
    dockingEvent(5, '2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z', { port: null }),
  ]
  const index = indexBars(events, NOW, { endFacts: NO_END_FACTS })
  const flagged = (bars: ReadonlyArray<{ eventId: number; hasOverlap: boolean }>) =>
    bars.filter((b) => b.hasOverlap).map((b) => b.eventId)

  it("picks the filtered events' bars, in their order, from bars built once for all", () => {
    const shown = shownBars(index, [events[3]!, events[0]!, events[4]!])
    expect(shown.bars.map((b) => b.eventId)).toEqual([4, 1])
    // Bar 1 overlaps 2 and 3, both filtered out: nothing is hatched.
    expect(flagged(shown.bars)).toEqual([])
    expect(shown.overlaps).toEqual([])
  })

  it('keeps only overlaps whose two bars are both shown', () => {
    const shown = shownBars(index, [events[0]!, events[2]!, events[3]!])
    expect(shown.overlaps.map((o) => o.eventIds)).toEqual([[1, 3]])
    expect(flagged(shown.bars)).toEqual([1, 3])
    const all = shownBars(index, events)
    expect(all.overlaps.map((o) => o.eventIds)).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ])
    expect(flagged(all.bars)).toEqual([1, 2, 3])
  })
})

describe('findOverlaps', () => {
  it('gives the overlapping span and both events, earlier docking first', () => {
    const bars = buildBars(
      [
        dockingEvent(2, '2024-01-10T00:00:00Z', '2024-02-01T00:00:00Z'),
        dockingEvent(1, '2024-01-01T00:00:00Z', '2024-01-20T00:00:00Z'),
      ],
      NOW,
      { endFacts: NO_END_FACTS },
    )
    expect(findOverlaps(bars)).toEqual([
      {
        portId: 1,
        stationId: 10,
        start: Date.parse('2024-01-10T00:00:00Z'),
        end: Date.parse('2024-01-20T00:00:00Z'),
        eventIds: [1, 2],
        labels: ['Soyuz 1', 'Soyuz 2'],
      },
    ])
  })

  it('does not count a departure and an arrival at the same instant as an overlap', () => {
    const bars = buildBars(
      [
        dockingEvent(1, '2024-01-01T00:00:00Z', '2024-01-20T00:00:00Z'),
        dockingEvent(2, '2024-01-20T00:00:00Z', '2024-02-01T00:00:00Z'),
      ],
      NOW,
      { endFacts: NO_END_FACTS },
    )
    expect(findOverlaps(bars)).toEqual([])
  })

  it('finds every pair when three bars stack on one port', () => {
    const bars = buildBars(
      [
        dockingEvent(1, '2024-01-01T00:00:00Z', '2024-03-01T00:00:00Z'),
        dockingEvent(2, '2024-01-10T00:00:00Z', '2024-02-01T00:00:00Z'),
        dockingEvent(3, '2024-01-15T00:00:00Z', null),
      ],
      NOW,
      { endFacts: NO_END_FACTS },
    )
    expect(findOverlaps(bars).map((o) => o.eventIds)).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ])
  })
})

describe('rows', () => {
  const stations: Station[] = [
    {
      id: stationId(10),
      name: 'Station A',
      status: null,
      founded: null,
      deorbited: null,
      portIds: [],
      activeDockingEventIds: null,
      listedWithin: null,
    },
    {
      id: stationId(20),
      name: 'Station B',
      status: null,
      founded: null,
      deorbited: null,
      portIds: [],
      activeDockingEventIds: null,
      listedWithin: null,
    },
  ]
  const ports: Port[] = [
    { id: portId(1), name: 'Port 1', stationId: stationId(10) },
    { id: portId(2), name: 'Port 2', stationId: stationId(10) },
    { id: portId(3), name: 'Port 3', stationId: stationId(20) },
  ]
  const events = [
    dockingEvent(1, '2000-01-01T00:00:00Z', '2000-02-01T00:00:00Z'),
    dockingEvent(2, '2001-01-01T00:00:00Z', '2001-02-01T00:00:00Z', { station: 20, port: 3 }),
  ]
  const rows = buildRows(stations, ports, events)
  const labels = (r: ReadonlyArray<{ label: string }>) => r.map((x) => x.label)

  it('lists each station then its ports', () => {
    const out = layoutRows(rows, { collapsedStations: new Set(), hideEmptyPorts: false })
    expect(labels(out)).toEqual(['Station A', 'Port 1', 'Port 2', 'Station B', 'Port 3'])
  })

  it('folds a collapsed station and puts its bars in its own row', () => {
    const out = layoutRows(rows, { collapsedStations: new Set([10]), hideEmptyPorts: false })
    expect(labels(out)).toEqual(['Station A', 'Station B', 'Port 3'])
    expect(out[0]).toMatchObject({ collapsed: true, shownPorts: 0, totalPorts: 2, eventCount: 1 })
    const placed = placeBars(buildBars(events, NOW, { endFacts: NO_END_FACTS }), out)
    expect(placed.map((p) => [p.bar.eventId, p.rowId, p.isSummary])).toEqual([
      [1, 's10', true],
      [2, 'p3', false],
    ])
  })

  it('hides empty ports, and stations left with no events, counting only the filtered events', () => {
    const filtered = countRowEvents(rows, [events[1]!])
    const out = layoutRows(filtered, { collapsedStations: new Set(), hideEmptyPorts: true })
    expect(labels(out)).toEqual(['Station B', 'Port 3'])
    // The order of the full data is kept.
    expect(filtered.map((r) => r.station.name)).toEqual(['Station A', 'Station B'])
  })
})

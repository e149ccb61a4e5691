import { describe, expect, it } from 'vitest'

import { layoutRows } from '../../../shared/chart/chart-model'
import {
  lastActivity,
  orderStations,
  rowsWithDockingsIn,
} from '../../../shared/chart/station-order'
import { buildRows } from '../../../shared/chart/timeline-rows'
import type { Station } from '../../../shared/domain/model'
import { dockingAt } from '../query/make-event'
import { makePort as port, makeStation as station } from '../query/make-place'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const NOW = Date.parse('2026-01-01T00:00:00Z')

// Skylab first to dock and long gone; Zarya (a name late in the alphabet)
// busy until now; Mir in between; Empty has a port but never a docking.
const stations = [station(1, 'Skylab'), station(2, 'Mir'), station(3, 'Zarya'), station(4, 'Empty')]
const ports = [
  port(11, 'Skylab axial', 1),
  port(21, 'Mir forward', 2),
  port(22, 'Mir aft', 2),
  port(31, 'Zarya nadir', 3),
  port(41, 'Empty port', 4),
]
const SKYLAB_AXIAL = { station: [1, 'Skylab'], port: [11, 'Skylab axial'] } as const
const MIR_FORWARD = { station: [2, 'Mir'], port: [21, 'Mir forward'] } as const
const ZARYA_NADIR = { station: [3, 'Zarya'], port: [31, 'Zarya nadir'] } as const
const events = [
  dockingAt(SKYLAB_AXIAL, 1, undefined, '1973-05-26T00:00:00Z', '1973-06-22T00:00:00Z'),
  dockingAt(MIR_FORWARD, 2, undefined, '1986-03-15T00:00:00Z', '1999-08-27T00:00:00Z'),
  dockingAt(ZARYA_NADIR, 3, undefined, '1998-12-01T00:00:00Z', '2000-01-01T00:00:00Z'),
  // Still docked: Zarya is active now.
  dockingAt(ZARYA_NADIR, 4, undefined, '2025-06-01T00:00:00Z'),
]
const built = buildRows(stations, ports, events)
const names = (rows: ReadonlyArray<{ station: Station }>) => rows.map((r) => r.station.name)

describe('orderStations', () => {
  it('puts the station active most recently on top, a still-docked vehicle counting as now', () => {
    expect(names(orderStations(built, events, 'recent', NOW, NO_END_FACTS))).toEqual([
      'Zarya',
      'Mir',
      'Skylab',
      'Empty',
    ])
  })

  it('orders by name, and by first docking, stations without dockings last', () => {
    expect(names(orderStations(built, events, 'name', NOW, NO_END_FACTS))).toEqual([
      'Empty',
      'Mir',
      'Skylab',
      'Zarya',
    ])
    expect(names(orderStations(built, events, 'first', NOW, NO_END_FACTS))).toEqual([
      'Skylab',
      'Mir',
      'Zarya',
      'Empty',
    ])
  })

  it('renumbers rows top to bottom with each station’s ports under it', () => {
    const rows = orderStations(built, events, 'recent', NOW, NO_END_FACTS)
    const orders = rows.flatMap((r) => [r.order, ...r.ports.map((p) => p.order)])
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(new Set(orders).size).toBe(orders.length)
    expect(rows.find((r) => r.station.name === 'Mir')!.ports.map((p) => p.port.name)).toEqual([
      'Mir aft',
      'Mir forward',
    ])
  })

  it('reads activity from departures, and from now while docked', () => {
    const last = lastActivity(events, NOW, NO_END_FACTS)
    expect(last.get(2)).toBe(Date.parse('1999-08-27T00:00:00Z'))
    expect(last.get(3)).toBe(NOW)
    expect(last.has(4)).toBe(false)
  })
})

describe('rowsWithDockingsIn', () => {
  const laid = layoutRows(orderStations(built, events, 'first', NOW, NO_END_FACTS), {
    collapsedStations: new Set(),
    hideEmptyPorts: false,
  })
  const labels = (rows: ReadonlyArray<{ label: string }>) => rows.map((r) => r.label)

  it('keeps only rows with a docking overlapping the window', () => {
    const w = { start: Date.parse('1990-01-01T00:00:00Z'), end: Date.parse('1999-01-01T00:00:00Z') }
    expect(labels(rowsWithDockingsIn(laid, events, w, NOW, NO_END_FACTS))).toEqual([
      'Mir',
      'Mir forward',
      'Zarya',
      'Zarya nadir',
    ])
  })

  it('counts a still-docked vehicle as in view up to now, and a window after it as empty', () => {
    const w = { start: Date.parse('2025-12-01T00:00:00Z'), end: Date.parse('2025-12-31T00:00:00Z') }
    expect(labels(rowsWithDockingsIn(laid, events, w, NOW, NO_END_FACTS))).toEqual([
      'Zarya',
      'Zarya nadir',
    ])
    const after = { start: NOW + 1, end: NOW + 86_400_000 }
    expect(rowsWithDockingsIn(laid, events, after, NOW, NO_END_FACTS)).toEqual([])
  })

  it('keeps a folded station while any of its dockings is in view', () => {
    const folded = layoutRows(orderStations(built, events, 'first', NOW, NO_END_FACTS), {
      collapsedStations: new Set([2]),
      hideEmptyPorts: false,
    })
    const w = { start: Date.parse('1987-01-01T00:00:00Z'), end: Date.parse('1988-01-01T00:00:00Z') }
    expect(labels(rowsWithDockingsIn(folded, events, w, NOW, NO_END_FACTS))).toEqual(['Mir'])
  })
})

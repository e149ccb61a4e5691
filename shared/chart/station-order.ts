/**
 * The order of station rows, as the user chooses it, and which rows have
 * anything to show in a time window.
 *
 * With synced data the chart holds stations from Skylab to Tiangong: the
 * default puts the ones active most recently on top, so a station gone
 * quiet decades ago does not push the ISS below the fold (issue #15).
 */
import type { DockingEvent } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import { effectiveEndTime } from '../occupancy/effective-end'
import type { EndFacts } from '../occupancy/end-facts'
import type { StationOrder } from '../prefs/prefs'
import type { ChartRow } from './chart-model'
import type { StationRow } from './timeline-rows'

/** The menu's words for each order. */
export const STATION_ORDER_LABELS: Readonly<Record<StationOrder, string>> = {
  recent: 'Most recent activity',
  name: 'Name',
  first: 'First activity',
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/**
 * Latest instant each station had a vehicle docked: where its last bar ends
 * (`facts`), `now` while one is still docked.
 */
export function lastActivity(
  events: ReadonlyArray<DockingEvent>,
  now: number,
  facts: EndFacts,
): ReadonlyMap<number, number> {
  const last = new Map<number, number>()
  for (const e of events) {
    if (e.stationId === null) continue
    const end = effectiveEndTime(e, facts, now as UtcMillis)
    const prev = last.get(e.stationId)
    if (prev === undefined || end > prev) last.set(e.stationId, end)
  }
  return last
}

/**
 * Station rows in `order`, ports kept under their station in their own
 * order, and every row's `order` number renumbered top to bottom (the
 * chart's group order). Stations without dockings go last in any order;
 * ties fall back to the name, then the id, so the order is stable.
 */
export function orderStations(
  rows: ReadonlyArray<StationRow>,
  events: ReadonlyArray<DockingEvent>,
  order: StationOrder,
  now: number,
  facts: EndFacts,
): ReadonlyArray<StationRow> {
  const activity = order === 'recent' ? lastActivity(events, now, facts) : null
  // Larger keys first for 'recent', smaller first for 'first'; null: no dockings.
  const key = (r: StationRow): number | null =>
    order === 'recent'
      ? (activity!.get(r.station.id) ?? null)
      : order === 'first'
        ? r.firstDocking
        : 0
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka !== kb) {
      if (ka === null) return 1
      if (kb === null) return -1
      return order === 'recent' ? kb - ka : ka - kb
    }
    return byName.compare(a.station.name, b.station.name) || a.station.id - b.station.id
  })
  let n = 0
  return sorted.map((r) => {
    const stationOrder = n++
    return { ...r, order: stationOrder, ports: r.ports.map((p) => ({ ...p, order: n++ })) }
  })
}

/**
 * The rows with at least one docking overlapping [start, end): port rows
 * with none go, and so do stations left with nothing in the window (a
 * folded station stays while any of its dockings is in view).
 */
export function rowsWithDockingsIn(
  rows: ReadonlyArray<ChartRow>,
  events: ReadonlyArray<DockingEvent>,
  window: { readonly start: number; readonly end: number },
  now: number,
  facts: EndFacts,
): ReadonlyArray<ChartRow> {
  const ports = new Set<number>()
  const stations = new Set<number>()
  for (const e of events) {
    const end = effectiveEndTime(e, facts, now as UtcMillis)
    if (e.docking >= window.end || end <= window.start) continue
    if (e.portId !== null) ports.add(e.portId)
    if (e.stationId !== null) stations.add(e.stationId)
  }
  return rows.filter((r) => (r.kind === 'port' ? ports.has(r.portId) : stations.has(r.stationId)))
}

/**
 * The chart's rows: stations, each with its ports, in a stable order.
 *
 * vis-timeline orders groups unpredictably without an explicit numeric order
 * (visjs/vis-timeline #101, vis#1241), so every row carries one.
 */
import type { DockingEvent, Port, Station } from '../domain/model'
import type { PortId, StationId, UtcMillis } from '../domain/units'
import { effectiveEndTime } from '../occupancy/effective-end'
import type { EndFacts } from '../occupancy/end-facts'

/** A port row under its station. */
export interface PortRow {
  readonly port: Port
  /** Position among all rows (stations and ports), for vis-timeline's groupOrder. */
  readonly order: number
  readonly eventCount: number
}

/** A station row and its port rows. */
export interface StationRow {
  readonly station: Station
  readonly order: number
  /** Earliest docking at the station; null when it has none. */
  readonly firstDocking: UtcMillis | null
  readonly ports: ReadonlyArray<PortRow>
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/**
 * Builds station and port rows from the data.
 *
 * Stations sort by first docking (stations with none last, then by name);
 * ports sort by name, numbers compared as numbers ("Port 2" before "Port 10").
 * Ports named only by events still get a row; stations with no ports and no
 * events are left out.
 */
export function buildRows(
  stations: ReadonlyArray<Station>,
  ports: ReadonlyArray<Port>,
  events: ReadonlyArray<DockingEvent>,
): ReadonlyArray<StationRow> {
  const firstDocking = new Map<StationId, number>()
  const eventsPerPort = new Map<PortId, number>()
  for (const e of events) {
    if (e.stationId === null) continue
    const prev = firstDocking.get(e.stationId)
    if (prev === undefined || e.docking < prev) firstDocking.set(e.stationId, e.docking)
    if (e.portId !== null) eventsPerPort.set(e.portId, (eventsPerPort.get(e.portId) ?? 0) + 1)
  }
  const portsByStation = new Map<StationId, Port[]>()
  for (const p of ports) {
    const list = portsByStation.get(p.stationId) ?? []
    list.push(p)
    portsByStation.set(p.stationId, list)
  }
  const ordered = [...stations]
    .filter((s) => (portsByStation.get(s.id)?.length ?? 0) > 0 || firstDocking.has(s.id))
    .sort((a, b) => {
      const fa = firstDocking.get(a.id) ?? Number.POSITIVE_INFINITY
      const fb = firstDocking.get(b.id) ?? Number.POSITIVE_INFINITY
      return fa !== fb ? (fa < fb ? -1 : 1) : byName.compare(a.name, b.name) || a.id - b.id
    })
  let order = 0
  return ordered.map((station) => {
    const stationOrder = order++
    const portRows = [...(portsByStation.get(station.id) ?? [])]
      .sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id)
      .map((port) => ({ port, order: order++, eventCount: eventsPerPort.get(port.id) ?? 0 }))
    const first = firstDocking.get(station.id)
    return {
      station,
      order: stationOrder,
      firstDocking: first === undefined ? null : (first as UtcMillis),
      ports: portRows,
    }
  })
}

/**
 * The span covering every event, each to where its bar ends (`facts`: open
 * ones still docked run to `now`); null when there are none.
 */
export function dataExtent(
  events: ReadonlyArray<DockingEvent>,
  now: UtcMillis,
  facts: EndFacts,
): { readonly start: UtcMillis; readonly end: UtcMillis } | null {
  if (events.length === 0) return null
  let start = Number.POSITIVE_INFINITY
  let end = Number.NEGATIVE_INFINITY
  for (const e of events) {
    start = Math.min(start, e.docking)
    end = Math.max(end, effectiveEndTime(e, facts, now))
  }
  return { start: start as UtcMillis, end: end as UtcMillis }
}

/**
 * The chart's view model: which rows to show, what bars to draw in them, and
 * which bars collide.
 *
 * Both the on-screen timeline and the SVG export draw from this, so an
 * exported figure shows what the screen shows.
 */
import { groupBy } from './group-by'
import type { DockingEvent, VehicleFamily, VehicleRole } from '../domain/model'
import type { StationRow } from './timeline-rows'
import type { EventId, PortId, StationId, UtcMillis } from '../domain/units'

/** One bar: a docking event at its port, from docking to departure (or now). */
export interface Bar {
  readonly eventId: EventId
  readonly stationId: StationId
  readonly portId: PortId
  readonly label: string
  readonly start: UtcMillis
  /** Departure, or `now` for a vehicle still docked. */
  readonly end: UtcMillis
  /** True when the vehicle has not departed: the bar's end is "now", not a departure. */
  readonly isOpen: boolean
  readonly family: VehicleFamily
  readonly role: VehicleRole
  /** True when another bar on the same port overlaps this one (a data error). */
  readonly hasOverlap: boolean
}

/** Two events on one port whose intervals overlap. */
export interface Overlap {
  readonly portId: PortId
  readonly stationId: StationId
  /** The overlapping span: the later docking to the earlier end. */
  readonly start: UtcMillis
  readonly end: UtcMillis
  /** The earlier-docking event first. */
  readonly eventIds: readonly [EventId, EventId]
  readonly labels: readonly [string, string]
}

/**
 * Finds every pair of bars on one port that overlap in time.
 *
 * Touching intervals (one leaves at the instant the next arrives) do not
 * overlap, matching `isDockedAt`. Sweeps each port's bars by start time, so
 * it stays fast for tens of thousands of bars with few overlaps.
 */
export function findOverlaps(bars: ReadonlyArray<Bar>): ReadonlyArray<Overlap> {
  const out: Overlap[] = []
  for (const list of groupBy(bars, (b) => b.portId).values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || a.eventId - b.eventId)
    // Bars still open at the current sweep position.
    let active: Bar[] = []
    for (const b of list) {
      active = active.filter((a) => a.end > b.start)
      for (const a of active) {
        out.push({
          portId: b.portId,
          stationId: b.stationId,
          start: b.start,
          end: (a.end < b.end ? a.end : b.end) as UtcMillis,
          eventIds: [a.eventId, b.eventId],
          labels: [a.label, b.label],
        })
      }
      active.push(b)
    }
  }
  return out.sort((a, b) => a.start - b.start || a.portId - b.portId)
}

/**
 * Bars for every event that sits at a known port of a known station.
 *
 * A still-docked bar runs to `now` (never before its own docking). Each bar
 * says whether another bar on its port overlaps it.
 */
export function buildBars(events: ReadonlyArray<DockingEvent>, now: UtcMillis): ReadonlyArray<Bar> {
  const bars: Bar[] = []
  for (const e of events) {
    if (e.portId === null || e.stationId === null) continue
    const isOpen = e.departure === null
    bars.push({
      eventId: e.id,
      stationId: e.stationId,
      portId: e.portId,
      label: e.vehicle,
      start: e.docking,
      end: isOpen ? (Math.max(now, e.docking) as UtcMillis) : (e.departure as UtcMillis),
      isOpen,
      family: e.family,
      role: e.role,
      hasOverlap: false,
    })
  }
  const overlapping = new Set<EventId>()
  for (const o of findOverlaps(bars)) {
    overlapping.add(o.eventIds[0])
    overlapping.add(o.eventIds[1])
  }
  return overlapping.size === 0
    ? bars
    : bars.map((b) => (overlapping.has(b.eventId) ? { ...b, hasOverlap: true } : b))
}

/** Id of a station's row, shared by the screen and the export. */
export const stationRowId = (id: StationId | number): string => `s${id}`
/** Id of a port's row. */
export const portRowId = (id: PortId | number): string => `p${id}`

/** A station row as drawn: expanded or collapsed. */
export interface StationChartRow {
  readonly kind: 'station'
  readonly id: string
  readonly stationId: StationId
  readonly label: string
  readonly order: number
  readonly collapsed: boolean
  /** Port rows shown under the station (0 when collapsed). */
  readonly shownPorts: number
  /** Every port of the station in the data, shown or not. */
  readonly totalPorts: number
  readonly eventCount: number
}

/** A port row as drawn. */
export interface PortChartRow {
  readonly kind: 'port'
  readonly id: string
  readonly portId: PortId
  readonly stationId: StationId
  readonly label: string
  readonly order: number
  readonly eventCount: number
}

/** One drawn row, top to bottom. */
export type ChartRow = StationChartRow | PortChartRow

/** What the user chose about rows. */
export interface RowOptions {
  /** Stations whose ports are folded into the station row. */
  readonly collapsedStations: ReadonlySet<number>
  /** Leave out ports with no events (in the current data or filter). */
  readonly hideEmptyPorts: boolean
}

/**
 * The rows to draw, top to bottom: each station, then its ports unless the
 * station is collapsed.
 *
 * With `hideEmptyPorts`, ports without events disappear and so do stations
 * left with no events at all. Collapsing is ours, not vis-timeline's nested
 * groups, which cannot be collapsed reliably from code (vis-timeline #1993,
 * #1915).
 */
export function layoutRows(
  rows: ReadonlyArray<StationRow>,
  options: RowOptions,
): ReadonlyArray<ChartRow> {
  const out: ChartRow[] = []
  for (const row of rows) {
    const eventCount = row.ports.reduce((n, p) => n + p.eventCount, 0)
    const ports = options.hideEmptyPorts ? row.ports.filter((p) => p.eventCount > 0) : row.ports
    if (options.hideEmptyPorts && eventCount === 0) continue
    const collapsed = options.collapsedStations.has(row.station.id)
    out.push({
      kind: 'station',
      id: stationRowId(row.station.id),
      stationId: row.station.id,
      label: row.station.name,
      order: row.order,
      collapsed,
      shownPorts: collapsed ? 0 : ports.length,
      totalPorts: row.ports.length,
      eventCount,
    })
    if (collapsed) continue
    for (const p of ports) {
      out.push({
        kind: 'port',
        id: portRowId(p.port.id),
        portId: p.port.id,
        stationId: row.station.id,
        label: p.port.name,
        order: p.order,
        eventCount: p.eventCount,
      })
    }
  }
  return out
}

/** A bar and the row it is drawn in. */
export interface PlacedBar {
  readonly bar: Bar
  readonly rowId: string
  /** True when drawn in its collapsed station's row rather than its port's. */
  readonly isSummary: boolean
}

/**
 * Puts each bar in its row: its port's row, or its station's row when the
 * station is collapsed. Bars whose row is not drawn are left out.
 */
export function placeBars(
  bars: ReadonlyArray<Bar>,
  rows: ReadonlyArray<ChartRow>,
): ReadonlyArray<PlacedBar> {
  const ports = new Set<string>()
  const collapsed = new Set<number>()
  for (const r of rows) {
    if (r.kind === 'port') ports.add(r.id)
    else if (r.collapsed) collapsed.add(r.stationId)
  }
  const out: PlacedBar[] = []
  for (const bar of bars) {
    const portRow = portRowId(bar.portId)
    if (ports.has(portRow)) out.push({ bar, rowId: portRow, isSummary: false })
    else if (collapsed.has(bar.stationId))
      out.push({ bar, rowId: stationRowId(bar.stationId), isSummary: true })
  }
  return out
}

/**
 * The same rows with each port's event count taken from `events`.
 *
 * Rows keep the order of the full data while a filter narrows the events, so
 * stations do not jump around as the user filters; only the counts (and so
 * what "empty port" means) follow the filter.
 */
export function countRowEvents(
  rows: ReadonlyArray<StationRow>,
  events: ReadonlyArray<DockingEvent>,
): ReadonlyArray<StationRow> {
  const perPort = new Map<number, number>()
  for (const e of events) {
    if (e.portId !== null && e.stationId !== null)
      perPort.set(e.portId, (perPort.get(e.portId) ?? 0) + 1)
  }
  return rows.map((row) => ({
    ...row,
    ports: row.ports.map((p) => ({ ...p, eventCount: perPort.get(p.port.id) ?? 0 })),
  }))
}

/**
 * The chart's view model: which rows to show, what bars to draw in them, and
 * which bars collide.
 *
 * Both the on-screen timeline and the SVG export draw from this, so an
 * exported figure shows what the screen shows.
 */
import {
  effectiveEnd,
  type EndState,
  type UnknownEndCause,
  unknownEndCause,
} from '../occupancy/effective-end'
import type { EndFacts } from '../occupancy/end-facts'
import { overlappingPairs } from '../occupancy/overlap-sweep'
import type { VisitIndex } from '../visits/visits'
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
  /** Where the stay ends: its departure, `now` while still docked, or the latest an unknown departure can be. */
  readonly end: UtcMillis
  /**
   * How the bar's end is known: `docked` (still docked, the end is "now"),
   * `departed`, or `unknown` (it ends by the station's deorbit, the port's
   * next docking or a record no longer listing it: `effectiveEnd`).
   */
  readonly endState: EndState
  /** Why the end is unknown (and so where the bar ends); null unless `endState` is `unknown`. */
  readonly unknownEnd: UnknownEndCause | null
  readonly family: VehicleFamily
  readonly role: VehicleRole
  /** True when another bar on the same port overlaps this one (a data error). */
  readonly hasOverlap: boolean
  /** True when a data check flags the event (`shared/quality/data-checks.ts`). */
  readonly isFlagged: boolean
  /** The next leg of the event's visit (a relocation), joined to this bar by a connector. */
  readonly nextLeg: EventId | null
}

/** What bars read besides the events: their end facts, flagged events and visits. */
export interface BarFacts {
  /** Where stays with no departure end, of all the data (`endFacts`). */
  readonly endFacts: EndFacts
  /** Ids of events a data check flags. */
  readonly flagged?: ReadonlySet<number>
  readonly visits?: VisitIndex
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
 * overlap, matching `isDockedAt`.
 */
export function findOverlaps(bars: ReadonlyArray<Bar>): ReadonlyArray<Overlap> {
  const pairs = overlappingPairs(bars, {
    group: (b) => b.portId,
    start: (b) => b.start,
    end: (b) => b.end,
    id: (b) => b.eventId,
  })
  return pairs
    .map(([a, b]): Overlap => ({
      portId: b.portId,
      stationId: b.stationId,
      start: b.start,
      end: (a.end < b.end ? a.end : b.end) as UtcMillis,
      eventIds: [a.eventId, b.eventId],
      labels: [a.label, b.label],
    }))
    .sort((a, b) => a.start - b.start || a.portId - b.portId)
}

/**
 * Bars for every event that sits at a known port of a known station.
 *
 * Each bar ends where `effectiveEnd` says: its departure, `now` for a
 * vehicle still docked, or its station's deorbit or its port's next docking
 * when the departure is unknown (pass the data's `endFacts`). Each bar says whether another bar on
 * its port overlaps it, whether a data check flags it and which leg of its
 * visit comes next.
 */
export function buildBars(
  events: ReadonlyArray<DockingEvent>,
  now: UtcMillis,
  facts: BarFacts,
): ReadonlyArray<Bar> {
  return shownBars(indexBars(events, now, facts), events).bars
}

/** Every event's bar (none marked as overlapping yet) and the overlaps among them all. */
export interface BarIndex {
  readonly bars: ReadonlyMap<number, Bar>
  readonly overlaps: ReadonlyArray<Overlap>
}

/**
 * Bars of all the data, built once: a filter then only picks from them
 * (`shownBars`), since a bar and an overlap between two bars depend on those
 * bars alone, not on which others are shown.
 */
export function indexBars(
  events: ReadonlyArray<DockingEvent>,
  now: UtcMillis,
  facts: BarFacts,
): BarIndex {
  const bars = new Map<number, Bar>()
  const endFacts = facts.endFacts
  for (const e of events) {
    if (e.portId === null || e.stationId === null) continue
    const effective = effectiveEnd(e, endFacts, now)
    const { end, state } = effective
    bars.set(e.id, {
      eventId: e.id,
      stationId: e.stationId,
      portId: e.portId,
      label: e.vehicle,
      start: e.docking,
      end,
      endState: state,
      unknownEnd: unknownEndCause(effective),
      family: e.family,
      role: e.role,
      hasOverlap: false,
      isFlagged: facts.flagged?.has(e.id) ?? false,
      nextLeg: nextLegOf(e.id, facts.visits),
    })
  }
  return { bars, overlaps: findOverlaps([...bars.values()]) }
}

/**
 * The bars of `events` (in their order), each marked when it overlaps another
 * shown bar, and the overlaps between shown bars: an overlap with a bar the
 * filters hide is not drawn.
 */
export function shownBars(
  index: BarIndex,
  events: ReadonlyArray<DockingEvent>,
): { readonly bars: ReadonlyArray<Bar>; readonly overlaps: ReadonlyArray<Overlap> } {
  const shown = index.overlaps.length === 0 ? null : new Set<number>(events.map((e) => e.id))
  const overlaps = shown
    ? index.overlaps.filter((o) => shown.has(o.eventIds[0]) && shown.has(o.eventIds[1]))
    : index.overlaps
  const overlapping = new Set<number>(overlaps.flatMap((o) => o.eventIds))
  const bars: Bar[] = []
  for (const e of events) {
    const b = index.bars.get(e.id)
    if (b) bars.push(overlapping.has(b.eventId) ? { ...b, hasOverlap: true } : b)
  }
  return { bars, overlaps }
}

function nextLegOf(id: EventId, visits: VisitIndex | undefined): EventId | null {
  const legs = visits?.visitOf.get(id)?.legs
  if (!legs || legs.length < 2) return null
  return legs[legs.indexOf(id) + 1] ?? null
}

/** Id of a station's row, shared by the screen and the export. */
export const stationRowId = (id: StationId | number): string => `s${id}`
/** Id of a port's row. */
export const portRowId = (id: PortId | number): string => `p${id}`

/** Is this row id a station's row (a header, or a folded station)? */
export const isStationRowId = (id: string): boolean => id.startsWith('s')

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
  // Row ids by port and by collapsed station, looked up by number: a keystroke
  // places every shown bar again, and spelling each bar's row id was most of it.
  const ports = new Map<number, string>()
  const collapsed = new Map<number, string>()
  for (const r of rows) {
    if (r.kind === 'port') ports.set(r.portId, r.id)
    else if (r.collapsed) collapsed.set(r.stationId, r.id)
  }
  const out: PlacedBar[] = []
  for (const bar of bars) {
    const portRow = ports.get(bar.portId)
    if (portRow !== undefined) out.push({ bar, rowId: portRow, isSummary: false })
    else {
      const stationRow = collapsed.get(bar.stationId)
      if (stationRow !== undefined) out.push({ bar, rowId: stationRow, isSummary: true })
    }
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

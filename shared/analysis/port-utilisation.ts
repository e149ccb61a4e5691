/**
 * Port utilisation: how much of the time a port existed something was docked
 * at it, per port and per year; and each port's total time docked.
 */
import type { DockingEvent } from '../domain/model'
import type { DurationMs, PortId, StationId, UtcMillis } from '../domain/units'
import type { EndRule } from './effective-end'
import { unionOfColumns, yearOf, yearStart, type Span, type SpanColumns } from './interval'
import { effectiveEnds, remembered } from './prepared'
import { groupIndices } from '../columns/groups'
import { scratchFloat64 } from '../columns/scratch'

/**
 * What a port's life was measured from: `events` = its first docking to its
 * last event's end; `module` = the docking of the module that carries it to
 * that module's departure or the station's deorbit; `station` = a port on the
 * station's own hull, from its founding to its deorbit (`port-lives.ts`).
 */
export type PortLifeBasis = 'events' | 'module' | 'station'

/** When a port existed, and on what basis that was decided. */
export interface PortLife extends Span {
  readonly portId: PortId
  readonly basis: PortLifeBasis
}

/** A port's identity as the measures report it. */
export interface PortRef {
  readonly stationId: StationId
  readonly stationName: string | null
  readonly portId: PortId
  readonly portName: string | null
}

/** One port in one calendar year (UTC). */
export interface PortYearUtilisation extends PortRef {
  readonly year: number
  /** Time something was docked there in the year (overlaps counted once). */
  readonly occupiedMs: DurationMs
  /** Time the port existed in the year. */
  readonly existedMs: DurationMs
  /** occupied ÷ existed, 0..1. */
  readonly share: number
  readonly basis: PortLifeBasis
}

/** One port over the whole range of the events given. */
export interface PortTotal extends PortRef {
  readonly occupiedMs: DurationMs
  readonly existedMs: DurationMs
  readonly share: number
  readonly dockings: number
  readonly basis: PortLifeBasis
}

/** Options for the port measures. */
export interface PortOptions {
  readonly endOf: EndRule
  /** Lives known by module; ports not in it live from first to last event. */
  readonly lives?: ReadonlyMap<PortId, PortLife>
}

/** A port's dockings, summed up for the measures. */
interface PortSpans {
  readonly ref: PortRef
  readonly dockings: number
  /** The earliest docking and the latest end (or docking, for one that ends before it docks). */
  readonly first: UtcMillis
  readonly last: UtcMillis
  /** When the port was occupied: the union of its dockings' spans. */
  readonly occupied: SpanColumns
}

/** Each port's spans and their union, worked out once per events array and end rule. */
function portSpans(events: ReadonlyArray<DockingEvent>, endOf: EndRule): ReadonlyArray<PortSpans> {
  return remembered(events, 'port spans', endOf, () => groupByPort(events, endOf))
}

// Spans are gathered into typed columns grouped by port (a counting sort):
// an object per docking, kept for as long as the query, was most of this
// measure's garbage.
function groupByPort(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyArray<PortSpans> {
  const ends = effectiveEnds(events, endOf)
  // Working columns, reused: `summedUp` keeps only the union, a copy.
  const byPort = groupIndices(
    events.length,
    (i) => (events[i]!.stationId === null ? null : events[i]!.portId),
    'ports',
  )
  const { order, starts: offset } = byPort
  const starts = scratchFloat64('ports: starts', order.length)
  const stops = scratchFloat64('ports: stops', order.length)
  for (let k = 0; k < order.length; k++) {
    starts[k] = events[order[k]!]!.docking
    stops[k] = ends[order[k]!]!
  }
  // A port's first docking in the order given is the first of its group.
  return byPort.keys.map((_, p) =>
    summedUp(
      events[order[offset[p]!]!]!,
      starts.subarray(offset[p]!, offset[p + 1]!),
      stops.subarray(offset[p]!, offset[p + 1]!),
    ),
  )
}

/** One port's dockings, given as columns, summed up; `head` is its first docking in the order given. */
function summedUp(head: DockingEvent, start: Float64Array, end: Float64Array): PortSpans {
  let first = Infinity
  let last = -Infinity
  for (let i = 0; i < start.length; i++) {
    if (start[i]! < first) first = start[i]!
    const reach = Math.max(start[i]!, end[i]!)
    if (reach > last) last = reach
  }
  return {
    ref: {
      stationId: head.stationId!,
      stationName: head.stationName,
      portId: head.portId!,
      portName: head.portName,
    },
    dockings: start.length,
    first: first as UtcMillis,
    last: last as UtcMillis,
    occupied: unionOfColumns(start, end),
  }
}

function lifeOf(g: PortSpans, lives: ReadonlyMap<PortId, PortLife> | undefined): PortLife {
  return (
    lives?.get(g.ref.portId) ?? {
      portId: g.ref.portId,
      start: g.first,
      end: g.last,
      basis: 'events',
    }
  )
}

/** Time occupied within `[from, to)`, from the occupied runs at or after run `k`. */
function occupiedWithin(o: SpanColumns, k: number, from: number, to: number): number {
  let ms = 0
  for (let j = k; j < o.length && o.start[j]! < to; j++) {
    const part = Math.min(o.end[j]!, to) - Math.max(o.start[j]!, from)
    if (part > 0) ms += part
  }
  return ms
}

/**
 * Each port's life on the `events` basis: first docking to last end there.
 * Work it out on all of a port's events before cutting them to a window, or
 * a port used once in the window would seem to have lived only then.
 */
export function portLivesFromEvents(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyMap<PortId, PortLife> {
  return new Map(portSpans(events, endOf).map((g) => [g.ref.portId, lifeOf(g, undefined)]))
}

/** Lives cut to `[from, to)`; a life wholly outside is dropped. */
export function clipLives(
  lives: ReadonlyMap<PortId, PortLife>,
  from: UtcMillis,
  to: UtcMillis,
): ReadonlyMap<PortId, PortLife> {
  const out = new Map<PortId, PortLife>()
  for (const [id, l] of lives) {
    const start = Math.max(l.start, from) as UtcMillis
    const end = Math.min(l.end, to) as UtcMillis
    if (end > start) out.set(id, { ...l, start, end })
  }
  return out
}

/** Share of a life that was occupied; 0 for a life of no length. */
const shareOf = (occupied: number, existed: number): number =>
  existed > 0 ? occupied / existed : 0

/**
 * Utilisation per port per UTC calendar year, for every year the port
 * existed. Occupied time is the union of the port's dockings (an overlap,
 * itself a data error, is not counted twice), clipped to the port's life.
 */
export function portUtilisation(
  events: ReadonlyArray<DockingEvent>,
  options: PortOptions,
): ReadonlyArray<PortYearUtilisation> {
  const out: PortYearUtilisation[] = []
  for (const g of portSpans(events, options.endOf)) {
    const life = lifeOf(g, options.lives)
    const o = g.occupied
    // One pass over the sorted, disjoint occupied runs for all the years:
    // `k` skips the runs wholly before the year, which stay behind for later
    // years. Each year lies inside the life, so the runs need no clipping to it.
    let k = 0
    for (let y = yearOf(life.start); life.end > yearStart(y); y++) {
      const from = Math.max(life.start, yearStart(y)) as UtcMillis
      const to = Math.min(life.end, yearStart(y + 1)) as UtcMillis
      while (k < o.length && o.end[k]! <= from) k++
      const occupiedMs = occupiedWithin(o, k, from, to) as DurationMs
      const existedMs = (to - from) as DurationMs
      out.push({
        ...g.ref,
        year: y,
        occupiedMs,
        existedMs,
        share: shareOf(occupiedMs, existedMs),
        basis: life.basis,
      })
    }
  }
  return out.sort((a, b) => a.stationId - b.stationId || a.year - b.year || a.portId - b.portId)
}

/**
 * Each port's total time docked over the events given, busiest first (by
 * time docked, then by dockings).
 */
export function portTotals(
  events: ReadonlyArray<DockingEvent>,
  options: PortOptions,
): ReadonlyArray<PortTotal> {
  return portSpans(events, options.endOf)
    .map((g) => {
      const life = lifeOf(g, options.lives)
      const occupiedMs = occupiedWithin(g.occupied, 0, life.start, life.end) as DurationMs
      const existedMs = Math.max(0, life.end - life.start) as DurationMs
      return {
        ...g.ref,
        occupiedMs,
        existedMs,
        share: shareOf(occupiedMs, existedMs),
        dockings: g.dockings,
        basis: life.basis,
      }
    })
    .sort((a, b) => b.occupiedMs - a.occupiedMs || b.dockings - a.dockings || a.portId - b.portId)
}

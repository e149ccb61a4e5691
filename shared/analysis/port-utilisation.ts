/**
 * Port utilisation: how much of the time a port existed something was docked
 * at it, per port and per year; and each port's total time docked.
 */
import type { DockingEvent } from '../domain/model'
import type { DurationMs, PortId, StationId, UtcMillis } from '../domain/units'
import type { EndRule } from './effective-end'
import { clipTo, totalLength, unionOf, yearOf, yearStart, type Span } from './interval'
import { remembered } from './prepared'

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

interface PortGroup {
  readonly ref: PortRef
  readonly spans: Span[]
}

interface PortSpans extends PortGroup {
  /** The union of the spans: when the port was occupied. */
  readonly occupied: ReadonlyArray<Span>
}

/** Each port's spans and their union, worked out once per events array and end rule. */
function portSpans(events: ReadonlyArray<DockingEvent>, endOf: EndRule): ReadonlyArray<PortSpans> {
  return remembered(events, 'port spans', endOf, () =>
    groupByPort(events, endOf).map((g) => ({ ...g, occupied: unionOf(g.spans) })),
  )
}

function groupByPort(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyArray<PortGroup> {
  const ports = new Map<PortId, PortGroup>()
  for (const e of events) {
    if (e.stationId === null || e.portId === null) continue
    let g = ports.get(e.portId)
    if (!g) {
      g = {
        ref: {
          stationId: e.stationId,
          stationName: e.stationName,
          portId: e.portId,
          portName: e.portName,
        },
        spans: [],
      }
      ports.set(e.portId, g)
    }
    g.spans.push({ start: e.docking, end: endOf(e) })
  }
  return [...ports.values()]
}

function lifeOf(g: PortGroup, lives: ReadonlyMap<PortId, PortLife> | undefined): PortLife {
  const known = lives?.get(g.ref.portId)
  if (known) return known
  const start = Math.min(...g.spans.map((s) => s.start)) as UtcMillis
  const end = Math.max(...g.spans.map((s) => Math.max(s.start, s.end))) as UtcMillis
  return { portId: g.ref.portId, start, end, basis: 'events' }
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
    const occupied = clipTo(g.occupied, life.start, life.end)
    // One pass over the sorted, disjoint occupied spans for all the years:
    // `k` skips the spans wholly before the year, which stay behind for later years.
    let k = 0
    for (let y = yearOf(life.start); life.end > yearStart(y); y++) {
      const from = Math.max(life.start, yearStart(y)) as UtcMillis
      const to = Math.min(life.end, yearStart(y + 1)) as UtcMillis
      while (k < occupied.length && occupied[k]!.end <= from) k++
      let occupiedMs = 0 as DurationMs
      for (let j = k; j < occupied.length && occupied[j]!.start < to; j++) {
        const part = Math.min(occupied[j]!.end, to) - Math.max(occupied[j]!.start, from)
        if (part > 0) occupiedMs = (occupiedMs + part) as DurationMs
      }
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
      const occupiedMs = totalLength(clipTo(g.occupied, life.start, life.end))
      const existedMs = Math.max(0, life.end - life.start) as DurationMs
      return {
        ...g.ref,
        occupiedMs,
        existedMs,
        share: shareOf(occupiedMs, existedMs),
        dockings: g.spans.length,
        basis: life.basis,
      }
    })
    .sort((a, b) => b.occupiedMs - a.occupiedMs || b.dockings - a.dockings || a.portId - b.portId)
}

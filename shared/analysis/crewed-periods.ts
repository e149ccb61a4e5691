/**
 * Crewed and uncrewed periods of a station: from LL2 expeditions where they
 * cover the time, else from crew-vehicle presence, labelled as a proxy.
 */
import type { Expedition } from '../domain/expedition'
import type { DockingEvent } from '../domain/model'
import type { DurationMs, StationId, UtcMillis } from '../domain/units'
import type { EndRule } from './effective-end'
import { eventsByStation } from './prepared'
import { scratchFloat64, scratchInt32 } from '../columns/scratch'
import { gapsBetween, indices, unionOfColumns, type Span, type TimedSpan } from './interval'

/**
 * What a period rests on: LL2 expeditions, or the presence of a crew vehicle
 * (a docked crew vehicle suggests, but does not prove, a crew aboard).
 */
export type CrewBasis = 'expeditions' | 'crew-vehicle-proxy'

/** A crewed span. */
export interface CrewedSpan extends TimedSpan {
  readonly basis: CrewBasis
  /** The expeditions or crew vehicles that make it up. */
  readonly names: ReadonlyArray<string>
}

/** An uncrewed span (a gap between crewed ones). */
export interface UncrewedGap extends TimedSpan {
  readonly basis: CrewBasis
}

/** A station's crewed periods and gaps within a window. */
export interface CrewedPeriods {
  readonly stationId: StationId
  readonly window: Span
  /** Expedition coverage: first expedition start to last end; null when there are none. */
  readonly expeditionCoverage: Span | null
  readonly periods: ReadonlyArray<CrewedSpan>
  readonly gaps: ReadonlyArray<UncrewedGap>
}

/** Options for `crewedPeriods`. */
export interface CrewedOptions {
  /** When an open docking stops counting (for the proxy). */
  readonly endOf: EndRule
  /** The time to report on, usually the station's life. */
  readonly from: UtcMillis
  readonly to: UtcMillis
  /**
   * Where an expedition with no end stops vouching for a crew; `to` when
   * absent. A list captured in 2021 leaves the expedition then under way
   * open, which says nothing of the years since.
   */
  readonly openUntil?: UtcMillis
}

/**
 * Named spans as columns: span i is `[start[i], end[i])`, named
 * `nameOf(source[i])` (an expedition's or an event's index), so no object
 * or name list is made per span.
 */
interface NamedSpans {
  readonly length: number
  readonly start: Float64Array
  readonly end: Float64Array
  readonly source: Int32Array
  readonly nameOf: (source: number) => string
}

/** Which of the reused column sets a list of named spans is written in. */
type SpanSlot = 'expeditions' | 'proxy' | 'clipped'

/**
 * Fills named span columns; at most `capacity` spans. The columns are views
 * into `slot`'s reused arrays (fresh ones per station and call were most of
 * this measure's typed arrays), so a list lives only until its slot is
 * filled again, and never leaves `crewedPeriods`: each of its lists has its
 * own slot, and each clipped list is merged before the next is clipped.
 */
function namedSpans(slot: SpanSlot, capacity: number, nameOf: (source: number) => string) {
  const start = scratchFloat64(`crewed ${slot}: start`, capacity)
  const end = scratchFloat64(`crewed ${slot}: end`, capacity)
  const source = scratchInt32(`crewed ${slot}: source`, capacity)
  let n = 0
  return {
    add(s: number, e: number, from: number) {
      start[n] = s
      end[n] = e
      source[n++] = from
    },
    done: (): NamedSpans => ({
      length: n,
      start: start.subarray(0, n),
      end: end.subarray(0, n),
      source: source.subarray(0, n),
      nameOf,
    }),
  }
}

/** Past this many names a run's list is checked through a set, not by scanning. */
const SCANNED_NAMES = 16

/**
 * Merges named spans, keeping the names of each merged run. Each span lies
 * inside exactly one run of the union, so one pass in start order assigns it.
 */
function mergeNamed(spans: NamedSpans, basis: CrewBasis): CrewedSpan[] {
  // An index order, not sorted copies of the spans: a station's proxy has a
  // span per crew docking.
  const { start, end } = spans
  let sorted = true
  for (let i = 1; i < start.length && sorted; i++) sorted = !(start[i]! < start[i - 1]!)
  const order = sorted ? null : indices(start.length).sort((a, b) => start[a]! - start[b]! || a - b)
  const runs = unionOfColumns(start, end)
  // Each run's names in first-seen order. Runs are met in order and never
  // revisited, so one set serves the current run, made only for a run with
  // many names (most have a few, and a set each was much of the garbage).
  const names: string[][] = []
  let seen: Set<string> | null = null
  let r = 0
  for (let k = 0; k < start.length; k++) {
    const i = order ? order[k]! : k
    if (!(end[i]! > start[i]!)) continue
    while (r < runs.length - 1 && runs.end[r]! < start[i]!) {
      r++
      seen = null
    }
    const name = spans.nameOf(spans.source[i]!)
    const list = (names[r] ??= [])
    if (list.length < SCANNED_NAMES) {
      if (list.includes(name)) continue
    } else {
      seen ??= new Set(list)
      if (seen.has(name)) continue
      seen.add(name)
    }
    list.push(name)
  }
  const out: CrewedSpan[] = []
  for (let i = 0; i < runs.length; i++) {
    const s = runs.start[i]! as UtcMillis
    const e = runs.end[i]! as UtcMillis
    out.push({ start: s, end: e, lengthMs: (e - s) as DurationMs, basis, names: names[i] ?? [] })
  }
  return out
}

/**
 * A station's crewed periods and uncrewed gaps within `[from, to)`.
 *
 * Inside the expeditions' coverage the expeditions decide (an open expedition
 * runs to `openUntil`, else `to`; one that ends before it starts adds nothing); outside it, a
 * docked crew-role vehicle counts as crewed, and every span there says
 * `crew-vehicle-proxy`. Pass the expeditions the data checks accept.
 */
export function crewedPeriods(
  stationId: StationId,
  expeditions: ReadonlyArray<Expedition>,
  events: ReadonlyArray<DockingEvent>,
  options: CrewedOptions,
): CrewedPeriods {
  const { from, to } = options
  const window = { start: from, end: to }
  const openEnd = options.openUntil ?? to
  const counts = (x: Expedition) => x.stationId === stationId && (x.end ?? openEnd) > x.start
  // Sized to this station's expeditions, counted first: the whole list is
  // read once per station, and columns that long would be mostly empty.
  let n = 0
  for (let ix = 0; ix < expeditions.length; ix++) if (counts(expeditions[ix]!)) n++
  const own = namedSpans('expeditions', n, (ix) => expeditions[ix]!.name)
  let first = Infinity
  let last = -Infinity
  for (let ix = 0; ix < expeditions.length; ix++) {
    const x = expeditions[ix]!
    if (!counts(x)) continue
    const end = x.end ?? openEnd
    own.add(x.start, end, ix)
    if (x.start < first) first = x.start
    if (end > last) last = end
  }
  const expSpans = own.done()
  const coverage =
    expSpans.length === 0 ? null : { start: first as UtcMillis, end: last as UtcMillis }
  const outside = coverage ? gapsBetween([coverage], from, to) : [window]
  const proxySpans = proxyIn(eventsByStation(events).get(stationId) ?? [], outside, options.endOf)
  const periods = coverage ? mergeNamed(clipNamed(expSpans, from, to), 'expeditions') : []
  for (let k = 0; k < outside.length; k++) {
    const o = outside[k]!
    const proxy = mergeNamed(clipNamed(proxySpans, o.start, o.end), 'crew-vehicle-proxy')
    for (let i = 0; i < proxy.length; i++) periods.push(proxy[i]!)
  }
  periods.sort((a, b) => a.start - b.start)
  return {
    stationId,
    window,
    expeditionCoverage: coverage,
    periods,
    gaps: gapsOf(periods, coverage, window),
  }
}

/** The uncrewed gaps between sorted periods; a gap that straddles the coverage edge is split so each part says its basis. */
function gapsOf(
  periods: ReadonlyArray<CrewedSpan>,
  coverage: Span | null,
  window: Span,
): UncrewedGap[] {
  const gaps: UncrewedGap[] = []
  const add = (start: UtcMillis, end: UtcMillis) =>
    gaps.push({
      start,
      end,
      lengthMs: (end - start) as DurationMs,
      basis:
        coverage && start >= coverage.start && end <= coverage.end
          ? 'expeditions'
          : 'crew-vehicle-proxy',
    })
  const between = gapsBetween(periods, window.start, window.end)
  const cuts = coverage ? [coverage.start, coverage.end] : []
  for (let k = 0; k < between.length; k++) {
    const g = between[k]!
    let cursor = g.start
    for (let c = 0; c < cuts.length; c++)
      if (cuts[c]! > g.start && cuts[c]! < g.end) {
        add(cursor, cuts[c]!)
        cursor = cuts[c]!
      }
    add(cursor, g.end)
  }
  return gaps
}

/**
 * The crew vehicles' docked spans that reach into one of the `windows` (where
 * no expedition speaks): the proxy reads only those, and where expeditions
 * cover most of a station's life most crew dockings need no span at all.
 */
function proxyIn(
  events: ReadonlyArray<DockingEvent>,
  windows: ReadonlyArray<Span>,
  endOf: EndRule,
): NamedSpans {
  const spans = namedSpans('proxy', events.length, (ix) => events[ix]!.vehicle)
  for (let ix = 0; ix < events.length; ix++) {
    const e = events[ix]!
    if (e.role !== 'crew') continue
    const end = endOf(e)
    for (let k = 0; k < windows.length; k++)
      if (e.docking < windows[k]!.end && end > windows[k]!.start) {
        spans.add(e.docking, end, ix)
        break
      }
  }
  return spans.done()
}

/** The part of each named span inside `[a, b)`, dropping spans wholly outside. */
function clipNamed(spans: NamedSpans, a: UtcMillis, b: UtcMillis): NamedSpans {
  const out = namedSpans('clipped', spans.length, spans.nameOf)
  for (let i = 0; i < spans.length; i++) {
    const start = Math.max(spans.start[i]!, a)
    const end = Math.min(spans.end[i]!, b)
    if (end > start) out.add(start, end, spans.source[i]!)
  }
  return out.done()
}

/**
 * The last date an expedition list itself states (a start or an end), for
 * `openUntil`: an expedition left open in a list captured in 2020 vouches
 * for a crew only up to there. Undefined for an empty list.
 */
export function expeditionListHorizon(
  expeditions: ReadonlyArray<Expedition>,
): UtcMillis | undefined {
  if (expeditions.length === 0) return undefined
  return Math.max(...expeditions.map((x) => Math.max(x.start, x.end ?? x.start))) as UtcMillis
}

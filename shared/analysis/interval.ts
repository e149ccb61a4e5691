/**
 * Half-open time spans and their union, the arithmetic every measure shares.
 */
import { DAY_MS, type DurationMs, type UtcMillis } from '../domain/units'

/** A half-open span `[start, end)` of UTC time. */
export interface Span {
  readonly start: UtcMillis
  readonly end: UtcMillis
}

/** A span with its length, as the measures report it. */
export interface TimedSpan extends Span {
  readonly lengthMs: DurationMs
}

/** Adds the length to a span. */
export function timed(span: Span): TimedSpan {
  return { start: span.start, end: span.end, lengthMs: (span.end - span.start) as DurationMs }
}

/** Spans as parallel columns: span i is `[start[i], end[i])`. */
export interface SpanColumns {
  readonly length: number
  readonly start: Float64Array
  readonly end: Float64Array
}

/**
 * The union of spans, sorted and merged. Touching spans (one ends as the next
 * starts) merge into one; empty or inverted spans are dropped.
 */
export function unionOf(spans: ReadonlyArray<Span>): ReadonlyArray<Span> {
  const start = new Float64Array(spans.length)
  const end = new Float64Array(spans.length)
  for (let i = 0; i < spans.length; i++) {
    start[i] = spans[i]!.start
    end[i] = spans[i]!.end
  }
  const u = unionOfColumns(start, end)
  const out: Span[] = []
  for (let i = 0; i < u.length; i++)
    out.push({ start: u.start[i]! as UtcMillis, end: u.end[i]! as UtcMillis })
  return out
}

/** The indices 0 … n − 1, to sort by a column (filled by a loop: `from(keys())` lists them first). */
export function indices(n: number): Uint32Array {
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}

/**
 * `unionOf` on spans given as columns, for measures that keep thousands of
 * spans: no object per span. The columns given are not changed.
 */
export function unionOfColumns(start: Float64Array, end: Float64Array): SpanColumns {
  const n = start.length
  let order: Uint32Array | null = null
  for (let i = 1; i < n && !order; i++)
    if (start[i]! < start[i - 1]!) order = indices(n).sort((a, b) => start[a]! - start[b]!)
  // The runs are counted first, so the columns returned are as long as the union.
  let runs = 0
  let last = -Infinity
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k
    const s = start[i]!
    const e = end[i]!
    if (!(e > s)) continue
    if (runs > 0 && s <= last) {
      if (e > last) last = e
    } else {
      runs++
      last = e
    }
  }
  const outStart = new Float64Array(runs)
  const outEnd = new Float64Array(runs)
  let m = 0
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k
    const s = start[i]!
    const e = end[i]!
    if (!(e > s)) continue
    if (m > 0 && s <= outEnd[m - 1]!) {
      if (e > outEnd[m - 1]!) outEnd[m - 1] = e
    } else {
      outStart[m] = s
      outEnd[m++] = e
    }
  }
  return { length: m, start: outStart, end: outEnd }
}

/** The part of each span inside `[from, to)`, dropping spans wholly outside. */
function clipTo(spans: ReadonlyArray<Span>, from: UtcMillis, to: UtcMillis): ReadonlyArray<Span> {
  const out: Span[] = []
  for (let ix = 0; ix < spans.length; ix++) {
    const s = spans[ix]!
    const start = Math.max(s.start, from) as UtcMillis
    const end = Math.min(s.end, to) as UtcMillis
    if (end > start) out.push({ start, end })
  }
  return out
}

/** The gaps between sorted, disjoint spans within `[from, to)`. */
export function gapsBetween(
  spans: ReadonlyArray<Span>,
  from: UtcMillis,
  to: UtcMillis,
): ReadonlyArray<Span> {
  const out: Span[] = []
  let cursor = from
  const clipped = clipTo(spans, from, to)
  for (let ix = 0; ix < clipped.length; ix++) {
    const s = clipped[ix]!
    if (s.start > cursor) out.push({ start: cursor, end: s.start })
    if (s.end > cursor) cursor = s.end
  }
  if (to > cursor) out.push({ start: cursor, end: to })
  return out
}

/** Start of a UTC calendar year. */
export function yearStart(year: number): UtcMillis {
  return Date.UTC(year, 0, 1) as UtcMillis
}

/**
 * The UTC calendar year an instant falls in. Plain arithmetic on the day
 * number (H. Hinnant's civil-from-days), because a Date per event is most of
 * the cost of the yearly measures; the equivalence tests hold it to Date's answer.
 */
export function yearOf(t: UtcMillis): number {
  const z = Math.floor(t / DAY_MS) + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  // Years run from March in this scheme: January and February belong to the next.
  return yoe + era * 400 + (doy >= 306 ? 1 : 0)
}

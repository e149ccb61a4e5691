/**
 * Occupancy over time: how many vehicles were docked at each instant, as an
 * exact step series (one step per change point, never sampled).
 *
 * The navigator strip, the Analysis view's occupancy chart and `cli occupancy`
 * all read this one series.
 */
import type { DockingEvent } from '../domain/model'
import type { DurationMs, StationId, UtcMillis } from '../domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../domain/vehicle-family'
import type { EndRule } from './effective-end'
import { indices, type SpanColumns, type TimedSpan } from './interval'
import { withLazyField } from './lazy-field'
import { eventsByStation, remembered } from './prepared'
import { scratchFloat64, scratchInt32 } from '../columns/scratch'

/** What a series' stack splits the count by. */
export type StackBy = 'role' | 'family'

/** One change point: the counts hold from `at` until the next step's `at`. */
export interface OccupancyStep {
  readonly at: UtcMillis
  /** Vehicles docked. */
  readonly total: number
  /** Vehicles docked per stack key, aligned with the series' `keys`. */
  readonly counts: ReadonlyArray<number>
}

/** Vehicles docked over time at one station, or at all stations together. */
export interface OccupancySeries {
  /** The station, or null for every station together. */
  readonly stationId: StationId | null
  readonly stationName: string | null
  readonly stackBy: StackBy
  /** Stack keys in legend order (every role or every family). */
  readonly keys: ReadonlyArray<string>
  /**
   * Change points in time order. The first is the first docking; the last has
   * a total of 0 (every event ends under the end rule). Empty when no event counts.
   */
  readonly steps: ReadonlyArray<OccupancyStep>
}

/** Options shared by the occupancy measures. */
export interface OccupancyOptions {
  /** When an open event stops counting. */
  readonly endOf: EndRule
  /** Stack by role (default) or family. */
  readonly stackBy?: StackBy
}

/** The most vehicles docked at once, and every interval at which that held. */
export interface OccupancyPeak {
  readonly count: number
  /** Maximal intervals at the peak, in time order; empty when nothing was docked. */
  readonly intervals: ReadonlyArray<TimedSpan>
}

/** Stack keys for a stacking, in legend order. */
export function stackKeys(stackBy: StackBy): ReadonlyArray<string> {
  return stackBy === 'role' ? VEHICLE_ROLES : VEHICLE_FAMILIES
}

/**
 * The occupancy step series of a set of events.
 *
 * An event counts over `[docking, endOf(event))`, as `isDockedAt` does for a
 * departed event, so a vehicle leaving as another arrives gives no spike.
 * Events with no station are left out (they were docked at no station);
 * events with a station but no port count. Events whose end is not after
 * their docking (a departure before docking, a data error) add nothing.
 * `stationId` keeps one station's events; omit it for all stations together.
 */
export function occupancySeries(
  events: ReadonlyArray<DockingEvent>,
  options: OccupancyOptions & { readonly stationId?: StationId },
): OccupancySeries {
  // The view's occupancy chart and its station comparison ask for the same series.
  const name = `occupancy ${options.stackBy ?? 'role'} ${options.stationId ?? 'all'}`
  return remembered(events, name, options.endOf, () => computeSeries(events, options))
}

function computeSeries(
  events: ReadonlyArray<DockingEvent>,
  options: OccupancyOptions & { readonly stationId?: StationId },
): OccupancySeries {
  const stackBy = options.stackBy ?? 'role'
  const keys = stackKeys(stackBy)
  const keyIndex = new Map(keys.map((k, i) => [k, i]))
  // Change points as parallel typed arrays (time, stack key × 2 + 1 for an
  // end), sized for every event: 20,000 small objects, or growing arrays,
  // cost more in GC than the sort.
  const times = scratchFloat64('occupancy: change times', events.length * 2)
  const codes = scratchInt32('occupancy: change codes', events.length * 2)
  let m = 0
  let name: string | null = null
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.stationId === null) continue
    if (options.stationId !== undefined && e.stationId !== options.stationId) continue
    // The rule is asked here, not through a remembered ends column: each
    // station's list is read once per series, and a column per list was a
    // quarter of a megabyte per query.
    const end = options.endOf(e)
    if (end <= e.docking) continue
    name ??= e.stationName
    const key = keyIndex.get(stackBy === 'role' ? e.role : e.family) ?? keys.length - 1
    times[m] = e.docking
    codes[m++] = key * 2
    times[m] = end
    codes[m++] = key * 2 + 1
  }
  const at = times.subarray(0, m)
  const code = codes.subarray(0, m)
  sortChanges(at, code, keys.length * 2)
  return withColumns(
    {
      stationId: options.stationId ?? null,
      stationName: options.stationId === undefined ? null : name,
      stackBy,
      keys,
    },
    sweep(at, code, keys.length),
  )
}

/**
 * A series' steps as parallel columns: step i holds from `at[i]` with
 * `total[i]` docked, `counts[i × keys + k]` of stack key k. The measures
 * read these; the step objects are made only when `steps` is read.
 */
export interface StepColumns {
  readonly length: number
  readonly at: Float64Array
  readonly total: CountColumn
  readonly counts: CountColumn
}

/** Vehicle counts, in the narrowest unsigned width their largest value fits. */
export type CountColumn = Uint8Array | Uint16Array | Int32Array

const columnsMemo = new WeakMap<OccupancySeries, StepColumns>()

/**
 * The series with `steps` made from `columns` on first read (then kept):
 * some 20,000 step objects and their counts arrays per series were most of
 * the measures' garbage, and most readers want only times and totals.
 */
function withColumns(head: Omit<OccupancySeries, 'steps'>, columns: StepColumns): OccupancySeries {
  const series = withLazyField(head, 'steps', () => stepsOf(columns, head.keys.length))
  columnsMemo.set(series, columns)
  return series
}

function stepsOf(c: StepColumns, k: number): ReadonlyArray<OccupancyStep> {
  // The list is filled by push, not preallocated: a `new Array(n)` stays
  // holey, and slower to read. Steps with the same counts (most recur: the
  // same mix docked again years later) share one read-only counts array,
  // found through a hash table of step numbers; the arrays were most of the
  // steps' memory.
  const steps: OccupancyStep[] = []
  const table = internTable(c.length)
  const mask = table.length - 1
  for (let i = 0; i < c.length; i++) {
    let slot = rowHash(c.counts, i * k, k) & mask
    let counts: ReadonlyArray<number> | null = null
    for (let seen = table[slot]!; seen !== 0; seen = table[slot]!) {
      if (sameRow(c.counts, (seen - 1) * k, i * k, k)) {
        counts = steps[seen - 1]!.counts
        break
      }
      slot = (slot + 1) & mask
    }
    if (!counts) {
      table[slot] = i + 1
      // Preallocated: a pushed array keeps room for 17.
      const own = new Array<number>(k)
      for (let j = 0; j < k; j++) own[j] = c.counts[i * k + j]!
      counts = own
    }
    steps.push({ at: c.at[i]! as UtcMillis, total: c.total[i]!, counts })
  }
  return steps
}

/** A cleared open-addressing table (power-of-two size, at most half full), reused between calls. */
function internTable(entries: number): Int32Array {
  const size = 2 ** Math.ceil(Math.log2(Math.max(2, entries * 2)))
  return scratchInt32('occupancy: intern table', size).fill(0)
}

function rowHash(flat: CountColumn, from: number, k: number): number {
  let h = 0x811c9dc5
  for (let j = 0; j < k; j++) h = Math.imul(h ^ flat[from + j]!, 0x01000193)
  return (h ^ (h >>> 15)) >>> 0
}

function sameRow(flat: CountColumn, a: number, b: number, k: number): boolean {
  for (let j = 0; j < k; j++) if (flat[a + j] !== flat[b + j]) return false
  return true
}

/** A series' steps as columns (made from its steps for a series built elsewhere). */
export function stepColumns(series: OccupancySeries): StepColumns {
  const known = columnsMemo.get(series)
  if (known) return known
  const k = series.keys.length
  const n = series.steps.length
  const c = {
    length: n,
    at: new Float64Array(n),
    total: new Int32Array(n),
    counts: new Int32Array(n * k),
  }
  series.steps.forEach((st, i) => {
    c.at[i] = st.at
    c.total[i] = st.total
    for (let j = 0; j < k; j++) c.counts[i * k + j] = st.counts[j] ?? 0
  })
  return c
}

/** Applies the sorted changes instant by instant; an instant that leaves the counts as they were makes no step. */
function sweep(at: Float64Array, code: Int32Array, k: number): StepColumns {
  const times = new Float64Array(at.length)
  // Swept in reused columns, copied into the series' own narrow ones below.
  const totals = scratchInt32('occupancy: totals', at.length)
  const counts = scratchInt32('occupancy: counts', at.length * k)
  const now = new Int32Array(k)
  let total = 0
  let most = 0
  let n = 0
  for (let i = 0; i < at.length;) {
    const t = at[i]!
    const first = i
    for (; i < at.length && at[i] === t; i++) {
      const d = code[i]! & 1 ? -1 : 1
      now[code[i]! >> 1]! += d
      total += d
    }
    // The last step holds the counts from before this instant, so a single
    // change always differs from it; only several changes can cancel out.
    if (n > 0 && i - first > 1 && sameCounts(counts, (n - 1) * k, now)) continue
    times[n] = t
    totals[n] = total
    if (total > most) most = total
    for (let j = 0; j < k; j++) counts[n * k + j] = now[j]!
    n++
  }
  // Every event's end is after its docking, so after each instant no count is
  // below 0, and none is above the total; the series keeps its counts in the
  // narrowest width that holds its largest total.
  return {
    length: n,
    at: times.subarray(0, n),
    total: narrowed(totals.subarray(0, n), most),
    counts: narrowed(counts.subarray(0, n * k), most),
  }
}

function narrowed(values: Int32Array, most: number): CountColumn {
  if (most <= 0xff) return new Uint8Array(values)
  if (most <= 0xffff) return new Uint16Array(values)
  return values.slice()
}

function sameCounts(flat: Int32Array, from: number, now: Int32Array): boolean {
  for (let k = 0; k < now.length; k++) if (flat[from + k] !== now[k]) return false
  return true
}

/**
 * Sorts change points into time order, in place. Order within one instant
 * does not matter (the sweep applies all of an instant's changes before it
 * emits a step). Integer times are packed with their code into one float
 * (time × scale + code, exact below 2^53) and sorted natively, several times
 * faster than a comparator; any other time falls back to sorting an index.
 */
function sortChanges(at: Float64Array, code: Int32Array, codeCount: number): void {
  const n = at.length
  const scale = 2 ** Math.ceil(Math.log2(Math.max(2, codeCount)))
  const limit = Number.MAX_SAFE_INTEGER / scale - 1
  const packed = scratchFloat64('occupancy: packed changes', n)
  let exact = true
  for (let i = 0; i < n && exact; i++) {
    const t = at[i]!
    exact = Number.isInteger(t) && Math.abs(t) < limit
    packed[i] = t * scale + code[i]!
  }
  if (exact) {
    packed.sort()
    for (let i = 0; i < n; i++) {
      const t = Math.floor(packed[i]! / scale)
      at[i] = t
      code[i] = packed[i]! - t * scale
    }
    return
  }
  const order = indices(n).sort((a, b) => at[a]! - at[b]!)
  const times = Float64Array.from(order, (i) => at[i]!)
  const codes = Int32Array.from(order, (i) => code[i]!)
  at.set(times)
  code.set(codes)
}

/** One occupancy series per station that has events, in station-name order. */
export function occupancyByStation(
  events: ReadonlyArray<DockingEvent>,
  options: OccupancyOptions,
): ReadonlyArray<OccupancySeries> {
  return [...eventsByStation(events).entries()]
    .map(([stationId, list]) => occupancySeries(list, { ...options, stationId }))
    .filter((s) => stepColumns(s).length > 0)
    .sort(
      (a, b) =>
        (a.stationName ?? '').localeCompare(b.stationName ?? '') || a.stationId! - b.stationId!,
    )
}

/**
 * The peak of a series: its highest total and every maximal interval at it.
 * Consecutive steps at the peak (the stack changed, the total did not) make
 * one interval.
 */
export function peakOccupancy(series: OccupancySeries): OccupancyPeak {
  const { length, at, total } = stepColumns(series)
  const count = highest(total, length)
  if (count === 0) return { count, intervals: [] }
  // Counted first: the columns are kept with the peak, so they are sized to it.
  let m = 0
  for (let i = 0; i < length; i++) if (total[i] === count && total[i - 1] !== count) m++
  const start = new Float64Array(m)
  const end = new Float64Array(m)
  m = 0
  for (let i = 0; i < length; i++) {
    if (total[i] !== count) continue
    start[m] = at[i]!
    while (i + 1 < length && total[i + 1] === count) i++
    // The last step always has total 0, so a peak step always has a successor.
    end[m++] = at[i + 1]!
  }
  const spans = { length: m, start, end }
  // A peak can recur at thousands of intervals: their objects are made on first read.
  const peak = withLazyField({ count }, 'intervals', () => timedSpans(spans))
  spansMemo.set(peak, spans)
  return peak
}

const spansMemo = new WeakMap<OccupancyPeak, SpanColumns>()

/** A peak's intervals as columns (made from its intervals for a peak built elsewhere). */
export function peakSpans(peak: OccupancyPeak): SpanColumns {
  const known = spansMemo.get(peak)
  if (known) return known
  const n = peak.intervals.length
  return {
    length: n,
    start: Float64Array.from(peak.intervals, (s) => s.start),
    end: Float64Array.from(peak.intervals, (s) => s.end),
  }
}

function timedSpans(c: SpanColumns): ReadonlyArray<TimedSpan> {
  const out: TimedSpan[] = []
  for (let i = 0; i < c.length; i++) {
    const start = c.start[i]! as UtcMillis
    const end = c.end[i]! as UtcMillis
    out.push({ start, end, lengthMs: (end - start) as DurationMs })
  }
  return out
}

/**
 * A series' peak count and the instant it was first reached (null when
 * nothing was docked): the first of `peakOccupancy`'s intervals, without
 * the others (a peak can hold at thousands of intervals).
 */
export function firstPeak(series: OccupancySeries): {
  readonly count: number
  readonly start: UtcMillis | null
} {
  const { length, at, total } = stepColumns(series)
  const count = highest(total, length)
  if (count > 0)
    for (let i = 0; i < length; i++)
      if (total[i] === count) return { count, start: at[i]! as UtcMillis }
  return { count, start: null }
}

function highest(total: CountColumn, length: number): number {
  let count = 0
  for (let i = 0; i < length; i++) if (total[i]! > count) count = total[i]!
  return count
}

/**
 * The total docked at instant `t` under a series (binary search): 0 before
 * the first step and after the last.
 */
export function occupancyAtTime(series: OccupancySeries, t: UtcMillis): number {
  const { length, at, total } = stepColumns(series)
  let lo = 0
  let hi = length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (at[mid]! <= t) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found < 0 ? 0 : total[found]!
}

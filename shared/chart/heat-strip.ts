/**
 * Heat strips: how a run of bars too dense to draw apart is shaded. Each
 * column of the strip (one LOD step of time, one or two px) is filled in the
 * colour of the family docked longest in it, as strong as the share of the
 * column's time some vehicle was docked; a gap stays empty. So a zoomed-out
 * port still shows when it was busy, which a uniform grey box did not.
 *
 * Pure arithmetic on intervals: the screen and the export draw the cells
 * through the one display list.
 */
import type { VehicleFamily } from '../domain/model'

/** One docking as the strip sees it. */
export interface HeatInterval {
  readonly start: number
  readonly end: number
  readonly family: VehicleFamily
}

/** Shades a cell can take: a share is drawn rounded to the nearest 1/HEAT_LEVELS (and at least one step). */
export const HEAT_LEVELS = 8

/** A stretch of equal shade: `level` of HEAT_LEVELS, in `family`'s colour. */
export interface HeatCell {
  readonly start: number
  readonly end: number
  readonly level: number
  readonly family: VehicleFamily
}

/** Calls `span` with each disjoint stretch of time some interval covers, by start. */
function eachUnionSpan(
  intervals: ReadonlyArray<HeatInterval>,
  span: (start: number, end: number) => void,
): void {
  let start = Number.NaN
  let end = Number.NaN
  for (const i of byStart(intervals)) {
    if (!(i.end > i.start)) continue
    if (i.start <= end) end = Math.max(end, i.end)
    else {
      if (!Number.isNaN(end)) span(start, end)
      start = i.start
      end = i.end
    }
  }
  if (!Number.isNaN(end)) span(start, end)
}

/** Merges intervals (any order) into disjoint spans of time with some vehicle docked, by start. */
export function unionOf(intervals: ReadonlyArray<HeatInterval>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  eachUnionSpan(intervals, (start, end) => out.push([start, end]))
  return out
}

/** How many dockings touch [from, to), and the share of that time with some vehicle docked (0–1). */
export function occupancyIn(
  intervals: ReadonlyArray<HeatInterval>,
  from: number,
  to: number,
): { readonly count: number; readonly share: number } {
  if (!(to > from)) return { count: 0, share: 0 }
  let count = 0
  for (const i of intervals) if (i.end > from && i.start < to) count++
  let docked = 0
  for (const [s, e] of unionOf(intervals))
    docked += Math.max(0, Math.min(e, to) - Math.max(s, from))
  return { count, share: docked / (to - from) }
}

/** The shade of a share: 0 for none, else 1..HEAT_LEVELS (a sliver still shows). */
export const heatLevel = (share: number): number =>
  share <= 0 ? 0 : Math.min(HEAT_LEVELS, Math.max(1, Math.round(share * HEAT_LEVELS)))

/**
 * The strip's cells over [from, to) in columns of `stepMs` aligned to
 * multiples of it: each column's docked share (union of intervals) and its
 * longest-docked family, neighbours of equal shade and family merged, empty
 * columns left out.
 */
export function heatCells(
  intervals: ReadonlyArray<HeatInterval>,
  from: number,
  to: number,
  stepMs: number,
  scratch: HeatScratch = new HeatScratch(),
): HeatCell[] {
  if (!(stepMs > 0) || !(to > from)) return []
  const first = Math.floor(from / stepMs)
  const n = Math.ceil(to / stepMs) - first
  const families: VehicleFamily[] = []
  for (const i of intervals) if (!families.includes(i.family)) families.push(i.family)
  // Every column sum in one array: the docked time in [0, n), each family's in
  // the n after. `only`: per column, the one family docked in it (-1 none yet,
  // -2 several); most columns have one.
  const { sums, only } = scratch.columns(n * (families.length + 1), n)
  // Time an interval spends in [from, to), by column. One that ends before it
  // starts (a departure before its docking), or outside the span, counts for
  // nothing, in the union and in its family alike.
  const add = (at: number, s: number, e: number, f: number) => {
    const a = Math.max(s, from)
    const b = Math.min(e, to)
    if (!(b > a)) return
    for (let c = Math.floor(a / stepMs); c * stepMs < b; c++) {
      const k = c - first
      if (k < 0 || k >= n) continue
      sums[at + k]! += Math.min(b, (c + 1) * stepMs) - Math.max(a, c * stepMs)
      if (f >= 0) only[k] = only[k] === -1 || only[k] === f ? f : -2
    }
  }
  eachUnionSpan(intervals, (start, end) => add(0, start, end, -1))
  for (const i of intervals) {
    const f = families.indexOf(i.family)
    add((f + 1) * n, i.start, i.end, f)
  }
  const cells: HeatCell[] = []
  let last: { start: number; end: number; level: number; family: VehicleFamily } | null = null
  for (let k = 0; k < n; k++) {
    const level = heatLevel(sums[k]! / stepMs)
    if (level === 0) continue
    const single = only[k]!
    let family: VehicleFamily = single >= 0 ? families[single]! : 'Other'
    if (single < 0) {
      let most = -1
      for (let f = 0; f < families.length; f++)
        if (sums[(f + 1) * n + k]! > most) {
          most = sums[(f + 1) * n + k]!
          family = families[f]!
        }
    }
    const start = (first + k) * stepMs
    if (last && last.end === start && last.level === level && last.family === family)
      last.end = start + stepMs
    else cells.push((last = { start, end: start + stepMs, level, family }))
  }
  return cells
}

/**
 * The column arrays `heatCells` works in, lent by a caller that works out
 * many strips: a frame asks for hundreds of small ones, and typed arrays
 * allocated per strip cost more than the strips' arithmetic.
 */
export class HeatScratch {
  private sums = new Float64Array(0)
  private only = new Int8Array(0)

  /** Sums of `length` zeroed and `only` of `n` set to -1; both good until the next call. */
  columns(length: number, n: number): { sums: Float64Array; only: Int8Array } {
    if (this.sums.length < length)
      this.sums = new Float64Array(Math.max(length, 2 * this.sums.length))
    if (this.only.length < n) this.only = new Int8Array(Math.max(n, 2 * this.only.length))
    this.sums.fill(0, 0, length)
    this.only.fill(-1, 0, n)
    return { sums: this.sums, only: this.only }
  }
}

/** The intervals by start: as given when they are (a run's bars are), else a sorted copy. */
function byStart(intervals: ReadonlyArray<HeatInterval>): ReadonlyArray<HeatInterval> {
  for (let i = 1; i < intervals.length; i++)
    if (intervals[i]!.start < intervals[i - 1]!.start)
      return [...intervals].sort((a, b) => a.start - b.start)
  return intervals
}

/** The shade a column takes: its family (index in VEHICLE_FAMILIES) and level, or 0 for none. */
export const shadeIndex = (familyIndex: number, level: number): number =>
  level <= 0 ? 0 : 1 + familyIndex * HEAT_LEVELS + (Math.min(level, HEAT_LEVELS) - 1)

/**
 * The strip's cells sampled at whole px: column i (the px from `x + i` to
 * `x + i + 1`) takes the shade of the cell under its centre, or 0 where none
 * is. `timeAt(px)` is the instant at a px of the drawing; `shade(cell)` the
 * cell's shade index. Cells must be in time order and not overlap; the walk
 * moves along them once, so a frame costs the px drawn plus the cells passed.
 */
export function sampleColumns(
  cells: ReadonlyArray<HeatCell>,
  x: number,
  width: number,
  timeAt: (px: number) => number,
  shade: (cell: HeatCell) => number,
): Uint8Array {
  const out = new Uint8Array(Math.max(0, width))
  let k = firstCellEndingAfter(cells, timeAt(x + 0.5))
  for (let i = 0; i < out.length && k < cells.length; i++) {
    const t = timeAt(x + i + 0.5)
    while (k < cells.length && cells[k]!.end <= t) k++
    const c = cells[k]
    if (c && c.start <= t) out[i] = shade(c)
  }
  return out
}

/** Index of the first cell ending after `t` (cells in time order), or `cells.length`. */
export function firstCellEndingAfter(cells: ReadonlyArray<HeatCell>, t: number): number {
  let lo = 0
  let hi = cells.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cells[mid]!.end <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** LOD steps a cache keeps cells for: a zoom back to a recent step finds them. */
const CACHED_STEPS = 6

/**
 * Heat cells already worked out, by strip and LOD step, so a pan (which
 * re-thins the rows when it settles, at the same step) reuses them instead of
 * summing every docking again. Bound to the bars they came from: handed
 * other bars (the data or filters changed) it forgets everything.
 */
export class HeatCache {
  private source: object | null = null
  /** Per step, per strip key, its cells; oldest-used step first. */
  private readonly steps = new Map<number, Map<string, ReadonlyArray<HeatCell>>>()

  /** Keeps the cells only while the strips come from `source` (the placed bars, by identity). */
  use(source: object): void {
    if (source === this.source) return
    this.source = source
    this.steps.clear()
  }

  /**
   * The cells of strip `key` at `step` made from `source`'s bars, made by
   * `make` the first time. A strip of bars the cache has since let go of
   * (its cells read late) gets fresh cells, kept nowhere.
   */
  cells(
    source: object,
    key: string,
    step: number,
    make: () => ReadonlyArray<HeatCell>,
  ): ReadonlyArray<HeatCell> {
    if (source !== this.source) return make()
    let byKey = this.steps.get(step)
    if (byKey) {
      // Most recently used last, so the oldest step is the first to go.
      this.steps.delete(step)
      this.steps.set(step, byKey)
    } else {
      byKey = new Map()
      this.steps.set(step, byKey)
      if (this.steps.size > CACHED_STEPS) this.steps.delete(this.steps.keys().next().value!)
    }
    let cells = byKey.get(key)
    if (!cells) byKey.set(key, (cells = make()))
    return cells
  }

  /** How many strips' cells it holds, over every step. */
  get size(): number {
    let n = 0
    for (const byKey of this.steps.values()) n += byKey.size
    return n
  }
}

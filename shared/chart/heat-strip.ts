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

/** Merges intervals (any order) into disjoint spans of time with some vehicle docked, by start. */
export function unionOf(intervals: ReadonlyArray<HeatInterval>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const out: Array<[number, number]> = []
  for (const i of sorted) {
    if (!(i.end > i.start)) continue
    const last = out[out.length - 1]
    if (last && i.start <= last[1]) last[1] = Math.max(last[1], i.end)
    else out.push([i.start, i.end])
  }
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
): HeatCell[] {
  if (!(stepMs > 0) || !(to > from)) return []
  const first = Math.floor(from / stepMs)
  const n = Math.ceil(to / stepMs) - first
  const docked = new Float64Array(n)
  const add = (into: Float64Array, s: number, e: number, only?: Int8Array, f = 0) => {
    const a = Math.max(s, from)
    const b = Math.min(e, to)
    for (let c = Math.floor(a / stepMs); c * stepMs < b; c++) {
      const k = c - first
      if (k < 0 || k >= n) continue
      into[k]! += Math.min(b, (c + 1) * stepMs) - Math.max(a, c * stepMs)
      if (only && b > a) only[k] = only[k] === -1 || only[k] === f ? f : -2
    }
  }
  for (const [s, e] of unionOf(intervals)) add(docked, s, e)
  // Families side by side in arrays: a Map walked per column was most of a strip's cost.
  const families: VehicleFamily[] = []
  const docks: Float64Array[] = []
  // Per column, the one family docked in it (-1 none yet, -2 several): most columns have one.
  const only = new Int8Array(n).fill(-1)
  for (const i of intervals) {
    let f = families.indexOf(i.family)
    if (f < 0) {
      f = families.push(i.family) - 1
      docks.push(new Float64Array(n))
    }
    add(docks[f]!, i.start, i.end, only, f)
  }
  const cells: HeatCell[] = []
  let last: { start: number; end: number; level: number; family: VehicleFamily } | null = null
  for (let k = 0; k < n; k++) {
    const level = heatLevel(docked[k]! / stepMs)
    if (level === 0) continue
    const single = only[k]!
    let family: VehicleFamily = single >= 0 ? families[single]! : 'Other'
    if (single < 0) {
      let most = -1
      for (let f = 0; f < docks.length; f++)
        if (docks[f]![k]! > most) {
          most = docks[f]![k]!
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

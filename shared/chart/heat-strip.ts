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
  const byFamily = new Map<VehicleFamily, Float64Array>()
  const add = (into: Float64Array, s: number, e: number) => {
    const a = Math.max(s, from)
    const b = Math.min(e, to)
    for (let c = Math.floor(a / stepMs); c * stepMs < b; c++) {
      const k = c - first
      if (k >= 0 && k < n) into[k]! += Math.min(b, (c + 1) * stepMs) - Math.max(a, c * stepMs)
    }
  }
  for (const [s, e] of unionOf(intervals)) add(docked, s, e)
  for (const i of intervals) {
    let f = byFamily.get(i.family)
    if (!f) byFamily.set(i.family, (f = new Float64Array(n)))
    add(f, i.start, i.end)
  }
  const cells: HeatCell[] = []
  for (let k = 0; k < n; k++) {
    const level = heatLevel(docked[k]! / stepMs)
    if (level === 0) continue
    let family: VehicleFamily = 'Other'
    let most = -1
    for (const [f, t] of byFamily)
      if (t[k]! > most) {
        most = t[k]!
        family = f
      }
    const start = (first + k) * stepMs
    const last = cells[cells.length - 1]
    if (last && last.end === start && last.level === level && last.family === family)
      cells[cells.length - 1] = { ...last, end: start + stepMs }
    else cells.push({ start, end: start + stepMs, level, family })
  }
  return cells
}

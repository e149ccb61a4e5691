/**
 * Occupancy over time: how many vehicles were docked at each instant, as an
 * exact step series (one step per change point, never sampled).
 *
 * The navigator strip, the Analysis view's occupancy chart and `cli occupancy`
 * all read this one series.
 */
import type { DockingEvent } from '../domain/model'
import type { StationId, UtcMillis } from '../domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../domain/vehicle-family'
import type { EndRule } from './effective-end'
import { timed, type TimedSpan } from './interval'
import { eventsByStation, remembered } from './prepared'

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
  // Change points as parallel arrays (time, stack key × 2 + 1 for an end):
  // 20,000 small objects cost more in GC than in sorting.
  const times: number[] = []
  const codes: number[] = []
  let name: string | null = null
  for (const e of events) {
    if (e.stationId === null) continue
    if (options.stationId !== undefined && e.stationId !== options.stationId) continue
    const end = options.endOf(e)
    if (end <= e.docking) continue
    name ??= e.stationName
    const key = keyIndex.get(stackBy === 'role' ? e.role : e.family) ?? keys.length - 1
    times.push(e.docking, end)
    codes.push(key * 2, key * 2 + 1)
  }
  const { at, code } = sortedChanges(times, codes, keys.length * 2)
  // A plain array, copied by slice: Array.from on a typed array walks an
  // iterator and was most of this function's time.
  const counts: number[] = keys.map(() => 0)
  const steps: OccupancyStep[] = []
  let total = 0
  let last: ReadonlyArray<number> | null = null
  for (let i = 0; i < at.length;) {
    const t = at[i]!
    for (; i < at.length && at[i] === t; i++) {
      const d = code[i]! & 1 ? -1 : 1
      counts[code[i]! >> 1]! += d
      total += d
    }
    if (last && sameCounts(last, counts)) continue
    last = counts.slice()
    steps.push({ at: t as UtcMillis, total, counts: last })
  }
  return {
    stationId: options.stationId ?? null,
    stationName: options.stationId === undefined ? null : name,
    stackBy,
    keys,
    steps,
  }
}

function sameCounts(a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false
  return true
}

/**
 * Change points in time order. Order within one instant does not matter
 * (the sweep applies all of an instant's changes before it emits a step).
 * Integer times are packed with their code into one float (time × scale +
 * code, exact below 2^53) and sorted natively, several times faster than a
 * comparator; any other time falls back to sorting an index.
 */
function sortedChanges(
  times: ReadonlyArray<number>,
  codes: ReadonlyArray<number>,
  codeCount: number,
): { readonly at: Float64Array; readonly code: Int32Array } {
  const n = times.length
  const at = new Float64Array(n)
  const code = new Int32Array(n)
  const scale = 2 ** Math.ceil(Math.log2(Math.max(2, codeCount)))
  const limit = Number.MAX_SAFE_INTEGER / scale - 1
  const packed = new Float64Array(n)
  let exact = true
  for (let i = 0; i < n && exact; i++) {
    const t = times[i]!
    exact = Number.isInteger(t) && Math.abs(t) < limit
    packed[i] = t * scale + codes[i]!
  }
  if (exact) {
    packed.sort()
    for (let i = 0; i < n; i++) {
      const t = Math.floor(packed[i]! / scale)
      at[i] = t
      code[i] = packed[i]! - t * scale
    }
  } else {
    const order = Uint32Array.from(times.keys()).sort((a, b) => times[a]! - times[b]!)
    for (let i = 0; i < n; i++) {
      at[i] = times[order[i]!]!
      code[i] = codes[order[i]!]!
    }
  }
  return { at, code }
}

/** One occupancy series per station that has events, in station-name order. */
export function occupancyByStation(
  events: ReadonlyArray<DockingEvent>,
  options: OccupancyOptions,
): ReadonlyArray<OccupancySeries> {
  return [...eventsByStation(events).entries()]
    .map(([stationId, list]) => occupancySeries(list, { ...options, stationId }))
    .filter((s) => s.steps.length > 0)
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
  const steps = series.steps
  const count = steps.reduce((m, s) => Math.max(m, s.total), 0)
  if (count === 0) return { count, intervals: [] }
  const intervals: TimedSpan[] = []
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]!.total !== count) continue
    const start = steps[i]!.at
    while (i + 1 < steps.length && steps[i + 1]!.total === count) i++
    // The last step always has total 0, so a peak step always has a successor.
    intervals.push(timed({ start, end: steps[i + 1]!.at }))
  }
  return { count, intervals }
}

/**
 * The total docked at instant `t` under a series (binary search): 0 before
 * the first step and after the last.
 */
export function occupancyAtTime(series: OccupancySeries, t: UtcMillis): number {
  const steps = series.steps
  let lo = 0
  let hi = steps.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (steps[mid]!.at <= t) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found < 0 ? 0 : steps[found]!.total
}

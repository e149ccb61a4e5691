/**
 * Pairs of intervals that overlap within a group: the one sweep behind the
 * chart's overlap hatches and the data checks' `port-overlap` and
 * `vehicle-two-places` flags.
 */
import { groupBy } from '../chart/group-by'

/** How to read an item as an interval in a group. */
export interface SweepKeys<T, K> {
  readonly group: (item: T) => K
  readonly start: (item: T) => number
  readonly end: (item: T) => number
  /** Tie-breaker, so the pairs come out in the same order on every run. */
  readonly id: (item: T) => number
}

/**
 * Every pair of items in one group whose intervals overlap, earlier start first.
 *
 * Touching intervals (one ends at the instant the next starts) do not overlap,
 * matching `isDockedAt`. Sweeps each group by start time, so it stays fast for
 * tens of thousands of items with few overlaps.
 */
export function overlappingPairs<T, K>(
  items: Iterable<T>,
  keys: SweepKeys<T, K>,
): ReadonlyArray<readonly [T, T]> {
  const out: Array<readonly [T, T]> = []
  for (const list of groupBy(items, keys.group).values()) {
    list.sort(
      (a, b) =>
        keys.start(a) - keys.start(b) || keys.end(a) - keys.end(b) || keys.id(a) - keys.id(b),
    )
    // Items still open at the current sweep position.
    let active: T[] = []
    for (const b of list) {
      const start = keys.start(b)
      active = active.filter((a) => keys.end(a) > start)
      for (const a of active) out.push([a, b])
      active.push(b)
    }
  }
  return out
}

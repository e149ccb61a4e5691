/**
 * Groupings of a query's events that several measures read, worked out once
 * per events array. The measures of one query (the Analysis view's sections,
 * `cli stats`) all receive the same array, so the first to ask pays and the
 * rest reuse; arrays are treated as immutable, as the store's are.
 */
import { groupIndices } from '../columns/groups'
import type { DockingEvent } from '../domain/model'
import type { StationId } from '../domain/units'
import type { EndRule } from './effective-end'

const byStationMemo = new WeakMap<
  ReadonlyArray<DockingEvent>,
  ReadonlyMap<StationId, ReadonlyArray<DockingEvent>>
>()

/** The events of each station, in the order given; events with no station are left out. */
export function eventsByStation(
  events: ReadonlyArray<DockingEvent>,
): ReadonlyMap<StationId, ReadonlyArray<DockingEvent>> {
  const known = byStationMemo.get(events)
  if (known) return known
  // Grouped first, then each list made at its size: lists grown by push leave
  // twice their size in garbage.
  const { keys, order, starts } = groupIndices(
    events.length,
    (i) => events[i]!.stationId,
    'events by station',
  )
  const groups = new Map<StationId, DockingEvent[]>()
  keys.forEach((id, g) => {
    const list = new Array<DockingEvent>(starts[g + 1]! - starts[g]!)
    for (let k = starts[g]!; k < starts[g + 1]!; k++) list[k - starts[g]!] = events[order[k]!]!
    groups.set(id, list)
  })
  byStationMemo.set(events, groups)
  return groups
}

const measureMemo = new WeakMap<
  ReadonlyArray<DockingEvent>,
  Map<string, { readonly rule: unknown; readonly value: unknown }>
>()

/**
 * A measure of `events` remembered under `name` for one `rule` (the end rule
 * it was worked out with): asked again with the same array, name and rule,
 * it is not worked out again. Only the latest rule per name is kept, so a
 * clock that moves `now` does not pile up old answers.
 */
export function remembered<T>(
  events: ReadonlyArray<DockingEvent>,
  name: string,
  rule: unknown,
  make: () => T,
): T {
  let byName = measureMemo.get(events)
  if (!byName) measureMemo.set(events, (byName = new Map()))
  const known = byName.get(name)
  if (known && known.rule === rule) return known.value as T
  const value = make()
  byName.set(name, { rule, value })
  return value
}

/**
 * Each event's effective end under `rule`, by position in `events`: worked
 * out once per array and rule for every measure that sums or sweeps time.
 */
export function effectiveEnds(events: ReadonlyArray<DockingEvent>, rule: EndRule): Float64Array {
  return remembered(events, 'effective ends', rule, () => {
    const ends = new Float64Array(events.length)
    for (let i = 0; i < events.length; i++) ends[i] = rule(events[i]!)
    return ends
  })
}

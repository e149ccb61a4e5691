/**
 * Groupings of a query's events that several measures read, worked out once
 * per events array. The measures of one query (the Analysis view's sections,
 * `cli stats`) all receive the same array, so the first to ask pays and the
 * rest reuse; arrays are treated as immutable, as the store's are.
 */
import type { DockingEvent } from '../domain/model'
import type { EventId, StationId } from '../domain/units'

const byStationMemo = new WeakMap<
  ReadonlyArray<DockingEvent>,
  ReadonlyMap<StationId, ReadonlyArray<DockingEvent>>
>()
const byIdMemo = new WeakMap<ReadonlyArray<DockingEvent>, ReadonlyMap<EventId, DockingEvent>>()

/** The events of each station, in the order given; events with no station are left out. */
export function eventsByStation(
  events: ReadonlyArray<DockingEvent>,
): ReadonlyMap<StationId, ReadonlyArray<DockingEvent>> {
  const known = byStationMemo.get(events)
  if (known) return known
  const groups = new Map<StationId, DockingEvent[]>()
  for (const e of events) {
    if (e.stationId === null) continue
    const list = groups.get(e.stationId)
    if (list) list.push(e)
    else groups.set(e.stationId, [e])
  }
  byStationMemo.set(events, groups)
  return groups
}

/** The events by id. */
export function eventsById(
  events: ReadonlyArray<DockingEvent>,
): ReadonlyMap<EventId, DockingEvent> {
  const known = byIdMemo.get(events)
  if (known) return known
  const byId = new Map<EventId, DockingEvent>()
  for (const e of events) byId.set(e.id, e)
  byIdMemo.set(events, byId)
  return byId
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

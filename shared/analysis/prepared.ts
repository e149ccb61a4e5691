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
  const byId = new Map(events.map((e) => [e.id, e]))
  byIdMemo.set(events, byId)
  return byId
}

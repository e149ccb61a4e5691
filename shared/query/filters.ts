/**
 * LL2's docking-event filters and ordering, done locally.
 *
 * The same query runs against the cache (CLI `list`, the UI's filter panels)
 * and can be turned into LL2 query parameters, so local and remote results
 * agree. Pure: values in, values out.
 */
import type { DataSource, DockingEvent, VehicleFamily, VehicleRole } from '../model'
import type { PortId, StationId, UtcMillis } from '../units'
import { toIsoUtc } from '../units'
import { matchesSearch, searchTerms } from './search'

/** LL2 `ordering` values for docking events; `-` means descending. */
export type EventOrdering = 'docking' | '-docking' | 'departure' | '-departure'

/** Every ordering, for validation of user input. */
export const EVENT_ORDERINGS: ReadonlyArray<EventOrdering> = [
  'docking',
  '-docking',
  'departure',
  '-departure',
]

/**
 * A query over docking events.
 *
 * Every field is optional and fields combine with AND. The `docking*` bounds,
 * `search` and `ordering` mean exactly what LL2's parameters of the same name
 * mean. `stationIds`, `portIds` and `chaserFlightId` are LL2's
 * `space_station_target__id`, `docking_location__id` and
 * `flight_vehicle_chaser__id`; lists allow several values (any may match),
 * and a one-element list is LL2's filter. `sources`, `families` and `roles`
 * are local only: LL2 has no such filters.
 */
export interface EventQuery {
  readonly search?: string
  readonly dockingGt?: UtcMillis
  readonly dockingGte?: UtcMillis
  readonly dockingLt?: UtcMillis
  readonly dockingLte?: UtcMillis
  readonly stationIds?: ReadonlyArray<StationId>
  readonly portIds?: ReadonlyArray<PortId>
  readonly chaserFlightId?: number
  readonly sources?: ReadonlyArray<DataSource>
  readonly families?: ReadonlyArray<VehicleFamily>
  readonly roles?: ReadonlyArray<VehicleRole>
  readonly ordering?: EventOrdering
}

/**
 * Builds a predicate for the query's filters and search (not its ordering).
 *
 * Build once and reuse: the search terms are split and lower-cased here, not
 * per event.
 */
export function eventPredicate(query: EventQuery): (event: DockingEvent) => boolean {
  const terms = searchTerms(query.search ?? '')
  const stations = query.stationIds?.length ? new Set<number>(query.stationIds) : null
  const ports = query.portIds?.length ? new Set<number>(query.portIds) : null
  const sources = query.sources?.length ? new Set<string>(query.sources) : null
  const families = query.families?.length ? new Set<string>(query.families) : null
  const roles = query.roles?.length ? new Set<string>(query.roles) : null
  const { dockingGt, dockingGte, dockingLt, dockingLte, chaserFlightId } = query
  return (e) =>
    (dockingGt === undefined || e.docking > dockingGt) &&
    (dockingGte === undefined || e.docking >= dockingGte) &&
    (dockingLt === undefined || e.docking < dockingLt) &&
    (dockingLte === undefined || e.docking <= dockingLte) &&
    (stations === null || (e.stationId !== null && stations.has(e.stationId))) &&
    (ports === null || (e.portId !== null && ports.has(e.portId))) &&
    (chaserFlightId === undefined || e.chaserFlightId === chaserFlightId) &&
    (sources === null || sources.has(e.source)) &&
    (families === null || families.has(e.family)) &&
    (roles === null || roles.has(e.role)) &&
    matchesSearch(e, terms)
}

/**
 * Compares two events by an LL2 ordering.
 *
 * A null departure (still docked) sorts last ascending and first descending,
 * as PostgreSQL sorts NULLs behind LL2; ties fall back to the id so the order
 * is stable from one call to the next.
 */
export function compareEvents(
  ordering: EventOrdering,
): (a: DockingEvent, b: DockingEvent) => number {
  const descending = ordering.startsWith('-')
  const field = descending ? ordering.slice(1) : ordering
  const sign = descending ? -1 : 1
  return (a, b) => {
    const va = field === 'docking' ? a.docking : a.departure
    const vb = field === 'docking' ? b.docking : b.departure
    if (va !== vb) {
      if (va === null) return sign
      if (vb === null) return -sign
      return sign * (va - vb)
    }
    return a.id - b.id
  }
}

/** Runs a query: filters, search, then ordering (docking ascending when none is given). */
export function queryEvents(
  events: ReadonlyArray<DockingEvent>,
  query: EventQuery,
): ReadonlyArray<DockingEvent> {
  const matches = events.filter(eventPredicate(query))
  return matches.sort(compareEvents(query.ordering ?? 'docking'))
}

/**
 * The LL2 query parameters that ask the server the same question.
 *
 * Only LL2's own filters are sent; a query with several stations or ports, or
 * with local-only filters, cannot be asked of LL2 in one request and is
 * rejected rather than silently answered differently.
 */
export function toLl2Params(query: EventQuery): ReadonlyArray<readonly [string, string]> {
  if ((query.stationIds?.length ?? 0) > 1 || (query.portIds?.length ?? 0) > 1) {
    throw new Error('LL2 filters take one station and one port at most')
  }
  if (query.sources?.length || query.families?.length || query.roles?.length) {
    throw new Error('sources, families and roles are local filters LL2 does not have')
  }
  const params: Array<readonly [string, string]> = []
  const time = (name: string, t: UtcMillis | undefined) => {
    if (t !== undefined) params.push([name, toIsoUtc(t)])
  }
  time('docking__gt', query.dockingGt)
  time('docking__gte', query.dockingGte)
  time('docking__lt', query.dockingLt)
  time('docking__lte', query.dockingLte)
  const station = query.stationIds?.[0]
  if (station !== undefined) params.push(['space_station_target__id', String(station)])
  const port = query.portIds?.[0]
  if (port !== undefined) params.push(['docking_location__id', String(port)])
  if (query.chaserFlightId !== undefined) {
    params.push(['flight_vehicle_chaser__id', String(query.chaserFlightId)])
  }
  if (query.search?.trim()) params.push(['search', query.search])
  if (query.ordering) params.push(['ordering', query.ordering])
  return params
}

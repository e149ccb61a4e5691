/**
 * Maps a Query to LL2 `/2.3.0/docking_events/` query parameters.
 *
 * LL2 can do its own substring search (`ll2` mode), the docking-time bounds, the station, port and chaser
 * flight filters and the ordering; everything else is applied locally. LL2's id
 * filters take one id each, so a selection of several stations or ports
 * becomes several requests whose results are united. The answer says exactly
 * what stays local, so a caller (a sync that fetches only what the user looks
 * at, the equivalence tests) can build requests and finish the job with
 * `evaluate`, which also orders the union.
 */
import { hasNoBounds, type Query } from './query'
import { searchTerms } from './search'

/** The query parameters of one LL2 request, by LL2 name (paging and mode excluded). */
export type Ll2Params = Readonly<Record<string, string>>

/** A part of the query LL2 cannot apply, and why. */
export interface LocalFilter {
  readonly field: keyof Query
  readonly reason: string
}

/** What LL2 can do for a Query and what is left to do locally. */
export interface Ll2Query {
  /**
   * Parameter sets, one per request; the LL2 result is the union of their
   * results (by event id), in `ordering` within each request. Always at least one.
   */
  readonly requests: ReadonlyArray<Ll2Params>
  /** Filters LL2 does not have: apply them to LL2's result to get the local result. */
  readonly local: ReadonlyArray<LocalFilter>
}

/**
 * Formats UTC millis as LL2 expects a date-time parameter: ISO 8601 in UTC.
 *
 * Milliseconds are kept only when present, so bounds typed to the second
 * read naturally in a URL.
 */
export function ll2DateTime(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z')
}

/**
 * Builds the LL2 requests for a query and lists what stays local.
 *
 * Station selections map to `space_station_target__id`, ports to
 * `docking_location__id`; since an event passes at a selected station *or* a
 * selected port, each gets its own request. LL2's station filter looks only at
 * the record's target station; records that name their station only through the
 * port are found locally but not by that request.
 */
export function toLl2Query(query: Query): Ll2Query {
  const common: Record<string, string> = {}
  const local: LocalFilter[] = []
  const terms = searchTerms(query.search)
  if (terms.length > 0) {
    if (query.searchMode === 'words') {
      local.push({
        field: 'search',
        reason:
          'search matches word starts, quoted phrases, dates, notes and sources; LL2 matches any part of a name',
      })
    } else if (query.searchVehicleNames) {
      local.push({
        field: 'search',
        reason: 'search also matches configuration and agency names, which LL2 does not search',
      })
    } else {
      // The terms, not the raw text: the same terms, and LL2 splits them the same way.
      common.search = terms.join(' ')
    }
  }
  const { gt, gte, lt, lte } = query.docking
  if (gt !== null) common.docking__gt = ll2DateTime(gt)
  if (gte !== null) common.docking__gte = ll2DateTime(gte)
  if (lt !== null) common.docking__lt = ll2DateTime(lt)
  if (lte !== null) common.docking__lte = ll2DateTime(lte)
  if (query.chaserFlightId !== null) common.flight_vehicle_chaser__id = String(query.chaserFlightId)
  common.ordering = query.ordering

  const noFilter = (field: keyof Query, what: string) =>
    local.push({ field, reason: `LL2 has no ${what} filter` })
  if (query.families.length > 0) noFilter('families', 'vehicle family')
  if (query.configurations.length > 0) noFilter('configurations', 'configuration')
  if (query.agencies.length > 0) noFilter('agencies', 'agency')
  if (query.roles.length > 0) noFilter('roles', 'vehicle role')
  if (query.states.length > 0) noFilter('states', 'still docked, departed or departure unknown')
  if (query.sources.length > 0) noFilter('sources', 'data source')
  if (!hasNoBounds(query.departure)) noFilter('departure', 'departure-time')
  if (query.minStay !== null) noFilter('minStay', 'stay length')
  if (query.maxStay !== null) noFilter('maxStay', 'stay length')
  if (query.conflictsWithReference)
    local.push({
      field: 'conflictsWithReference',
      reason: 'the reference records are local; LL2 cannot compare itself with them',
    })
  if (query.flagged) noFilter('flagged', 'data-check')

  const byLocation: Ll2Params[] = [
    ...[...query.stations]
      .sort((a, b) => a - b)
      .map((id) => ({ ...common, space_station_target__id: String(id) })),
    ...[...query.ports]
      .sort((a, b) => a - b)
      .map((id) => ({ ...common, docking_location__id: String(id) })),
  ]
  return { requests: byLocation.length > 0 ? byLocation : [common], local }
}

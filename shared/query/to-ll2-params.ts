/**
 * Maps a FilterState to LL2 `/2.3.0/docking_events/` query parameters.
 *
 * LL2 can do the search, the docking-time bounds and the station and port
 * filters; everything else is applied locally. LL2's id filters take one id
 * each, so a selection of several stations or ports becomes several requests
 * whose results are united. The answer says exactly what stays local, so a
 * caller (the CLI, a sync that fetches only what the user looks at) can build
 * requests and finish the job with `applyFilters`.
 */
import type { FilterState } from './filter-state'
import { searchTerms } from './search'

/** The query parameters of one LL2 request, by LL2 name (paging and mode excluded). */
export type Ll2Params = Readonly<Record<string, string>>

/** A part of the filter state LL2 cannot apply, and why. */
export interface LocalFilter {
  readonly field: keyof FilterState
  readonly reason: string
}

/** What LL2 can do for a FilterState and what is left to do locally. */
export interface Ll2Query {
  /**
   * Parameter sets, one per request; the LL2 result is the union of their
   * results (by event id). Always at least one.
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
 * Builds the LL2 requests for a filter state and lists what stays local.
 *
 * Station selections map to `space_station_target__id`, ports to
 * `docking_location__id`; since an event passes at a selected station *or* a
 * selected port, each gets its own request. LL2's station filter looks only at
 * the record's target station; records that name their station only through the
 * port are found locally but not by that request.
 */
export function toLl2Query(state: FilterState): Ll2Query {
  const common: Record<string, string> = {}
  const local: LocalFilter[] = []
  const terms = searchTerms(state.search)
  if (terms.length > 0) {
    if (state.searchVehicleNames) {
      local.push({
        field: 'search',
        reason: 'search also matches configuration and agency names, which LL2 does not search',
      })
    } else {
      // The terms, not the raw text: the same terms, and LL2 splits them the same way.
      common.search = terms.join(' ')
    }
  }
  const { gt, gte, lt, lte } = state.docking
  if (gt !== null) common.docking__gt = ll2DateTime(gt)
  if (gte !== null) common.docking__gte = ll2DateTime(gte)
  if (lt !== null) common.docking__lt = ll2DateTime(lt)
  if (lte !== null) common.docking__lte = ll2DateTime(lte)

  const noFilter = (field: keyof FilterState, what: string) =>
    local.push({ field, reason: `LL2 has no ${what} filter` })
  if (state.families.length > 0) noFilter('families', 'vehicle family')
  if (state.configurations.length > 0) noFilter('configurations', 'configuration')
  if (state.agencies.length > 0) noFilter('agencies', 'agency')
  if (state.roles.length > 0) noFilter('roles', 'vehicle role')
  if (state.states.length > 0) noFilter('states', 'still-docked or departed')
  if (state.minStay !== null) noFilter('minStay', 'stay length')
  if (state.maxStay !== null) noFilter('maxStay', 'stay length')

  const byLocation: Ll2Params[] = [
    ...[...state.stations]
      .sort((a, b) => a - b)
      .map((id) => ({ ...common, space_station_target__id: String(id) })),
    ...[...state.ports]
      .sort((a, b) => a - b)
      .map((id) => ({ ...common, docking_location__id: String(id) })),
  ]
  return { requests: byLocation.length > 0 ? byLocation : [common], local }
}

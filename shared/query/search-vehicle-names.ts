/**
 * The app's search, one step wider than LL2's.
 *
 * LL2's SearchFilter looks only at port, spacecraft, payload and station names
 * (`search.ts`). Users also type a vehicle's configuration ("Soyuz 7K-T") or an
 * agency ("JAXA"), so the app can match those two names as well. Kept apart from
 * `search.ts` on purpose: that file is LL2's semantics and nothing else, and a
 * search that uses this one cannot be sent to LL2 (`to-ll2-params.ts` says so).
 */
import type { DockingEvent } from '../domain/model'
import { matchesSearch } from './search'

/**
 * Does one event match every term, counting configuration and agency names too?
 *
 * Same rules as LL2 (case-insensitive substring, OR across fields, AND across
 * terms), over LL2's seven fields plus the vehicle's configuration and agency
 * names. Every event LL2's search finds is found here as well.
 */
export function matchesSearchWithVehicleNames(
  event: DockingEvent,
  terms: ReadonlyArray<string>,
): boolean {
  if (terms.length === 0) return true
  const configuration = event.configuration?.toLowerCase() ?? null
  const agency = event.agency?.toLowerCase() ?? null
  return terms.every(
    (term) =>
      (configuration !== null && configuration.includes(term)) ||
      (agency !== null && agency.includes(term)) ||
      matchesSearch(event, [term]),
  )
}

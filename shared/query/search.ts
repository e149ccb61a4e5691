/**
 * LL2's `search` parameter, done locally.
 *
 * LL2 runs Django REST framework's SearchFilter over seven name fields of a
 * docking event. Doing exactly the same here means a search in the app finds
 * what the same search on LL2 would, whether the data is cached or not.
 */
import type { DockingEvent, SearchNames } from '../domain/model'

/** The seven searched fields, in LL2's order (`DockingEventViewSet.search_fields`). */
export const SEARCH_FIELDS: ReadonlyArray<keyof SearchNames> = [
  'port',
  'chaserSpacecraft',
  'targetSpacecraft',
  'chaserPayload',
  'targetPayload',
  'chaserStation',
  'targetStation',
]

/**
 * Splits a search string into terms the way SearchFilter does.
 *
 * DRF replaces NUL and commas with spaces, then splits on whitespace, so
 * `"soyuz, kvant"` is two terms and an empty or blank string is none.
 * Terms are returned lower-cased, ready for matching.
 */
export function searchTerms(search: string): ReadonlyArray<string> {
  return search
    .replace(/\0/g, '')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => t.toLowerCase())
}

/**
 * Does one event match every term?
 *
 * Each term must occur, case-insensitively, as a substring of at least one of
 * the seven fields (DRF's `icontains`, OR across fields, AND across terms).
 * A null field matches nothing, as a SQL NULL would not. No terms match all.
 */
export function matchesSearch(event: DockingEvent, terms: ReadonlyArray<string>): boolean {
  if (terms.length === 0) return true
  const names = event.searchNames
  const haystack: string[] = []
  for (const field of SEARCH_FIELDS) {
    const value = names[field]
    if (value) haystack.push(value.toLowerCase())
  }
  return terms.every((term) => haystack.some((value) => value.includes(term)))
}

/** Events matching a search string, in their original order. */
export function searchEvents(
  events: ReadonlyArray<DockingEvent>,
  search: string,
): ReadonlyArray<DockingEvent> {
  const terms = searchTerms(search)
  return terms.length === 0 ? events : events.filter((e) => matchesSearch(e, terms))
}

/**
 * Pre-lowered search text per event, so a keystroke costs one substring test per term.
 *
 * Lower-casing seven names of every event on every keystroke is most of a
 * search's time over 10,000 events. Events are immutable, so each event's
 * names are joined and lower-cased once and kept in a WeakMap (dropped with
 * the event). The matching rule is unchanged: a term matches when it occurs in
 * one field; fields are joined with NUL, which `searchTerms` strips from every
 * term, so no match can run across two fields.
 */
import type { DockingEvent } from '../domain/model'
import { SEARCH_FIELDS } from './search'

interface SearchText {
  /** LL2's seven fields (`SEARCH_FIELDS`), lower-cased, NUL-joined; null fields left out. */
  readonly ll2: string
  /** The same plus configuration and agency names. */
  readonly withVehicleNames: string
}

const cache = new WeakMap<DockingEvent, SearchText>()
const SEP = '\u0000'

function textOf(event: DockingEvent): SearchText {
  let text = cache.get(event)
  if (!text) {
    const names: string[] = []
    for (const field of SEARCH_FIELDS) {
      const value = event.searchNames[field]
      if (value) names.push(value.toLowerCase())
    }
    const ll2 = names.join(SEP)
    const extra = [event.configuration, event.agency]
      .filter((v): v is string => !!v)
      .map((v) => v.toLowerCase())
    text = { ll2, withVehicleNames: [ll2, ...extra].join(SEP) }
    cache.set(event, text)
  }
  return text
}

/**
 * Does the event match every term (lower-cased, as `searchTerms` gives them)?
 *
 * With `withVehicleNames` false this is exactly `matchesSearch` (LL2's
 * SearchFilter); with it true, exactly `matchesSearchWithVehicleNames`. Unit
 * tests hold the three together.
 */
export function matchesSearchText(
  event: DockingEvent,
  terms: ReadonlyArray<string>,
  withVehicleNames: boolean,
): boolean {
  if (terms.length === 0) return true
  const text = textOf(event)
  const haystack = withVehicleNames ? text.withVehicleNames : text.ll2
  for (const term of terms) if (!haystack.includes(term)) return false
  return true
}

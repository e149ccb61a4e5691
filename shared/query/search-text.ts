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

/** The last substring search over one events array, to narrow from on the next keystroke. */
interface LastSearch {
  readonly terms: ReadonlyArray<string>
  readonly withVehicleNames: boolean
  readonly mask: Uint8Array
}

const lastSearches = new WeakMap<ReadonlyArray<DockingEvent>, LastSearch>()

// Every event matching `terms` matched `previous` when each previous term lies
// inside some new term: typing on at the end of a search only narrows it.
const narrows = (previous: ReadonlyArray<string>, terms: ReadonlyArray<string>): boolean =>
  previous.every((p) => terms.some((t) => t.includes(p)))

/**
 * The events matching every term (LL2's substring rule), as a mask by index; null for no terms.
 *
 * A search that extends the previous one over the same array tests only the
 * events the previous one matched. The answer is shared: treat it as read-only.
 */
export function substringSearchMask(
  events: ReadonlyArray<DockingEvent>,
  terms: ReadonlyArray<string>,
  withVehicleNames: boolean,
): Uint8Array | null {
  if (terms.length === 0) return null
  const last = lastSearches.get(events)
  const from =
    last && last.withVehicleNames === withVehicleNames && narrows(last.terms, terms)
      ? last.mask
      : null
  if (from && last && last.terms.join('\u0000') === terms.join('\u0000')) return from
  const mask = new Uint8Array(events.length)
  for (let i = 0; i < events.length; i++) {
    if ((from === null || from[i]) && matchesSearchText(events[i]!, terms, withVehicleNames))
      mask[i] = 1
  }
  lastSearches.set(events, { terms, withVehicleNames, mask })
  return mask
}

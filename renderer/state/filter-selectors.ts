import { dataExtent } from '../../shared/chart/timeline-rows'
import type { DockingEvent } from '../../shared/domain/model'
import type { UtcMillis } from '../../shared/domain/units'
import {
  evaluate,
  failuresButSearch,
  matchingEvents,
  matchingWithin,
  noCounts,
  type Evaluation,
  type EvaluationContext,
  type IdLookup,
  type OptionCounts,
} from '../../shared/query/evaluate'
import { highlightTerms } from '../../shared/query/highlight'
import type { Query } from '../../shared/query/query'
import type { EndFacts } from '../../shared/occupancy/end-facts'
import { selectEndFacts } from './quality-selectors'
import type { Clock } from './clock'
import type { AppState } from './store'

/** What filtering and search remember between calls; part of a store's `SelectorMemo`. */
export interface FilterMemo {
  filteredEvents(state: AppState): ReadonlyArray<DockingEvent>
  filterResult(state: AppState): Evaluation
  countsLater(state: AppState): LaterCounts
  searchMatches(state: AppState): SearchMatches
}

const NO_EVENTS: ReadonlyArray<DockingEvent> = []
const NO_MATCHES: SearchMatches = { terms: [], eventIds: new Set(), isActive: false }

/**
 * The filtered events and every option's count, memoized on the data and the filter state.
 *
 * Derived, never stored: the same data and filters give the same object, so
 * components subscribing to it re-render only when either changes. The clock
 * for still-docked stays is read when the inputs change, which is when the
 * answer can change for the user.
 */
export const selectFilterResult = (state: AppState): Evaluation => state.memo.filterResult(state)

/**
 * The option counts of the state, worked out when first read: the same object
 * while the filters and data are the same. The filter panel reads it through
 * `useDeferredValue`, so a keystroke's urgent render sees the last answer and
 * only the deferred render pays for the counts (a full pass over the events
 * that the result alone does not need).
 */
export interface LaterCounts {
  readonly counts: OptionCounts
}

/** The option counts, to be read later (see LaterCounts). */
export const selectCountsLater = (state: AppState): LaterCounts => state.memo.countsLater(state)

/**
 * Whether the filters moved on from the view last opened or saved, which the
 * saved-views list marks as changed; false with no such view.
 */
export function selectActiveViewChanged(state: AppState): boolean {
  const view = state.savedViews.find((v) => v.id === state.activeViewId)
  return view !== undefined && JSON.stringify(state.filters) !== JSON.stringify(view.filters)
}

/** Events passing the search and every filter: what the chart, table and exports show. */
export function selectFilteredEvents(state: AppState): ReadonlyArray<DockingEvent> {
  return state.memo.filteredEvents(state)
}

/**
 * The span of the filtered events at `now`, each to where its bar ends: what
 * "Fit all", the presets and fitting to results show. Null with no events.
 */
export function selectFilteredExtent(state: AppState, now: UtcMillis = state.now) {
  return dataExtent(selectFilteredEvents(state), now, selectEndFacts(state))
}

/** What the search matched, for highlighting bars and table rows. */
export interface SearchMatches {
  /** The search's terms as highlighting reads them (`highlightTerms`). */
  readonly terms: ReadonlyArray<string>
  /** Ids of shown events that match the search (all shown events while a search is active). */
  readonly eventIds: ReadonlySet<number>
  /** True while a search narrows the data. */
  readonly isActive: boolean
}

/** CSS class on table rows of events matching the search. */
export const SEARCH_MATCH_CLASS = 'is-match'

/**
 * The search's matches: its terms and the ids of the events it found.
 *
 * Table rows of these events get `SEARCH_MATCH_CLASS`; text cells and bar
 * labels alike highlight the terms. The chart outlines every bar it shows
 * while there are terms, since search also filters (bar-painter.ts).
 */
export const selectSearchMatches = (state: AppState): SearchMatches =>
  state.memo.searchMatches(state)

/** What filtering reads from the state: the same object while none of it changes. */
interface FilterInputs {
  readonly events: ReadonlyArray<DockingEvent>
  readonly filters: Query
  readonly conflicts: IdLookup | undefined
  readonly flagged: ReadonlySet<number> | undefined
  readonly unitOf: ((event: DockingEvent) => number | null) | undefined
  /** Where open stays end, for the state and stay filters (`endFacts`). */
  readonly ends: EndFacts
}

/** Query fields only the search reads: typing changes these and leaves the rest alone. */
const SEARCH_FIELDS: ReadonlySet<string> = new Set<keyof Query>([
  'search',
  'searchMode',
  'searchVehicleNames',
])

/** Whether two queries agree on every filter but the search (field by field, by identity). */
function sameButSearch(a: Query, b: Query): boolean {
  for (const key of Object.keys(a) as Array<keyof Query>)
    if (!SEARCH_FIELDS.has(key) && a[key] !== b[key]) return false
  return Object.keys(a).length === Object.keys(b).length
}

function sameEvents(a: ReadonlyArray<DockingEvent>, b: ReadonlyArray<DockingEvent>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The events' ids, worked out when first asked for and then kept. */
function idsOnRead(events: ReadonlyArray<DockingEvent>): () => ReadonlySet<number> {
  let ids: ReadonlySet<number> | null = null
  return () => (ids ??= new Set(events.map((e) => e.id)))
}

/** What the filter memo reads from the store's other memos. */
export interface FilterReads {
  /** Events that conflict with the reference set (read only while that filter is on). */
  conflictIds(state: AppState): IdLookup | undefined
  /** Events the data checks flag (read only while that filter is on). */
  flaggedIds(state: AppState): ReadonlySet<number>
  /** The key option counts count under; undefined while counting dockings. */
  unitKey(state: AppState): ((event: DockingEvent) => number | null) | undefined
}

/**
 * What each event fails but the search (`failuresButSearch`), worked out again
 * only when the data or a filter other than the search changes: while the user
 * types, every keystroke reuses it. Undefined while a stay filter is on, since
 * that reads the clock for vehicles still docked.
 */
function keepFailuresButSearch(
  clock: Clock,
  context: (inputs: FilterInputs) => EvaluationContext,
): (inputs: FilterInputs) => Uint16Array | undefined {
  let kept: { inputs: FilterInputs; failed: Uint16Array } | null = null
  return (inputs) => {
    const { filters } = inputs
    if (filters.minStay !== null || filters.maxStay !== null) return undefined
    const k = kept?.inputs
    if (
      !k ||
      k.events !== inputs.events ||
      k.conflicts !== inputs.conflicts ||
      k.flagged !== inputs.flagged ||
      k.ends !== inputs.ends ||
      !sameButSearch(k.filters, filters)
    )
      kept = {
        inputs,
        failed: failuresButSearch(inputs.events, filters, clock.now(), context(inputs)),
      }
    return kept!.failed
  }
}

/**
 * The filter memo: the filtered events, their option counts (now or later)
 * and the search's matches, each the same object while its inputs are.
 */
export function createFilterMemo(clock: Clock, reads: FilterReads): FilterMemo {
  let eventsCache: {
    inputs: FilterInputs | null
    events: ReadonlyArray<DockingEvent>
  } = { inputs: null, events: NO_EVENTS }
  let filterCache: { inputs: FilterInputs | null; result: Evaluation } = {
    inputs: null,
    result: { events: NO_EVENTS, counts: noCounts() },
  }
  let laterCache: { inputs: FilterInputs | null; later: LaterCounts } = {
    inputs: null,
    later: { counts: noCounts() },
  }
  // What the result and the counts depend on; the same object while none of it changes.
  let inputsCache: FilterInputs | null = null
  const filterInputs = (state: AppState): FilterInputs => {
    const events = state.data?.events ?? NO_EVENTS
    // Only the conflicts and `flagged` filters read the comparison and the
    // checks; others need not wait for them.
    const conflicts = state.filters.conflictsWithReference ? reads.conflictIds(state) : undefined
    const flagged = state.filters.flagged ? reads.flaggedIds(state) : undefined
    // Counting by visit, each option counts the visits its matching legs touch.
    const unitOf = reads.unitKey(state)
    // Of all the data, as the bars read them; the same object while the data is.
    const ends = selectEndFacts(state)
    const c = inputsCache
    if (
      !c ||
      c.events !== events ||
      c.filters !== state.filters ||
      c.conflicts !== conflicts ||
      c.flagged !== flagged ||
      c.unitOf !== unitOf ||
      c.ends !== ends
    )
      inputsCache = { events, filters: state.filters, conflicts, flagged, unitOf, ends }
    return inputsCache!
  }
  const context = (i: FilterInputs): EvaluationContext => ({
    conflictEventIds: i.conflicts,
    flaggedEventIds: i.flagged,
    unitOf: i.unitOf,
    endFacts: i.ends,
  })
  const butSearch = keepFailuresButSearch(clock, context)
  const matching = (inputs: FilterInputs): ReadonlyArray<DockingEvent> => {
    const failed = butSearch(inputs)
    return failed
      ? matchingWithin(inputs.events, inputs.filters, failed)
      : matchingEvents(inputs.events, inputs.filters, clock.now(), context(inputs))
  }
  let matchesCache: {
    events: ReadonlyArray<DockingEvent> | null
    search: string
    ids: () => ReadonlySet<number>
    matches: SearchMatches
  } = {
    events: null,
    search: '',
    ids: () => NO_MATCHES.eventIds,
    matches: NO_MATCHES,
  }

  const filter: FilterMemo = {
    filteredEvents(state: AppState): ReadonlyArray<DockingEvent> {
      const inputs = filterInputs(state)
      const c = eventsCache
      // The events do not depend on how options are counted.
      if (
        !c.inputs ||
        c.inputs.events !== inputs.events ||
        c.inputs.filters !== inputs.filters ||
        c.inputs.conflicts !== inputs.conflicts ||
        c.inputs.flagged !== inputs.flagged
      ) {
        const next = matching(inputs)
        // A keystroke that leaves the same events keeps the same array, so rows,
        // bars and the chart downstream see no change and do no work.
        eventsCache = { inputs, events: sameEvents(c.events, next) ? c.events : next }
      } else eventsCache = { inputs, events: c.events }
      return eventsCache.events
    },
    filterResult(state: AppState): Evaluation {
      const inputs = filterInputs(state)
      if (filterCache.inputs !== inputs) {
        const { counts } = evaluate(
          inputs.events,
          inputs.filters,
          clock.now(),
          context(inputs),
          butSearch(inputs),
        )
        filterCache = { inputs, result: { events: filter.filteredEvents(state), counts } }
      }
      return filterCache.result
    },
    countsLater(state: AppState): LaterCounts {
      const inputs = filterInputs(state)
      if (laterCache.inputs !== inputs) {
        let counts: OptionCounts | null = null
        laterCache = {
          inputs,
          later: {
            get counts() {
              return (counts ??= filter.filterResult(state).counts)
            },
          },
        }
      }
      return laterCache.later
    },
    searchMatches(state: AppState): SearchMatches {
      const events = filter.filteredEvents(state)
      const search = state.filters.search
      if (matchesCache.events !== events || matchesCache.search !== search) {
        const terms = highlightTerms(state.filters)
        // The id set keeps its identity while the shown events do, so a keystroke
        // that changes only the terms does not restyle every row. Only the table
        // reads it (the chart outlines every bar it shows while there are terms),
        // so it is built when first read, not on every keystroke.
        const ids = matchesCache.events === events ? matchesCache.ids : idsOnRead(events)
        matchesCache = {
          events,
          search,
          ids,
          matches:
            terms.length === 0
              ? NO_MATCHES
              : {
                  terms,
                  get eventIds() {
                    return ids()
                  },
                  isActive: true,
                },
        }
      }
      return matchesCache.matches
    },
  }
  return filter
}

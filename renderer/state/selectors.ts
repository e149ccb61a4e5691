import { memoThinDenseRows, type LodView, type ThinnedBars } from '../../shared/chart/lod'
import type { DockingData, DockingEvent } from '../../shared/domain/model'
import {
  evaluate,
  matchingEvents,
  noCounts,
  type Evaluation,
  type OptionCounts,
} from '../../shared/query/evaluate'
import type { Query } from '../../shared/query/query'
import { rowsInLocationScope } from '../../shared/query/location-selection'
import { highlightTerms } from '../../shared/query/highlight'
import {
  countRowEvents,
  indexBars,
  layoutRows,
  placeBars,
  shownBars,
  type Bar,
  type BarIndex,
  type ChartRow,
  type Overlap,
  type PlacedBar,
} from '../../shared/chart/chart-model'
import { orderStations, rowsWithDockingsIn } from '../../shared/chart/station-order'
import { buildRows, type StationRow } from '../../shared/chart/timeline-rows'
import type { Clock } from './clock'
import { createCountMemo, type CountMemo } from './count-selectors'
import { createQualityMemo, type QualityMemo } from './quality-selectors'
import { createReferenceMemo, type ReferenceMemo } from './reference-selectors'
import type { AppState } from './store'

/*
 * Selectors are plain functions of the state, as components call them; their
 * memory lives in the store they read (`state.memo`, made with the store), so
 * two stores (two windows, two tests) never hand each other stale answers.
 */

/** A store's selectors with what they remember between calls; one per store. */
export interface SelectorMemo extends ReferenceMemo, QualityMemo, CountMemo {
  rows(state: AppState): ReadonlyArray<StationRow>
  chartRows(state: AppState): ReadonlyArray<ChartRow>
  bars(state: AppState): ReadonlyArray<Bar>
  placedBars(state: AppState): ReadonlyArray<PlacedBar>
  denseRuns(state: AppState): number
  /** Dense rows thinned for a view, remembered: the chart's canvas and the legend share it. */
  thin(placed: ReadonlyArray<PlacedBar>, view: LodView): ThinnedBars
  selectedEvent(state: AppState): DockingEvent | null
  overlaps(state: AppState): ReadonlyArray<Overlap>
  filteredEvents(state: AppState): ReadonlyArray<DockingEvent>
  filterResult(state: AppState): Evaluation
  countsLater(state: AppState): LaterCounts
  searchMatches(state: AppState): SearchMatches
}

// ---- Chart rows and bars (issue #4) ----

const EMPTY: ReadonlyArray<StationRow> = []
const NO_CHART_ROWS: ReadonlyArray<ChartRow> = []
const NO_BARS: ReadonlyArray<Bar> = []
const NO_EVENTS: ReadonlyArray<DockingEvent> = []
const NO_MATCHES: SearchMatches = { terms: [], eventIds: new Set(), isActive: false }

/**
 * Station and port rows: ordered on all the data, counted on the filtered events.
 *
 * Memoized on the data and the filtered events, so filtering never reorders
 * the stations under the user's eyes.
 */
export const selectRows = (state: AppState): ReadonlyArray<StationRow> => state.memo.rows(state)

/** The rows as drawn: collapsed stations folded, empty ports hidden if the user asked. */
export const selectChartRows = (state: AppState): ReadonlyArray<ChartRow> =>
  state.memo.chartRows(state)

/** Bars of the filtered events; still-docked bars run to the store's clock. */
export const selectBars = (state: AppState): ReadonlyArray<Bar> => state.memo.bars(state)

/** Each shown bar with the row it is drawn in. */
export const selectPlacedBars = (state: AppState): ReadonlyArray<PlacedBar> =>
  state.memo.placedBars(state)

/**
 * How many runs of bars the chart draws as strips at the zoom it last drew
 * (rows too dense to draw apart; shared/chart-lod), for the legend to explain them.
 */
export const selectDenseRuns = (state: AppState): number => state.memo.denseRuns(state)

/**
 * The selected docking, shown or filtered out, or null. Memoized: components
 * read it on every store change, and the lookup scans every event.
 */
export const selectSelectedEvent = (state: AppState): DockingEvent | null =>
  state.memo.selectedEvent(state)

/** Pairs of bars that overlap on one port: data errors to hatch and list. */
export const selectOverlaps = (state: AppState): ReadonlyArray<Overlap> =>
  state.memo.overlaps(state)

// ---- Search and filters (issue #5) ----

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
  readonly conflicts: ReadonlySet<number> | undefined
  readonly flagged: ReadonlySet<number> | undefined
  readonly unitOf: ((event: DockingEvent) => number | null) | undefined
}

function sameEvents(a: ReadonlyArray<DockingEvent>, b: ReadonlyArray<DockingEvent>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The memory of one store's selectors. Each entry keeps its last inputs and
 * answer; the same inputs give the same object, which is what lets components
 * skip work.
 */
export function createSelectorMemo(clock: Clock): SelectorMemo {
  let allRowsCache: {
    key: DockingData | null
    order: string | null
    rows: ReadonlyArray<StationRow>
  } = { key: null, order: null, rows: EMPTY }
  let rowsCache: { key: unknown; base: unknown; rows: ReadonlyArray<StationRow> } = {
    key: null,
    base: null,
    rows: EMPTY,
  }
  let chartRowsCache: {
    rows: ReadonlyArray<StationRow> | null
    collapsed: ReadonlyArray<number> | null
    hide: boolean
    inView: unknown
    out: ReadonlyArray<ChartRow>
  } = { rows: null, collapsed: null, hide: false, inView: null, out: NO_CHART_ROWS }
  // Every event's bar, once per data, clock and checks; a filter only picks from them.
  let indexCache: { events: unknown; now: number; checks: unknown; index: BarIndex } = {
    events: null,
    now: 0,
    checks: null,
    index: { bars: new Map(), overlaps: [] },
  }
  const barIndex = (state: AppState): BarIndex => {
    const events = state.data?.events ?? NO_EVENTS
    const checks = memo.checks(state)
    const c = indexCache
    if (c.events !== events || c.now !== state.now || c.checks !== checks) {
      const facts = { lives: checks.lives, flagged: checks.flagged, visits: memo.visits(state) }
      indexCache = { events, now: state.now, checks, index: indexBars(events, state.now, facts) }
    }
    return indexCache.index
  }
  let barsCache: {
    events: unknown
    index: BarIndex | null
    bars: ReadonlyArray<Bar>
    overlaps: ReadonlyArray<Overlap>
  } = { events: null, index: null, bars: NO_BARS, overlaps: [] }
  let placedCache: { bars: unknown; rows: unknown; placed: ReadonlyArray<PlacedBar> } = {
    bars: null,
    rows: null,
    placed: [],
  }
  let denseCache: { placed: unknown; view: unknown; runs: number } = {
    placed: null,
    view: null,
    runs: 0,
  }
  let selectedCache: { data: unknown; id: number | null; event: DockingEvent | null } = {
    data: null,
    id: null,
    event: null,
  }
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
    const conflicts = state.filters.conflictsWithReference
      ? memo.referenceComparison(state)?.conflictEventIds
      : undefined
    const flagged = state.filters.flagged ? memo.checks(state).flagged : undefined
    // Counting by visit, each option counts the visits its matching legs touch.
    const unitOf = memo.unitKey(state)
    const c = inputsCache
    if (
      !c ||
      c.events !== events ||
      c.filters !== state.filters ||
      c.conflicts !== conflicts ||
      c.flagged !== flagged ||
      c.unitOf !== unitOf
    )
      inputsCache = { events, filters: state.filters, conflicts, flagged, unitOf }
    return inputsCache!
  }
  const context = (i: FilterInputs) => ({
    conflictEventIds: i.conflicts,
    flaggedEventIds: i.flagged,
    unitOf: i.unitOf,
  })
  let matchesCache: {
    events: ReadonlyArray<DockingEvent> | null
    search: string
    matches: SearchMatches
  } = {
    events: null,
    search: '',
    matches: NO_MATCHES,
  }

  const thin = memoThinDenseRows()

  const memo: SelectorMemo = {
    ...createReferenceMemo((state) => memo.chartRows(state)),
    ...createQualityMemo(),
    ...createCountMemo(
      (state) => memo.visits(state),
      (state) => memo.filteredEvents(state),
    ),
    rows(state: AppState): ReadonlyArray<StationRow> {
      const data = state.data
      if (!data) return EMPTY
      if (allRowsCache.key !== data || allRowsCache.order !== state.stationOrder) {
        // Ordered on all the data, once per data and order: filtering never reorders stations.
        const built = buildRows(data.stations, data.ports, data.events)
        allRowsCache = {
          key: data,
          order: state.stationOrder,
          rows: orderStations(built, data.events, state.stationOrder, clock.now()),
        }
      }
      const events = memo.filteredEvents(state)
      if (rowsCache.key !== events || rowsCache.base !== allRowsCache.rows) {
        rowsCache = {
          key: events,
          base: allRowsCache.rows,
          // A station or port filter removes other stations' rows (issue #5).
          rows: countRowEvents(rowsInLocationScope(allRowsCache.rows, state.filters), events),
        }
      }
      return rowsCache.rows
    },
    chartRows(state: AppState): ReadonlyArray<ChartRow> {
      const rows = memo.rows(state)
      const c = chartRowsCache
      const inView = state.hideRowsOutOfView ? state.rowsWindow : null
      if (
        c.rows !== rows ||
        c.collapsed !== state.collapsedStations ||
        c.hide !== state.hideEmptyPorts ||
        c.inView !== inView
      ) {
        const laid = layoutRows(rows, {
          collapsedStations: new Set(state.collapsedStations),
          hideEmptyPorts: state.hideEmptyPorts,
        })
        chartRowsCache = {
          rows,
          collapsed: state.collapsedStations,
          hide: state.hideEmptyPorts,
          inView,
          out: inView
            ? rowsWithDockingsIn(laid, memo.filteredEvents(state), inView, state.now)
            : laid,
        }
      }
      return chartRowsCache.out
    },
    bars(state: AppState): ReadonlyArray<Bar> {
      const events = memo.filteredEvents(state)
      const index = barIndex(state)
      if (barsCache.events !== events || barsCache.index !== index)
        barsCache = { events, index, ...shownBars(index, events) }
      return barsCache.bars
    },
    placedBars(state: AppState): ReadonlyArray<PlacedBar> {
      const bars = memo.bars(state)
      const rows = memo.chartRows(state)
      if (placedCache.bars !== bars || placedCache.rows !== rows) {
        placedCache = { bars, rows, placed: placeBars(bars, rows) }
      }
      return placedCache.placed
    },
    denseRuns(state: AppState): number {
      const placed = memo.placedBars(state)
      const view = state.drawnView
      if (denseCache.placed !== placed || denseCache.view !== view) {
        denseCache = {
          placed,
          view,
          runs: view ? thin(placed, view).runs.length : 0,
        }
      }
      return denseCache.runs
    },
    thin,
    selectedEvent(state: AppState): DockingEvent | null {
      const { data, selectedEventId: id } = state
      if (selectedCache.data !== data || selectedCache.id !== id)
        selectedCache = {
          data,
          id,
          event: id === null ? null : (data?.events.find((e) => e.id === id) ?? null),
        }
      return selectedCache.event
    },
    overlaps(state: AppState): ReadonlyArray<Overlap> {
      memo.bars(state)
      return barsCache.overlaps
    },
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
        const next = matchingEvents(inputs.events, inputs.filters, clock.now(), context(inputs))
        // A keystroke that leaves the same events keeps the same array, so rows,
        // bars and the chart downstream see no change and do no work.
        eventsCache = { inputs, events: sameEvents(c.events, next) ? c.events : next }
      } else eventsCache = { inputs, events: c.events }
      return eventsCache.events
    },
    filterResult(state: AppState): Evaluation {
      const inputs = filterInputs(state)
      if (filterCache.inputs !== inputs) {
        const { counts } = evaluate(inputs.events, inputs.filters, clock.now(), context(inputs))
        filterCache = { inputs, result: { events: memo.filteredEvents(state), counts } }
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
              return (counts ??= memo.filterResult(state).counts)
            },
          },
        }
      }
      return laterCache.later
    },
    searchMatches(state: AppState): SearchMatches {
      const events = memo.filteredEvents(state)
      const search = state.filters.search
      if (matchesCache.events !== events || matchesCache.search !== search) {
        const terms = highlightTerms(state.filters)
        const previous = matchesCache.matches
        // The id set keeps its identity while the shown events do, so a keystroke
        // that changes only the terms does not restyle every bar.
        const eventIds =
          previous.isActive && matchesCache.events === events
            ? previous.eventIds
            : new Set<number>(events.map((e) => e.id))
        matchesCache = {
          events,
          search,
          matches: terms.length === 0 ? NO_MATCHES : { terms, eventIds, isActive: true },
        }
      }
      return matchesCache.matches
    },
  }
  return memo
}

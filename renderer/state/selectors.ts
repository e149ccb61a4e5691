import type { DockingEvent } from '../../shared/model'
import { evaluate, noCounts, type Evaluation } from '../../shared/query/evaluate'
import type { Query } from '../../shared/query/query'
import { rowsInLocationScope } from '../../shared/query/location-selection'
import { searchTerms } from '../../shared/query/search'
import {
  buildBars,
  countRowEvents,
  findOverlaps,
  layoutRows,
  placeBars,
  type Bar,
  type ChartRow,
  type Overlap,
  type PlacedBar,
} from '../../shared/chart-model'
import { buildRows, type StationRow } from '../../shared/timeline-rows'
import { utcMillis } from '../../shared/units'
import type { AppState } from './store'

// ---- Chart rows and bars (issue #4) ----

const EMPTY: ReadonlyArray<StationRow> = []
let allRowsCache: { key: unknown; rows: ReadonlyArray<StationRow> } = { key: null, rows: EMPTY }
let rowsCache: { key: unknown; base: unknown; rows: ReadonlyArray<StationRow> } = {
  key: null,
  base: null,
  rows: EMPTY,
}

/**
 * Station and port rows: ordered on all the data, counted on the filtered events.
 *
 * Memoized on the data and the filtered events, so filtering never reorders
 * the stations under the user's eyes.
 */
export function selectRows(state: AppState): ReadonlyArray<StationRow> {
  const data = state.data
  if (!data) return EMPTY
  if (allRowsCache.key !== data) {
    allRowsCache = { key: data, rows: buildRows(data.stations, data.ports, data.events) }
  }
  const events = selectFilteredEvents(state)
  if (rowsCache.key !== events || rowsCache.base !== allRowsCache.rows) {
    rowsCache = {
      key: events,
      base: allRowsCache.rows,
      // A station or port filter removes other stations' rows (issue #5).
      rows: countRowEvents(rowsInLocationScope(allRowsCache.rows, state.filters), events),
    }
  }
  return rowsCache.rows
}

const NO_CHART_ROWS: ReadonlyArray<ChartRow> = []
let chartRowsCache: {
  rows: ReadonlyArray<StationRow> | null
  collapsed: ReadonlyArray<number> | null
  hide: boolean
  out: ReadonlyArray<ChartRow>
} = { rows: null, collapsed: null, hide: false, out: NO_CHART_ROWS }

/** The rows as drawn: collapsed stations folded, empty ports hidden if the user asked. */
export function selectChartRows(state: AppState): ReadonlyArray<ChartRow> {
  const rows = selectRows(state)
  const c = chartRowsCache
  if (
    c.rows !== rows ||
    c.collapsed !== state.collapsedStations ||
    c.hide !== state.hideEmptyPorts
  ) {
    chartRowsCache = {
      rows,
      collapsed: state.collapsedStations,
      hide: state.hideEmptyPorts,
      out: layoutRows(rows, {
        collapsedStations: new Set(state.collapsedStations),
        hideEmptyPorts: state.hideEmptyPorts,
      }),
    }
  }
  return chartRowsCache.out
}

const NO_BARS: ReadonlyArray<Bar> = []
let barsCache: { events: unknown; now: number; bars: ReadonlyArray<Bar> } = {
  events: null,
  now: 0,
  bars: NO_BARS,
}

/** Bars of the filtered events; still-docked bars run to the store's clock. */
export function selectBars(state: AppState): ReadonlyArray<Bar> {
  const events = selectFilteredEvents(state)
  if (barsCache.events !== events || barsCache.now !== state.now) {
    barsCache = { events, now: state.now, bars: buildBars(events, state.now) }
  }
  return barsCache.bars
}

let placedCache: {
  bars: unknown
  rows: unknown
  placed: ReadonlyArray<PlacedBar>
} = { bars: null, rows: null, placed: [] }

/** Each shown bar with the row it is drawn in. */
export function selectPlacedBars(state: AppState): ReadonlyArray<PlacedBar> {
  const bars = selectBars(state)
  const rows = selectChartRows(state)
  if (placedCache.bars !== bars || placedCache.rows !== rows) {
    placedCache = { bars, rows, placed: placeBars(bars, rows) }
  }
  return placedCache.placed
}

let selectedCache: { data: unknown; id: number | null; event: DockingEvent | null } = {
  data: null,
  id: null,
  event: null,
}

/**
 * The selected docking, shown or filtered out, or null. Memoized: components
 * read it on every store change, and the lookup scans every event.
 */
export function selectSelectedEvent(state: AppState): DockingEvent | null {
  const { data, selectedEventId: id } = state
  if (selectedCache.data !== data || selectedCache.id !== id)
    selectedCache = {
      data,
      id,
      event: id === null ? null : (data?.events.find((e) => e.id === id) ?? null),
    }
  return selectedCache.event
}

let overlapsCache: { bars: unknown; overlaps: ReadonlyArray<Overlap> } = {
  bars: null,
  overlaps: [],
}

/** Pairs of bars that overlap on one port: data errors to hatch and list. */
export function selectOverlaps(state: AppState): ReadonlyArray<Overlap> {
  const bars = selectBars(state)
  if (overlapsCache.bars !== bars) overlapsCache = { bars, overlaps: findOverlaps(bars) }
  return overlapsCache.overlaps
}

// ---- Search and filters (issue #5) ----

const NO_EVENTS: ReadonlyArray<DockingEvent> = []
const NO_MATCHES: SearchMatches = { terms: [], eventIds: new Set(), isActive: false }
let filterCache: {
  events: ReadonlyArray<DockingEvent> | null
  filters: Query | null
  result: Evaluation
} = { events: null, filters: null, result: { events: NO_EVENTS, counts: noCounts() } }
let matchesCache: { result: Evaluation | null; search: string; matches: SearchMatches } = {
  result: null,
  search: '',
  matches: NO_MATCHES,
}

/**
 * The filtered events and every option's count, memoized on the data and the filter state.
 *
 * Derived, never stored: the same data and filters give the same object, so
 * components subscribing to it re-render only when either changes. The clock
 * for still-docked stays is read when the inputs change, which is when the
 * answer can change for the user.
 */
export function selectFilterResult(state: AppState): Evaluation {
  const events = state.data?.events ?? NO_EVENTS
  if (filterCache.events !== events || filterCache.filters !== state.filters) {
    const next = evaluate(events, state.filters, utcMillis(Date.now()))
    const previous = filterCache.result.events
    filterCache = {
      events,
      filters: state.filters,
      // A keystroke that leaves the same events keeps the same array, so rows,
      // bars and the chart downstream see no change and do no work.
      result: sameEvents(previous, next.events) ? { ...next, events: previous } : next,
    }
  }
  return filterCache.result
}

function sameEvents(a: ReadonlyArray<DockingEvent>, b: ReadonlyArray<DockingEvent>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Events passing the search and every filter: what the chart, table and exports show. */
export function selectFilteredEvents(state: AppState): ReadonlyArray<DockingEvent> {
  return selectFilterResult(state).events
}

/** What the search matched, for highlighting bars and table rows. */
export interface SearchMatches {
  /** Lower-cased search terms, as LL2 splits them. */
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
export function selectSearchMatches(state: AppState): SearchMatches {
  const result = selectFilterResult(state)
  const search = state.filters.search
  if (matchesCache.result !== result || matchesCache.search !== search) {
    const terms = searchTerms(search)
    const previous = matchesCache.matches
    // The id set keeps its identity while the shown events do, so a keystroke
    // that changes only the terms does not restyle every bar.
    const eventIds =
      previous.isActive && matchesCache.result?.events === result.events
        ? previous.eventIds
        : new Set<number>(result.events.map((e) => e.id))
    matchesCache = {
      result,
      search,
      matches: terms.length === 0 ? NO_MATCHES : { terms, eventIds, isActive: true },
    }
  }
  return matchesCache.matches
}

import { memoThinDenseRows, type LodView, type ThinnedBars } from '../../shared/chart/lod'
import type { DockingData, DockingEvent } from '../../shared/domain/model'
import { rowsInLocationScope } from '../../shared/query/location-selection'
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
import { createFilterMemo, type FilterMemo } from './filter-selectors'
import { createQualityMemo, selectEndFacts, type QualityMemo } from './quality-selectors'
import { createReferenceMemo, type ReferenceMemo } from './reference-selectors'
import type { AppState } from './store'

/*
 * Selectors are plain functions of the state, as components call them; their
 * memory lives in the store they read (`state.memo`, made with the store), so
 * two stores (two windows, two tests) never hand each other stale answers.
 */

/** A store's selectors with what they remember between calls; one per store. */
export interface SelectorMemo extends ReferenceMemo, QualityMemo, CountMemo, FilterMemo {
  rows(state: AppState): ReadonlyArray<StationRow>
  chartRows(state: AppState): ReadonlyArray<ChartRow>
  bars(state: AppState): ReadonlyArray<Bar>
  placedBars(state: AppState): ReadonlyArray<PlacedBar>
  denseRuns(state: AppState): number
  /** Dense rows thinned for a view, remembered: the chart's canvas and the legend share it. */
  thin(placed: ReadonlyArray<PlacedBar>, view: LodView): ThinnedBars
  selectedEvent(state: AppState): DockingEvent | null
  overlaps(state: AppState): ReadonlyArray<Overlap>
}

// ---- Chart rows and bars (issue #4) ----

const EMPTY: ReadonlyArray<StationRow> = []
const NO_CHART_ROWS: ReadonlyArray<ChartRow> = []
const NO_BARS: ReadonlyArray<Bar> = []
const NO_EVENTS: ReadonlyArray<DockingEvent> = []

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
      const facts = {
        endFacts: checks.endFacts,
        flagged: checks.flagged,
        visits: memo.visits(state),
      }
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
  const thin = memoThinDenseRows()

  const memo: SelectorMemo = {
    ...createReferenceMemo((state) => memo.chartRows(state)),
    ...createQualityMemo(),
    ...createFilterMemo(clock, {
      conflictIds: (state) => memo.referenceComparison(state)?.byEvent,
      flaggedIds: (state) => memo.checks(state).flagged,
      unitKey: (state) => memo.unitKey(state),
    }),
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
          rows: orderStations(
            built,
            data.events,
            state.stationOrder,
            clock.now(),
            selectEndFacts(state),
          ),
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
            ? rowsWithDockingsIn(
                laid,
                memo.filteredEvents(state),
                inView,
                state.now,
                selectEndFacts(state),
              )
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
  }
  return memo
}

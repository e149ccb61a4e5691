import {
  clearAllFilters,
  DEFAULT_QUERY,
  toggleOption,
  type OptionDimension,
  type OptionValues,
  type Query,
} from '../../shared/query/query'
import { removeChip } from '../../shared/query/describe'
import {
  addView,
  deleteView,
  renameView,
  updateViewFilters,
  viewNameProblem,
  type SavedView,
} from '../../shared/query/saved-views'
import { selectFitWindow } from './fit-selectors'
import type { SliceCreator } from './slice'

/** What the user narrows the data to, and the views they saved. */
export interface FiltersSlice {
  readonly filters: Query
  readonly savedViews: ReadonlyArray<SavedView>
  /** The view last opened or saved, so the panel can say whether it was changed since. */
  readonly activeViewId: string | null
  /** Plain-words problem saving or reading filter preferences, if any. */
  readonly filtersError: string | null
  /** Whether the chart moves to fit the results once the filters settle after a change. */
  readonly fitOnFilterChange: boolean
  setFitOnFilterChange(fit: boolean): void
  setSearch(search: string): void
  setFilters(update: Query | ((filters: Query) => Query)): void
  toggleFilterOption<D extends OptionDimension>(dimension: D, value: OptionValues[D]): void
  /** Removes the one filter a chip stands for. */
  removeFilterChip(key: string): void
  clearAllFilters(): void
  /** Saves the current filters under a name; returns a problem with the name, or null. */
  saveView(name: string): string | null
  /** Renames a view; returns a problem with the name, or null. */
  renameView(id: string, name: string): string | null
  /** Replaces a view's filters with the current ones. */
  updateView(id: string): void
  deleteView(id: string): void
  openView(id: string): void
  /**
   * Moves the chart to show every result (Enter in the search box).
   *
   * Goes through the view slice's window request, like every other move of the chart.
   */
  zoomToResults(): void
}

/**
 * Quiet time after a filter change before the chart fits the results: typing a
 * search moves the chart once, when the user pauses, not on every keystroke.
 */
export const FIT_AFTER_FILTER_MS = 500

/** Creates the filters slice. Filters and views persist through the prefs slice. */
export const createFiltersSlice: SliceCreator<FiltersSlice> =
  ({ clock, onDispose }) =>
  (set, get) => {
    let fitTimer: ReturnType<typeof setTimeout> | undefined
    onDispose(() => clearTimeout(fitTimer))
    const fitResults = () => {
      const fit = selectFitWindow(get(), undefined, clock.now())
      const current = get().visibleWindow
      // No results: nothing to fit, and the empty state says so.
      if (!fit || !current) return
      // Asked for even when the window fits already: the results' rows may be scrolled away.
      get().jumpTo(fit, 'results', 'fit')
    }
    const commit = (filters: Query) => {
      if (filters === get().filters) return
      set({ filters })
      clearTimeout(fitTimer)
      if (get().fitOnFilterChange) fitTimer = setTimeout(fitResults, FIT_AFTER_FILTER_MS)
    }
    const newViewId = (now: number) => {
      const taken = new Set(get().savedViews.map((v) => v.id))
      let n = 0
      while (taken.has(`v${now.toString(36)}${n ? `-${n}` : ''}`)) n++
      return `v${now.toString(36)}${n ? `-${n}` : ''}`
    }

    return {
      filters: DEFAULT_QUERY,
      savedViews: [],
      activeViewId: null,
      filtersError: null,
      fitOnFilterChange: true,
      setFitOnFilterChange: (fitOnFilterChange) => set({ fitOnFilterChange }),
      setSearch: (search) => commit({ ...get().filters, search }),
      setFilters: (update) => commit(typeof update === 'function' ? update(get().filters) : update),
      toggleFilterOption: (dimension, value) =>
        commit(toggleOption(get().filters, dimension, value)),
      removeFilterChip: (key) => commit(removeChip(get().filters, key)),
      clearAllFilters: () => {
        // Clearing leaves the open view: it is not "changed", and Update must not empty it.
        set({ activeViewId: null })
        commit(clearAllFilters(get().filters))
      },
      saveView(name) {
        const problem = viewNameProblem(get().savedViews, name)
        if (problem) return problem
        const now = clock.now()
        const id = newViewId(now)
        const views = addView(get().savedViews, { id, name, filters: get().filters, savedAt: now })
        if (views === get().savedViews) return 'There are too many saved views; delete one first.'
        set({ savedViews: views, activeViewId: id })
        return null
      },
      renameView(id, name) {
        const problem = viewNameProblem(get().savedViews, name, id)
        if (problem) return problem
        const views = renameView(get().savedViews, id, name)
        set({ savedViews: views })
        return null
      },
      updateView(id) {
        const views = updateViewFilters(get().savedViews, id, get().filters, clock.now())
        set({ savedViews: views, activeViewId: id })
      },
      deleteView(id) {
        const views = deleteView(get().savedViews, id)
        set({
          savedViews: views,
          activeViewId: get().activeViewId === id ? null : get().activeViewId,
        })
      },
      openView(id) {
        const view = get().savedViews.find((v) => v.id === id)
        if (!view) return
        set({ activeViewId: id })
        commit(view.filters)
      },
      zoomToResults() {
        clearTimeout(fitTimer)
        fitResults()
      },
    }
  }

import {
  clearAllFilters,
  DEFAULT_QUERY,
  normalizeQuery,
  toggleOption,
  type OptionDimension,
  type OptionValues,
  type Query,
} from '../../shared/query/query'
import { fitWindow } from '../../shared/chart-window'
import { removeChip } from '../../shared/query/describe'
import {
  addView,
  deleteView,
  normalizeSavedViews,
  renameView,
  updateViewFilters,
  viewNameProblem,
  type SavedView,
} from '../../shared/query/saved-views'
import { dataExtent } from '../../shared/timeline-rows'
import { utcMillis } from '../../shared/units'
import { api } from '../api'
import { selectFilteredEvents } from './selectors'
import type { SliceCreator } from './slice'

/** Preference keys; main keeps them in the cache so they survive restarts. */
export const FILTERS_PREF = 'filters.current'
/** Preference key of the saved named views. */
export const VIEWS_PREF = 'filters.views'

// Typing must not write a preference per keystroke; the last state wins.
const PERSIST_DELAY_MS = 400

/** What the user narrows the data to, and the views they saved. */
export interface FiltersSlice {
  readonly filters: Query
  readonly savedViews: ReadonlyArray<SavedView>
  /** The view last opened or saved, so the panel can say whether it was changed since. */
  readonly activeViewId: string | null
  /** False until the stored filters and views have been read. */
  readonly filtersLoaded: boolean
  /** Plain-words problem saving or reading filter preferences, if any. */
  readonly filtersError: string | null
  setSearch(search: string): void
  setFilters(update: Query | ((filters: Query) => Query)): void
  toggleFilterOption<D extends OptionDimension>(dimension: D, value: OptionValues[D]): void
  /** Removes the one filter a chip stands for. */
  removeFilterChip(key: string): void
  clearAllFilters(): void
  /** Reads the stored filters and views; call once at start. */
  loadFilterPrefs(): Promise<void>
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

let persistTimer: ReturnType<typeof setTimeout> | null = null
// Set when the user changes filters before the stored ones arrive: theirs win.
let changedBeforeLoad = false

/** Creates the filters slice. */
export const createFiltersSlice: SliceCreator<FiltersSlice> = (set, get) => {
  const saveFiltersNow = () => {
    if (persistTimer === null) return
    clearTimeout(persistTimer)
    persistTimer = null
    void api()
      .setPref({ key: FILTERS_PREF, value: get().filters })
      .then((r) => {
        if (!r.ok) set({ filtersError: `The filters could not be saved: ${r.error.message}` })
      })
  }
  const persistFilters = () => {
    if (persistTimer !== null) clearTimeout(persistTimer)
    persistTimer = setTimeout(saveFiltersNow, PERSIST_DELAY_MS)
  }
  // A change made just before the window closes must not wait out the debounce and be lost.
  if (typeof window !== 'undefined') window.addEventListener('pagehide', saveFiltersNow)
  const persistViews = (views: ReadonlyArray<SavedView>) => {
    void api()
      .setPref({ key: VIEWS_PREF, value: views })
      .then((r) => {
        set({
          filtersError: r.ok ? null : `The saved views could not be stored: ${r.error.message}`,
        })
      })
  }
  const commit = (filters: Query) => {
    if (filters === get().filters) return
    if (!get().filtersLoaded) changedBeforeLoad = true
    set({ filters })
    persistFilters()
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
    filtersLoaded: false,
    filtersError: null,
    setSearch: (search) => commit({ ...get().filters, search }),
    setFilters: (update) => commit(typeof update === 'function' ? update(get().filters) : update),
    toggleFilterOption: (dimension, value) => commit(toggleOption(get().filters, dimension, value)),
    removeFilterChip: (key) => commit(removeChip(get().filters, key)),
    clearAllFilters: () => commit(clearAllFilters(get().filters)),
    async loadFilterPrefs() {
      const [filters, views] = await Promise.all([
        api().getPref({ key: FILTERS_PREF }),
        api().getPref({ key: VIEWS_PREF }),
      ])
      const problems = [filters, views].flatMap((r) => (r.ok ? [] : [r.error.message]))
      set({
        filtersLoaded: true,
        savedViews: views.ok ? normalizeSavedViews(views.value) : [],
        filtersError: problems.length
          ? `Saved filters could not be read: ${problems.join('; ')}`
          : null,
        ...(filters.ok && filters.value !== null && !changedBeforeLoad
          ? { filters: normalizeQuery(filters.value) }
          : {}),
      })
    },
    saveView(name) {
      const problem = viewNameProblem(get().savedViews, name)
      if (problem) return problem
      const now = Date.now()
      const id = newViewId(now)
      const views = addView(get().savedViews, { id, name, filters: get().filters, savedAt: now })
      if (views === get().savedViews) return 'There are too many saved views; delete one first.'
      set({ savedViews: views, activeViewId: id })
      persistViews(views)
      return null
    },
    renameView(id, name) {
      const problem = viewNameProblem(get().savedViews, name, id)
      if (problem) return problem
      const views = renameView(get().savedViews, id, name)
      set({ savedViews: views })
      persistViews(views)
      return null
    },
    updateView(id) {
      const views = updateViewFilters(get().savedViews, id, get().filters, Date.now())
      set({ savedViews: views, activeViewId: id })
      persistViews(views)
    },
    deleteView(id) {
      const views = deleteView(get().savedViews, id)
      set({
        savedViews: views,
        activeViewId: get().activeViewId === id ? null : get().activeViewId,
      })
      persistViews(views)
    },
    openView(id) {
      const view = get().savedViews.find((v) => v.id === id)
      if (!view) return
      set({ activeViewId: id })
      commit(view.filters)
    },
    zoomToResults() {
      const extent = dataExtent(selectFilteredEvents(get()), utcMillis(Date.now()))
      // No results: nothing to zoom to, and the empty state says so.
      if (extent) get().requestWindow(fitWindow(extent))
    },
  }
}

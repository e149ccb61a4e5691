import { PREF_KEYS, readPref, type PrefKey, type PrefValue } from '../../shared/prefs/prefs'
import type { SliceCreator } from './slice'
import type { AppState } from './store'

/** The state fields that may hold preference K: those of exactly its type. */
type FieldFor<K extends PrefKey> = {
  [F in keyof AppState]: AppState[F] extends PrefValue<K>
    ? PrefValue<K> extends AppState[F]
      ? F
      : never
    : never
}[keyof AppState]

/** Where a preference lives in the store, and where its problems are told. */
interface PrefBinding<K extends PrefKey> {
  readonly field: FieldFor<K>
  readonly errorField: 'filtersError' | 'viewError'
  /** What the user is told when a write fails, before main's reason. */
  readonly saveFailed: string
  /** Quiet time before a change is written, so typing does not write a preference per keystroke. */
  readonly saveDelayMs: number
}

/** A view setting's binding: its problems told in `viewError`, in the same words for all. */
const viewSetting = <K extends PrefKey>(field: FieldFor<K>, saveDelayMs = 0): PrefBinding<K> => ({
  field,
  errorField: 'viewError',
  saveFailed: 'A view setting could not be saved',
  saveDelayMs,
})

/** Every preference and the store field it persists. */
const BINDINGS: { readonly [K in PrefKey]: PrefBinding<K> } = {
  'view.theme': viewSetting('theme'),
  'view.time-zone': viewSetting('timeZone'),
  'view.collapsed-stations': viewSetting('collapsedStations'),
  'view.hide-empty-ports': viewSetting('hideEmptyPorts'),
  'view.main': viewSetting('mainView'),
  'view.fit-on-filter': viewSetting('fitOnFilterChange'),
  'view.station-order': viewSetting('stationOrder'),
  'view.show-reference': viewSetting('showReference'),
  'view.hide-rows-out-of-view': viewSetting('hideRowsOutOfView'),
  'view.count-by': viewSetting('countBy'),
  'layout.filters-width': viewSetting('filtersWidth', 300),
  'layout.details-width': viewSetting('detailsWidth', 300),
  'layout.filters-collapsed': viewSetting('filtersCollapsed'),
  'layout.details-collapsed': viewSetting('detailsCollapsed'),
  'layout.summary-open': viewSetting('summaryOpen'),
  'filters.current': {
    field: 'filters',
    errorField: 'filtersError',
    saveFailed: 'The filters could not be saved',
    saveDelayMs: 400,
  },
  'table.sort': viewSetting('tableSort'),
  'table.hidden-columns': viewSetting('tableHiddenColumns'),
  'table.column-order': viewSetting('tableColumnOrder'),
  'table.column-widths': viewSetting('tableColumnWidths', 300),
  'filters.views': {
    field: 'savedViews',
    errorField: 'filtersError',
    saveFailed: 'The saved views could not be stored',
    saveDelayMs: 0,
  },
}

const READ_FAILED = {
  filtersError: 'Saved filters could not be read',
  viewError: 'View settings could not be read',
} as const

/** Preferences: read once at start, written back whenever their fields change. */
export interface PrefsSlice {
  /** False until the stored preferences have been read. */
  readonly prefsLoaded: boolean
  /**
   * Reads every stored preference into the store; call once at start. A field
   * the user changed before they arrived keeps the user's value.
   */
  loadPrefs(): Promise<void>
  /** Writes pending changes now (the window is closing: they must not wait out the delay). */
  flushPrefs(): void
}

/**
 * Creates the prefs slice: the one place preferences are read and written.
 *
 * Slices only set their fields; this slice watches those fields and saves them,
 * so no slice carries its own persistence code.
 */
export const createPrefsSlice: SliceCreator<PrefsSlice> =
  ({ api, onDispose }) =>
  (set, get, store) => {
    const pending = new Map<PrefKey, ReturnType<typeof setTimeout>>()
    // Fields the user changed while a load was on its way: theirs win over the stored value.
    const changedDuringLoad = new Set<PrefKey>()
    let applying = false

    const save = (key: PrefKey) => {
      const timer = pending.get(key)
      if (timer !== undefined) clearTimeout(timer)
      pending.delete(key)
      const { field, errorField, saveFailed } = BINDINGS[key]
      const value = get()[field] as PrefValue<typeof key>
      void api.setPref({ key, value } as Parameters<typeof api.setPref>[0]).then((r) => {
        if (!r.ok) set({ [errorField]: `${saveFailed}: ${r.error.message}` })
        else if (key === 'filters.views') set({ filtersError: null })
      })
    }
    const schedule = (key: PrefKey) => {
      const delay = BINDINGS[key].saveDelayMs
      if (delay === 0) return save(key)
      const timer = pending.get(key)
      if (timer !== undefined) clearTimeout(timer)
      pending.set(
        key,
        setTimeout(() => save(key), delay),
      )
    }

    onDispose(
      store.subscribe((state, prev) => {
        if (applying) return
        for (const key of PREF_KEYS) {
          const { field } = BINDINGS[key]
          if (state[field] === prev[field]) continue
          changedDuringLoad.add(key)
          schedule(key)
        }
      }),
    )
    onDispose(() => {
      for (const timer of pending.values()) clearTimeout(timer)
      pending.clear()
    })

    return {
      prefsLoaded: false,
      async loadPrefs() {
        changedDuringLoad.clear()
        const results = await Promise.all(
          PREF_KEYS.map(async (key) => [key, await api.getPref({ key })] as const),
        )
        const next: Partial<Record<keyof AppState, unknown>> = {}
        const problems: { [E in PrefBinding<PrefKey>['errorField']]: string[] } = {
          filtersError: [],
          viewError: [],
        }
        for (const [key, r] of results) {
          const { field, errorField } = BINDINGS[key]
          if (!r.ok) problems[errorField].push(r.error.message)
          // Stored values are read through the table: a hand-edited or older
          // cache must not break the view.
          else if (r.value !== null && !changedDuringLoad.has(key))
            next[field] = readPref(key, r.value)
        }
        const told = (errorField: keyof typeof problems) =>
          problems[errorField].length
            ? `${READ_FAILED[errorField]}: ${problems[errorField].join('; ')}`
            : null
        applying = true
        try {
          set({
            ...(next as Partial<AppState>),
            prefsLoaded: true,
            filtersError: told('filtersError'),
            viewError: told('viewError'),
          })
        } finally {
          applying = false
        }
      },
      flushPrefs() {
        for (const key of [...pending.keys()]) save(key)
      },
    }
  }

import type { AppError, AppInfo } from '../../shared/ipc/contract'
import type { Expedition } from '../../shared/domain/expedition'
import type { DockingData } from '../../shared/domain/model'
import type { SliceCreator } from './slice'
import type { AppState } from './store'

/** Loaded data and its loading state. */
export interface DataSlice {
  readonly dataStatus: 'idle' | 'loading' | 'ready' | 'error'
  readonly data: DockingData | null
  readonly dataError: AppError | null
  readonly appInfo: AppInfo | null
  /** LL2 expeditions as the cache holds them (errors and all: the analysis reviews them). */
  readonly expeditions: ReadonlyArray<Expedition>
  /** Why the expeditions could not be read; the crewed periods then rest on the proxy alone. */
  readonly expeditionsError: AppError | null
  /** Loads (or reloads) everything from the cache. */
  loadData(): Promise<void>
}

/**
 * Keeps the detail panel true to the new data: a selected record that is
 * gone (a sync removed it) closes the panel; one that changed (a sync
 * updated it in place) has its detail loaded again.
 */
function followSelection(state: AppState, before: DockingData | null, after: DockingData): void {
  const id = state.selectedEventId
  if (id === null) return
  const next = after.events.find((e) => e.id === id)
  if (!next) {
    state.selectEvent(null)
    return
  }
  const previous = before?.events.find((e) => e.id === id)
  if (previous && JSON.stringify(previous) !== JSON.stringify(next)) state.refreshDetail()
}

/** Creates the data slice. */
export const createDataSlice: SliceCreator<DataSlice> =
  ({ api }) =>
  (set, get) => {
    let loads = 0
    return {
      dataStatus: 'idle',
      data: null,
      dataError: null,
      appInfo: null,
      expeditions: [],
      expeditionsError: null,
      async loadData() {
        const mine = ++loads
        set({ dataStatus: 'loading' })
        const [info, result, expeditions] = await Promise.all([
          api.getAppInfo(),
          api.getData(),
          api.getExpeditions(),
        ])
        // Data changed again while this load was on its way (a sync storing
        // pages): the newer load's answer is the one to show, whenever it lands.
        if (mine !== loads) return
        if (info.ok) set({ appInfo: info.value })
        // Kept apart from the docking data: without expeditions the events still draw.
        set(
          expeditions.ok
            ? { expeditions: expeditions.value, expeditionsError: null }
            : { expeditions: [], expeditionsError: expeditions.error },
        )
        if (!result.ok) {
          set({ dataStatus: 'error', dataError: result.error })
          return
        }
        const before = get().data
        set({ dataStatus: 'ready', data: result.value, dataError: null })
        followSelection(get(), before, result.value)
      },
    }
  }

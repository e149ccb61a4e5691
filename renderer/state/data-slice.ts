import type { AppError, AppInfo } from '../../shared/ipc/contract'
import type { DockingData } from '../../shared/domain/model'
import type { SliceCreator } from './slice'

/** Loaded data and its loading state. */
export interface DataSlice {
  readonly dataStatus: 'idle' | 'loading' | 'ready' | 'error'
  readonly data: DockingData | null
  readonly dataError: AppError | null
  readonly appInfo: AppInfo | null
  /** Loads (or reloads) everything from the cache. */
  loadData(): Promise<void>
}

/** Creates the data slice. */
export const createDataSlice: SliceCreator<DataSlice> =
  ({ api }) =>
  (set) => {
    let loads = 0
    return {
      dataStatus: 'idle',
      data: null,
      dataError: null,
      appInfo: null,
      async loadData() {
        const mine = ++loads
        set({ dataStatus: 'loading' })
        const [info, result] = await Promise.all([api.getAppInfo(), api.getData()])
        // Data changed again while this load was on its way (a sync storing
        // pages): the newer load's answer is the one to show, whenever it lands.
        if (mine !== loads) return
        if (info.ok) set({ appInfo: info.value })
        if (result.ok) set({ dataStatus: 'ready', data: result.value, dataError: null })
        else set({ dataStatus: 'error', dataError: result.error })
      },
    }
  }

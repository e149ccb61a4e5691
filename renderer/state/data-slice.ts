import type { AppError, AppInfo } from '../../shared/ipc/contract'
import type { DockingData } from '../../shared/model'
import { api } from '../api'
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
export const createDataSlice: SliceCreator<DataSlice> = (set) => ({
  dataStatus: 'idle',
  data: null,
  dataError: null,
  appInfo: null,
  async loadData() {
    set({ dataStatus: 'loading' })
    const [info, result] = await Promise.all([api().getAppInfo(), api().getData()])
    if (info.ok) set({ appInfo: info.value })
    if (result.ok) set({ dataStatus: 'ready', data: result.value, dataError: null })
    else set({ dataStatus: 'error', dataError: result.error })
  },
})

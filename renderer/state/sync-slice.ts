import type {
  AppError,
  SyncKind,
  SyncPlan,
  SyncSettings,
  SyncSettingsUpdate,
  SyncStatus,
} from '../../shared/ipc/contract'
import type { SliceCreator } from './slice'

/** Sync settings, plan and progress as main reports them. */
export interface SyncSlice {
  readonly syncStatus: SyncStatus | null
  readonly syncSettings: SyncSettings | null
  readonly syncPlan: SyncPlan | null
  /** The last failed sync call (planning, starting, settings), in plain words. */
  readonly syncError: AppError | null
  setSyncStatus(status: SyncStatus): void
  loadSync(): Promise<void>
  updateSyncSettings(update: SyncSettingsUpdate): Promise<boolean>
  planSync(kind: SyncKind): Promise<void>
  startSync(kind: SyncKind): Promise<void>
  cancelSync(): Promise<void>
}

/** Creates the sync slice. */
export const createSyncSlice: SliceCreator<SyncSlice> =
  ({ api }) =>
  (set) => ({
    syncStatus: null,
    syncSettings: null,
    syncPlan: null,
    syncError: null,
    setSyncStatus: (syncStatus) => set({ syncStatus }),
    async loadSync() {
      const [settings, status] = await Promise.all([api.getSyncSettings(), api.getSyncStatus()])
      if (settings.ok) set({ syncSettings: settings.value })
      if (status.ok) set({ syncStatus: status.value })
      const failed = !settings.ok ? settings.error : !status.ok ? status.error : null
      if (failed) set({ syncError: failed })
    },
    async updateSyncSettings(update) {
      const result = await api.setSyncSettings(update)
      if (result.ok) set({ syncSettings: result.value, syncError: null, syncPlan: null })
      else set({ syncError: result.error })
      return result.ok
    },
    async planSync(kind) {
      set({ syncPlan: null })
      const result = await api.planSync({ kind })
      if (result.ok) set({ syncPlan: result.value, syncError: null })
      else set({ syncError: result.error })
    },
    async startSync(kind) {
      const result = await api.startSync({ kind })
      if (result.ok) set({ syncStatus: result.value, syncError: null })
      else set({ syncError: result.error })
    },
    async cancelSync() {
      const result = await api.cancelSync()
      if (result.ok) set({ syncStatus: result.value })
      else set({ syncError: result.error })
    },
  })

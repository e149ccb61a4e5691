import type { SyncStatus } from '../../shared/ipc/contract'
import type { SliceCreator } from './slice'

/** Sync progress as main reports it. */
export interface SyncSlice {
  readonly syncStatus: SyncStatus | null
  setSyncStatus(status: SyncStatus): void
}

/** Creates the sync slice. */
export const createSyncSlice: SliceCreator<SyncSlice> = (set) => ({
  syncStatus: null,
  setSyncStatus: (syncStatus) => set({ syncStatus }),
})

import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

import { createDataSlice, type DataSlice } from './data-slice'
import { createFiltersSlice, type FiltersSlice } from './filters-slice'
import { createSyncSlice, type SyncSlice } from './sync-slice'
import { createViewSlice, type ViewSlice } from './view-slice'

/** The whole renderer state: one store made of slices. */
export type AppState = DataSlice & FiltersSlice & ViewSlice & SyncSlice

/** The one store. Components subscribe with atomic selectors. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createDataSlice(...a),
  ...createFiltersSlice(...a),
  ...createViewSlice(...a),
  ...createSyncSlice(...a),
}))

/** zustand's shallow-compare hook, re-exported so only renderer/state/ imports zustand. */
export { useShallow }

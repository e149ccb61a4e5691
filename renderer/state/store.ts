import { createContext, createElement, useContext, type ReactNode } from 'react'
import { createStore, useStore, type StoreApi } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

import type { AppApi } from '../../shared/ipc/contract'
import type { Clock } from './clock'
import { createDataSlice, type DataSlice } from './data-slice'
import { createFiltersSlice, type FiltersSlice } from './filters-slice'
import { createImportSlice, type ImportSlice } from './import-slice'
import { createLayoutSlice, type LayoutSlice } from './layout-slice'
import { createPrefsSlice, type PrefsSlice } from './prefs-slice'
import { createReferenceSlice, type ReferenceSlice } from './reference-slice'
import { createSelectorMemo, type SelectorMemo } from './selectors'
import type { SliceDeps } from './slice'
import { createSyncSlice, type SyncSlice } from './sync-slice'
import { createViewSlice, type ViewSlice } from './view-slice'

/** The whole renderer state: one store made of slices. */
export type AppState = DataSlice &
  FiltersSlice &
  ViewSlice &
  LayoutSlice &
  SyncSlice &
  ImportSlice &
  PrefsSlice &
  ReferenceSlice & {
    /** What this store's selectors remember (selectors.ts); not state anyone renders. */
    readonly memo: SelectorMemo
    /** A bar label's width on the chart, px: what a fit leaves room for (fit-selectors.ts). */
    readonly measureLabel: MeasureLabel
  }

/** Measures a bar label as the chart writes it, px. */
export type MeasureLabel = (text: string) => number

/** One store instance with what it was made with. */
export interface AppStore extends StoreApi<AppState> {
  readonly api: AppApi
  readonly clock: Clock
  /** Stops every timer and subscription the slices started. */
  dispose(): void
}

/**
 * Makes a store talking to `api`, reading the time from `clock` and measuring
 * bar labels with `measureLabel` (the page's canvas; a fixed rule in tests).
 */
export function createAppStore({
  api,
  clock,
  measureLabel,
}: {
  api: AppApi
  clock: Clock
  measureLabel: MeasureLabel
}): AppStore {
  const cleanups: Array<() => void> = []
  const deps: SliceDeps = { api, clock, onDispose: (cleanup) => cleanups.push(cleanup) }
  const store = createStore<AppState>()((...a) => ({
    ...createDataSlice(deps)(...a),
    ...createFiltersSlice(deps)(...a),
    ...createViewSlice(deps)(...a),
    ...createLayoutSlice(deps)(...a),
    ...createSyncSlice(deps)(...a),
    ...createImportSlice(deps)(...a),
    ...createPrefsSlice(deps)(...a),
    ...createReferenceSlice(deps)(...a),
    memo: createSelectorMemo(clock),
    measureLabel,
  }))
  return {
    ...store,
    api,
    clock,
    dispose: () => cleanups.splice(0).forEach((cleanup) => cleanup()),
  }
}

const AppStoreContext = createContext<AppStore | null>(null)

/** Gives the components below it this store. */
export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(AppStoreContext.Provider, { value: store }, children)
}

/** The store itself, for event handlers and effects that read or act outside rendering. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext)
  if (!store) throw new Error('useAppStore is used outside an AppStoreProvider')
  return store
}

/** Subscribes a component to a slice of the state. Components subscribe with atomic selectors. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector)
}

/** zustand's shallow-compare hook, re-exported so only renderer/state/ imports zustand. */
export { useShallow }

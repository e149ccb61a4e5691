import type { StateCreator } from 'zustand'

import type { AppApi } from '../../shared/ipc/contract'
import type { Clock } from './clock'
import type { AppState } from './store'

/** What every slice is made with: main's API, the clock, and a place to leave its cleanup. */
export interface SliceDeps {
  readonly api: AppApi
  readonly clock: Clock
  /** Registers cleanup (timers, listeners) to run when the store is disposed. */
  readonly onDispose: (cleanup: () => void) => void
}

/** A slice creator over the whole AppState, as zustand's slices pattern has it. */
export type SliceCreator<S> = (deps: SliceDeps) => StateCreator<AppState, [], [], S>

import type { StateCreator } from 'zustand'

import type { AppState } from './store'

/** A slice creator over the whole AppState, as zustand's slices pattern has it. */
export type SliceCreator<S> = StateCreator<AppState, [], [], S>

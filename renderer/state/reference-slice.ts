import type { AppError, ReferenceInfo } from '../../shared/ipc/contract'
import type { SliceCreator } from './slice'

/** The reference records (NASA RP-1357 compilations) and the layer that draws them. */
export interface ReferenceSlice {
  readonly referenceStatus: 'idle' | 'loading' | 'ready' | 'error'
  /** What main read; its `problems` name files it could not. */
  readonly reference: ReferenceInfo | null
  readonly referenceError: AppError | null
  /** The "Compare with reference" layer: a line per reference stay under its port row. */
  readonly showReference: boolean
  /** Reads the reference sets from main; they never change while the app runs. */
  loadReference(): Promise<void>
  setShowReference(show: boolean): void
}

/** Creates the reference slice. */
export const createReferenceSlice: SliceCreator<ReferenceSlice> =
  ({ api }) =>
  (set) => ({
    referenceStatus: 'idle',
    reference: null,
    referenceError: null,
    showReference: false,
    async loadReference() {
      set({ referenceStatus: 'loading' })
      const r = await api.getReference()
      if (r.ok) set({ referenceStatus: 'ready', reference: r.value, referenceError: null })
      else set({ referenceStatus: 'error', referenceError: r.error })
    },
    setShowReference(showReference) {
      set({ showReference })
    },
  })

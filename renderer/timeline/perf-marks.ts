/**
 * Performance marks for the benchmark: "data ready" when the store receives
 * data, "bars painted" after the first redraw with bars has reached the screen.
 *
 * User Timing marks cost nothing when nobody reads them, and give the
 * benchmark the same two instants in the app as in a bare vis-timeline page.
 */
import type { AppStore } from '../state/store'

/** Mark name: data arrived in the store. */
export const DATA_READY_MARK = 'dt:data-ready'
/** Mark name: the first bars are on screen after data arrived. */
export const BARS_PAINTED_MARK = 'dt:bars-painted'

let pending = false

/** Marks "data ready" each time the store receives data; returns the unsubscribe. */
export function watchDataReady(store: AppStore): () => void {
  return store.subscribe((state, prev) => {
    if (state.data && state.data !== prev.data) {
      performance.mark(DATA_READY_MARK)
      pending = true
    }
  })
}

/**
 * Marks "bars painted" once per data arrival, two frames after the bar
 * canvas is first painted with bars: the first frame presents it, the second
 * starts after it.
 */
export function markBarsPainted(): void {
  if (!pending) return
  pending = false
  performance.mark('dt:bars-drawn')
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(BARS_PAINTED_MARK)))
}

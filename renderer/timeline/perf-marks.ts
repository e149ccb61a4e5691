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
/** From data arrival to its bars painted: the span the navigator's share is measured over. */
let opening = false

/** Marks "data ready" each time the store receives data; returns the unsubscribe. */
export function watchDataReady(store: AppStore): () => void {
  return store.subscribe((state, prev) => {
    if (state.data && state.data !== prev.data) {
      performance.mark(DATA_READY_MARK)
      pending = true
      opening = true
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
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark(BARS_PAINTED_MARK)
      opening = false
    }),
  )
}

/** Measure name: main-thread time of one piece of the navigator's work (series, draw). */
export const NAVIGATOR_MEASURE = 'dt:navigator'

/**
 * Runs `work` and, between data arriving and its bars painted, records its
 * time as a navigator measure, so the benchmark can tell the navigator's
 * share of the time to the chart's first paint (and no entry piles up later).
 */
export function measureNavigator<T>(work: () => T): T {
  if (!opening) return work()
  const start = performance.now()
  try {
    return work()
  } finally {
    performance.measure(NAVIGATOR_MEASURE, { start, end: performance.now() })
  }
}

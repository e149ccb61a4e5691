/**
 * One redraw for a batch of DataSet changes.
 *
 * vis-timeline's ItemSet redraws synchronously after every DataSet event
 * (add, update, remove), and each redraw measures the items of every row
 * with a forced layout. A keystroke that removes some bars and brings others
 * back fired three such redraws, and the frame's own redraw then measured
 * everything a fourth time. The ItemSet also asks the timeline for a redraw
 * on its next frame (its queued '_change'), so skipping the synchronous ones
 * loses nothing: the batch is drawn once, in that frame.
 */
import type { Timeline } from 'vis-timeline/peer'

interface ItemSetInternals {
  redraw?: () => boolean
}

/** Runs `changes` (DataSet calls) with the ItemSet's synchronous redraws skipped. */
export function withoutItemSetRedraws(timeline: Timeline, changes: () => void): void {
  const itemSet = (timeline as unknown as { itemSet?: ItemSetInternals }).itemSet
  // A vis build without this internal just redraws as it always did.
  if (!itemSet || typeof itemSet.redraw !== 'function') {
    changes()
    return
  }
  itemSet.redraw = () => false
  try {
    changes()
  } finally {
    // Back to the prototype's method.
    delete itemSet.redraw
  }
  timeline.redraw()
}

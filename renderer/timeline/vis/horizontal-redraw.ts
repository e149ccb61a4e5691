/**
 * Skips vis-timeline's item-set redraw on frames where only the time window
 * moved.
 *
 * vis redraws every group on every frame of a zoom or pan (groups are not
 * virtualised, vis-timeline #775): it reorders them, runs each one's
 * twelve-step redraw queue, reads the background group's and its own frame's
 * width (each a forced layout after its style writes) and writes the same
 * heights back. Our groups hold no vis items (bars are on our canvas) and
 * `stack` is off, so a row's height and top, and the item set's size,
 * depend only on the labels and the CSS, never on the window. While nothing
 * but the window changed since a full redraw that settled (no group
 * resized), the item set has nothing to draw and its redraw is skipped;
 * anything that may move rows (groups changed, a resize, a theme or zone
 * change) calls `invalidate` and the next redraw runs vis's own code in full.
 */
import type { DataGroup } from 'vis-timeline/peer'
import type { DataSet } from 'vis-data/peer'

/** The vis-timeline 8.5 ItemSet internals this relies on (typed in no declaration). */
export interface ItemSetInternals {
  redraw(): boolean
  readonly body: { readonly range: { readonly start: number; readonly end: number } }
}

export class HorizontalRedraw {
  private epoch = 0
  /** The epoch of the last full redraw in which nothing resized; -1 for none. */
  private settled = -1
  private lastRange = ''
  private readonly original: () => boolean

  constructor(
    private readonly itemSet: ItemSetInternals,
    private readonly groups: DataSet<DataGroup>,
  ) {
    this.original = itemSet.redraw.bind(itemSet)
    itemSet.redraw = this.redraw
    groups.on('*', this.onGroups)
  }

  /** Something besides the window may have moved rows: the next redraw is vis's full one. */
  invalidate(): void {
    this.epoch++
  }

  destroy(): void {
    this.groups.off('*', this.onGroups)
  }

  private readonly onGroups = () => this.invalidate()

  private readonly redraw = (): boolean => {
    const r = this.itemSet.body.range
    const range = `${r.start}|${r.end}`
    const epoch = this.epoch
    const fast = range !== this.lastRange && this.settled === epoch
    this.lastRange = range
    if (fast) return false
    const resized = this.original()
    this.settled = resized || this.epoch !== epoch ? -1 : epoch
    return resized
  }
}

/**
 * Skips vis-timeline's per-row vertical layout on frames where only the time
 * window moved.
 *
 * vis redraws every group on every frame of a zoom or pan (groups are not
 * virtualised, vis-timeline #775), and each group's redraw reads its box
 * (offsetTop, clientWidth), forcing a layout per frame, then writes the same
 * heights back: with 200 rows that was about a third of vis's frame work.
 * Our groups hold no vis items (bars are on our canvas) and `stack` is off,
 * so a row's height and top depend only on its label and the CSS, never on
 * the window. While nothing but the window changed since a full redraw that
 * settled (no group resized), each group's redraw is a no-op; anything that
 * may move rows (groups changed, a resize, a theme or zone change) calls
 * `invalidate` and the next redraw runs vis's own code in full.
 */
import type { DataGroup } from 'vis-timeline/peer'
import type { DataSet } from 'vis-data/peer'

/** A vis group's redraw: a step queue when `returnQueue`, else whether it resized. */
type GroupRedraw = (
  range: unknown,
  margin: unknown,
  forceRestack: boolean,
  returnQueue?: boolean,
) => boolean | Array<() => boolean | undefined>

/** The vis-timeline 8.5 ItemSet internals this relies on (typed in no declaration). */
export interface ItemSetInternals {
  redraw(): boolean
  readonly body: { readonly range: { readonly start: number; readonly end: number } }
  readonly groups: Record<string, { redraw: GroupRedraw; __dtPatched?: true } | undefined>
}

/** vis's Group.redraw queue has this many steps; ItemSet runs the steps of all groups in lockstep. */
const QUEUE_STEPS = 12
const NOT_RESIZED = () => false
const IDLE_QUEUE: Array<() => boolean> = Array.from({ length: QUEUE_STEPS }, () => NOT_RESIZED)
/** vis's id for its background group, which draws no rows and is left alone. */
const BACKGROUND = '__background__'

export class HorizontalRedraw {
  private epoch = 0
  /** The epoch of the last full redraw in which no group resized; -1 for none. */
  private settled = -1
  private lastRange = ''
  private fast = false
  private readonly original: () => boolean

  constructor(
    private readonly itemSet: ItemSetInternals,
    private readonly groups: DataSet<DataGroup>,
  ) {
    this.original = itemSet.redraw.bind(itemSet)
    itemSet.redraw = this.redraw
    // vis makes its groups in its own listener on this DataSet, subscribed first.
    groups.on('*', this.onGroups)
    this.patchGroups()
  }

  /** Something besides the window may have moved rows: the next redraw is vis's full one. */
  invalidate(): void {
    this.epoch++
  }

  destroy(): void {
    this.groups.off('*', this.onGroups)
  }

  private readonly onGroups = () => {
    this.invalidate()
    this.patchGroups()
  }

  private patchGroups(): void {
    for (const [id, g] of Object.entries(this.itemSet.groups)) {
      if (!g || id === BACKGROUND || g.__dtPatched) continue
      const own = g.redraw.bind(g)
      g.redraw = (range, margin, force, returnQueue) =>
        this.fast ? (returnQueue ? IDLE_QUEUE : false) : own(range, margin, force, returnQueue)
      g.__dtPatched = true
    }
  }

  private readonly redraw = (): boolean => {
    const r = this.itemSet.body.range
    const range = `${r.start}|${r.end}`
    const epoch = this.epoch
    this.fast = range !== this.lastRange && this.settled === epoch
    this.lastRange = range
    try {
      const resized = this.original()
      if (resized || this.epoch !== epoch) this.settled = -1
      else if (!this.fast) this.settled = epoch
      return resized
    } finally {
      this.fast = false
    }
  }
}

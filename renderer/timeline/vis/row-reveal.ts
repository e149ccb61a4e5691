/**
 * The rows a window request must bring into view (shared/chart/reveal.ts),
 * shown once the chart is drawn to show them.
 *
 * A request is answered a frame later, not at once: rows that changed with
 * it (a new search) are laid out by then. While the chart is hidden (the
 * Table tab selecting, Analysis about to switch back) the reveal waits for
 * vis's first drawing at full size; while its target is not drawn (the
 * filters hide it), for a scene that draws it. The user moving the chart, or
 * choosing another docking, drops it.
 */
import type { Viewport } from '../../../shared/chart/bar-scene'
import type { PlacedBar } from '../../../shared/chart/chart-model'
import {
  effectiveReveal,
  isEventReveal,
  revealRows,
  revealScroll,
  type Reveal,
} from '../../../shared/chart/reveal'
import type { TimeWindow } from '../../../shared/chart/window'

/** What a reveal reads of the chart, and how it scrolls the rows. */
export interface RevealChart {
  /** The chart's element: a height of 0 means it is hidden. */
  readonly el: HTMLElement
  /** The window and row bands as drawn, or null before vis knows them. */
  readonly readView: () => Viewport | null
  /** The bars as placed in rows now. */
  readonly placed: () => ReadonlyArray<PlacedBar>
  readonly window: () => TimeWindow
  /** Moves the rows' content up by `px` (down when negative), as vis's own wheel does. */
  readonly scrollRows: (px: number) => void
}

export class RowReveal {
  private frame = 0
  /** What the last window request asked to show, until the chart is drawn to show it. */
  private pending: Reveal | null = null

  constructor(private readonly chart: RevealChart) {}

  /** Shows `reveal` from the next frame on, in place of any still waiting (null: none). */
  request(reveal: Reveal | null): void {
    this.pending = reveal
    this.retry()
  }

  /** Tries the waiting reveal on the next frame, once however often it is asked. */
  retry(): void {
    if (this.pending && !this.frame) this.frame = requestAnimationFrame(this.reveal)
  }

  /** Another docking chosen: the one waiting to be shown is no longer wanted. */
  selected(id: number | null): void {
    const waiting = this.pending
    if (waiting !== null && isEventReveal(waiting) && waiting.event !== id) this.pending = null
  }

  /** The user has moved the chart: what was to be shown no longer is. */
  drop(): void {
    this.pending = null
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.pending = null
  }

  private readonly reveal = (): void => {
    this.frame = 0
    const pending = this.pending
    const view = pending && this.chart.el.clientHeight > 0 ? this.chart.readView() : null
    if (!pending || !view || view.height === 0) return
    const reveal = effectiveReveal(pending, view)
    const targets = revealRows(reveal, this.chart.placed(), this.chart.window())
    // Not drawn (yet): kept until the scene has it or the user moves.
    if (targets.size === 0) return
    this.pending = null
    const by = revealScroll(view, targets, reveal)
    if (by !== 0) this.chart.scrollRows(by)
  }
}

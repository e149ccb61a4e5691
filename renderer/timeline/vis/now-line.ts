/**
 * vis-timeline's now line, set to the store's "now" and titled as the app
 * writes times. Left to itself, vis reads the system clock rather than the
 * store's (the one open bars run to, and the one tests set), and titles the
 * line "Current time: Wednesday, December 2nd 2026, 4:00:50": no ISO date,
 * no zone.
 */
import type { Timeline } from 'vis-timeline/peer'

import { formatInstant, type TimeZoneMode } from '../../../shared/time/time-format'

/** The line's element, as vis classes it. */
const NOW_SELECTOR = '.vis-current-time'

/** The line's tooltip: "Now: 2026-12-02 04:00 UTC". */
const nowTitle = (now: number, zone: TimeZoneMode): string =>
  `Now: ${formatInstant(now, zone, 'minute')}`

export class NowLine {
  /**
   * vis writes its own title each time it draws the line: on every redraw
   * ('changed') and on its own timer ('currentTimeTick'), so ours follows both.
   */
  constructor(
    private readonly timeline: Timeline,
    private readonly el: HTMLElement,
    private readonly zone: () => TimeZoneMode,
  ) {
    timeline.on('changed', this.retitle)
    timeline.on('currentTimeTick', this.retitle)
  }

  /** The store's now; vis runs the line on from it, and the store sets it again each tick. */
  set(now: number): void {
    this.timeline.setCurrentTime(now)
    this.retitle()
  }

  destroy(): void {
    this.timeline.off('changed', this.retitle)
    this.timeline.off('currentTimeTick', this.retitle)
  }

  readonly retitle = (): void => {
    const line = this.el.querySelector<HTMLElement>(NOW_SELECTOR)
    if (!line) return
    const title = nowTitle(this.timeline.getCurrentTime().getTime(), this.zone())
    if (line.title !== title) line.title = title
  }
}

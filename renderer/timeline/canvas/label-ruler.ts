/**
 * Measures bar labels as the canvas writes them: the bar layer lays its
 * labels out with it, and "Fit all" leaves room for the last of them
 * (shared/chart/label-room.ts), so the room left is the room they take.
 */
import type { Font } from '../../../shared/chart/display-list'

export class LabelRuler {
  /** The painter may be in a worker, out of reach of a synchronous call: measure here. */
  private readonly ctx = new OffscreenCanvas(1, 1).getContext('2d')
  private readonly widths = new Map<string, number>()
  private font = ''

  /**
   * Measures text in `font`: its width, whole px up (0 where the page has no
   * 2D canvas). One call per frame, then a lookup per label: a frame
   * measures thousands.
   */
  measurer(font: Font): (text: string) => number {
    const ctx = this.ctx
    if (!ctx) return () => 0
    if (font.css !== this.font) {
      this.widths.clear()
      this.font = font.css
    }
    const widths = this.widths
    return (text) => {
      let width = widths.get(text)
      if (width === undefined) {
        ctx.font = font.css
        width = Math.ceil(ctx.measureText(text).width)
        widths.set(text, width)
      }
      return width
    }
  }
}

/**
 * Paints the navigator's overview: vehicles docked per pixel column as an
 * area from the baseline, scaled to the peak, with year ticks along the
 * bottom. Colours are the page's (accent, text, border), read once per
 * theme: reading them costs a style recalculation, and a pan past the data
 * repaints the overview every frame.
 */
import type { TimeWindow } from '../../../shared/chart/window'
import { resolveColours } from '../canvas/palette'

/** Room under the area for year labels, px. */
const AXIS_PX = 13
/** Room over the area for the caption, px. */
const CAPTION_PX = 12
/** Year steps the ticks may take; the first that leaves room between labels wins. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100] as const
const YEAR_MS = 365.25 * 86_400_000
/** Least room for one year label, px. */
const LABEL_ROOM = 44

/** The page's colours the overview is painted in. */
export type NavigatorInk = Readonly<Record<'accent' | 'fg' | 'border', string>>

/** The colours of the theme `host` is shown in. */
export function readNavigatorInk(host: HTMLElement): NavigatorInk {
  return resolveColours(host, {
    accent: 'var(--accent)',
    fg: 'var(--fg)',
    border: 'var(--border)',
  }) as NavigatorInk
}

export function paintOccupancy(
  ctx: CanvasRenderingContext2D,
  columns: Float64Array,
  range: TimeWindow,
  size: { readonly width: number; readonly height: number; readonly dpr: number },
  ink: NavigatorInk,
): void {
  const { accent, fg, border } = ink
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0)
  ctx.clearRect(0, 0, size.width, size.height)
  const plot = size.height - AXIS_PX
  let peak = 0
  for (const v of columns) if (v > peak) peak = v
  if (peak > 0) {
    ctx.fillStyle = accent
    ctx.globalAlpha = 0.55
    ctx.beginPath()
    for (let x = 0; x < columns.length; x++) {
      const h = (columns[x]! / peak) * (plot - CAPTION_PX)
      if (h > 0) ctx.rect(x, plot - h, 1, h)
    }
    ctx.fill()
    ctx.globalAlpha = 1
  }
  ctx.strokeStyle = border
  ctx.lineWidth = 1
  ctx.beginPath()
  ctx.moveTo(0, plot + 0.5)
  ctx.lineTo(size.width, plot + 0.5)
  ctx.stroke()
  yearTicks(ctx, range, size.width, plot, fg)
}

function yearTicks(
  ctx: CanvasRenderingContext2D,
  range: TimeWindow,
  width: number,
  plot: number,
  ink: string,
): void {
  const span = range.end - range.start
  if (!(span > 0) || width <= 0) return
  const pxPerYear = (width / span) * YEAR_MS
  const step = YEAR_STEPS.find((s) => s * pxPerYear >= LABEL_ROOM) ?? 200
  const first = new Date(range.start).getUTCFullYear()
  const last = new Date(range.end).getUTCFullYear()
  ctx.fillStyle = ink
  ctx.strokeStyle = ink
  ctx.globalAlpha = 0.75
  ctx.font = '10px system-ui, sans-serif'
  ctx.textBaseline = 'top'
  ctx.textAlign = 'center'
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) {
    const x = ((Date.UTC(y, 0, 1) - range.start) / span) * width
    if (x < 0 || x > width) continue
    ctx.fillRect(Math.round(x), plot, 1, 3)
    if (x > 12 && x < width - 12) ctx.fillText(String(y), x, plot + 2)
  }
  ctx.globalAlpha = 1
}

/**
 * Paints a display list (`shared/chart/display-list.ts`) on the bar canvas:
 * the page's, or the paint worker's (paint-worker.ts).
 *
 * Bars are pixels, not vis-timeline items: vis drew and measured a few DOM
 * nodes per bar on every zoom, pan and keystroke, and no bar styling could
 * bring a frame under 16.7 ms. What is drawn is decided in `shared/chart/`,
 * which the SVG export writes too; this file only interprets it.
 */
import type { Context2D } from './context-2d'
import type { CanvasSize } from './paint-messages'
import {
  type DisplayItem,
  type DisplayList,
  type GroupItem,
  type RectItem,
  type TextItem,
} from '../../../shared/chart/display-list'
import { inPaintOrder } from '../../../shared/chart/paint-order'
import type { PatternSource } from './pattern-sheets'
import { StripImages } from './strip-images'

function roundedRect(ctx: Context2D, x: number, y: number, w: number, h: number, r: number) {
  if (r > 0) ctx.roundRect(x, y, w, h, r)
  else ctx.rect(x, y, w, h)
}

/** Fills, patterns and strokes the current path as `r` says (its geometry aside). */
function inkPath(ctx: Context2D, r: RectItem, patterns: PatternSource): void {
  if (r.fill) {
    ctx.fillStyle = r.fill
    ctx.fill()
  }
  const pattern = r.pattern ? patterns.get(r.pattern) : undefined
  if (pattern) {
    ctx.fillStyle = pattern
    ctx.fill()
  }
  if (r.stroke) {
    ctx.strokeStyle = r.stroke
    ctx.lineWidth = r.lineWidth
    if (r.dash.length > 0) ctx.setLineDash(r.dash as number[])
    ctx.stroke()
    if (r.dash.length > 0) ctx.setLineDash([])
  }
}

function polygonPath(ctx: Context2D, points: ReadonlyArray<number>): void {
  ctx.moveTo(points[0]!, points[1]!)
  for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo(points[i]!, points[i + 1]!)
  ctx.closePath()
}

/** What the painter keeps between items: the text font it last set. */
interface PaintState {
  font: string
}

function text(ctx: Context2D, it: TextItem, state: PaintState): void {
  if (it.font.css !== state.font) ctx.font = state.font = it.font.css
  ctx.textAlign = it.anchor === 'middle' ? 'center' : it.anchor
  ctx.textBaseline = it.baseline
  ctx.fillStyle = it.fill
  ctx.fillText(it.text, it.x, it.y)
}

/** A batch of one style (see `inPaintOrder`), its shapes as one path. */
function paintMerged(
  ctx: Context2D,
  items: ReadonlyArray<DisplayItem>,
  patterns: PatternSource,
  state: PaintState,
): void {
  const first = items[0]!
  ctx.globalAlpha = first.kind === 'rect' ? first.opacity : 1
  if (first.kind === 'text') {
    for (const it of items) text(ctx, it as TextItem, state)
    return
  }
  ctx.beginPath()
  for (const it of items)
    if (it.kind === 'rect') roundedRect(ctx, it.x, it.y, it.w, it.h, it.radius)
    else if (it.kind === 'polygon') polygonPath(ctx, it.points)
  if (first.kind === 'rect') inkPath(ctx, first, patterns)
  else if (first.kind === 'polygon') {
    ctx.fillStyle = first.fill
    ctx.fill()
  }
}

/**
 * Paints `list` over a cleared canvas of `width`×`height` CSS px, in the
 * batches `inPaintOrder` makes of it: what covers what is unchanged, in far
 * fewer calls.
 */
export function paintDisplayList(
  ctx: Context2D,
  list: DisplayList,
  size: CanvasSize,
  patterns: PatternSource,
): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0)
  ctx.clearRect(0, 0, size.width, size.height)
  ctx.globalAlpha = 1
  const strips = StripImages.of(ctx).prepare(list)
  const state: PaintState = { font: '' }
  for (const batch of inPaintOrder(list, size))
    if (batch.merged) paintMerged(ctx, batch.items, patterns, state)
    else paintItems(ctx, batch.items, patterns, strips, state)
  ctx.globalAlpha = 1
}

/**
 * Paints items one by one. Groups nest with save/restore; a group's fade
 * erases what it drew towards its open end (destination-out), so the row
 * shows through as it does on screen.
 */
function paintItems(
  ctx: Context2D,
  list: ReadonlyArray<DisplayItem>,
  patterns: PatternSource,
  strips: StripImages,
  state: PaintState,
): void {
  let alpha = 1
  // Open groups: the alpha to return to and the fade to apply on closing.
  const groups: Array<{ alpha: number; fade: GroupItem['fade']; clipped: boolean }> = []
  for (const it of list) {
    switch (it.kind) {
      case 'rect':
        ctx.globalAlpha = alpha * it.opacity
        ctx.beginPath()
        roundedRect(ctx, it.x, it.y, it.w, it.h, it.radius)
        inkPath(ctx, it, patterns)
        break
      case 'line':
        ctx.globalAlpha = alpha
        ctx.strokeStyle = it.stroke
        ctx.lineWidth = it.lineWidth
        ctx.beginPath()
        ctx.moveTo(it.x1, it.y1)
        ctx.lineTo(it.x2, it.y2)
        ctx.stroke()
        break
      case 'polygon':
        ctx.globalAlpha = alpha
        ctx.fillStyle = it.fill
        ctx.beginPath()
        polygonPath(ctx, it.points)
        ctx.fill()
        break
      case 'text':
        ctx.globalAlpha = alpha
        text(ctx, it, state)
        break
      case 'strip':
        ctx.globalAlpha = alpha
        strips.draw(it)
        break
      case 'group':
        groups.push({ alpha, fade: it.fade, clipped: it.clip !== null })
        if (it.clip) {
          ctx.save()
          ctx.beginPath()
          ctx.rect(it.clip.x, it.clip.y, it.clip.w, it.clip.h)
          ctx.clip()
          // save() keeps the font too: make the next text set it again.
          state.font = ''
        }
        alpha *= it.opacity
        break
      case 'end': {
        const g = groups.pop()
        if (!g) break
        const f = g.fade
        if (f) {
          const grad = ctx.createLinearGradient(f.x0, 0, f.x1, 0)
          grad.addColorStop(0, 'rgba(0,0,0,0)')
          grad.addColorStop(1, 'rgba(0,0,0,1)')
          ctx.globalAlpha = 1
          ctx.globalCompositeOperation = 'destination-out'
          ctx.fillStyle = grad
          ctx.fillRect(f.x0, f.y0, f.x1 - f.x0 + 1, f.y1 - f.y0)
          ctx.globalCompositeOperation = 'source-over'
        }
        if (g.clipped) {
          ctx.restore()
          state.font = ''
        }
        alpha = g.alpha
        break
      }
    }
  }
  ctx.globalAlpha = 1
}

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
import { FadeLayer } from './fade-layer'
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
 * Paints `list` over the canvas of `width`×`height` CSS px, in the batches
 * `inPaintOrder` makes of it: what covers what is unchanged, in far fewer
 * calls. The list starts with the backdrop (row-backdrop.ts), which covers
 * the canvas: the canvas is opaque.
 */
export function paintDisplayList(
  ctx: Context2D,
  list: DisplayList,
  size: CanvasSize,
  patterns: PatternSource,
): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0)
  ctx.globalAlpha = 1
  const strips = StripImages.of(ctx).prepare(list)
  const state: PaintState = { font: '' }
  const tools: Tools = { patterns, strips, fades: FadeLayer.of(ctx), size }
  for (const batch of inPaintOrder(list, size))
    if (batch.merged) paintMerged(ctx, batch.items, patterns, state)
    else paintItems(ctx, batch.items, tools, state)
  ctx.globalAlpha = 1
}

/** What painting items one by one draws with besides the context. */
interface Tools {
  readonly patterns: PatternSource
  readonly strips: StripImages
  readonly fades: FadeLayer
  readonly size: CanvasSize
}

/** An open group: the alpha to return to, its fade, and whether it clipped or drew on the fade layer. */
interface OpenGroup {
  readonly alpha: number
  readonly fade: GroupItem['fade']
  readonly clipped: boolean
  readonly layered: boolean
}

/**
 * Paints items one by one. Groups nest with save/restore; a group with a
 * fade is drawn on the fade layer and laid on the canvas faded towards its
 * open end (fade-layer.ts), so what is under it shows through.
 */
function paintItems(
  ctx: Context2D,
  list: ReadonlyArray<DisplayItem>,
  tools: Tools,
  state: PaintState,
): void {
  const { patterns, strips, fades } = tools
  // Where items go: the canvas, or the fade layer while a faded group is open.
  let c = ctx
  let alpha = 1
  const groups: OpenGroup[] = []
  for (const it of list) {
    if (c !== ctx && it.kind !== 'group' && it.kind !== 'end')
      if (it.kind === 'rect') fades.drew(it)
      else fades.drewAnything()
    switch (it.kind) {
      case 'rect':
        c.globalAlpha = alpha * it.opacity
        c.beginPath()
        roundedRect(c, it.x, it.y, it.w, it.h, it.radius)
        inkPath(c, it, patterns)
        break
      case 'line':
        c.globalAlpha = alpha
        c.strokeStyle = it.stroke
        c.lineWidth = it.lineWidth
        c.beginPath()
        c.moveTo(it.x1, it.y1)
        c.lineTo(it.x2, it.y2)
        c.stroke()
        break
      case 'polygon':
        c.globalAlpha = alpha
        c.fillStyle = it.fill
        c.beginPath()
        polygonPath(c, it.points)
        c.fill()
        break
      case 'text':
        c.globalAlpha = alpha
        text(c, it, state)
        break
      case 'strip':
        // Strips are drawn on the canvas itself: no faded group holds one.
        ctx.globalAlpha = alpha
        strips.draw(it)
        break
      case 'group': {
        const layer = it.fade && c === ctx ? fades.begin(tools.size) : null
        groups.push({ alpha, fade: it.fade, clipped: it.clip !== null, layered: layer !== null })
        if (layer) {
          c = layer
          state.font = ''
        }
        if (it.clip) {
          c.save()
          c.beginPath()
          c.rect(it.clip.x, it.clip.y, it.clip.w, it.clip.h)
          c.clip()
          // save() keeps the font too: make the next text set it again.
          state.font = ''
        }
        alpha *= it.opacity
        break
      }
      case 'end': {
        const g = groups.pop()
        if (!g) break
        if (g.clipped) {
          c.restore()
          state.font = ''
        }
        if (g.layered && g.fade) {
          fades.end(g.fade, tools.size)
          c = ctx
          state.font = ''
        }
        alpha = g.alpha
        break
      }
    }
  }
  ctx.globalAlpha = 1
}

/**
 * The bar canvas's patterns, each laid once over a canvas-sized sheet and
 * then filled from the sheet unturned.
 *
 * The role and overlap patterns are turned to their angle about the canvas
 * origin, and a turned pattern is sampled through a rotated, filtered image
 * shader. Chromium's software rasteriser (the chart's canvas when there is
 * no GPU) spent about half of a frame's bar raster time on that at 10,000
 * dockings. A sheet holds the same tiling, turned the same way, already
 * sampled at every pixel; a bar filled from it with no turn and no scale
 * gets the same colour on each pixel at the cost of a copy.
 */
import type { Context2D } from './context-2d'
import { sameSize, type CanvasSize } from './paint-messages'
import type { PatternId, PatternTile } from '../../../shared/chart/patterns'

/** What the painter asks for a pattern by id (a Map does too). */
export interface PatternSource {
  get(id: PatternId): CanvasPattern | undefined
}

/**
 * Device px a sheet may hold (16 MB): past it (a large chart on a high-dpi
 * screen) the turned pattern is used as before rather than up to four more.
 */
const MAX_SHEET_PX = 4_000_000

/** A tile as a canvas pattern, turned to its angle about the canvas origin. */
export function canvasPattern(t: PatternTile): CanvasPattern | null {
  const c = new OffscreenCanvas(t.size, t.size)
  const ctx = c.getContext('2d')
  if (!ctx) return null
  ctx.fillStyle = t.ink
  ctx.globalAlpha = t.opacity
  for (const s of t.shapes) {
    if (s.kind === 'rect') ctx.fillRect(s.x, s.y, s.w, s.h)
    else {
      ctx.beginPath()
      ctx.arc(s.cx, s.cy, s.r, 0, 2 * Math.PI)
      ctx.fill()
    }
  }
  const p = ctx.createPattern(c, 'repeat')
  if (p && t.angle) p.setTransform(new DOMMatrix().rotate(t.angle))
  return p
}

export class PatternSheets implements PatternSource {
  private readonly sheets = new Map<PatternId, CanvasPattern | undefined>()
  private turned: ReadonlyMap<PatternId, CanvasPattern> = new Map()
  private size: CanvasSize = { width: 0, height: 0, dpr: 1 }

  constructor(private readonly ctx: Context2D) {}

  /**
   * Sheets for these turned patterns (new ones with each theme) on a canvas
   * of this size; each sheet is drawn when first asked for and kept until
   * either changes.
   */
  use(turned: ReadonlyMap<PatternId, CanvasPattern>, size: CanvasSize): this {
    if (turned !== this.turned || !sameSize(size, this.size)) {
      this.sheets.clear()
      this.turned = turned
      this.size = size
    }
    return this
  }

  get(id: PatternId): CanvasPattern | undefined {
    if (!this.sheets.has(id)) this.sheets.set(id, this.draw(id))
    return this.sheets.get(id)
  }

  private draw(id: PatternId): CanvasPattern | undefined {
    const turned = this.turned.get(id)
    const { width, height, dpr } = this.size
    if (width * height * dpr * dpr > MAX_SHEET_PX) return turned
    const sheet = new OffscreenCanvas(
      Math.max(1, Math.round(width * dpr)),
      Math.max(1, Math.round(height * dpr)),
    )
    const sctx = sheet.getContext('2d')
    if (!turned || !sctx) return turned
    // The same transform the painter draws under, so each sheet pixel is what
    // the turned pattern gives that pixel of the bar canvas.
    sctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    sctx.fillStyle = turned
    sctx.fillRect(0, 0, width, height)
    const flat = this.ctx.createPattern(sheet, 'repeat')
    if (!flat) return turned
    // Device px of the sheet onto device px of the canvas, under its dpr scale.
    if (dpr !== 1) flat.setTransform(new DOMMatrix().scale(1 / dpr))
    return flat
  }
}

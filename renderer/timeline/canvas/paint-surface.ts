/**
 * A canvas and what painting on it keeps between frames: the theme's
 * patterns and their sheets. The page paints on one when it has no paint
 * worker, the worker on the canvas the page handed it.
 */
import type { DisplayList } from '../../../shared/chart/display-list'
import type { PatternId, PatternTile } from '../../../shared/chart/patterns'
import { paintDisplayList } from './bar-painter'
import type { Context2D } from './context-2d'
import { bitmapSize, type CanvasSize, type PixelRect } from './paint-messages'
import { canvasPattern, PatternSheets } from './pattern-sheets'

export class PaintSurface {
  private readonly sheets: PatternSheets
  private turned: ReadonlyMap<PatternId, CanvasPattern> = new Map()
  private tiles: ReadonlyArray<PatternTile> | null = null

  constructor(
    private readonly canvas: HTMLCanvasElement | OffscreenCanvas,
    private readonly ctx: Context2D,
  ) {
    this.sheets = new PatternSheets(ctx)
  }

  /** Takes a theme's pattern tiles (the same array again is nothing new); frames after it are filled with them. */
  setTiles(tiles: ReadonlyArray<PatternTile>): void {
    if (tiles === this.tiles) return
    this.tiles = tiles
    const turned = new Map<PatternId, CanvasPattern>()
    for (const t of tiles) {
      const p = canvasPattern(t)
      if (p) turned.set(t.id, p)
    }
    this.turned = turned
  }

  paint(list: DisplayList, size: CanvasSize): void {
    const { width, height } = bitmapSize(size)
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width
      this.canvas.height = height
    }
    paintDisplayList(this.ctx, list, size, this.sheets.use(this.turned, size))
  }

  /** The pixels of `rect` (device px) as painted, or null when it is empty. */
  pixels(rect: PixelRect): ImageData | null {
    if (rect.w <= 0 || rect.h <= 0) return null
    return this.ctx.getImageData(rect.x, rect.y, rect.w, rect.h)
  }
}

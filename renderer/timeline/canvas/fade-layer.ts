/**
 * An open end's fade on the opaque bar canvas.
 *
 * The canvas has no see-through pixels (the backdrop is painted on it,
 * row-backdrop.ts), so a fade cannot erase the bar's pixels to show the
 * page: the faded group is drawn on a scratch canvas instead, faded there
 * (destination-out), and laid over what is already painted. Only the
 * group fades, as in the SVG, where the fade is the group's mask.
 */
import type { GroupItem, RectItem } from '../../../shared/chart/display-list'
import type { Context2D } from './context-2d'
import type { CanvasSize } from './paint-messages'

const LAYERS = new WeakMap<Context2D, FadeLayer>()

type Fade = NonNullable<GroupItem['fade']>

export class FadeLayer {
  private readonly scratch = new OffscreenCanvas(1, 1)
  private readonly sctx = this.scratch.getContext('2d')
  /** What the open group has drawn, CSS px: x0, y0, x1, y1. */
  private box = [0, 0, 0, 0]

  private constructor(private readonly ctx: Context2D) {}

  /** The fade layer of a canvas, kept with it. */
  static of(ctx: Context2D): FadeLayer {
    let layer = LAYERS.get(ctx)
    if (!layer) LAYERS.set(ctx, (layer = new FadeLayer(ctx)))
    return layer
  }

  /**
   * The clear context to draw a faded group on, under the same transform as
   * the canvas (so patterns fall on the same pixels), or null where there is
   * none (the group is then drawn unfaded).
   */
  begin(size: CanvasSize): Context2D | null {
    const s = this.sctx
    if (!s) return null
    const w = Math.round(size.width * size.dpr)
    const h = Math.round(size.height * size.dpr)
    if (this.scratch.width !== w || this.scratch.height !== h) {
      this.scratch.width = w
      this.scratch.height = h
    }
    s.setTransform(size.dpr, 0, 0, size.dpr, 0, 0)
    this.box = [Infinity, Infinity, -Infinity, -Infinity]
    return s
  }

  /** Notes a rectangle drawn in the group (its outline included). */
  drew(r: RectItem): void {
    const o = r.stroke ? r.lineWidth : 0
    const b = this.box
    b[0] = Math.min(b[0]!, r.x - o)
    b[1] = Math.min(b[1]!, r.y - o)
    b[2] = Math.max(b[2]!, r.x + r.w + o)
    b[3] = Math.max(b[3]!, r.y + r.h + o)
  }

  /** Notes that the group drew something other than a rectangle: all of the canvas is laid. */
  drewAnything(): void {
    this.box = [-Infinity, -Infinity, Infinity, Infinity]
  }

  /** Fades what the group drew from `fade.x0` to nothing at `fade.x1`, lays it on the canvas and clears it. */
  end(fade: Fade, size: CanvasSize): void {
    const s = this.sctx
    if (!s) return
    const grad = s.createLinearGradient(fade.x0, 0, fade.x1, 0)
    grad.addColorStop(0, 'rgba(0,0,0,0)')
    grad.addColorStop(1, 'rgba(0,0,0,1)')
    s.globalAlpha = 1
    s.globalCompositeOperation = 'destination-out'
    s.fillStyle = grad
    s.fillRect(fade.x0, fade.y0, fade.x1 - fade.x0 + 1, fade.y1 - fade.y0)
    s.globalCompositeOperation = 'source-over'
    // In device px, whole ones, inside the canvas.
    const k = size.dpr
    const x0 = Math.max(0, Math.floor(this.box[0]! * k))
    const y0 = Math.max(0, Math.floor(this.box[1]! * k))
    const x1 = Math.min(this.scratch.width, Math.ceil(this.box[2]! * k))
    const y1 = Math.min(this.scratch.height, Math.ceil(this.box[3]! * k))
    if (x1 <= x0 || y1 <= y0) return
    const ctx = this.ctx
    ctx.save()
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.globalAlpha = 1
    ctx.drawImage(this.scratch, x0, y0, x1 - x0, y1 - y0, x0, y0, x1 - x0, y1 - y0)
    ctx.restore()
    s.save()
    s.setTransform(1, 0, 0, 1, 0, 0)
    s.clearRect(x0, y0, x1 - x0, y1 - y0)
    s.restore()
  }
}

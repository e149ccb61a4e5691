/**
 * Heat strips on the canvas: every strip of a frame is written as a run of
 * pixels into one ImageData, put on a scratch canvas once, and each strip
 * then drawn from its pixels with one drawImage stretched to its height.
 *
 * A strip drawn as a rectangle per cell cost tens of thousands of path
 * rectangles a frame at 10,000 dockings (heat-strip frames p95 36 ms); one
 * image per strip costs its width in bytes.
 */
import type { Context2D } from './context-2d'
import type { DisplayList, Shade, StripItem } from '../../../shared/chart/display-list'

/** RGBA of each shade as one 32-bit word, parsed once per shade table. */
const WORDS = new WeakMap<ReadonlyArray<Shade | null>, Uint32Array>()
/**
 * The same by the table's content: in the paint worker each frame's list is
 * a copy, its table a new array, so the table's identity never repeats there.
 */
const WORDS_BY_CONTENT = new Map<string, Uint32Array>()
/** Tables kept by content: a theme each, and room to spare. */
const MAX_TABLES = 8

/** The canvas's own reading of a CSS colour, as r, g, b, a (0–255). */
function rgbaOf(ctx: Context2D, colour: string): [number, number, number, number] {
  ctx.fillStyle = '#000000'
  ctx.fillStyle = colour
  const c = String(ctx.fillStyle)
  if (c.startsWith('#'))
    return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).concat(255) as [
      number,
      number,
      number,
      number,
    ]
  const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number)
  return [r, g, b, Math.round(a * 255)]
}

function wordsOf(ctx: Context2D, shades: ReadonlyArray<Shade | null>): Uint32Array {
  let words = WORDS.get(shades)
  if (words) return words
  const key = shades.map((s) => (s ? `${s.fill} ${s.opacity}` : '')).join('|')
  words = WORDS_BY_CONTENT.get(key)
  if (words) {
    WORDS.set(shades, words)
    return words
  }
  const bytes = new Uint8ClampedArray(shades.length * 4)
  shades.forEach((s, i) => {
    if (!s) return
    const [r, g, b, a] = rgbaOf(ctx, s.fill)
    bytes.set([r, g, b, Math.round(a * s.opacity)], i * 4)
  })
  // The platform's byte order both ways: the ImageData's words are read as bytes again.
  words = new Uint32Array(bytes.buffer)
  WORDS.set(shades, words)
  if (WORDS_BY_CONTENT.size >= MAX_TABLES) WORDS_BY_CONTENT.clear()
  WORDS_BY_CONTENT.set(key, words)
  return words
}

const PAINTERS = new WeakMap<Context2D, StripImages>()

/**
 * Width of the scratch image's rows, px, unless a strip is wider: strips are
 * laid side by side along its rows. Most strips are a few px wide, and one
 * row per strip, as wide as the widest, made an image of a few hundred
 * thousand px for a few thousand used, all of it converted on each put.
 */
const SHELF_PX = 1024

/** Where a strip's pixels sit in the scratch image. */
interface Slot {
  readonly x: number
  readonly y: number
}

export class StripImages {
  private readonly scratch = new OffscreenCanvas(1, 1)
  private readonly sctx = this.scratch.getContext('2d')
  private image: ImageData | null = null
  private slots = new Map<StripItem, Slot>()

  private constructor(private readonly ctx: Context2D) {}

  /** The strip painter of a canvas, kept with it. */
  static of(ctx: Context2D): StripImages {
    let p = PAINTERS.get(ctx)
    if (!p) PAINTERS.set(ctx, (p = new StripImages(ctx)))
    return p
  }

  /** Writes every strip of `list` into the scratch image, side by side along its rows. */
  prepare(list: DisplayList): this {
    this.slots = new Map()
    let width = SHELF_PX
    for (const it of list) if (it.kind === 'strip') width = Math.max(width, it.columns.length)
    let x = 0
    let y = 0
    for (const it of list)
      if (it.kind === 'strip' && it.columns.length > 0) {
        if (x + it.columns.length > width) {
          x = 0
          y++
        }
        this.slots.set(it, { x, y })
        x += it.columns.length
      }
    if (this.slots.size === 0 || !this.sctx) return this
    const height = y + 1
    if (!this.image || this.image.width < width || this.image.height < height)
      this.image = new ImageData(
        Math.max(width, this.image?.width ?? 0),
        Math.max(height, this.image?.height ?? 0),
      )
    const image = this.image
    const pixels = new Uint32Array(image.data.buffer)
    pixels.fill(0, 0, height * image.width)
    for (const [strip, slot] of this.slots) {
      const words = wordsOf(this.ctx, strip.shades)
      const at = slot.y * image.width + slot.x
      const cols = strip.columns
      for (let i = 0; i < cols.length; i++) if (cols[i]) pixels[at + i] = words[cols[i]!]!
    }
    if (this.scratch.width < image.width || this.scratch.height < image.height) {
      this.scratch.width = image.width
      this.scratch.height = image.height
    }
    this.sctx.putImageData(image, 0, 0, 0, 0, width, height)
    return this
  }

  /** Draws a prepared strip at the context's current alpha, its px kept square-edged. */
  draw(strip: StripItem): void {
    const slot = this.slots.get(strip)
    const n = strip.columns.length
    if (slot === undefined || n === 0 || strip.h <= 0) return
    this.ctx.imageSmoothingEnabled = false
    this.ctx.drawImage(this.scratch, slot.x, slot.y, n, 1, strip.x, strip.y, n, strip.h)
    // Pattern fills sample with the same setting: leave it as they expect.
    this.ctx.imageSmoothingEnabled = true
  }
}

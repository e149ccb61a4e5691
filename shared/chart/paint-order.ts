/**
 * A display list regrouped into batches a painter can draw with one path
 * each, without changing what covers what.
 *
 * Chromium's software canvas (the chart's when there is no GPU) rasterises
 * every fill and stroke call on its own, and at 10,000 dockings a frame's
 * bars were some two thousand calls, the largest part of a frame. Items of
 * one style that do not touch can be drawn in one call: an item moves
 * earlier to join the last batch of its style only when nothing it would
 * pass over touches it. Only anti-aliased edges may differ, by a few levels
 * of 255, as Skia rasterises a many-shape path by another method.
 */
import { scratchFloat64, scratchInt32 } from '../columns/scratch'
import type { DisplayItem, DisplayList } from './display-list'

/** Items drawn one after another; `merged` ones share a style and may be drawn as one path. */
export interface Batch {
  readonly items: DisplayItem[]
  readonly merged: boolean
}

/** The canvas (CSS px) outside which nothing is seen. */
export interface Bounds {
  readonly width: number
  readonly height: number
}

/** Grid cell, px: bars are tens of px, so a cell holds few to test against. */
const CELL = 32
/**
 * Added round every box: an anti-aliased edge tints the px it falls in, so
 * two items less than a px apart may share one, and their order shows there.
 */
const FRINGE = 0.5

/** Items that may share a batch are looked up first by this (a colour), then by `sameStyle`. */
function styleHead(it: DisplayItem): string | null {
  switch (it.kind) {
    case 'rect':
      return it.fill ?? it.stroke ?? ''
    case 'polygon':
    case 'text':
      return it.fill
    default:
      return null
  }
}

const sameDash = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]))

/**
 * Whether two items are drawn with the same style, so one call can draw
 * both. Compared field by field: a string key per item cost more than the
 * calls it saved.
 */
function sameStyle(a: DisplayItem, b: DisplayItem): boolean {
  if (a.kind === 'rect' && b.kind === 'rect')
    return (
      a.fill === b.fill &&
      a.pattern === b.pattern &&
      a.stroke === b.stroke &&
      a.lineWidth === b.lineWidth &&
      a.opacity === b.opacity &&
      sameDash(a.dash, b.dash)
    )
  if (a.kind === 'polygon' && b.kind === 'polygon') return a.fill === b.fill
  // Each text is still its own call; alike ones together set the font and fill once.
  if (a.kind === 'text' && b.kind === 'text')
    return (
      a.fill === b.fill &&
      a.font.css === b.font.css &&
      a.anchor === b.anchor &&
      a.baseline === b.baseline
    )
  return false
}

/** x0, y0, x1, y1 of what an item may touch, px. */
type Extent = [number, number, number, number]

function extentOf(it: DisplayItem, into: Extent): Extent {
  switch (it.kind) {
    case 'rect': {
      const s = it.stroke ? it.lineWidth / 2 : 0
      into[0] = it.x - s
      into[1] = it.y - s
      into[2] = it.x + it.w + s
      into[3] = it.y + it.h + s
      break
    }
    case 'line': {
      const s = it.lineWidth / 2
      into[0] = Math.min(it.x1, it.x2) - s
      into[1] = Math.min(it.y1, it.y2) - s
      into[2] = Math.max(it.x1, it.x2) + s
      into[3] = Math.max(it.y1, it.y2) + s
      break
    }
    case 'polygon': {
      into[0] = into[1] = Infinity
      into[2] = into[3] = -Infinity
      for (let i = 0; i + 1 < it.points.length; i += 2) {
        into[0] = Math.min(into[0], it.points[i]!)
        into[2] = Math.max(into[2], it.points[i]!)
        into[1] = Math.min(into[1], it.points[i + 1]!)
        into[3] = Math.max(into[3], it.points[i + 1]!)
      }
      break
    }
    case 'text': {
      // No glyph is wider than its em, nor reaches further than an em from the baseline.
      const w = it.text.length * it.font.size
      const x0 = it.anchor === 'start' ? it.x : it.anchor === 'end' ? it.x - w : it.x - w / 2
      into[0] = x0
      into[1] = it.y - it.font.size
      into[2] = x0 + w
      into[3] = it.y + it.font.size
      break
    }
    case 'strip':
      into[0] = it.x
      into[1] = it.y
      into[2] = it.x + it.columns.length
      into[3] = it.y + it.h
      break
    case 'group':
    case 'end':
      into[0] = into[1] = into[2] = into[3] = NaN
  }
  return into
}

/** Widens `into` to cover `x0`…`x1` × `y0`…`y1`. */
function cover(into: Extent, x0: number, y0: number, x1: number, y1: number): void {
  into[0] = Math.min(into[0], x0)
  into[1] = Math.min(into[1], y0)
  into[2] = Math.max(into[2], x1)
  into[3] = Math.max(into[3], y1)
}

/**
 * What the group opening at `start` may touch, into `into`: its items, and
 * the fade of it or of a group inside it, which erases whatever lies under
 * it. Returns where the group ends: its matching `end`, or the list's last
 * item when it has none.
 */
function groupExtent(list: DisplayList, start: number, into: Extent, child: Extent): number {
  into[0] = into[1] = Infinity
  into[2] = into[3] = -Infinity
  let depth = 0
  for (let i = start; i < list.length; i++) {
    const c = list[i]!
    if (c.kind === 'group') {
      depth++
      const f = c.fade
      if (f) cover(into, f.x0, f.y0, f.x1 + 1, f.y1)
    } else if (c.kind === 'end') {
      if (--depth === 0) return i
    } else {
      extentOf(c, child)
      cover(into, child[0], child[1], child[2], child[3])
    }
  }
  return list.length - 1
}

/**
 * The batches placed so far, indexed by grid cell: for a box, the latest
 * batch whose items touch it.
 */
class Placed {
  private readonly cols: number
  private readonly rows: number
  private readonly head: Int32Array
  private next: Int32Array
  private box: Float64Array
  private batch: Int32Array
  private size = 0

  /** `room`: how many cell entries to expect (more are made room for as needed). */
  constructor(bounds: Bounds, room: number) {
    this.cols = Math.max(1, Math.ceil(bounds.width / CELL) + 2)
    this.rows = Math.max(1, Math.ceil(bounds.height / CELL) + 2)
    this.head = scratchInt32('paint-order.head', this.cols * this.rows).fill(-1)
    this.next = scratchInt32('paint-order.next', room)
    this.batch = scratchInt32('paint-order.batch', room)
    this.box = scratchFloat64('paint-order.box', 4 * room)
  }

  // Off-canvas space folds into the border cells: still tested, never lost.
  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor(x / CELL) + 1))
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor(y / CELL) + 1))
  }

  /** The latest batch with an item touching `e`, or -1. */
  latestTouching(e: Extent): number {
    let latest = -1
    const c0 = this.col(e[0])
    const c1 = this.col(e[2])
    for (let r = this.row(e[1]), r1 = this.row(e[3]); r <= r1; r++)
      for (let c = c0; c <= c1; c++)
        for (let i = this.head[r * this.cols + c]!; i >= 0; i = this.next[i]!) {
          const b = this.batch[i]!
          const o = 4 * i
          if (
            b > latest &&
            this.box[o]! < e[2] &&
            e[0] < this.box[o + 2]! &&
            this.box[o + 1]! < e[3] &&
            e[1] < this.box[o + 3]!
          )
            latest = b
        }
    return latest
  }

  add(e: Extent, batch: number): void {
    const c0 = this.col(e[0])
    const c1 = this.col(e[2])
    for (let r = this.row(e[1]), r1 = this.row(e[3]); r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const i = this.size++
        if (i >= this.batch.length) this.grow()
        const o = 4 * i
        this.box[o] = e[0]
        this.box[o + 1] = e[1]
        this.box[o + 2] = e[2]
        this.box[o + 3] = e[3]
        this.batch[i] = batch
        this.next[i] = this.head[r * this.cols + c]!
        this.head[r * this.cols + c] = i
      }
  }

  private grow(): void {
    // A larger room may be a new column: carry over what is held.
    const n = 2 * this.batch.length
    const next = this.next
    const batch = this.batch
    const box = this.box
    this.next = scratchInt32('paint-order.next', n)
    this.batch = scratchInt32('paint-order.batch', n)
    this.box = scratchFloat64('paint-order.box', 4 * n)
    if (this.next.buffer !== next.buffer) this.next.set(next)
    if (this.batch.buffer !== batch.buffer) this.batch.set(batch)
    if (this.box.buffer !== box.buffer) this.box.set(box)
  }
}

const outside = (e: Extent, b: Bounds) => e[2] < 0 || e[3] < 0 || e[0] > b.width || e[1] > b.height

/**
 * `list` as batches in paint order. Drawing the batches' items in turn gives
 * the same pixels as drawing `list`; so does drawing each merged batch as
 * one path, as its items neither touch one another nor anything drawn
 * between them. A group goes whole into a batch of its own. Items wholly
 * off `bounds` are left out.
 */
export function inPaintOrder(list: DisplayList, bounds: Bounds): Batch[] {
  const batches: Batch[] = []
  // Per style head, the last batch of each style under it.
  const lastOfStyle = new Map<string, Array<{ readonly rep: DisplayItem; batch: number }>>()
  // Most items fall in one or two cells.
  const placed = new Placed(bounds, Math.max(64, 2 * list.length))
  const e: Extent = [0, 0, 0, 0]
  const child: Extent = [0, 0, 0, 0]
  for (let i = 0; i < list.length; i++) {
    const it = list[i]!
    if (it.kind === 'end') continue
    if (it.kind === 'group') {
      const end = groupExtent(list, i, e, child)
      const items = list.slice(i, end + 1)
      i = end
      if (!(e[0] <= e[2])) continue
      widen(e)
      placed.add(e, batches.length)
      batches.push({ items, merged: false })
      continue
    }
    widen(extentOf(it, e))
    if (outside(e, bounds)) continue
    const head = styleHead(it)
    const latest = placed.latestTouching(e)
    const styles = head === null ? undefined : lastOfStyle.get(head)
    const last = styles?.find((s) => sameStyle(s.rep, it))
    if (last && last.batch > latest) {
      batches[last.batch]!.items.push(it)
      placed.add(e, last.batch)
      continue
    }
    if (last) last.batch = batches.length
    else if (head !== null) {
      if (styles) styles.push({ rep: it, batch: batches.length })
      else lastOfStyle.set(head, [{ rep: it, batch: batches.length }])
    }
    placed.add(e, batches.length)
    batches.push({ items: [it], merged: head !== null })
  }
  return batches
}

function widen(e: Extent): Extent {
  e[0] -= FRINGE
  e[1] -= FRINGE
  e[2] += FRINGE
  e[3] += FRINGE
  return e
}

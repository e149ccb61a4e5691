/**
 * A display list as the page sends it to the paint worker: its numbers in
 * one Float64Array and its strips' columns in one Uint8Array, both handed
 * over rather than copied, with each string, font and shade table once and
 * named by index.
 *
 * Posted as objects, a list was copied item by item on the page's main
 * thread and rebuilt so in the worker: at 2,200 items (a zoom at 10,000
 * dockings) the copy alone took the page 2–3 ms of its frame (6 ms by
 * `structuredClone`). What only the SVG reads (`meta`) stays behind.
 */
import {
  END,
  type DisplayItem,
  type DisplayList,
  type Font,
  type GroupItem,
  type Shade,
  type TextItem,
} from '../../../shared/chart/display-list'
import type { PatternId } from '../../../shared/chart/patterns'

/** A display list in transit (see the file's comment). */
export interface WireList {
  /** Items in the list. */
  readonly count: number
  readonly nums: Float64Array
  readonly columns: Uint8Array
  readonly strings: ReadonlyArray<string>
  readonly fonts: ReadonlyArray<Font>
  readonly shades: ReadonlyArray<ReadonlyArray<Shade | null>>
}

const KIND = { rect: 0, line: 1, polygon: 2, text: 3, strip: 4, group: 5, end: 6 } as const
/** An absent string (a rect's fill, pattern or stroke). */
const NONE = -1
const NO_DASH: ReadonlyArray<number> = []

/** Gives each distinct value an index, in the order first seen. */
class Table<T> {
  readonly values: T[] = []
  private readonly index = new Map<T, number>()
  of(value: T): number {
    let i = this.index.get(value)
    if (i === undefined) {
      i = this.values.length
      this.values.push(value)
      this.index.set(value, i)
    }
    return i
  }
}

/** Numbers an item takes in transit. */
function sizeOf(it: DisplayItem): number {
  switch (it.kind) {
    case 'rect':
      return 12 + it.dash.length
    case 'line':
      return 7
    case 'polygon':
      return 3 + it.points.length
    case 'text':
      return 8
    case 'strip':
      return 7
    case 'group':
      return 12
    case 'end':
      return 1
  }
}

/** The list in transit form; `wireTransfer` names the buffers to hand over with it. */
export function encodeDisplayList(list: DisplayList): WireList {
  let size = 0
  let columnCount = 0
  for (const it of list) {
    size += sizeOf(it)
    if (it.kind === 'strip') columnCount += it.columns.length
  }
  const nums = new Float64Array(size)
  const columns = new Uint8Array(columnCount)
  let at = 0
  let columnAt = 0
  const put = (v: number) => {
    nums[at++] = v
  }
  /** Numbers of varying count (a dash, a polygon's points): the count, then each. */
  const putAll = (vs: ReadonlyArray<number>) => {
    put(vs.length)
    for (const v of vs) put(v)
  }
  const strings = new Table<string>()
  const fonts = new Table<Font>()
  const shades = new Table<ReadonlyArray<Shade | null>>()
  const str = (s: string | null) => put(s === null ? NONE : strings.of(s))
  for (const it of list) {
    switch (it.kind) {
      case 'rect':
        put(KIND.rect)
        put(it.x)
        put(it.y)
        put(it.w)
        put(it.h)
        put(it.radius)
        str(it.fill)
        str(it.pattern)
        str(it.stroke)
        put(it.lineWidth)
        put(it.opacity)
        putAll(it.dash)
        break
      case 'line':
        put(KIND.line)
        put(it.x1)
        put(it.y1)
        put(it.x2)
        put(it.y2)
        str(it.stroke)
        put(it.lineWidth)
        break
      case 'polygon':
        put(KIND.polygon)
        str(it.fill)
        putAll(it.points)
        break
      case 'text':
        put(KIND.text)
        put(it.x)
        put(it.y)
        str(it.text)
        str(it.anchor)
        str(it.baseline)
        put(fonts.of(it.font))
        str(it.fill)
        break
      case 'strip':
        put(KIND.strip)
        put(it.x)
        put(it.y)
        put(it.h)
        put(shades.of(it.shades))
        put(columnAt)
        put(it.columns.length)
        columns.set(it.columns, columnAt)
        columnAt += it.columns.length
        break
      case 'group': {
        const { clip, fade } = it
        put(KIND.group)
        put(it.opacity)
        put(clip ? 1 : 0)
        if (clip) for (const v of [clip.x, clip.y, clip.w, clip.h]) put(v)
        put(fade ? 1 : 0)
        if (fade) for (const v of [fade.x0, fade.x1, fade.y0, fade.y1]) put(v)
        break
      }
      case 'end':
        put(KIND.end)
        break
    }
  }
  return {
    count: list.length,
    nums: nums.subarray(0, at),
    columns,
    strings: strings.values,
    fonts: fonts.values,
    shades: shades.values,
  }
}

/** The buffers `wire` can hand over with its message (the sender loses them). */
export function wireTransfer(wire: WireList): Transferable[] {
  return [wire.nums.buffer, wire.columns.buffer]
}

/** The list back from its transit form: the same items, less their `meta`. */
export function decodeDisplayList(wire: WireList): DisplayItem[] {
  const { nums, strings } = wire
  let i = 0
  const num = () => nums[i++]!
  const str = () => strings[num()]!
  const strOrNull = () => {
    const k = num()
    return k === NONE ? null : strings[k]!
  }
  const out: DisplayItem[] = new Array<DisplayItem>(wire.count)
  for (let n = 0; n < wire.count; n++) {
    switch (num()) {
      case KIND.rect: {
        const x = num()
        const y = num()
        const w = num()
        const h = num()
        const radius = num()
        const fill = strOrNull()
        const pattern = strOrNull() as PatternId | null
        const stroke = strOrNull()
        const lineWidth = num()
        const opacity = num()
        const dashLength = num()
        const dash = dashLength === 0 ? NO_DASH : Array.from(nums.subarray(i, (i += dashLength)))
        out[n] = {
          kind: 'rect',
          x,
          y,
          w,
          h,
          radius,
          fill,
          pattern,
          stroke,
          lineWidth,
          dash,
          opacity,
        }
        break
      }
      case KIND.line: {
        const x1 = num()
        const y1 = num()
        const x2 = num()
        const y2 = num()
        out[n] = { kind: 'line', x1, y1, x2, y2, stroke: str(), lineWidth: num() }
        break
      }
      case KIND.polygon: {
        const fill = str()
        const length = num()
        out[n] = { kind: 'polygon', points: Array.from(nums.subarray(i, (i += length))), fill }
        break
      }
      case KIND.text: {
        const x = num()
        const y = num()
        const text = str()
        const anchor = str() as TextItem['anchor']
        const baseline = str() as TextItem['baseline']
        const font = wire.fonts[num()]!
        out[n] = { kind: 'text', x, y, text, anchor, baseline, font, fill: str() }
        break
      }
      case KIND.strip: {
        const x = num()
        const y = num()
        const h = num()
        const shades = wire.shades[num()]!
        const at = num()
        const columns = wire.columns.subarray(at, at + num())
        out[n] = { kind: 'strip', x, y, h, columns, shades }
        break
      }
      case KIND.group: {
        const opacity = num()
        const clip = num() ? { x: num(), y: num(), w: num(), h: num() } : null
        const fade: GroupItem['fade'] = num()
          ? { x0: num(), x1: num(), y0: num(), y1: num() }
          : null
        out[n] = { kind: 'group', opacity, clip, fade }
        break
      }
      case KIND.end:
        out[n] = END
        break
      default:
        throw new Error(`display list in transit: no item kind ${nums[i - 1]} at item ${n}`)
    }
  }
  return out
}

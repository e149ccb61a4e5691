/**
 * The navigator under the timeline: the whole range as an overview of
 * vehicles docked over time, with the visible window as a brush. Here is its
 * arithmetic: the range it spans, where the brush sits, what a drag or a key
 * makes of it, and the occupancy drawn per pixel column. Pure, so the
 * drawing and the pointer agree and the tests can work it out by hand.
 */
import { stepColumns, type OccupancySeries } from '../analysis/occupancy-series'
import { MAX_SPAN, MIN_SPAN, type TimeWindow } from './window'
import type { UtcMillis } from '../domain/units'

/** Which part of the brush is dragged: its body moves it, an edge resizes it. */
export type BrushPart = 'body' | 'start' | 'end'

const win = (start: number, end: number): TimeWindow => ({
  start: start as UtcMillis,
  end: end as UtcMillis,
})

/** The navigator's range: the data's window, widened to take in the visible window. */
export function navigatorRange(
  data: TimeWindow | null,
  visible: TimeWindow | null,
): TimeWindow | null {
  if (!data) return visible
  if (!visible) return data
  return win(Math.min(data.start, visible.start), Math.max(data.end, visible.end))
}

/** The brush's box in px across a navigator `widthPx` wide; at least `minPx` wide, so it can be grabbed. */
export function brushBox(
  range: TimeWindow,
  w: TimeWindow,
  widthPx: number,
  minPx = 6,
): { readonly left: number; readonly width: number } {
  const span = range.end - range.start
  if (!(span > 0) || widthPx <= 0) return { left: 0, width: widthPx }
  const x0 = ((w.start - range.start) / span) * widthPx
  const x1 = ((w.end - range.start) / span) * widthPx
  const left = Math.min(Math.max(0, x0), widthPx)
  const right = Math.max(Math.min(widthPx, x1), 0)
  const width = Math.max(minPx, right - left)
  return { left: Math.min(left, widthPx - width), width }
}

/**
 * The window after dragging `part` of the brush by `dt` ms from where the
 * drag began (`from`): the body moves the window, an edge moves that end,
 * never past the other end or beyond the zoom limits.
 */
export function dragBrush(from: TimeWindow, part: BrushPart, dt: number): TimeWindow {
  if (part === 'body') return win(from.start + dt, from.end + dt)
  if (part === 'start') {
    const start = Math.min(Math.max(from.start + dt, from.end - MAX_SPAN), from.end - MIN_SPAN)
    return win(start, from.end)
  }
  const end = Math.max(Math.min(from.end + dt, from.start + MAX_SPAN), from.start + MIN_SPAN)
  return win(from.start, end)
}

/** A key's step as a share of the navigator's range; Shift takes bigger steps. */
export const KEY_STEP = 0.01
export const BIG_KEY_STEP = 0.1

/**
 * The window a key on a part of the brush asks for, or null if the key is
 * not the brush's: arrows move the part by a step of the range, Home and End
 * take the window to the range's start or end.
 */
export function brushKey(
  part: BrushPart,
  key: string,
  shift: boolean,
  w: TimeWindow,
  range: TimeWindow,
): TimeWindow | null {
  const step = (range.end - range.start) * (shift ? BIG_KEY_STEP : KEY_STEP)
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return dragBrush(w, part, -step)
    case 'ArrowRight':
    case 'ArrowUp':
      return dragBrush(w, part, step)
    case 'Home':
      return part === 'end'
        ? dragBrush(w, part, w.start + MIN_SPAN - w.end)
        : dragBrush(w, part, range.start - w.start)
    case 'End':
      return part === 'start'
        ? dragBrush(w, part, w.end - MIN_SPAN - w.start)
        : dragBrush(w, part, range.end - w.end)
    default:
      return null
  }
}

/**
 * Vehicles docked per pixel column of a navigator `widthPx` wide over
 * `range`: the most docked at any instant in the column (a one-day peak
 * still shows in a decade-wide column).
 */
export function occupancyColumns(
  series: OccupancySeries,
  range: TimeWindow,
  widthPx: number,
): Float64Array {
  const n = Math.max(0, Math.floor(widthPx))
  const out = new Float64Array(n)
  const span = range.end - range.start
  if (n === 0 || !(span > 0)) return out
  const col = (t: number) => Math.floor(((t - range.start) / span) * n)
  // Read from the series' columns: no step object is made for the strip.
  const { length, at, total } = stepColumns(series)
  for (let i = 0; i < length; i++) {
    const count = total[i]!
    if (count === 0) continue
    const start = at[i]!
    const end = i + 1 < length ? at[i + 1]! : start
    const a = Math.max(0, col(start))
    // A step ending exactly on a column's left edge does not reach into it.
    const b = Math.min(n - 1, Math.ceil(((end - range.start) / span) * n) - 1)
    for (let c = a; c <= b; c++) if (count > out[c]!) out[c] = count
  }
  return out
}

/**
 * The chart's visible time window and the moves that change it: zoom, pan,
 * presets, fit and "go to".
 *
 * Pure so the toolbar, the keyboard and the tests agree on what "zoom in"
 * means, and so the timeline only ever applies a window it is given.
 */
import { DAY_MS, HOUR_MS, toIsoUtc, type UtcMillis } from '../domain/units'

/** A span of time shown across the chart. */
export interface TimeWindow {
  readonly start: UtcMillis
  readonly end: UtcMillis
}

/** The narrowest window the chart zooms to: one hour. */
export const MIN_SPAN = HOUR_MS
/** The widest window: two centuries, more than all of spaceflight. */
export const MAX_SPAN = 200 * 365.25 * DAY_MS

/** Preset ranges offered in the toolbar. */
export type WindowPreset = '1m' | '1y' | '10y' | 'all'

/** Length of each preset but "all", in ms. */
export const PRESET_SPANS: Readonly<Record<Exclude<WindowPreset, 'all'>, number>> = {
  '1m': 30.44 * DAY_MS,
  '1y': 365.25 * DAY_MS,
  '10y': 3652.5 * DAY_MS,
}

const win = (start: number, end: number): TimeWindow => ({
  start: start as UtcMillis,
  end: end as UtcMillis,
})

const clampSpan = (span: number) => Math.min(MAX_SPAN, Math.max(MIN_SPAN, span))

/**
 * A window that shows the instant `t` (a docking): null when `w` shows it
 * already, else one of `w`'s span centred on it.
 */
export function windowShowing(t: number, w: TimeWindow | null): TimeWindow | null {
  if (!w || (t >= w.start && t <= w.end)) return null
  return centredOn(t, w.end - w.start)
}

/** A window of `span` centred on `t` (span clamped to the zoom limits). */
export function centredOn(t: number, span: number): TimeWindow {
  const s = clampSpan(span)
  return win(t - s / 2, t + s / 2)
}

/**
 * Zooms by `factor` around `anchor` (default: the centre); factor < 1 zooms in.
 *
 * The anchor keeps its place on screen, as with wheel zoom.
 */
export function zoomWindow(w: TimeWindow, factor: number, anchor?: number): TimeWindow {
  const span = w.end - w.start
  const next = clampSpan(span * factor)
  const a = anchor ?? (w.start + w.end) / 2
  const k = span > 0 ? (a - w.start) / span : 0.5
  return win(a - k * next, a - k * next + next)
}

/** Pans by `fraction` of the window's width; negative goes back in time. */
export function panWindow(w: TimeWindow, fraction: number): TimeWindow {
  const d = (w.end - w.start) * fraction
  return win(w.start + d, w.end + d)
}

/** Room around fitted data, as shares of its length before and after it. */
export interface FitMargin {
  readonly before: number
  readonly after: number
}

/**
 * The margin "Fit all" leaves: a little before the first bar, more after the
 * last, where labels are drawn beside bars. The least it leaves: the chart
 * widens it to the names' measured widths (`withLabelRoom`, label-room.ts).
 */
export const FIT_MARGIN: FitMargin = { before: 0.03, after: 0.1 }

/**
 * The window that shows all of `extent` with a margin (a share of its length,
 * the same on both sides when a number); at least a day wide, so a single
 * short event is readable.
 */
export function fitWindow(extent: TimeWindow, margin: number | FitMargin = FIT_MARGIN): TimeWindow {
  const m = typeof margin === 'number' ? { before: margin, after: margin } : margin
  const span = Math.max(extent.end - extent.start, DAY_MS)
  const mid = (extent.start + extent.end) / 2
  return win(mid - span / 2 - span * m.before, mid + span / 2 + span * m.after)
}

/** A preset range centred where the user is looking; "all" is `fit`, the window fitting the data. */
export function presetWindow(
  preset: WindowPreset,
  current: TimeWindow,
  fit: TimeWindow | null,
): TimeWindow {
  if (preset === 'all') return fit ?? current
  return centredOn((current.start + current.end) / 2, PRESET_SPANS[preset])
}

/**
 * The window that shows one interval with room either side (a fifth of its
 * length, and at least a day in all), for "zoom to selection".
 */
export function windowAround(start: number, end: number): TimeWindow {
  const span = Math.max(end - start, 0)
  return centredOn((start + end) / 2, Math.max(span * 1.4, DAY_MS))
}

/** The same span of time (either may be null: only two nulls are the same). */
export function sameWindow(a: TimeWindow | null, b: TimeWindow | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end)
}

/** A window in words, by its UTC days: "1977-12-11 to 1978-02-04 UTC". */
export function windowWords(w: { readonly start: number; readonly end: number }): string {
  return `${toIsoUtc(w.start).slice(0, 10)} to ${toIsoUtc(w.end).slice(0, 10)} UTC`
}

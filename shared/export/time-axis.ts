/**
 * A UTC time axis: a linear scale and "nice" tick marks.
 *
 * Ticks fall on calendar boundaries in UTC (midnight, the 1st of a month,
 * 1 January), never in the viewer's time zone, so a figure reads the same
 * wherever it is opened.
 */
import { DAY_MS, HOUR_MS, type UtcMillis, utcMillis } from '../domain/units'

/** A linear map from UTC time to x pixels. */
export interface TimeScale {
  readonly start: UtcMillis
  readonly end: UtcMillis
  /** x of `start`. */
  readonly left: number
  /** x of `end`. */
  readonly right: number
  /** x of an instant (not clamped). */
  xOf(t: number): number
}

/** Builds the scale mapping `[start, end]` onto `[left, right]`. */
export function timeScale(
  start: UtcMillis,
  end: UtcMillis,
  left: number,
  right: number,
): TimeScale {
  // A zero-length range would divide by zero; widen it to a day around the instant.
  const [s, e] = end > start ? [start, end] : [start - DAY_MS / 2, start + DAY_MS / 2]
  const k = (right - left) / (e - s)
  return {
    start: utcMillis(s),
    end: utcMillis(e),
    left,
    right,
    xOf: (t) => left + (t - s) * k,
  }
}

/** A calendar unit ticks step by. */
export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'year'

/** One tick mark with its label. */
export interface AxisTick {
  readonly t: UtcMillis
  readonly label: string
}

/** The chosen step and its ticks. */
export interface AxisTicks {
  readonly unit: TickUnit
  readonly step: number
  readonly ticks: ReadonlyArray<AxisTick>
}

interface Step {
  readonly unit: TickUnit
  readonly n: number
}

// Finest first; the first one whose labels do not collide wins.
const STEPS: ReadonlyArray<Step> = [
  { unit: 'hour', n: 1 },
  { unit: 'hour', n: 3 },
  { unit: 'hour', n: 6 },
  { unit: 'hour', n: 12 },
  { unit: 'day', n: 1 },
  { unit: 'day', n: 2 },
  { unit: 'week', n: 1 },
  { unit: 'week', n: 2 },
  { unit: 'month', n: 1 },
  { unit: 'month', n: 2 },
  { unit: 'month', n: 3 },
  { unit: 'month', n: 6 },
  { unit: 'year', n: 1 },
  { unit: 'year', n: 2 },
  { unit: 'year', n: 5 },
  { unit: 'year', n: 10 },
  { unit: 'year', n: 20 },
  { unit: 'year', n: 50 },
  { unit: 'year', n: 100 },
]

/** Label of a tick in ISO form, as precise as the step needs and no more. */
export function tickLabel(t: number, unit: TickUnit): string {
  const d = new Date(t)
  const iso = d.toISOString()
  switch (unit) {
    case 'hour':
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
    case 'day':
    case 'week':
      return iso.slice(0, 10)
    case 'month':
      return iso.slice(0, 7)
    case 'year':
      return String(d.getUTCFullYear())
  }
}

/**
 * A tick of a chart whose ticks another library places, in ISO form as
 * precise as the tick itself: "1982", "1982-07", "1982-07-14", "1982-07-14 06:00".
 */
export function isoTickLabel(t: number | Date): string {
  const iso = new Date(t).toISOString()
  if (iso.endsWith('-01-01T00:00:00.000Z')) return iso.slice(0, 4)
  if (iso.endsWith('-01T00:00:00.000Z')) return iso.slice(0, 7)
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10)
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/**
 * Ticks for an axis of whole years from `first` to `last` (a bar a year):
 * every year, or every 2, 5, 10, 20 or 50, so that at most `fit` labels show.
 * Never a fraction of a year, which a year's label would repeat ("1982 1982").
 */
export function wholeYearTicks(first: number, last: number, fit: number): number[] {
  const span = last + 1 - first
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s <= Math.max(1, fit)) ?? 100
  const out: number[] = []
  for (let y = Math.ceil(first / step) * step; y <= last + 1; y += step) out.push(y)
  return out
}

// 1970-01-01 was a Thursday; weeks start on Monday (ISO 8601), three days earlier.
const MONDAY_OFFSET_DAYS = 3

/** Every tick of a step inside `[start, end]`. */
function ticksOf(start: number, end: number, { unit, n }: Step, limit: number): number[] {
  const out: number[] = []
  const push = (t: number): boolean => {
    if (t >= start && t <= end) out.push(t)
    return out.length <= limit
  }
  if (unit === 'hour' || unit === 'day' || unit === 'week') {
    const size = unit === 'hour' ? HOUR_MS * n : unit === 'day' ? DAY_MS * n : 7 * DAY_MS * n
    const offset = unit === 'week' ? -MONDAY_OFFSET_DAYS * DAY_MS : 0
    // Hour steps align to midnight UTC (n divides 24), day steps to the epoch.
    for (let t = Math.ceil((start - offset) / size) * size + offset; t <= end; t += size) {
      if (!push(t)) break
    }
    return out
  }
  const first = new Date(start)
  if (unit === 'month') {
    let months = first.getUTCFullYear() * 12 + first.getUTCMonth()
    months = Math.ceil(months / n) * n
    for (; ; months += n) {
      const t = Date.UTC(Math.floor(months / 12), months % 12, 1)
      if (t > end || !push(t)) break
    }
    return out
  }
  for (let y = Math.ceil(first.getUTCFullYear() / n) * n; ; y += n) {
    const t = Date.UTC(y, 0, 1)
    if (t > end || !push(t)) break
  }
  return out
}

/**
 * Picks the finest step whose labels fit, and its ticks.
 *
 * `labelWidth(label)` estimates a label's width in pixels; a step is taken
 * when the gap between ticks leaves room for the widest label plus `gap`.
 * Falls back to the coarsest step for absurd ranges.
 */
export function niceUtcTicks(
  scale: TimeScale,
  labelWidth: (label: string) => number,
  gap = 12,
): AxisTicks {
  const pxPerMs = (scale.right - scale.left) / (scale.end - scale.start)
  const maxTicks = Math.max(2, Math.floor((scale.right - scale.left) / 20))
  for (const step of STEPS) {
    const approx = approxMs(step)
    // Skip steps that would need more ticks than can possibly fit, before building them.
    if ((scale.end - scale.start) / approx > maxTicks) continue
    const times = ticksOf(scale.start, scale.end, step, maxTicks)
    const labels = times.map((t) => tickLabel(t, step.unit))
    const widest = Math.max(0, ...labels.map(labelWidth))
    if (approx * pxPerMs >= widest + gap) {
      return {
        unit: step.unit,
        step: step.n,
        ticks: times.map((t, i) => ({ t: utcMillis(t), label: labels[i] ?? '' })),
      }
    }
  }
  const last = STEPS[STEPS.length - 1] as Step
  const times = ticksOf(scale.start, scale.end, last, maxTicks)
  return {
    unit: last.unit,
    step: last.n,
    ticks: times.map((t) => ({ t: utcMillis(t), label: tickLabel(t, last.unit) })),
  }
}

// The shortest gap a step can give: months of 28 days, years of 365.
function approxMs({ unit, n }: Step): number {
  switch (unit) {
    case 'hour':
      return HOUR_MS * n
    case 'day':
      return DAY_MS * n
    case 'week':
      return 7 * DAY_MS * n
    case 'month':
      return 28 * DAY_MS * n
    case 'year':
      return 365 * DAY_MS * n
  }
}

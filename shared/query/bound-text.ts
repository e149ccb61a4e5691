/**
 * Time bounds as people type them: `1979`, `1979-06`, `1979-06-14`, `1979-06-14 12:30`.
 *
 * A typed date names a span: "from 1979" starts on 1979-01-01, "to 1979" runs
 * to the end of 1979. The query keeps LL2's four bounds in UTC millis, so each
 * side of a range maps the span to the one bound that says it (`gte` start,
 * `gt` last instant, `lte` last instant, `lt` start), and a bound reads back as
 * the same short text, so the box shows what was typed and a chip or export
 * footer says "on or before 1979", not "1979-12-31T23:59:59.999Z".
 */
import { parseDateSpan } from '../time/time-format'
import { utcMillis } from '../domain/units'
import type { TimeBounds } from './query'

/** The lower ("from") or upper ("to") side of a range. */
export type RangeSide = 'from' | 'to'

/** What a bound box accepts, for hints and messages. */
export const BOUND_FORMATS = 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM'

/**
 * The bounds one side of a range sets for typed text; null when the text is not a date.
 *
 * Blank text clears the side. `inclusive` picks "on or after" / "on or
 * before" over "after" / "before"; "after 1979" means from 1980 on.
 */
export function boundsFromText(
  side: RangeSide,
  inclusive: boolean,
  text: string,
): Partial<TimeBounds> | null {
  if (text.trim() === '') return side === 'from' ? { gt: null, gte: null } : { lt: null, lte: null }
  const span = parseDateSpan(text, 'utc')
  if (!span) return null
  const last = utcMillis(span.end - 1)
  if (side === 'from') return inclusive ? { gte: span.start, gt: null } : { gt: last, gte: null }
  return inclusive ? { lte: last, lt: null } : { lt: span.start, lte: null }
}

type Unit = 'year' | 'month' | 'day' | 'minute' | 'second' | 'ms'

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

// The coarsest unit `t` is the start of.
function unitStartedAt(t: number): Unit {
  const d = new Date(t)
  if (d.getUTCMilliseconds() !== 0) return 'ms'
  if (d.getUTCSeconds() !== 0) return 'second'
  if (d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0) return 'minute'
  if (d.getUTCDate() !== 1) return 'day'
  return d.getUTCMonth() !== 0 ? 'month' : 'year'
}

function textAt(t: number, unit: Unit): string {
  const d = new Date(t)
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const minute = `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  switch (unit) {
    case 'year':
      return date.slice(0, 4)
    case 'month':
      return date.slice(0, 7)
    case 'day':
      return date
    case 'minute':
      return minute
    case 'second':
      return `${minute}:${pad(d.getUTCSeconds())}`
    case 'ms':
      return `${minute}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  }
}

// The start of the unit before the one starting at `t`.
function unitBefore(t: number, unit: Unit): number {
  const d = new Date(t)
  const y = d.getUTCFullYear()
  switch (unit) {
    case 'year':
      return Date.UTC(y - 1, 0, 1)
    case 'month':
      return Date.UTC(y, d.getUTCMonth() - 1, 1)
    case 'day':
      return t - 86_400_000
    case 'minute':
      return t - 60_000
    case 'second':
      return t - 1000
    case 'ms':
      return t - 1
  }
}

/**
 * The short text a bound reads as (UTC), the inverse of `boundsFromText`.
 *
 * `gte` and `lt` hold the start of the span typed, `gt` and `lte` its last
 * instant, so each reads back as the coarsest date that gives the same bound.
 */
export function boundText(kind: keyof TimeBounds, t: number): string {
  if (kind === 'gte' || kind === 'lt') return textAt(t, unitStartedAt(t))
  const end = t + 1
  const unit = unitStartedAt(end)
  return textAt(unitBefore(end, unit), unit)
}

/**
 * The side of a range as the panel shows it: its text and whether it is inclusive.
 *
 * With both bounds of a side set (possible from the CLI or a file), the
 * inclusive one is shown.
 */
export function sideText(
  bounds: TimeBounds,
  side: RangeSide,
): { readonly text: string; readonly inclusive: boolean } {
  const [incl, excl] = side === 'from' ? (['gte', 'gt'] as const) : (['lte', 'lt'] as const)
  const inclusiveValue = bounds[incl]
  const exclusiveValue = bounds[excl]
  if (inclusiveValue !== null) return { text: boundText(incl, inclusiveValue), inclusive: true }
  if (exclusiveValue !== null) return { text: boundText(excl, exclusiveValue), inclusive: false }
  return { text: '', inclusive: true }
}

/**
 * Times and durations as the chart, tooltips, table and detail panel print them.
 *
 * UTC unless the user asks for local time, and never more precise than the
 * record: a day-precision docking prints as a date with "(day precision)",
 * not as midnight.
 */
import type { TimePrecision } from '../domain/model'
import { DAY_MS, HOUR_MS, type UtcMillis } from '../domain/units'

/** The zone times are shown in. */
export type TimeZoneMode = 'utc' | 'local'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

interface Parts {
  readonly y: number
  readonly mo: number
  readonly d: number
  readonly h: number
  readonly mi: number
  readonly s: number
}

function partsOf(t: number, zone: TimeZoneMode): Parts {
  const x = new Date(t)
  return zone === 'utc'
    ? {
        y: x.getUTCFullYear(),
        mo: x.getUTCMonth() + 1,
        d: x.getUTCDate(),
        h: x.getUTCHours(),
        mi: x.getUTCMinutes(),
        s: x.getUTCSeconds(),
      }
    : {
        y: x.getFullYear(),
        mo: x.getMonth() + 1,
        d: x.getDate(),
        h: x.getHours(),
        mi: x.getMinutes(),
        s: x.getSeconds(),
      }
}

/**
 * The zone's name as printed after a time: "UTC", or "UTC+02:00" for local
 * time at instant `t` (offsets change with daylight saving, so it depends on `t`).
 */
export function zoneSuffix(zone: TimeZoneMode, t: number): string {
  if (zone === 'utc') return 'UTC'
  // getTimezoneOffset is minutes *behind* UTC, hence the sign flip.
  const offset = -new Date(t).getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** Precision to print when the record does not say: seconds if it has any, else minutes. */
export function impliedPrecision(t: number): TimePrecision {
  return new Date(t).getUTCSeconds() !== 0 ? 'second' : 'minute'
}

/** True for precisions coarser than an hour: the time of day is unknown. */
export function isDateOnly(precision: TimePrecision | null | undefined): boolean {
  return precision === 'day' || precision === 'month' || precision === 'year'
}

/**
 * Formats an instant for people, e.g. "1977-12-11 03:02:41 UTC".
 *
 * Date-only precisions print the UTC date with the precision in words
 * ("1978-06-15 (day precision)") in either zone: shifting a date known only
 * to the day into local time would invent a time of day.
 */
export function formatInstant(
  t: UtcMillis | number,
  zone: TimeZoneMode,
  precision?: TimePrecision | null,
): string {
  const p = precision ?? impliedPrecision(t)
  if (isDateOnly(p)) {
    const u = partsOf(t, 'utc')
    if (p === 'year') return `${u.y} (year precision)`
    if (p === 'month') return `${u.y}-${pad(u.mo)} (month precision)`
    return `${u.y}-${pad(u.mo)}-${pad(u.d)} (day precision)`
  }
  const x = partsOf(t, zone)
  const date = `${x.y}-${pad(x.mo)}-${pad(x.d)}`
  const time =
    p === 'hour'
      ? `${pad(x.h)}h`
      : p === 'minute'
        ? `${pad(x.h)}:${pad(x.mi)}`
        : `${pad(x.h)}:${pad(x.mi)}:${pad(x.s)}`
  return `${date} ${time} ${zoneSuffix(zone, t)}`
}

/**
 * "14:05 UTC": when a wait ends or a try was made, for status lines. With its
 * date ("2026-12-04 00:06 UTC") when its UTC day is not `now`'s, so a wait
 * running past midnight does not read as a time earlier today.
 */
export function clockUtc(t: UtcMillis | number, now: UtcMillis | number): string {
  const at = formatInstant(t, 'utc', 'minute')
  const day = formatDate(t, 'utc')
  return day === formatDate(now, 'utc') ? at.slice(day.length + 1) : at
}

/** A short date for lists and axes: "1977-12-11", in the chosen zone. */
export function formatDate(t: UtcMillis | number, zone: TimeZoneMode): string {
  const x = partsOf(t, zone)
  return `${x.y}-${pad(x.mo)}-${pad(x.d)}`
}

/**
 * A duration in days and hours, e.g. "36 d 5 h"; under a day "5 h 12 min".
 *
 * With `approximate` (either end known only to the day) it rounds to whole
 * days and says so: "≈ 36 d".
 */
export function formatDuration(ms: number, approximate = false): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown'
  if (approximate) return `≈ ${Math.round(ms / DAY_MS)} d`
  const totalMinutes = Math.floor(ms / 60_000)
  const days = Math.floor(ms / DAY_MS)
  const hours = Math.floor((ms - days * DAY_MS) / HOUR_MS)
  if (days > 0) return `${days} d ${hours} h`
  const minutes = totalMinutes - hours * 60
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`
}

/** The span of time a typed date names: all of 1979 for `1979`, one minute for `… 12:30`. */
export interface DateSpan {
  readonly start: UtcMillis
  /** Exclusive: the first instant after the span. */
  readonly end: UtcMillis
}

/**
 * Reads a typed ISO date or date-time as the span of time it names.
 *
 * Accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and a date with `HH:MM`,
 * `HH:MM:SS` or `HH:MM:SS.sss` after a space or `T`, optionally ending in
 * `Z`. `1979` spans the year, `1979-06` the month, a time its last unit. The
 * text is read in the chosen zone (a trailing `Z` always means UTC). Returns
 * null for anything else, including impossible dates like 2021-02-30.
 */
export function parseDateSpan(text: string, zone: TimeZoneMode): DateSpan | null {
  const m =
    /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?)?\s*(Z)?\s*$/i.exec(
      text,
    )
  if (!m) return null
  const given = m.slice(1, 8).filter((v) => v !== undefined).length
  const [y, mo, d, h, mi, s, ms] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7]].map((v, i) =>
    v === undefined ? (i === 1 || i === 2 ? 1 : 0) : i === 6 ? Number(v.padEnd(3, '0')) : Number(v),
  ) as [number, number, number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null
  // Date.UTC maps years 0-99 to 1900-1999.
  if (y < 100) return null
  const utc = zone === 'utc' || m[8] !== undefined
  const at = (...p: [number, number, number, number, number, number, number]) =>
    utc ? Date.UTC(...p) : new Date(...p).getTime()
  const start = at(y, mo - 1, d, h, mi, s, ms)
  // Date rolls 2021-02-30 over to March; a real date reads back the same day.
  const back = new Date(start)
  if ((utc ? back.getUTCDate() : back.getDate()) !== d) return null
  // The start of the next value of the last unit given (year, month, day, minute, second, ms).
  const end =
    given === 1
      ? at(y + 1, 0, 1, 0, 0, 0, 0)
      : given === 2
        ? at(y, mo, 1, 0, 0, 0, 0)
        : given === 3
          ? at(y, mo - 1, d + 1, 0, 0, 0, 0)
          : given === 5
            ? at(y, mo - 1, d, h, mi + 1, 0, 0)
            : given === 6
              ? at(y, mo - 1, d, h, mi, s + 1, 0)
              : start + 1
  return { start: start as UtcMillis, end: end as UtcMillis }
}

/**
 * Reads what a user typed into a date box: the first instant of the span it names.
 *
 * Same forms as `parseDateSpan`; null for anything else.
 */
export function parseDateInput(text: string, zone: TimeZoneMode): UtcMillis | null {
  return parseDateSpan(text, zone)?.start ?? null
}

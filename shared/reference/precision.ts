/**
 * How far apart two statements of one time may be before they disagree.
 *
 * A time known to the day says "some time that day"; two records differ
 * only when the gap exceeds what both of them claim to know.
 */
import type { TimePrecision } from '../domain/model'
import { DAY_MS, HOUR_MS, type UtcMillis } from '../domain/units'

const TOLERANCE_MS: Readonly<Record<TimePrecision, number>> = {
  second: 1_000,
  minute: 60_000,
  hour: HOUR_MS,
  day: DAY_MS,
  month: 31 * DAY_MS,
  year: 366 * DAY_MS,
}

/** How much a time of this precision may be off. */
export function toleranceMs(precision: TimePrecision): number {
  return TOLERANCE_MS[precision]
}

/**
 * The precision of an LL2 time, which LL2 does not state.
 *
 * A time at exactly 00:00:00 UTC is most likely a date without a time of
 * day (the reference files write day-precision times so), so it is read as
 * known to the day; any other as known to the second it gives. Reading
 * midnight loosely can only hide a disagreement, never invent one.
 */
export function ll2Precision(t: UtcMillis, stated: TimePrecision | null = null): TimePrecision {
  if (stated) return stated
  return t % DAY_MS === 0 ? 'day' : 'second'
}

/** True when two times differ by more than both precisions allow. */
export function timesDisagree(
  a: UtcMillis,
  aPrecision: TimePrecision,
  b: UtcMillis,
  bPrecision: TimePrecision,
): boolean {
  return Math.abs(a - b) > Math.max(toleranceMs(aPrecision), toleranceMs(bPrecision))
}

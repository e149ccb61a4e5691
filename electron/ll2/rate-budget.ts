/**
 * Reading LL2's rate-limit answers: `api-throttle` bodies and 429 responses.
 */
import { z } from 'zod'

/** What `/2.3.0/api-throttle/` says, without `ident` (it can echo the API key). */
export interface ThrottleInfo {
  readonly limit: number
  readonly windowSecs: number
  readonly currentUse: number
  readonly nextUseSecs: number
}

const throttleSchema = z.looseObject({
  your_request_limit: z.number().int().nonnegative(),
  limit_frequency_secs: z.number().int().nonnegative(),
  current_use: z.number().int().nonnegative(),
  next_use_secs: z.number().nonnegative(),
})

/**
 * Parses an api-throttle body.
 *
 * The 2.3.0 spec types it as a list of one object while the live server sends
 * the object itself (field notes B.2), so both are accepted. Returns null for
 * anything else, and for a limit of 0.
 */
export function parseThrottle(body: unknown): ThrottleInfo | null {
  const item: unknown = Array.isArray(body) ? body[0] : body
  const parsed = throttleSchema.safeParse(item)
  // A limit of 0 says nothing usable (a server without throttling may answer so).
  if (!parsed.success || parsed.data.your_request_limit <= 0) return null
  const t = parsed.data
  return {
    limit: t.your_request_limit,
    windowSecs: t.limit_frequency_secs,
    currentUse: t.current_use,
    nextUseSecs: t.next_use_secs,
  }
}

/** Requests the throttle still allows now. */
export function remainingOf(info: ThrottleInfo): number {
  return Math.max(0, info.limit - info.currentUse)
}

/**
 * How long a 429 asks us to wait, in ms, or null when it does not say.
 *
 * `Retry-After` first (seconds, or an HTTP date), else the number in DRF's
 * `detail` ("Expected available in N seconds.").
 */
export function waitOf429(retryAfter: string | null, bodyText: string, now: number): number | null {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const value = retryAfter.trim()
    if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value)) * 1000
    const at = Date.parse(value)
    if (Number.isFinite(at)) return Math.max(0, at - now)
  }
  const match = /available in (\d+(?:\.\d+)?) second/i.exec(bodyText)
  return match ? Math.ceil(Number(match[1])) * 1000 : null
}

/**
 * Estimated time to send `requests` given the budget, in ms.
 *
 * What the budget covers goes at `perRequestMs` each; the rest waits for the
 * window to free up: first `nextUseSecs` (or a whole window when unknown),
 * then a whole window per further `limit` requests.
 */
export function estimateMs(
  requests: number,
  info: ThrottleInfo | null,
  perRequestMs: number,
): number {
  const sending = requests * perRequestMs
  if (!info || info.limit <= 0) return sending
  const over = requests - remainingOf(info)
  if (over <= 0) return sending
  const firstWait = (info.nextUseSecs > 0 ? info.nextUseSecs : info.windowSecs) * 1000
  const windows = Math.ceil(over / info.limit) - 1
  return sending + firstWait + windows * info.windowSecs * 1000
}

/**
 * Fewer requests an hour than this, and a request the user did not ask for
 * (a docking's detailed record on selecting it) is not worth one a sync needs:
 * LL2's anonymous 15 an hour is scarce, a key's tier or an unlimited mirror is not.
 */
export const PLENTIFUL_PER_HOUR = 100

/** Does `info` allow too few requests to spend any unasked? */
export function isScarce(info: ThrottleInfo): boolean {
  const perHour = info.windowSecs > 0 ? (info.limit * 3600) / info.windowSecs : info.limit
  return perHour < PLENTIFUL_PER_HOUR
}

/** "15 requests an hour", "100 requests every 10 minutes": a budget's size in words. */
export function budgetWords(info: ThrottleInfo): string {
  const n = `${info.limit} request${info.limit === 1 ? '' : 's'}`
  const w = info.windowSecs
  if (w === 3600) return `${n} an hour`
  if (w === 86_400) return `${n} a day`
  if (w > 0 && w % 3600 === 0) return `${n} every ${w / 3600} hours`
  if (w > 0 && w % 60 === 0) return `${n} every ${w / 60} minutes`
  return `${n} every ${w} s`
}

import type { UtcMillis } from '../../shared/domain/units'
import { formatBytes } from '../../shared/format/byte-size'
import { clockUtc } from '../../shared/time/time-format'
import type { ThrottleInfo } from './rate-budget'

/** LL2 could not be reached, or kept failing (network error, timeout, 5xx) after retries. */
export class Ll2UnavailableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status: number | null,
  ) {
    super(`${url}: ${reason}`)
    this.name = 'Ll2UnavailableError'
  }
}

/** The answer was larger than the app reads; it was cut off unread and nothing of it stored. */
export class Ll2TooLargeError extends Error {
  readonly reason: string
  constructor(
    readonly url: string,
    readonly maxBytes: number,
  ) {
    const reason = `larger than ${formatBytes(maxBytes)}, the most the app reads`
    super(`${url}: the answer is ${reason}`)
    this.reason = reason
    this.name = 'Ll2TooLargeError'
  }
}

/** LL2 answered with an error the client does not retry (400, 401, 403, 404…). */
export class Ll2HttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${url}: HTTP ${status}${detail ? ` (${detail})` : ''}`)
    this.name = 'Ll2HttpError'
  }
}

/** The rate limit forbids a request until `until`, and the caller chose not to wait (`at`). */
export class RateLimitedError extends Error {
  constructor(
    readonly until: UtcMillis,
    readonly at: UtcMillis,
  ) {
    super(`Launch Library 2 rate limit reached; requests may resume at ${clockUtc(until, at)}.`)
    this.name = 'RateLimitedError'
  }
}

/** A request the user did not ask for was not sent: the server's budget is scarce (rate-budget.ts). */
export class ScarceBudgetError extends Error {
  constructor(readonly budget: ThrottleInfo) {
    super('The rate-limit budget is kept for what the user asks for.')
    this.name = 'ScarceBudgetError'
  }
}

/** The caller cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.')
    this.name = 'CancelledError'
  }
}

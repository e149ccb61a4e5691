/**
 * A polite HTTP client for Launch Library 2.
 *
 * Politeness is the point: anonymous LL2 allows 15 requests an hour, so the
 * client reads the budget from `api-throttle` (free), never sends a request
 * the budget cannot cover, honours 429s, remembers "blocked until" in the
 * cache so a restart does not burn calls, and retries network errors and 5xx
 * a bounded number of times. The API key goes only in the Authorization
 * header to the configured origin (never over plain http but to loopback) and
 * is scrubbed from every message. Every request ends by its deadline, on
 * cancel, or at the size cap (`http-request.ts`).
 */
import { setTimeout as delay } from 'node:timers/promises'

import type { DockingCache } from '../../shared/cache/docking-cache'
import { jsonShapeProblem } from '../../shared/json/json-shape'
import { LL2_JSON_SHAPE, Ll2FormatError } from '../../shared/ll2/ingest'
import { utcMillis, type UtcMillis } from '../../shared/domain/units'
import { mayCarryKey } from './api-key-store'
import {
  httpGet,
  RequestCancelledError,
  RequestTimeoutError,
  ResponseTooLargeError,
  type FetchLike,
} from './http-request'
import {
  CancelledError,
  Ll2HttpError,
  Ll2TooLargeError,
  Ll2UnavailableError,
  RateLimitedError,
} from './ll2-errors'
import { parseThrottle, remainingOf, waitOf429, type ThrottleInfo } from './rate-budget'

/** Waits `ms`, or rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** The real sleep. */
export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal })

/** What the client needs from outside. */
export interface Ll2ClientDeps {
  readonly fetch: FetchLike
  readonly now: () => UtcMillis
  readonly sleep: Sleep
  readonly cache: DockingCache
  /** e.g. `https://ll.thespacedevs.com`; may carry a path prefix for a mirror. */
  readonly baseUrl: string
  /** Sent only when `baseUrl` is https or loopback http. */
  readonly apiKey: string | null
  /** `DockingTimeline/<version>`. */
  readonly userAgent: string
  /** Per request, headers and body included; default 30 s. */
  readonly timeoutMs?: number
  /** Largest answer read; default MAX_RESPONSE_BYTES. */
  readonly maxResponseBytes?: number
  /** Tries per request on network errors and 5xx; default 3. */
  readonly maxAttempts?: number
  /** First backoff; doubles each retry; default 2 s. */
  readonly backoffMs?: number
  /** Rate-limit waits per request before giving up; default 3. */
  readonly maxRateLimitWaits?: number
}

/** Per-call options. */
export interface RequestOptions {
  readonly signal?: AbortSignal
  /** Wait out a rate limit (true, default) or throw RateLimitedError at once. */
  readonly wait?: boolean
  /** Told when a wait for the rate limit starts. */
  readonly onWait?: (until: UtcMillis) => void
}

/** A JSON answer and the URL it came from. */
export interface Ll2Response {
  readonly url: string
  readonly body: unknown
}

/** The client. */
export interface Ll2Client {
  /** Absolute URL on the configured origin for an LL2 path or a `next` link. */
  resolve(pathOrUrl: string): string
  /** Reads the budget from `api-throttle` (does not count); null when the server has none. */
  readBudget(signal?: AbortSignal): Promise<ThrottleInfo | null>
  /** The budget as last read, adjusted for requests sent since; null when unknown. */
  knownBudget(): ThrottleInfo | null
  /** When counted requests may resume, if the client is blocked now. */
  blockedUntil(): UtcMillis | null
  /** A counted GET returning parsed JSON. */
  getJson(pathOrUrl: string, options?: RequestOptions): Promise<Ll2Response>
}

/** An error that is worth another try. */
class Retryable extends Error {
  constructor(
    readonly reason: string,
    readonly status: number | null,
  ) {
    super(reason)
  }
}

const RETRY_STATUSES = new Set([500, 502, 503, 504, 520, 522, 524])

/** Creates a client. */
export function createLl2Client(deps: Ll2ClientDeps): Ll2Client {
  const timeoutMs = deps.timeoutMs ?? 30_000
  const maxAttempts = deps.maxAttempts ?? 3
  const backoffMs = deps.backoffMs ?? 2_000
  const maxWaits = deps.maxRateLimitWaits ?? 3
  const base = new URL(deps.baseUrl.endsWith('/') ? deps.baseUrl : `${deps.baseUrl}/`)
  // Blocked-until and the budget are kept per origin in the cache's sync state.
  const state = deps.cache.state
  // Last guard: whatever the caller passed, no key in clear text over the network.
  const apiKey = deps.apiKey && mayCarryKey(base.href) ? deps.apiKey : null
  let budget: ThrottleInfo | null = null
  // Set once api-throttle has been asked, so a server without it is not asked before every request.
  let budgetAsked = false

  // The key must never reach a log, an error or the renderer.
  const scrub = (text: string): string =>
    deps.apiKey ? text.split(deps.apiKey).join('[api key]') : text

  const prefix = base.pathname.replace(/\/$/, '')
  const resolve = (pathOrUrl: string): string => {
    // `next` links are absolute; only their path and query are used, so the
    // key is never sent to another host and a proxy's http:// links still work.
    if (/^https?:\/\//i.test(pathOrUrl)) {
      const target = new URL(pathOrUrl)
      return `${base.origin}${target.pathname}${target.search}`
    }
    const path = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`
    return `${base.origin}${prefix}${path}`
  }

  const headers = (): Record<string, string> => ({
    accept: 'application/json',
    'user-agent': deps.userAgent,
    ...(apiKey ? { authorization: `Token ${apiKey}` } : {}),
  })

  const readBlocked = (): UtcMillis | null => {
    const until = state.getForServer(base.href, 'blockedUntil')
    return until !== null && until > deps.now() ? until : null
  }
  const block = (until: number) => {
    const current = readBlocked()
    if (current === null || until > current) {
      state.setForServer(base.href, 'blockedUntil', utcMillis(Math.ceil(until)))
    }
  }

  /** One GET whose deadline covers the body too; ends on cancel whatever the server does. */
  const send = async (url: string, signal: AbortSignal | undefined) => {
    try {
      const answer = await httpGet({
        fetch: deps.fetch,
        url,
        headers: headers(),
        timeoutMs,
        maxBytes: deps.maxResponseBytes,
        signal,
      })
      return { response: answer, text: answer.text }
    } catch (e) {
      if (signal?.aborted || e instanceof RequestCancelledError) throw new CancelledError()
      if (e instanceof ResponseTooLargeError) throw new Ll2TooLargeError(scrub(url), e.maxBytes)
      if (e instanceof RequestTimeoutError) throw new Retryable(e.message, null)
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : ''
      throw new Retryable(scrub(`${e instanceof Error ? e.message : String(e)}${cause}`), null)
    }
  }

  const log = (
    url: string,
    status: number | null,
    started: number,
    note: string | null,
    counted: boolean,
  ) => {
    deps.cache.logRequest({
      at: deps.now(),
      url: scrub(url),
      status,
      durationMs: performance.now() - started,
      note: note === null ? null : scrub(note),
      counted,
    })
  }

  const readBudget = async (signal?: AbortSignal): Promise<ThrottleInfo | null> => {
    const url = resolve('/2.3.0/api-throttle/?format=json')
    budgetAsked = true
    const started = performance.now()
    try {
      const { response, text } = await send(url, signal)
      log(url, response.status, started, null, false)
      if (!response.ok) return null
      budget = parseThrottle(JSON.parse(text) as unknown)
    } catch (e) {
      if (e instanceof CancelledError) throw e
      log(url, null, started, e instanceof Error ? e.message : String(e), false)
      return null
    }
    if (budget) {
      state.setForServer(base.href, 'budget', { ...budget, checkedAt: deps.now() })
      if (remainingOf(budget) === 0) block(deps.now() + Math.max(budget.nextUseSecs, 1) * 1000)
    }
    return budget
  }

  /** Waits (or throws) until the rate limit allows one more request. */
  const gate = async (options: RequestOptions, waits: { n: number }) => {
    for (;;) {
      let until = readBlocked()
      if (until === null && !budgetAsked) await readBudget(options.signal)
      if (until === null && budget !== null && remainingOf(budget) <= 0) {
        await readBudget(options.signal)
        if (budget !== null && remainingOf(budget) <= 0) {
          until = utcMillis(deps.now() + Math.max(budget.nextUseSecs, 1) * 1000)
          block(until)
        }
      }
      until = readBlocked()
      if (until === null) return
      if (options.wait === false || waits.n >= maxWaits)
        throw new RateLimitedError(until, deps.now())
      waits.n++
      options.onWait?.(until)
      try {
        await deps.sleep(until - deps.now(), options.signal)
      } catch (e) {
        if (options.signal?.aborted) throw new CancelledError()
        throw e
      }
      state.setForServer(base.href, 'blockedUntil', null)
      budget = null
      budgetAsked = false
    }
  }

  const getJson = async (pathOrUrl: string, options: RequestOptions = {}): Promise<Ll2Response> => {
    const url = resolve(pathOrUrl)
    const waits = { n: 0 }
    let attempt = 0
    for (;;) {
      if (options.signal?.aborted) throw new CancelledError()
      await gate(options, waits)
      attempt++
      const started = performance.now()
      if (budget) budget = { ...budget, currentUse: budget.currentUse + 1 }
      try {
        const { response, text } = await send(url, options.signal)
        if (response.status === 429) {
          const wait =
            waitOf429(response.headers.get('retry-after'), text, deps.now()) ??
            ((await readBudget(options.signal))?.nextUseSecs ?? 60) * 1000
          log(url, 429, started, `rate limited for ${Math.round(wait / 1000)} s`, true)
          block(deps.now() + Math.max(wait, 1000))
          attempt--
          continue
        }
        if (RETRY_STATUSES.has(response.status)) {
          throw new Retryable(`server error HTTP ${response.status}`, response.status)
        }
        if (!response.ok) {
          log(url, response.status, started, null, true)
          throw new Ll2HttpError(scrub(url), response.status, scrub(detailOf(text)))
        }
        let body: unknown
        try {
          body = JSON.parse(text) as unknown
        } catch {
          log(url, response.status, started, 'not JSON', true)
          throw new Ll2FormatError(
            scrub(url),
            `(root): the answer is not JSON (${text.length} bytes)`,
          )
        }
        const shape = jsonShapeProblem(body, LL2_JSON_SHAPE)
        if (shape !== null) {
          log(url, response.status, started, 'too deep', true)
          throw new Ll2FormatError(scrub(url), shape)
        }
        log(url, response.status, started, attempt > 1 ? `attempt ${attempt}` : null, true)
        return { url: scrub(url), body }
      } catch (e) {
        if (e instanceof Ll2TooLargeError) log(url, null, started, e.reason, true)
        if (!(e instanceof Retryable)) throw e
        log(url, e.status, started, `attempt ${attempt} of ${maxAttempts}: ${e.reason}`, true)
        if (attempt >= maxAttempts) {
          throw new Ll2UnavailableError(
            scrub(url),
            attempt > 1 ? `${e.reason} (after ${attempt} tries)` : e.reason,
            e.status,
          )
        }
        try {
          await deps.sleep(backoffMs * 2 ** (attempt - 1), options.signal)
        } catch {
          throw new CancelledError()
        }
      }
    }
  }

  return {
    resolve,
    readBudget,
    knownBudget: () => budget,
    blockedUntil: readBlocked,
    getJson,
  }
}

function detailOf(text: string): string {
  try {
    const body = JSON.parse(text) as unknown
    if (body && typeof body === 'object' && 'detail' in body) return String(body.detail)
  } catch {
    // Not JSON: an HTML error page says nothing useful in one line.
  }
  return ''
}

import { afterEach, describe, expect, it } from 'vitest'

import { createLl2Client, type Ll2ClientDeps } from '../../electron/ll2/ll2-client'
import { Ll2HttpError, Ll2UnavailableError, RateLimitedError } from '../../electron/ll2/ll2-errors'
import {
  budgetWords,
  estimateMs,
  isScarce,
  parseThrottle,
  waitOf429,
} from '../../electron/ll2/rate-budget'
import { Ll2FormatError } from '../../shared/ll2/ingest'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2ServerOptions, type Ll2TestServer } from '../ll2-server/server'
import { fakeClock, openTestCache, tempDbFile } from './support/harness'

let server: Ll2TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function setup(options: Partial<Ll2ServerOptions> = {}, deps: Partial<Ll2ClientDeps> = {}) {
  const clock = fakeClock()
  server = await startLl2Server({
    dataset: generateDataset({ events: 30, seed: 3 }),
    now: clock.now,
    ...options,
  })
  const cache = openTestCache(tempDbFile(), clock)
  const client = createLl2Client({
    fetch: globalThis.fetch,
    now: clock.now,
    sleep: clock.sleep,
    cache,
    baseUrl: server.url,
    apiKey: null,
    userAgent: 'DockingTimeline/9.9.9',
    timeoutMs: 500,
    backoffMs: 10,
    ...deps,
  })
  return { clock, server, cache, client }
}

const EVENTS = '/2.3.0/docking_events/?format=json&limit=10'

describe('rate-limit parsing', () => {
  it('reads api-throttle as an object or a one-element list, and ignores the ident', () => {
    const body = {
      your_request_limit: 15,
      limit_frequency_secs: 3600,
      current_use: 4,
      next_use_secs: 0,
      ident: 'k',
    }
    const expected = { limit: 15, windowSecs: 3600, currentUse: 4, nextUseSecs: 0 }
    expect(parseThrottle(body)).toEqual(expected)
    expect(parseThrottle([body])).toEqual(expected)
    expect(parseThrottle({ detail: 'nope' })).toBeNull()
  })

  it('reads a 429 wait from Retry-After (seconds or date), else from the detail', () => {
    const now = Date.parse('2025-06-02T00:00:00Z')
    expect(waitOf429('30', '', now)).toBe(30_000)
    expect(waitOf429('Mon, 02 Jun 2025 00:02:00 GMT', '', now)).toBe(120_000)
    expect(
      waitOf429(null, '{"detail":"Request was throttled. Expected available in 42 seconds."}', now),
    ).toBe(42_000)
    expect(waitOf429(null, '{"detail":"Request was throttled."}', now)).toBeNull()
  })

  it('estimates waits for requests beyond the budget', () => {
    const budget = { limit: 15, windowSecs: 3600, currentUse: 10, nextUseSecs: 0 }
    expect(estimateMs(5, budget, 1000)).toBe(5_000)
    expect(estimateMs(12, budget, 1000)).toBe(12_000 + 3_600_000)
    expect(estimateMs(40, budget, 1000)).toBe(40_000 + 3 * 3_600_000)
    expect(estimateMs(40, null, 1000)).toBe(40_000)
  })

  it('counts anonymous LL2 scarce, a larger tier not, whatever the window, and says either in words', () => {
    const b = (limit: number, windowSecs: number) => ({
      limit,
      windowSecs,
      currentUse: 0,
      nextUseSecs: 0,
    })
    expect(isScarce(b(15, 3600))).toBe(true)
    expect(isScarce(b(99, 3600))).toBe(true)
    expect(isScarce(b(100, 3600))).toBe(false)
    expect(isScarce(b(20, 600))).toBe(false) // 120 an hour
    expect(isScarce(b(200, 86_400))).toBe(true) // about 8 an hour
    expect(budgetWords(b(15, 3600))).toBe('15 requests an hour')
    expect(budgetWords(b(1, 86_400))).toBe('1 request a day')
    expect(budgetWords(b(20, 600))).toBe('20 requests every 10 minutes')
    expect(budgetWords(b(300, 7200))).toBe('300 requests every 2 hours')
    expect(budgetWords(b(5, 45))).toBe('5 requests every 45 s')
  })
})

describe('Ll2Client', () => {
  it('names itself and reads the budget for free before its first request', async () => {
    const { server: s, client } = await setup({
      throttle: { limit: 15, windowSecs: 3600 },
      throttleBody: 'object',
    })
    await client.getJson(EVENTS)
    expect(s.requests.map((r) => r.path)).toEqual([
      '/2.3.0/api-throttle/',
      '/2.3.0/docking_events/',
    ])
    expect(s.requests.every((r) => r.userAgent === 'DockingTimeline/9.9.9')).toBe(true)
    expect(client.knownBudget()).toMatchObject({ limit: 15, currentUse: 1 })
  })

  it('never sends a request the budget cannot cover: it waits for the window instead', async () => {
    const { server: s, client, clock } = await setup({ throttle: { limit: 3, windowSecs: 600 } })
    const waits: number[] = []
    for (let i = 0; i < 7; i++)
      await client.getJson(EVENTS, { onWait: (until) => waits.push(until) })
    expect(s.requests.filter((r) => r.status === 429)).toHaveLength(0)
    expect(s.countedRequests()).toBe(7)
    expect(waits).toHaveLength(2)
    expect(clock.now() - Date.parse('2025-06-02T00:00:00Z')).toBeGreaterThanOrEqual(1_200_000)
  })

  const throttled: ReadonlyArray<
    [
      string,
      Partial<Ll2ServerOptions>,
      { retryAfterSecs: number | null; detailSecs: number | null },
      number,
    ]
  > = [
    ['the Retry-After header', {}, { retryAfterSecs: 90, detailSecs: 5 }, 90_000],
    [
      'the number in detail when there is no header',
      {},
      { retryAfterSecs: null, detailSecs: 75 },
      75_000,
    ],
  ]
  for (const [name, options, fault, wait] of throttled) {
    it(`honours a 429 through ${name}, storing when it may resume`, async () => {
      const { server: s, client, clock, cache } = await setup(options)
      s.addFault({ kind: { type: '429', ...fault } })
      const start = clock.now()
      const seen: number[] = []
      const { body } = await client.getJson(EVENTS, { onWait: (until) => seen.push(until) })
      expect((body as { count: number }).count).toBe(30)
      expect(seen).toEqual([start + wait])
      expect(clock.sleeps).toContain(wait)
      expect(s.requests.filter((r) => r.path.endsWith('/docking_events/'))).toHaveLength(2)
      // Cleared once waited out.
      expect(cache.state.getForServer(s.url, 'blockedUntil')).toBeNull()
    })
  }

  it("falls back to api-throttle's next_use_secs when a 429 says nothing", async () => {
    const {
      server: s,
      client,
      cache,
      clock,
    } = await setup({ throttle: { limit: 2, windowSecs: 3600 } })
    await client.getJson(EVENTS)
    // Someone else on this IP uses the last call of the hour.
    clock.advance(600_000)
    await fetch(`${s.url}${EVENTS}`)
    s.addFault({ kind: { type: '429', retryAfterSecs: null, detailSecs: null } })
    await expect(client.getJson(EVENTS, { wait: false })).rejects.toBeInstanceOf(RateLimitedError)
    const blocked = cache.state.getForServer(s.url, 'blockedUntil')!
    // The first call of the window frees up 3000 s from now.
    expect(blocked - clock.now()).toBe(3_000_000)
    expect(s.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/2.3.0/api-throttle/ 200',
      '/2.3.0/docking_events/ 200',
      '/2.3.0/docking_events/ 200',
      '/2.3.0/docking_events/ 429',
      '/2.3.0/api-throttle/ 200',
    ])
  })

  it('remembers "blocked until" across a restart and sends nothing before it', async () => {
    const { server: s, client, cache, clock } = await setup()
    s.addFault({ kind: { type: '429', retryAfterSecs: 1800 } })
    await expect(client.getJson(EVENTS, { wait: false })).rejects.toMatchObject({
      until: clock.now() + 1_800_000,
    })
    const restarted = createLl2Client({
      fetch: globalThis.fetch,
      now: clock.now,
      sleep: clock.sleep,
      cache,
      baseUrl: s.url,
      apiKey: null,
      userAgent: 'DockingTimeline/9.9.9',
    })
    const before = s.requests.length
    await expect(restarted.getJson(EVENTS, { wait: false })).rejects.toBeInstanceOf(
      RateLimitedError,
    )
    expect(s.requests.length).toBe(before)
    clock.advance(1_800_000)
    await expect(restarted.getJson(EVENTS, { wait: false })).resolves.toBeTruthy()
  })

  it('retries network errors and 5xx a bounded number of times with growing backoff', async () => {
    const { server: s, client, clock } = await setup()
    s.addFault({ kind: { type: '500' }, times: 2 })
    await client.getJson(EVENTS)
    expect(clock.sleeps).toEqual([10, 20])
    s.addFault({ kind: { type: 'reset' }, times: 3 })
    await expect(client.getJson(EVENTS)).rejects.toBeInstanceOf(Ll2UnavailableError)
    expect(s.requests.filter((r) => r.fault === 'reset')).toHaveLength(3)
  })

  it('times out a slow answer and tries again', async () => {
    const { server: s, client } = await setup()
    s.addFault({ kind: { type: 'slow', delayMs: 2_000 } })
    const { body } = await client.getJson(EVENTS)
    expect((body as { results: unknown[] }).results).toHaveLength(10)
    expect(s.requests.filter((r) => r.path.endsWith('/docking_events/'))).toHaveLength(2)
  })

  it('rejects a body that is not JSON, naming the URL, without retrying', async () => {
    const { server: s, client } = await setup()
    s.addFault({ kind: { type: 'malformed-json' } })
    const error = await client.getJson(EVENTS).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Ll2FormatError)
    expect(String((error as Error).message)).toContain(`${s.url}${EVENTS}`)
    expect(s.requests.filter((r) => r.path.endsWith('/docking_events/'))).toHaveLength(1)
  })

  it('does not retry a 404 or a 400, and reports the detail', async () => {
    const { client } = await setup()
    await expect(client.getJson('/2.3.0/docking_events/1/')).rejects.toMatchObject({ status: 404 })
    const bad = await client
      .getJson('/2.3.0/docking_events/?docking__gt=soon')
      .catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(Ll2HttpError)
    expect((bad as Ll2HttpError).status).toBe(400)
  })

  it('sends the key as a Token header only to the configured origin and never logs it', async () => {
    const key = 'key-abcdef-123456'
    const {
      server: s,
      client,
      cache,
    } = await setup({ apiKeys: { [key]: { limit: 100, windowSecs: 3600 } } }, { apiKey: key })
    // A `next` link naming another host is followed on the configured one.
    await client.getJson('http://example.invalid:9/2.3.0/docking_events/?format=json&offset=10')
    expect(s.requests.at(-1)).toMatchObject({
      search: '?format=json&offset=10',
      authorization: `Token ${key}`,
    })
    expect(client.resolve('https://other.example/2.3.0/x/?a=1')).toBe(`${s.url}/2.3.0/x/?a=1`)
    expect(JSON.stringify(cache.state.getForServer(s.url, 'budget'))).not.toContain(key)
  })

  it('keeps a path prefix of a mirror', async () => {
    const { client } = await setup({}, { baseUrl: 'https://mirror.example/ll2/' })
    expect(client.resolve('/2.3.0/docking_events/')).toBe(
      'https://mirror.example/ll2/2.3.0/docking_events/',
    )
  })
})

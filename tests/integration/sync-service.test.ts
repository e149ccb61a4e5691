import fs from 'node:fs'

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

import { loadSnapshotIfNew } from '../../electron/snapshot'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { utcMillis } from '../../shared/domain/units'
import { effectiveEnd } from '../../shared/occupancy/effective-end'
import { endFacts } from '../../shared/occupancy/end-facts'
import { generateDataset, record183 } from '../fixtures/generate-dataset'
import type { FaultKind, Ll2ServerOptions, Ll2TestServer } from '../ll2-server/server'
import { startLl2Server } from '../ll2-server/server'
import {
  cachedIds,
  expectCacheMatches,
  fakeClock,
  openTestCache,
  syncFor,
  tempDbFile,
  syncKilledAt,
  type FakeClock,
} from './support/harness'

const SNAPSHOT = BUNDLED_SNAPSHOT_PATH
/** The bundled snapshot's LL2 ids, read from the file. */
const SNAPSHOT_IDS: ReadonlyArray<number> = (
  JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as { docking_events: Array<{ id: number }> }
).docking_events.map((r) => r.id)

/** Whether a request was for the page of events at `offset`. */
const eventPage =
  (offset: string) =>
  (r: { readonly path: string; readonly search: string }): boolean =>
    r.path.endsWith('/docking_events/') && new URLSearchParams(r.search).get('offset') === offset

let server: Ll2TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function serve(events: number, clock: FakeClock, options: Partial<Ll2ServerOptions> = {}) {
  server = await startLl2Server({
    dataset: generateDataset({ events, seed: 11, withRecord183: true }),
    now: clock.now,
    ...options,
  })
  return server
}

describe('full sync', () => {
  it('stores every event, updates the snapshot’s records in place, keeps the rest, and uses a request per page of events and of expeditions + 2', async () => {
    const clock = fakeClock()
    const s = await serve(450, clock)
    const cache = openTestCache(tempDbFile(), clock)
    loadSnapshotIfNew(cache, SNAPSHOT, clock.now())
    expect(cache.readData().info.sources.snapshot).toBe(SNAPSHOT_IDS.length)
    const { service, pushed } = syncFor(cache, s, clock)

    const status = await service.run('full')

    expect(status.state).toBe('done')
    // Record 183 is in both: the server's copy replaced the snapshot's; no other was removed.
    const served = new Set(s.dataset.events.map((e) => Number(e.id)))
    expect(served.has(183)).toBe(true)
    const kept = SNAPSHOT_IDS.filter((id) => !served.has(id))
    expect(kept).toHaveLength(SNAPSHOT_IDS.length - 1)
    expectCacheMatches(cache, s.dataset, kept)
    const data = cache.readData()
    expect(data.info.sources).toEqual({ ll2: 451, snapshot: kept.length })
    // The snapshot's stations stay with the records that name them (Salyut 6 is LL2's 14).
    expect(data.stations.map((st) => st.id)).toContain(14)
    expect(data.stations.find((st) => st.id === 4)?.status).toBe('Active')
    expect(data.ports.map((p) => p.id)).toEqual(expect.arrayContaining([41, 49, 181, 4, 5]))
    const pages = Math.ceil(451 / 100) + Math.ceil(s.expeditions().length / 100) + 2
    expect(s.countedRequests()).toBe(pages)
    expect(cache.state.get('dataAsOf')).toBe(clock.now())
    expect(status.lastFullSync).toBe(clock.now())
    // The plan went out before the first counted request, and progress counted pages.
    const firstWithPlan = pushed.progress.find((p) => p.plan !== null)
    expect(firstWithPlan?.pagesDone).toBe(0)
    expect(pushed.progress.at(-1)).toMatchObject({
      state: 'done',
      pagesDone: pages,
      pagesTotal: pages,
      expeditionsStored: s.expeditions().length,
    })
    expect(pushed.dataChanged.at(-1)?.eventCount).toBe(451 + kept.length)
    expect(s.requests.every((r) => r.userAgent === 'DockingTimeline/0.0.0-test')).toBe(true)
    expect(s.requests.every((r) => r.authorization === null)).toBe(true)
  })

  it('updates snapshot records LL2 serves again in place, adds the rest, removes none, and says so', async () => {
    const clock = fakeClock()
    // A server whose first 100 records carry the snapshot's first 100 LL2 ids.
    const dataset = generateDataset({ events: 150, seed: 17 })
    const reused = [...SNAPSHOT_IDS].sort((a, b) => a - b).slice(0, 100)
    const events = dataset.events.map((e, i) =>
      i < reused.length
        ? { ...e, id: reused[i], url: `https://ll.example/2.3.0/docking_events/${reused[i]}/` }
        : e,
    )
    server = await startLl2Server({ dataset: { ...dataset, events }, now: clock.now })
    const cache = openTestCache(tempDbFile(), clock)
    loadSnapshotIfNew(cache, SNAPSHOT, clock.now())
    const { service, pushed } = syncFor(cache, server, clock)

    const status = await service.run('full')

    expect(status.state).toBe('done')
    expect(status.changes).toEqual({ updated: 100, added: 50, removed: 0, unplaced: 0 })
    expect(pushed.progress.at(-1)?.changes).toEqual(status.changes)
    // Every snapshot id is still there; those served again now hold the server's record.
    const data = cache.readData()
    const byId = new Map(data.events.map((e) => [e.id as number, e]))
    expect(SNAPSHOT_IDS.every((id) => byId.has(id))).toBe(true)
    expect(data.events).toHaveLength(SNAPSHOT_IDS.length + 50)
    for (const [i, id] of reused.entries()) {
      const served = events[i]!
      expect(byId.get(id)?.source).toBe('ll2')
      expect(byId.get(id)?.docking).toBe(Date.parse(String(served.docking)))
      expect(JSON.parse(cache.getEvent(id)!.raw)).toEqual(served)
    }
    expect(data.info.sources).toEqual({ ll2: 150, snapshot: SNAPSHOT_IDS.length - 100 })
  })

  it('keeps the snapshot when a full sync does not complete', async () => {
    const clock = fakeClock()
    const s = await serve(250, clock)
    s.addFault({ kind: { type: 'malformed-json' }, match: 'offset=200' })
    const cache = openTestCache(tempDbFile(), clock)
    loadSnapshotIfNew(cache, SNAPSHOT, clock.now())
    const { service } = syncFor(cache, s, clock)

    const status = await service.run('full')

    expect(status.state).toBe('error')
    expect(status.error).toMatch(/offset=200/)
    expect(status.error).toMatch(/not JSON/)
    // The pages stored replaced the snapshot records they hold (183 docked in 1977: page 1).
    const events = cache.readData().events
    const fromLl2 = new Set(events.filter((e) => e.source === 'll2').map((e) => e.id as number))
    expect(fromLl2.size).toBe(200)
    expect(fromLl2.has(183)).toBe(true)
    expect(cache.readData().info.sources).toEqual({
      snapshot: SNAPSHOT_IDS.filter((id) => !fromLl2.has(id)).length,
      ll2: 200,
    })
    const ids = new Set(events.map((e) => e.id as number))
    expect(SNAPSHOT_IDS.every((id) => ids.has(id))).toBe(true)
    expect(cache.state.get('dataAsOf')).toBeNull()
  })

  it('resumes after the process dies mid-sync, from the stored page, losing nothing', async () => {
    const clock = fakeClock()
    const s = await serve(520, clock)
    // The "process" dies while fetching the fourth page: its fetch never returns.
    let eventPages = 0
    const file = await syncKilledAt(
      s,
      clock,
      (url) => url.includes('docking_events') && ++eventPages === 4,
      (p) => p.pagesDone === 3,
      'three pages stored before the kill',
    )

    const cache = openTestCache(file, clock)
    expect(cachedIds(cache)).toHaveLength(300)
    const before = s.requests.length
    const { service } = syncFor(cache, s, clock)
    const status = await service.run('full')

    expect(status.state).toBe('done')
    expectCacheMatches(cache, s.dataset)
    const resumed = s.requests.slice(before).filter((r) => r.path.endsWith('/docking_events/'))
    expect(resumed.map((r) => new URLSearchParams(r.search).get('offset'))).toEqual([
      '300',
      '400',
      '500',
    ])
  })

  it('can be cancelled, and the next sync continues where it stopped', async () => {
    const clock = fakeClock()
    const s = await serve(350, clock)
    const cache = openTestCache(tempDbFile(), clock)
    // The user presses Cancel while the third page of events is on its way.
    let eventPages = 0
    const cancelling: typeof fetch = (input, init) => {
      if (String(input).includes('docking_events') && ++eventPages === 3) service.cancel()
      return fetch(input, init)
    }
    const { service, pushed } = syncFor(cache, s, clock, { fetch: cancelling })
    service.start('full')
    const cancelled = await service.idle()

    expect(cancelled).toMatchObject({
      state: 'cancelled',
      error: null,
      pagesDone: 2,
      eventsStored: 200,
    })
    expect(pushed.progress.at(-1)).toMatchObject({ state: 'cancelled', eventsStored: 200 })
    expect(cachedIds(cache)).toHaveLength(200)
    expect(service.getStatus()).toMatchObject({ state: 'cancelled', pagesDone: 2 })

    const before = s.requests.length
    const status = await service.run('full')
    expect(status.state).toBe('done')
    expect(status.eventsStored).toBe(351)
    expectCacheMatches(cache, s.dataset)
    // The page in flight when cancelled is fetched again; nothing stored is.
    const resumed = s.requests.slice(before).filter((r) => r.path.endsWith('/docking_events/'))
    expect(resumed.map((r) => new URLSearchParams(r.search).get('offset'))).toEqual(['200', '300'])
  })

  it('refuses a second sync while one runs', async () => {
    const clock = fakeClock()
    const s = await serve(150, clock)
    s.addFault({ kind: { type: 'slow', delayMs: 200 }, match: 'docking_events' })
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    service.start('full')
    expect(() => service.start('full')).toThrow(/already running/)
    expect((await service.idle()).state).toBe('done')
  })
})

describe('sync under faults', () => {
  const recovered: ReadonlyArray<[string, FaultKind]> = [
    ['500', { type: '500' }],
    ['502', { type: '502' }],
    ['connection reset', { type: 'reset' }],
    ['body cut mid-stream', { type: 'truncated-body' }],
    ['slow response past the timeout', { type: 'slow', delayMs: 1_500 }],
    ['429 with Retry-After', { type: '429', retryAfterSecs: 120, detailSecs: 120 }],
  ]
  for (const [name, kind] of recovered) {
    it(`recovers from a ${name} on page 2 and stores everything`, async () => {
      const clock = fakeClock()
      const s = await serve(250, clock)
      s.addFault({ kind, match: 'offset=100' })
      const cache = openTestCache(tempDbFile(), clock)
      const { service } = syncFor(cache, s, clock)

      const status = await service.run('full')

      expect(status.state).toBe('done')
      expect(s.pendingFaults()).toBe(0)
      expectCacheMatches(cache, s.dataset)
      // One retry for the fault, no more.
      expect(s.requests.filter(eventPage('100'))).toHaveLength(2)
    })
  }

  const rejected: ReadonlyArray<[string, FaultKind, RegExp]> = [
    ['malformed JSON', { type: 'malformed-json' }, /not JSON/],
    ['a record with a bad docking time', { type: 'bad-record' }, /record 99 \(id \d+\): docking/],
    ['a record nested 100,000 deep', { type: 'deep-json' }, /nested deeper than 64 levels/],
  ]
  for (const [name, kind, message] of rejected) {
    it(`rejects a page with ${name}, stores nothing of it, and the next sync finishes`, async () => {
      const clock = fakeClock()
      const s = await serve(250, clock)
      s.addFault({ kind, match: 'offset=100' })
      const cache = openTestCache(tempDbFile(), clock)
      const { service } = syncFor(cache, s, clock)

      const failed = await service.run('full')

      expect(failed.state).toBe('error')
      expect(failed.error).toMatch(/docking_events\/\?.*offset=100/)
      expect(failed.error).toMatch(message)
      expect(failed.error).toMatch(/Nothing from that page was stored/)
      expect(cachedIds(cache)).toHaveLength(100)
      expect(cache.state.get('lastError')).toMatch(message)

      const status = await service.run('full')
      expect(status.state).toBe('done')
      expect(status.error).toBeNull()
      expectCacheMatches(cache, s.dataset)
    })
  }

  it('gives up after three failed tries with a plain error, and resumes later', async () => {
    const clock = fakeClock()
    const s = await serve(250, clock)
    s.addFault({ kind: { type: '502' }, match: 'offset=200', times: 3 })
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)

    const failed = await service.run('full')
    expect(failed.state).toBe('error')
    expect(failed.error).toMatch(/HTTP 502 \(after 3 tries\)/)
    expect(service.getStatus().pagesDone).toBe(2)
    expect(s.requests.filter((r) => r.search.includes('offset=200'))).toHaveLength(3)
    expect(cachedIds(cache)).toHaveLength(200)

    expect((await service.run('full')).state).toBe('done')
    expectCacheMatches(cache, s.dataset)
  })

  it('keeps within a 15-per-hour budget: waits instead of being throttled, and says until when', async () => {
    const clock = fakeClock()
    const s = await serve(2_000, clock, { throttle: { limit: 15, windowSecs: 3_600 } })
    const cache = openTestCache(tempDbFile(), clock)
    const { service, pushed } = syncFor(cache, s, clock)

    const plan = await service.plan('full')
    expect(plan.budgetRemaining).toBe(15)
    const status = await service.run('full')

    expect(status.state).toBe('done')
    expectCacheMatches(cache, s.dataset)
    expect(s.requests.filter((r) => r.status === 429)).toHaveLength(0)
    expect(s.countedRequests()).toBe(
      Math.ceil(2_001 / 100) + Math.ceil(s.expeditions().length / 100) + 2,
    )
    const waits = pushed.progress.filter((p) => p.state === 'waiting')
    expect(waits.length).toBeGreaterThan(0)
    expect(waits[0]!.waitingUntil).toBeGreaterThan(Date.parse('2025-06-02T00:59:00Z'))
    expect(clock.now() - Date.parse('2025-06-02T00:00:00Z')).toBeGreaterThanOrEqual(3_600_000)
  })

  it('with --no-wait stops at the budget, remembers until when, and sends nothing more after a restart', async () => {
    const clock = fakeClock()
    const s = await serve(2_000, clock, { throttle: { limit: 15, windowSecs: 3_600 } })
    const file = tempDbFile()
    const cache = openTestCache(file, clock)
    const { service } = syncFor(cache, s, clock)

    const stopped = await service.run('full', { wait: false })
    expect(stopped.state).toBe('error')
    expect(stopped.error).toMatch(/rate limit is used up; requests may resume at 01:00 UTC/)
    expect(s.countedRequests()).toBe(15)
    expect(cachedIds(cache)).toHaveLength(1_500)
    cache.close()

    const reopened = openTestCache(file, clock)
    const { service: again } = syncFor(reopened, s, clock)
    const before = s.requests.length
    expect((await again.run('full', { wait: false })).state).toBe('error')
    expect(s.requests.slice(before).filter((r) => !r.path.includes('api-throttle'))).toHaveLength(0)

    // Each hour allows 15 more, until every page of events and expeditions is in.
    const total = Math.ceil(2_001 / 100) + Math.ceil(s.expeditions().length / 100) + 2
    for (let hour = 1; hour < Math.ceil(total / 15) - 1; hour++) {
      clock.advance(3_600_000)
      expect((await again.run('full', { wait: false })).state).toBe('error')
      expect(s.countedRequests()).toBe(15 * (hour + 1))
    }
    clock.advance(3_600_000)
    expect((await again.run('full', { wait: false })).state).toBe('done')
    expect(s.countedRequests()).toBe(total)
    expect(s.requests.filter((r) => r.status === 429)).toHaveLength(0)
    expectCacheMatches(reopened, s.dataset)
  })
})

describe('incremental sync', () => {
  it('fetches recent dockings and re-checks still-docked events that left or vanished', async () => {
    const clock = fakeClock()
    const s = await serve(400, clock)
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    expect((await service.run('full')).state).toBe('done')
    const open = s.dataset.events.filter((e) => e.departure === null)
    expect(open.length).toBeGreaterThanOrEqual(3)

    // Upstream, meanwhile: one vehicle left, one record was withdrawn, a new docking happened.
    const [left, withdrawn] = open
    left!.departure = '2025-06-03T10:00:00Z'
    s.dataset.events.splice(s.dataset.events.indexOf(withdrawn!), 1)
    const template = s.dataset.events.find(
      (e) => e.departure !== null && String(e.docking) > '2024',
    )!
    s.dataset.events.push({
      ...template,
      id: 99_999,
      docking: '2025-06-04T00:00:00Z',
      departure: null,
    })
    const before = s.requests.length

    const status = await service.run('incremental')

    expect(status.state).toBe('done')
    expect(status.kind).toBe('incremental')
    expectCacheMatches(cache, s.dataset)
    const used = s.requests.slice(before).filter((r) => r.counted)
    expect(used.map((r) => r.path)).toEqual([
      '/2.3.0/docking_events/',
      '/2.3.0/expeditions/',
      '/2.3.0/space_stations/',
      `/2.3.0/docking_events/${String(left!.id)}/`,
      `/2.3.0/docking_events/${String(withdrawn!.id)}/`,
    ])
    const since = new URLSearchParams(used[0]!.search).get('docking__gte')
    const newest = Math.max(
      ...s.dataset.events.filter((e) => e.id !== 99_999).map((e) => Date.parse(String(e.docking))),
    )
    expect(Date.parse(since!)).toBe(newest - 60 * 86_400_000)
    expect(status.lastIncrementalSync).toBe(clock.now())
  })

  it("ends a docking the station's record leaves out, though its own record stays open, at that sync", async () => {
    const clock = fakeClock()
    const s = await serve(400, clock)
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    expect((await service.run('full')).state).toBe('done')
    const stationOf = (e: Record<string, unknown>) =>
      (e.space_station_target as { id: number } | undefined)?.id
    const open = s.dataset.events.filter((e) => e.departure === null)
    // One of two open dockings at a station: LL2's station record stops listing it.
    const left = open.find((e) => open.some((o) => o !== e && stationOf(o) === stationOf(e)))!
    expect(left).toBeDefined()
    s.dataset.unlisted.add(Number(left.id))
    clock.advance(86_400_000)
    const syncedAt = clock.now()
    expect((await service.run('incremental')).state).toBe('done')
    // The sync asked its record again, and LL2 still gives it no departure.
    expect(s.requests.at(-1)!.path).toBe(`/2.3.0/docking_events/${String(left.id)}/`)

    const endAt = (now: number) => {
      const data = cache.readData()
      const event = data.events.find((e) => e.id === left.id)!
      return effectiveEnd(event, endFacts(data.events, data.stations), utcMillis(now))
    }
    // A month on, its stay still ends where the record that dropped it was fetched.
    const later = endAt(syncedAt + 30 * 86_400_000)
    expect(later).toMatchObject({ end: syncedAt, state: 'unknown' })
    expect(later.notListed?.within).toEqual({ from: syncedAt, to: syncedAt })
    // The other open dockings there are still docked.
    const data = cache.readData()
    const facts = endFacts(data.events, data.stations)
    const others = data.events.filter(
      (e) => e.departure === null && e.stationId === stationOf(left) && e.id !== left.id,
    )
    expect(others.length).toBeGreaterThan(0)
    for (const e of others)
      expect(effectiveEnd(e, facts, utcMillis(syncedAt + 86_400_000)).state).toBe('docked')
  })

  it('runs a full sync when there is no LL2 data yet', async () => {
    const clock = fakeClock()
    const s = await serve(120, clock)
    const cache = openTestCache(tempDbFile(), clock)
    loadSnapshotIfNew(cache, SNAPSHOT, clock.now())
    const { service } = syncFor(cache, s, clock)
    const status = await service.run('incremental')
    expect(status.kind).toBe('full')
    const served = new Set(s.dataset.events.map((e) => Number(e.id)))
    expectCacheMatches(
      cache,
      s.dataset,
      SNAPSHOT_IDS.filter((id) => !served.has(id)),
    )
  })
})

describe('sync on a server that stalls or floods', () => {
  /** Settles with what `promise` gave, or 'still running' after `ms`. */
  const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still running'> =>
    Promise.race([
      promise,
      new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms)),
    ])

  const stuck: ReadonlyArray<[string, FaultKind]> = [
    ['headers then silence', { type: 'stall' }],
    ['a body trickling one byte a second', { type: 'trickle' }],
  ]
  for (const [name, kind] of stuck) {
    it(`cancel ends a sync stuck on ${name} within 2 s, keeping the pages stored`, async () => {
      const clock = fakeClock()
      const s = await serve(250, clock)
      s.addFault({ kind, match: 'offset=100' })
      const cache = openTestCache(tempDbFile(), clock)
      // A deadline far away: only the cancel can end this request.
      const { service } = syncFor(cache, s, clock, { timeoutMs: 120_000 })
      service.start('full')
      await expect
        .poll(() => s.requests.some((r) => r.search.includes('offset=100')), { timeout: 10_000 })
        .toBe(true)
      service.cancel()
      expect(await within(service.idle(), 2_000)).toMatchObject({ state: 'cancelled' })
      expect(cachedIds(cache)).toHaveLength(100)
    })
  }

  it('refuses a 50 MB page with a clear error, stores nothing of it, and does not retry', async () => {
    const clock = fakeClock()
    const s = await serve(250, clock)
    s.addFault({
      kind: { type: 'huge', bytes: 50 * 1024 * 1024, declareLength: false },
      match: 'offset=100',
    })
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    const status = await service.run('full')
    expect(status.state).toBe('error')
    expect(status.error).toMatch(
      /the answer to .*offset=100.* is larger than 10 MB, the most the app reads; it was not read and nothing from it was stored/,
    )
    expect(cachedIds(cache)).toHaveLength(100)
    expect(s.requests.filter((r) => r.search.includes('offset=100'))).toHaveLength(1)
    expect((await service.run('full')).state).toBe('done')
    expectCacheMatches(cache, s.dataset)
  })
})

describe('settings and details', () => {
  it('keeps the API key out of prefs, status, logs and errors, and sends it as a Token header', async () => {
    const clock = fakeClock()
    const key = 'sekrit-key-0123456789'
    const s = await serve(150, clock, { apiKeys: { [key]: { limit: 300, windowSecs: 3_600 } } })
    const file = tempDbFile()
    const cache = openTestCache(file, clock)
    const { service, pushed } = syncFor(cache, s, clock)

    expect(service.setSettings({ apiKey: key })).toEqual({
      baseUrl: s.url,
      hasApiKey: true,
      apiKeyEncrypted: false,
    })
    expect((await service.run('full')).state).toBe('done')
    expect(s.requests.every((r) => r.authorization === `Token ${key}`)).toBe(true)
    const used = Math.ceil(151 / 100) + Math.ceil(s.expeditions().length / 100) + 2
    expect((await service.plan('incremental')).budgetRemaining).toBe(300 - used)

    // A key the server refuses: the error says so without repeating it.
    service.setSettings({ apiKey: 'wrong-key-987654' })
    const failed = await service.run('full')
    expect(failed.error).toMatch(/refused the API key \(HTTP 401/)
    expect(failed.error).not.toMatch(/wrong-key/)

    const everything = JSON.stringify([pushed, service.getStatus(), service.getSettings()])
    expect(everything).not.toMatch(/sekrit|wrong-key/)
    cache.close()
    const db = new Database(file, { readonly: true })
    const logged = JSON.stringify([
      db.prepare('SELECT * FROM request_log').all(),
      db.prepare('SELECT * FROM prefs').all(),
      db.prepare("SELECT * FROM sync_state WHERE key <> 'll2_api_keys'").all(),
    ])
    db.close()
    expect(logged).toMatch(/api-throttle/)
    expect(logged).not.toMatch(/sekrit|wrong-key/)
  })

  it('fetches the detailed record on demand, and says when LL2 does not have it', async () => {
    const clock = fakeClock()
    const s = await serve(10, clock)
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    const detail = (await service.fetchDetail(183)) as Record<string, unknown>
    expect(detail).toEqual(record183())
    expect(s.requests.at(-1)?.search).toContain('mode=detailed')
    await expect(service.fetchDetail(424242)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('does not wait for the rate limit when fetching a detail', async () => {
    const clock = fakeClock()
    const s = await serve(10, clock, { throttle: { limit: 1, windowSecs: 3_600 } })
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    await service.fetchDetail(183)
    await expect(service.fetchDetail(183)).rejects.toMatchObject({
      code: 'rate-limited',
      message: expect.stringMatching(/resume at 01:00 UTC/),
    })
    expect(clock.sleeps).toEqual([])
  })
})

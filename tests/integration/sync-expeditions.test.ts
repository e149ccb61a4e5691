/**
 * Sync of LL2 expeditions (issue #14, crewed periods): pages fetched beside
 * the docking events under the same budget, stored in place by LL2 id beside
 * the bundled list, resumed after a 429, a kill or a bad page.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

import { createAppServices, CACHE_FILE_NAME } from '../../electron/app-services'
import { expeditionsBeside } from '../../electron/expeditions-bundle'
import { handleInvoke } from '../../electron/ipc/handlers'
import type { DockingCache } from '../../shared/cache/docking-cache'
import type { Expedition } from '../../shared/domain/expedition'
import type { PushChannels } from '../../shared/ipc/contract'
import { ingestExpeditions } from '../../shared/ll2/expeditions'
import { recordsOf } from '../../shared/ll2/ingest'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { generateDataset } from '../fixtures/generate-dataset'
import { generateExpeditions } from '../fixtures/generate-expeditions'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'
import { fakeClock, openTestCache, syncFor, syncKilledAt, tempDbFile } from './support/harness'

type Json = Record<string, unknown>

const BUNDLED_FILE = expeditionsBeside(path.resolve(BUNDLED_SNAPSHOT_PATH))
/** The bundled expedition records, read from the file itself. */
const BUNDLED: ReadonlyArray<Json> = recordsOf(
  JSON.parse(fs.readFileSync(BUNDLED_FILE, 'utf8')),
  BUNDLED_FILE,
) as Json[]

/** The domain values of `records`, by id, through the app's one normaliser. */
function modelsOf(records: ReadonlyArray<unknown>): Map<number, Expedition> {
  const result = ingestExpeditions(records)
  if (!result.ok) throw new Error(result.error)
  return new Map(result.value.map((s) => [s.expedition.id as number, s.expedition]))
}

/** Asserts the cache holds exactly `records` (later ones win by id), nothing else. */
function expectExpeditions(cache: DockingCache, ...records: ReadonlyArray<unknown>[]): void {
  const wanted = new Map<number, Expedition>()
  for (const list of records) for (const [id, x] of modelsOf(list)) wanted.set(id, x)
  const stored = cache.readExpeditions()
  expect(stored.map((x) => x.id as number).sort((a, b) => a - b)).toEqual(
    [...wanted.keys()].sort((a, b) => a - b),
  )
  for (const x of stored) expect(x, `expedition ${x.id}`).toEqual(wanted.get(x.id))
}

/** Whether a request was for the page of expeditions at `offset` (null: the first). */
const expeditionPage =
  (offset: string | null) =>
  (r: { readonly path: string; readonly search: string }): boolean =>
    r.path === '/2.3.0/expeditions/' && new URLSearchParams(r.search).get('offset') === offset

let server: Ll2TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('a full sync', () => {
  it('stores every expedition LL2 serves beside the bundled list, replacing by id those it serves again, and dt:expeditions:get returns the merge', async () => {
    const dataset = generateDataset({ events: 250, seed: 21 })
    // LL2 serves two of the bundled records again, in 2.3.0 shape and corrected.
    const skylab = BUNDLED.find((r) => r.id === 2)!
    const expedition64 = BUNDLED.find((r) => r.name === 'Expedition 64')!
    expect(expedition64.end).toBeNull()
    const again = [
      { ...skylab, end: '1973-06-22T13:50:00Z', response_mode: 'normal', spacewalks: [] },
      { ...expedition64, end: '2021-04-17T04:55:00Z', response_mode: 'normal', spacewalks: [] },
    ]
    const served = [...again, ...generateExpeditions(dataset, 1000)]
    server = await startLl2Server({ dataset, expeditions: served })
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-expsync-'))
    const changed: Array<PushChannels['dt:data:changed']> = []
    const services = createAppServices({
      userDataDir,
      snapshotFile: path.resolve(BUNDLED_SNAPSHOT_PATH),
      version: '1.2.3',
      defaultBaseUrl: server.url,
      now: fakeClock().now,
      fetch: globalThis.fetch,
      emit: (channel, payload) => {
        if (channel === 'dt:data:changed') changed.push(payload as (typeof changed)[number])
      },
      chooseSavePath: async () => null,
      writeFile: async () => undefined,
      printPdf: async () => new Uint8Array(),
      openExternal: async () => undefined,
      writeClipboard: () => undefined,
    })
    try {
      const before = await handleInvoke(services.handlers, 'dt:expeditions:get', null)
      expect(before).toMatchObject({ ok: true, value: { length: BUNDLED.length } })

      const status = await services.sync.run('full')

      expect(status).toMatchObject({ state: 'done', expeditionsStored: served.length })
      expectExpeditions(services.cache, BUNDLED, served)
      expect(services.cache.readExpeditions()).toHaveLength(BUNDLED.length + served.length - 2)
      const after = await handleInvoke(services.handlers, 'dt:expeditions:get', null)
      expect(after.ok).toBe(true)
      if (!after.ok) return
      const merged = after.value as ReadonlyArray<Expedition>
      const byId = new Map(merged.map((x) => [x.id as number, x]))
      expect(byId.size).toBe(BUNDLED.length + served.length - 2)
      expect(byId.get(140)?.end).toBe(Date.parse('2021-04-17T04:55:00Z'))
      // A bundled record LL2 did not serve again is kept as bundled (Salyut 6 EP-5, filed under Salyut 5).
      const ep5 = BUNDLED.find((r) => r.name === 'Salyut 6 EP-5')!
      expect(byId.get(Number(ep5.id))).toEqual(modelsOf([ep5]).get(Number(ep5.id)))
      // The renderer was told the data changed, after the last page.
      expect(changed.length).toBeGreaterThan(0)
      // One request per page of events and of expeditions, the stations and the ports.
      expect(server.countedRequests()).toBe(
        Math.ceil(dataset.events.length / 100) + Math.ceil(served.length / 100) + 2,
      )
      expect(services.cache.state.get('expeditionCount')).toBe(served.length)
    } finally {
      services.close()
    }
    // The raw record is kept as served.
    const db = new Database(path.join(userDataDir, CACHE_FILE_NAME), { readonly: true })
    const raw = db.prepare('SELECT raw FROM expeditions WHERE id = 140').get() as { raw: string }
    db.close()
    expect(JSON.parse(raw.raw)).toEqual(again[1])
  })

  it('plans the expedition pages: a floor before the first page, then the count LL2 gave', async () => {
    const clock = fakeClock()
    const dataset = generateDataset({ events: 150, seed: 22 })
    server = await startLl2Server({ dataset, throttle: { limit: 15, windowSecs: 3_600 } })
    const cache = openTestCache(tempDbFile(), clock)
    const { service, pushed } = syncFor(cache, server, clock)

    expect(await service.plan('full')).toMatchObject({ requests: 4, exact: false })
    const status = await service.run('full')

    const total =
      Math.ceil(dataset.events.length / 100) + Math.ceil(server.expeditions().length / 100) + 2
    expect(server.expeditions().length).toBeGreaterThan(0)
    expect(status).toMatchObject({ state: 'done', pagesDone: total })
    expect(pushed.progress.at(-1)?.plan).toMatchObject({ requests: total, exact: true })
    expect(server.countedRequests()).toBe(total)
    // The next full sync's plan is exact before it starts: every count is known.
    expect(await service.plan('full')).toMatchObject({ requests: total, exact: true })
  })
})

describe('a second sync', () => {
  it('updates expeditions in place: incremental from the oldest under way, full for older corrections', async () => {
    const clock = fakeClock()
    const dataset = generateDataset({ events: 300, seed: 23 })
    server = await startLl2Server({ dataset })
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, server, clock)
    expect((await service.run('full')).state).toBe('done')
    const served = server.expeditions()
    expectExpeditions(cache, served)

    // Upstream, meanwhile: an expedition under way ended, a new one began, an old one was renamed.
    const open = served.filter((x) => x.end === null)
    expect(open.length).toBeGreaterThan(0)
    const ending = open[0]!
    ending.end = '2025-06-01T12:00:00Z'
    const station = served.at(-1)!.spacestation
    served.push({
      ...served.at(-1)!,
      id: 9_000,
      name: 'New crew',
      start: '2025-06-01T18:00:00Z',
      end: null,
      spacestation: station,
    })
    const oldest = served.reduce((a, b) =>
      Date.parse(String(a.start)) <= Date.parse(String(b.start)) ? a : b,
    )
    oldest.name = 'Renamed long after'
    const before = server.requests.length

    const incremental = await service.run('incremental')

    expect(incremental).toMatchObject({ state: 'done', kind: 'incremental' })
    const used = server.requests.slice(before).filter((r) => r.counted)
    expect(used.map((r) => r.path)).toEqual([
      '/2.3.0/docking_events/',
      '/2.3.0/expeditions/',
      '/2.3.0/space_stations/',
    ])
    const since = Date.parse(new URLSearchParams(used[1]!.search).get('start__gte')!)
    expect(since).toBeLessThanOrEqual(Date.parse(String(ending.start)))
    expect(since).toBeGreaterThan(Date.parse(String(oldest.start)))
    const stored = new Map(cache.readExpeditions().map((x) => [x.id as number, x]))
    expect(stored.size).toBe(served.length)
    expect(stored.get(Number(ending.id))?.end).toBe(Date.parse('2025-06-01T12:00:00Z'))
    expect(stored.get(9_000)).toMatchObject({ name: 'New crew', end: null })
    // An incremental sync asks only for recent starts: the old rename waits for a full sync.
    expect(stored.get(Number(oldest.id))?.name).not.toBe('Renamed long after')
    expect(incremental.expeditionsStored).toBe(
      served.filter((x) => Date.parse(String(x.start)) >= since).length,
    )

    const full = await service.run('full')
    expect(full).toMatchObject({ state: 'done', expeditionsStored: served.length })
    expectExpeditions(cache, served)
    expect(cache.readExpeditions()).toHaveLength(served.length)
  })
})

describe('a sync interrupted among the expeditions', () => {
  it('waits out a 429, retries a 500, stays within 15 an hour, and stores every expedition once', async () => {
    const clock = fakeClock()
    const dataset = generateDataset({ events: 450, seed: 11 })
    server = await startLl2Server({
      dataset,
      now: clock.now,
      throttle: { limit: 15, windowSecs: 3_600 },
    })
    const s = server
    s.addFault({ kind: { type: '500' }, match: '/expeditions/' })
    s.addFault({
      kind: { type: '429', retryAfterSecs: 600 },
      match: 'expeditions/?format=json&mode=normal&limit=100&ordering=id&offset=100',
    })
    const cache = openTestCache(tempDbFile(), clock)
    const { service, pushed } = syncFor(cache, s, clock)

    const status = await service.run('full')

    expect(status.state).toBe('done')
    expect(s.pendingFaults()).toBe(0)
    expectExpeditions(cache, s.expeditions())
    expect(s.expeditions().length).toBeGreaterThan(200)
    const waits = pushed.progress.filter((p) => p.state === 'waiting')
    expect(waits.length).toBeGreaterThan(0)
    expect(s.requests.filter(expeditionPage(null))).toHaveLength(2)
    expect(s.requests.filter(expeditionPage('100'))).toHaveLength(2)
    // Every page once, plus the 500 (LL2 counts it); the 429 is not counted.
    const pages =
      Math.ceil(dataset.events.length / 100) + Math.ceil(s.expeditions().length / 100) + 2
    expect(s.countedRequests()).toBe(pages + 1)
    expect(s.requests.filter((r) => r.status === 429)).toHaveLength(1)
  })

  it('resumes after the process dies, from the stored expedition page, fetching no event again', async () => {
    const clock = fakeClock()
    server = await startLl2Server({
      dataset: generateDataset({ events: 250, seed: 11 }),
      now: clock.now,
    })
    const s = server
    expect(s.expeditions().length).toBeGreaterThan(100)
    // The "process" dies while fetching the second page of expeditions: its fetch never returns.
    const file = await syncKilledAt(
      s,
      clock,
      (url) => url.includes('/expeditions/') && url.includes('offset=100'),
      (p) => p.expeditionsStored === 100,
      'the first page of expeditions stored before the kill',
    )

    const cache = openTestCache(file, clock)
    expect(cache.readExpeditions()).toHaveLength(100)
    const before = s.requests.length
    const { service } = syncFor(cache, s, clock)
    const status = await service.run('full')

    expect(status).toMatchObject({ state: 'done', expeditionsStored: s.expeditions().length })
    expectExpeditions(cache, s.expeditions())
    const resumed = s.requests.slice(before).filter((r) => r.counted)
    expect(
      resumed.map((r) => `${r.path}${new URLSearchParams(r.search).get('offset') ?? ''}`),
    ).toEqual([
      '/2.3.0/expeditions/100',
      '/2.3.0/space_stations/',
      '/2.3.0/config/docking_locations/',
    ])
  })

  it('rejects a page with a bad expedition whole, says which, and the next sync finishes', async () => {
    const clock = fakeClock()
    server = await startLl2Server({
      dataset: generateDataset({ events: 250, seed: 11 }),
      now: clock.now,
    })
    const s = server
    s.addFault({
      kind: { type: 'bad-record' },
      match: 'expeditions/?format=json&mode=normal&limit=100&ordering=id&offset=100',
    })
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)

    const failed = await service.run('full')

    expect(failed.state).toBe('error')
    expect(failed.error).toMatch(/expeditions\/\?.*offset=100/)
    expect(failed.error).toMatch(/expedition \d+ \(id \d+\): start/)
    expect(failed.error).toMatch(/Nothing from that page was stored/)
    expect(cache.readExpeditions()).toHaveLength(100)
    expect(cache.readData().events).toHaveLength(s.dataset.events.length)

    const before = s.requests.length
    const status = await service.run('full')
    expect(status.state).toBe('done')
    expectExpeditions(cache, s.expeditions())
    expect(s.requests.slice(before).filter((r) => r.path.endsWith('/docking_events/'))).toEqual([])
  })
})

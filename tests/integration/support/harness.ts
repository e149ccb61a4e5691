/**
 * Shared pieces of the integration tests: a fake clock whose sleep returns at
 * once (so an hour of rate limit passes instantly, for the client and the
 * test server alike), temp cache files, and comparisons of a cache with the
 * data a server holds.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect } from 'vitest'

import type { DockingCache } from '../../../shared/cache/docking-cache'
import type { PushChannels } from '../../../shared/ipc/contract'
import { utcMillis, type UtcMillis } from '../../../shared/domain/units'
import type { AppConfig } from '../../../electron/app-services'
import { openCache } from '../../../electron/cache/docking-cache'
import { createSyncService, type SyncDeps } from '../../../electron/sync/sync-service'
import type { Ll2Dataset } from '../../fixtures/generate-dataset'
import type { Ll2TestServer } from '../../ll2-server/server'

/** A clock that moves only when something sleeps (or the test says so). */
export interface FakeClock {
  readonly now: () => UtcMillis
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Every sleep asked for, in ms. */
  readonly sleeps: number[]
  advance(ms: number): void
}

/** Starts at 2025-06-02, a day after the generated data ends. */
export function fakeClock(start = Date.parse('2025-06-02T00:00:00Z')): FakeClock {
  let t = start
  const sleeps: number[] = []
  return {
    now: () => utcMillis(t),
    sleeps,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason
      sleeps.push(ms)
      t += Math.max(0, ms)
      // Let other work (a cancel, the server) run, as a real wait would.
      await new Promise((r) => setImmediate(r))
      if (signal?.aborted) throw signal.reason
    },
    advance(ms) {
      t += ms
    },
  }
}

/**
 * Waits until `ready()` holds, checking every few ms; fails naming `what`
 * after `timeoutMs` (real time), so a sync that stalls fails the test instead
 * of hanging it.
 */
export async function waitFor(
  ready: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** A fresh temp folder's cache file path. */
export function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-int-')), 'cache.sqlite')
}

/** Opens a cache on `file` with the fake clock. */
export function openTestCache(file: string, clock: FakeClock): DockingCache {
  return openCache(file, { now: clock.now }).cache
}

/** Pushes a service sent, by channel. */
export interface Pushed {
  readonly progress: Array<PushChannels['dt:sync:progress']>
  readonly dataChanged: Array<PushChannels['dt:data:changed']>
}

/** A sync service against `server` with short timeouts and the fake clock. */
export function syncFor(
  cache: DockingCache,
  server: Ll2TestServer,
  clock: FakeClock,
  overrides: Partial<SyncDeps> = {},
) {
  const pushed: Pushed = { progress: [], dataChanged: [] }
  const service = createSyncService({
    cache,
    now: clock.now,
    fetch: globalThis.fetch,
    emit: (channel, payload) => {
      if (channel === 'dt:sync:progress')
        pushed.progress.push(payload as Pushed['progress'][number])
      else pushed.dataChanged.push(payload as Pushed['dataChanged'][number])
    },
    defaultBaseUrl: server.url,
    userAgent: 'DockingTimeline/0.0.0-test',
    sleep: clock.sleep,
    timeoutMs: 1_000,
    backoffMs: 10,
    ...overrides,
  })
  return { service, pushed }
}

/**
 * A full sync into a new cache file that "dies" where `dies(url)` first holds:
 * that fetch never returns, and once `stored(progress)` shows the pages before
 * it committed, the run is aborted and the cache closed, as a killed process
 * leaves it. Returns the file, to reopen as the next start would.
 */
export async function syncKilledAt(
  server: Ll2TestServer,
  clock: FakeClock,
  dies: (url: string) => boolean,
  stored: (progress: Pushed['progress'][number]) => boolean,
  what: string,
): Promise<string> {
  const file = tempDbFile()
  const first = openTestCache(file, clock)
  const dying: typeof fetch = (input, init) => {
    if (dies(String(input))) {
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('killed'))),
      )
    }
    return fetch(input, init)
  }
  const killer = new AbortController()
  const { service: doomed, pushed } = syncFor(first, server, clock, { fetch: dying })
  const running = doomed.run('full', { signal: killer.signal })
  await waitFor(() => pushed.progress.some(stored), what)
  killer.abort()
  await running
  first.close()
  return file
}

/** Ids of the cache's events of a source, sorted. */
export function cachedIds(cache: DockingCache, source = 'll2'): number[] {
  return cache
    .readData()
    .events.filter((e) => e.source === source)
    .map((e) => e.id as number)
    .sort((a, b) => a - b)
}

/**
 * Asserts the cache holds exactly the server's events, plus the `kept` ids a
 * sync had no reason to touch: same ids, times and ports, and the raw record
 * as served, all from LL2.
 */
export function expectCacheMatches(
  cache: DockingCache,
  dataset: Ll2Dataset,
  kept: ReadonlyArray<number> = [],
): void {
  const data = cache.readData()
  const wanted = [...dataset.events].sort((a, b) => Number(a.id) - Number(b.id))
  const ids = new Set([...wanted.map((e) => Number(e.id)), ...kept])
  expect(data.events.map((e) => e.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
  for (const record of wanted) {
    const stored = cache.getEvent(Number(record.id))
    expect(stored, `event ${String(record.id)}`).not.toBeNull()
    expect(JSON.parse(stored!.raw)).toEqual(record)
    expect(stored!.event.source).toBe('ll2')
    expect(stored!.event.docking).toBe(Date.parse(String(record.docking)))
    expect(stored!.event.departure).toBe(
      record.departure ? Date.parse(String(record.departure)) : null,
    )
  }
}

/**
 * App services' config for a test that needs no network, dialog, disk or
 * printer: every such call fails or does nothing. `overrides` supply the rest.
 */
export function offlineAppConfig(
  overrides: Partial<AppConfig> & Pick<AppConfig, 'userDataDir' | 'snapshotFile' | 'now'>,
): AppConfig {
  return {
    version: '1.2.3',
    defaultBaseUrl: 'http://127.0.0.1:9',
    fetch: () => Promise.reject(new Error('offline')),
    emit: () => undefined,
    chooseSavePath: async () => null,
    writeFile: async () => undefined,
    printPdf: async () => new Uint8Array(),
    openExternal: async () => undefined,
    writeClipboard: () => undefined,
    ...overrides,
  }
}

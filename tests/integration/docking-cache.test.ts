import fs from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

import { openCache, REQUEST_LOG_KEEP_MS } from '../../electron/cache/docking-cache'
import { MIGRATIONS } from '../../electron/cache/migrations'
import { ingestRecords } from '../../shared/ll2/ingest'
import { NORMALIZER_VERSION, toStation } from '../../shared/ll2/normalize'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { readSnapshot } from '../../electron/snapshot'
import { jobFor } from '../../shared/sync/sync-job'
import { DAY_MS, utcMillis } from '../../shared/domain/units'
import { record183 } from '../fixtures/generate-dataset'
import { tempDbFile } from './support/harness'

const now = () => utcMillis(Date.parse('2025-06-02T00:00:00Z'))
const batch = (source: 'll2' | 'snapshot', fetchedAt = now()) =>
  ingestRecords([record183()], { source, fetchedAt }, 'record 183')

describe('cache migrations', () => {
  it('builds every migration into an empty file, and opened again keeps what was stored', () => {
    const file = tempDbFile()
    const first = openCache(file, { now })
    expect(first.report.movedAside).toBeNull()
    const stored = batch('ll2')
    first.cache.upsertEvents(stored.events, stored.ports, stored.stations, {
      dataAsOf: utcMillis(42),
    })
    first.cache.setPref('theme', 'dark')
    first.cache.close()

    const again = openCache(file, { now })
    expect(again.report.movedAside).toBeNull()
    expect(again.cache.getEvent(183)?.event).toEqual(stored.events[0]!.event)
    expect(again.cache.state.get('dataAsOf')).toBe(42)
    expect(again.cache.getPref('theme')).toBe('dark')
    expect(again.cache.readData().info.eventCount).toBe(1)
    again.cache.close()

    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    // The sync looks events up by source and the prune by port: both indexed.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all()
    expect(indexes).toEqual(
      expect.arrayContaining([{ name: 'events_source' }, { name: 'events_port' }]),
    )
    db.close()
  })

  it('moves aside a file written by a newer build instead of reading it wrongly', () => {
    const file = tempDbFile()
    const { cache } = openCache(file, { now })
    const stored = batch('ll2')
    cache.upsertEvents(stored.events, stored.ports, stored.stations)
    cache.close()
    const newer = new Database(file)
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    newer.close()

    const reopened = openCache(file, { now })
    expect(reopened.report.movedAside).toMatch(/cache\.sqlite\.corrupt-2025-06-02/)
    expect(reopened.report.reason).toMatch(/newer than this app understands/)
    expect(reopened.cache.readData().info.eventCount).toBe(0)
    reopened.cache.close()
    // The newer build's file is kept whole, data and version, for that build to open.
    const aside = new Database(reopened.report.movedAside!, { readonly: true })
    expect(aside.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1)
    expect(aside.prepare('SELECT id FROM events').all()).toEqual([{ id: 183 }])
    aside.close()
  })

  it('upgrades a version-1 file, keeping its data and filling in the chaser flight id', () => {
    const file = tempDbFile()
    const v1 = new Database(file)
    MIGRATIONS[0]!(v1)
    v1.pragma('user_version = 1')
    const { event } = batch('ll2').events[0]!
    // A model written by version 1 had no chaserFlightId.
    const { chaserFlightId: _dropped, ...oldModel } = event
    v1.prepare(
      `INSERT INTO events (id, station_id, port_id, docking, departure, source, fetched_at, model, raw)
       VALUES (?, ?, ?, ?, ?, 'll2', 0, ?, ?)`,
    ).run(
      183,
      14,
      4,
      event.docking,
      event.departure,
      JSON.stringify(oldModel),
      JSON.stringify(record183()),
    )
    // A minute old: recent enough to outlive the request log's pruning.
    v1.prepare(
      "INSERT INTO request_log (at, url, status, duration_ms, note) VALUES (?, 'u', 200, 5, NULL)",
    ).run(now() - 60_000)
    v1.prepare("INSERT INTO sync_state (key, value) VALUES ('data_as_of', '42')").run()
    v1.close()

    const { cache, report } = openCache(file, { now })
    expect(report.movedAside).toBeNull()
    const stored = cache.getEvent(183)
    expect(stored?.event.chaserFlightId).toBe(330)
    expect(stored?.event.vehicle).toBe('Soyuz 26')
    expect(cache.state.get('dataAsOf')).toBe(42)
    // The old log line counts; new lines can say they did not.
    cache.logRequest({
      at: now(),
      url: 'free',
      status: 200,
      durationMs: 1,
      note: null,
      counted: false,
    })
    expect(cache.countedRequestsSince(utcMillis(0))).toBe(1)
    cache.close()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    db.close()
  })

  it('moves a corrupt file aside, never deleting it, and starts afresh', () => {
    const file = tempDbFile()
    fs.writeFileSync(file, 'SQLite format 3\0' + 'x'.repeat(5000))
    const { cache, report } = openCache(file, { now })
    expect(report.movedAside).toMatch(/cache\.sqlite\.corrupt-2025-06-02/)
    expect(fs.readFileSync(report.movedAside!, 'latin1')).toContain('xxxx')
    expect(cache.readData().info.eventCount).toBe(0)
    cache.close()
  })
})

describe('cache methods for sync', () => {
  it('writes a page and the sync position together or not at all', () => {
    const { cache } = openCache(tempDbFile(), { now })
    const good = batch('ll2')
    const job = jobFor('full', 'https://ll.example', {
      stored: null,
      newestLl2Docking: null,
      cachedExpeditions: [],
      now: now(),
    })
    const page1 = { ...job, requestsDone: 1, next: 'page 2' }
    cache.upsertEvents(good.events, good.ports, good.stations, { job: page1 })
    expect(cache.state.get('job')).toEqual(page1)
    const broken = {
      ...good.events[0]!,
      event: { ...good.events[0]!.event, id: 184, docking: null },
    }
    expect(() =>
      cache.upsertEvents([broken as unknown as (typeof good.events)[number]], [], [], {
        job: { ...page1, requestsDone: 2, next: 'page 3' },
      }),
    ).toThrow()
    expect(cache.state.get('job')).toEqual(page1)
    expect(cache.getEvent(184)).toBeNull()
  })

  it('finds still-docked and newest events, and counts what an upsert added and replaced', () => {
    const { cache } = openCache(tempDbFile(), { now })
    const old = batch('snapshot', utcMillis(1))
    expect(cache.upsertEvents(old.events, old.ports, old.stations)).toEqual({
      added: 1,
      updated: 0,
    })
    expect(cache.newestDocking('snapshot')).toBe(Date.parse('1977-12-11T03:02:41Z'))
    expect(cache.newestDocking('ll2')).toBeNull()
    expect(cache.openEventIds('snapshot')).toEqual([])
    const again = batch('ll2', utcMillis(2))
    expect(cache.upsertEvents(again.events, again.ports, again.stations)).toEqual({
      added: 0,
      updated: 1,
    })
    expect(cache.getEvent(183)?.event.source).toBe('ll2')
    expect(cache.deleteEvents([183, 999])).toBe(1)
    expect(cache.readData().events).toHaveLength(0)
  })
})

describe('events rebuilt from their raw records', () => {
  /** A cache holding record 183 whose stored model an older normaliser wrote. */
  function staleCache(version: number | null) {
    const file = tempDbFile()
    const { cache } = openCache(file, { now })
    const good = batch('ll2')
    cache.upsertEvents(good.events, good.ports, good.stations)
    cache.close()
    const db = new Database(file)
    const { chaserFlightId: _new, ...old } = good.events[0]!.event
    db.prepare('UPDATE events SET model = ?, docking = 0 WHERE id = 183').run(
      JSON.stringify({ ...old, vehicle: 'Docking 183' }),
    )
    if (version === null)
      db.prepare("DELETE FROM sync_state WHERE key = 'normalizer_version'").run()
    else db.prepare("UPDATE sync_state SET value = ? WHERE key = 'normalizer_version'").run(version)
    db.close()
    return file
  }

  it('rebuilds every model and its columns when the normaliser version changed', () => {
    for (const version of [null, NORMALIZER_VERSION - 1]) {
      const { cache, report } = openCache(staleCache(version), { now })
      expect(report.movedAside).toBeNull()
      const stored = cache.getEvent(183)!
      expect(stored.event.chaserFlightId).toBe(330)
      expect(stored.event.vehicle).toBe('Soyuz 26')
      expect(stored.event.fetchedAt).toBe(now())
      // The docking column is rebuilt too: the newest-docking query reads it.
      expect(cache.newestDocking('ll2')).toBe(Date.parse('1977-12-11T03:02:41Z'))
      expect(cache.state.get('normalizerVersion')).toBe(NORMALIZER_VERSION)
      cache.close()
    }
  })

  it('dates station records as it rebuilds them: a capture by its day, a fetch by its time', () => {
    const file = tempDbFile()
    const { cache } = openCache(file, { now })
    const captured = readSnapshot(BUNDLED_SNAPSHOT_PATH, now()).stations.find(
      (s) => s.station.name === 'International Space Station',
    )!
    const fetched = utcMillis(Date.parse('2026-11-30T08:15:00Z'))
    const served = {
      id: 18,
      name: 'Tiangong space station',
      status: { id: 1, name: 'Active' },
      docking_location: [{ id: 30, name: 'Tianhe aft', currently_docked: { id: 639 } }],
    }
    cache.upsertStations([
      captured,
      { ...toStation(served, fetched), raw: JSON.stringify(served), fetchedAt: fetched },
    ])
    cache.close()
    // As an older build left them: models with no listing time.
    const db = new Database(file)
    db.prepare("UPDATE stations SET model = json_remove(model, '$.listedWithin')").run()
    db.prepare("UPDATE sync_state SET value = ? WHERE key = 'normalizer_version'").run(
      NORMALIZER_VERSION - 1,
    )
    db.close()
    const again = openCache(file, { now }).cache
    const listed = new Map(again.readData().stations.map((s) => [s.name, s.listedWithin]))
    const day = Date.parse('2026-07-24T00:00:00Z')
    expect(listed.get('International Space Station')).toEqual({ from: day, to: day + DAY_MS })
    expect(listed.get('Tiangong space station')).toEqual({ from: fetched, to: fetched })
    again.close()
  })

  it('leaves models alone when they are current', () => {
    const { cache } = openCache(staleCache(NORMALIZER_VERSION), { now })
    expect(cache.getEvent(183)!.event.vehicle).toBe('Docking 183')
    cache.close()
  })

  it('keeps the old model of a raw record the schema no longer accepts', () => {
    const file = staleCache(0)
    const db = new Database(file)
    db.prepare('UPDATE events SET raw = \'{"id":183}\' WHERE id = 183').run()
    db.close()
    const { cache } = openCache(file, { now })
    expect(cache.getEvent(183)!.event.vehicle).toBe('Docking 183')
    expect(cache.readData().info.eventCount).toBe(1)
    cache.close()
  })
})

describe('cache file', () => {
  it('is readable by its owner only, with its folder, -wal and -shm', () => {
    const folder = path.join(path.dirname(tempDbFile()), 'new', 'folder')
    const file = path.join(folder, 'cache.sqlite')
    const { cache } = openCache(file, { now })
    const good = batch('ll2')
    cache.upsertEvents(good.events, good.ports, good.stations)
    const mode = (f: string) => fs.statSync(f).mode & 0o777
    expect(mode(folder)).toBe(0o700)
    expect(mode(path.dirname(folder))).toBe(0o700)
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600])
    cache.close()
  })

  it('is made owner-only when an earlier build left it readable by others', () => {
    const file = tempDbFile()
    openCache(file, { now }).cache.close()
    fs.chmodSync(file, 0o644)
    const { cache } = openCache(file, { now })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    cache.close()
  })

  it('prunes request-log lines older than 30 days when opened', () => {
    const file = tempDbFile()
    const { cache } = openCache(file, { now })
    const line = (ageMs: number) =>
      cache.logRequest({
        at: utcMillis(now() - ageMs),
        url: `age ${ageMs}`,
        status: 200,
        durationMs: 1,
        note: null,
      })
    line(REQUEST_LOG_KEEP_MS + 60_000)
    line(REQUEST_LOG_KEEP_MS - 60_000)
    line(0)
    cache.close()
    expect(REQUEST_LOG_KEEP_MS).toBe(30 * 86_400_000)

    openCache(file, { now }).cache.close()
    const db = new Database(file, { readonly: true })
    const urls = db.prepare('SELECT url FROM request_log ORDER BY at').all()
    db.close()
    expect(urls).toEqual([{ url: `age ${REQUEST_LOG_KEEP_MS - 60_000}` }, { url: 'age 0' }])
  })
})

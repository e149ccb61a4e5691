import fs from 'node:fs'

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

import { openCache } from '../../electron/cache/docking-cache'
import { MIGRATIONS } from '../../electron/cache/migrations'
import { ingestRecords } from '../../shared/ll2/ingest'
import { utcMillis } from '../../shared/units'
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
    first.cache.upsertEvents(stored.events, stored.ports, stored.stations, { data_as_of: '42' })
    first.cache.setPref('theme', 'dark')
    first.cache.close()

    const again = openCache(file, { now })
    expect(again.report.movedAside).toBeNull()
    expect(again.cache.getEvent(183)?.event).toEqual(stored.events[0]!.event)
    expect(again.cache.getState('data_as_of')).toBe('42')
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
    v1.prepare(
      "INSERT INTO request_log (at, url, status, duration_ms, note) VALUES (1, 'u', 200, 5, NULL)",
    ).run()
    v1.prepare("INSERT INTO sync_state (key, value) VALUES ('data_as_of', '42')").run()
    v1.close()

    const { cache, report } = openCache(file, { now })
    expect(report.movedAside).toBeNull()
    const stored = cache.getEvent(183)
    expect(stored?.event.chaserFlightId).toBe(330)
    expect(stored?.event.vehicle).toBe('Soyuz 26')
    expect(cache.getState('data_as_of')).toBe('42')
    // The old log line counts; new lines can say they did not.
    cache.logRequest({
      at: utcMillis(2),
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
    cache.upsertEvents(good.events, good.ports, good.stations, { sync_job: 'page 1' })
    expect(cache.getState('sync_job')).toBe('page 1')
    const broken = {
      ...good.events[0]!,
      event: { ...good.events[0]!.event, id: 184, docking: null },
    }
    expect(() =>
      cache.upsertEvents([broken as unknown as (typeof good.events)[number]], [], [], {
        sync_job: 'page 2',
      }),
    ).toThrow()
    expect(cache.getState('sync_job')).toBe('page 1')
    expect(cache.getEvent(184)).toBeNull()
  })

  it('finds still-docked and newest events, deletes stale ones and prunes orphan stations', () => {
    const { cache } = openCache(tempDbFile(), { now })
    const old = batch('snapshot', utcMillis(1))
    cache.upsertEvents(old.events, old.ports, old.stations)
    expect(cache.newestDocking('snapshot')).toBe(Date.parse('1977-12-11T03:02:41Z'))
    expect(cache.newestDocking('ll2')).toBeNull()
    expect(cache.openEventIds('snapshot')).toEqual([])
    expect(cache.deleteStaleEvents('snapshot', utcMillis(1))).toBe(0)
    expect(cache.deleteStaleEvents('snapshot', utcMillis(2))).toBe(1)
    expect(cache.readData().stations).toHaveLength(1)
    cache.pruneOrphans()
    expect(cache.readData().stations).toHaveLength(0)
    expect(cache.readData().ports).toHaveLength(0)
  })
})

import fs from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'

import type {
  DockingCache,
  RequestLogEntry,
  StoredEvent,
  StoredStation,
} from '../../shared/cache/docking-cache'
import type {
  DataInfo,
  DataSource,
  DockingData,
  DockingEvent,
  EventOrigin,
  Port,
  Station,
} from '../../shared/domain/model'
import {
  syncStateStore,
  type SyncStateChanges,
  type SyncStateStore,
} from '../../shared/sync/sync-state'
import { sourceCountParts } from '../../shared/domain/source-counts'
import { DAY_MS, portId, stationId, utcMillis, type UtcMillis } from '../../shared/domain/units'
import { dataCredit } from '../../shared/domain/data-credit'
import { stationNamed } from '../../shared/ll2/placement'
import { LL2_CREDIT } from '../../shared/ll2/snapshot-file'
import { expeditionStore } from './expedition-store'
import { migrate } from './migrations'
import { rebuildModelsIfStale } from './rebuild-models'

/** What happened when the cache file was opened. */
export interface CacheOpenReport {
  /** Set when the file was unreadable and moved aside; the path it was moved to. */
  readonly movedAside: string | null
  /** Why the file was moved aside, in plain words. */
  readonly reason: string | null
}

/** Dependencies of the cache: a clock (for moved-aside file names and pruning the request log). */
export interface CacheDeps {
  readonly now: () => UtcMillis
}

function stamp(t: UtcMillis): string {
  return new Date(t).toISOString().replace(/[:.]/g, '-')
}

/**
 * How long the request log keeps a line: rate limits look back an hour, the
 * log is for finding out what happened to a recent sync.
 */
export const REQUEST_LOG_KEEP_MS = 30 * DAY_MS

/** Sync state over the `sync_state` table. */
function stateOf(db: Database.Database): SyncStateStore {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?')
  const set = db.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value',
  )
  const clear = db.prepare('DELETE FROM sync_state WHERE key = ?')
  return syncStateStore({
    read: (key) => get.get(key)?.value ?? null,
    write: (key, value) => (value === null ? clear.run(key) : set.run(key, value)),
  })
}

/**
 * Makes the cache file (and SQLite's -wal and -shm beside it) readable by its
 * owner only: it holds the API key and what the user looked at.
 *
 * The file is created here, before SQLite opens it, because SQLite gives its
 * -wal and -shm files the main file's mode.
 */
function ownerOnly(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600))
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o600)
  }
}

function openChecked(file: string, now: UtcMillis): Database.Database {
  if (file !== ':memory:') ownerOnly(file)
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`)
    migrate(db)
    rebuildModelsIfStale(db, stateOf(db))
    db.prepare('DELETE FROM request_log WHERE at < ?').run(now - REQUEST_LOG_KEEP_MS)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/**
 * Opens (creating if needed) the cache at `file`.
 *
 * A file that fails to open, fails the integrity check or has a schema newer
 * than this build is renamed to `<file>.corrupt-<time>` (never deleted: it is
 * the user's) and a fresh cache takes its place; the report says so.
 */
export function openCache(
  file: string,
  deps: CacheDeps,
): { cache: DockingCache; report: CacheOpenReport } {
  // Folders made here are the owner's only; an existing folder is left as the user has it.
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  try {
    return {
      cache: wrap(openChecked(file, deps.now())),
      report: { movedAside: null, reason: null },
    }
  } catch (e) {
    if (file === ':memory:') throw e
    const reason = e instanceof Error ? e.message : String(e)
    const aside = `${file}.corrupt-${stamp(deps.now())}`
    fs.renameSync(file, aside)
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix)
    }
    return { cache: wrap(openChecked(file, deps.now())), report: { movedAside: aside, reason } }
  }
}

function describeSources(
  sources: Partial<Record<DataSource, number>>,
  snapshotNote: string | null,
  hasLl2Records: boolean,
): string {
  const parts = sourceCountParts(sources).map((p) =>
    p.source === 'snapshot' && snapshotNote ? `${p.text}: ${snapshotNote}` : p.text,
  )
  if (parts.length === 0) return 'no data'
  const text = parts.join('; ')
  // LL2's records are credited wherever they are shown or exported, whoever captured them.
  return hasLl2Records && !text.includes(LL2_CREDIT) ? `${text}. Data: ${LL2_CREDIT}` : text
}

function wrap(db: Database.Database): DockingCache {
  const eventExists = db.prepare<[number], { one: number }>(
    'SELECT 1 AS one FROM events WHERE id = ?',
  )
  const upsertEvent = db.prepare(
    `INSERT INTO events (id, station_id, port_id, docking, departure, source, fetched_at, model, raw)
     VALUES (@id, @stationId, @portId, @docking, @departure, @source, @fetchedAt, @model, @raw)
     ON CONFLICT(id) DO UPDATE SET station_id=excluded.station_id, port_id=excluded.port_id,
       docking=excluded.docking, departure=excluded.departure, source=excluded.source,
       fetched_at=excluded.fetched_at, model=excluded.model, raw=excluded.raw`,
  )
  const upsertPort = db.prepare(
    `INSERT INTO ports (id, name, station_id) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name=excluded.name, station_id=excluded.station_id`,
  )
  // Stations named only by an event must not erase what a station record told us.
  const upsertStationFromEvent = db.prepare(
    `INSERT INTO stations (id, name, status, deorbited, raw, fetched_at, model)
     VALUES (?, ?, NULL, NULL, NULL, 0, NULL)
     ON CONFLICT(id) DO UPDATE SET name=excluded.name`,
  )
  const upsertStation = db.prepare(
    `INSERT INTO stations (id, name, status, deorbited, raw, fetched_at, model) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name=excluded.name, status=excluded.status,
       deorbited=excluded.deorbited, raw=excluded.raw, fetched_at=excluded.fetched_at,
       model=excluded.model`,
  )
  const state = stateOf(db)
  const getPref = db.prepare<[string], { value: string }>('SELECT value FROM prefs WHERE key = ?')
  const setPref = db.prepare(
    'INSERT INTO prefs (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value',
  )

  const writeEvents = db.transaction(
    (
      events: ReadonlyArray<StoredEvent>,
      ports: ReadonlyArray<Port>,
      stations: ReadonlyArray<Station>,
      changes: SyncStateChanges | undefined,
    ) => {
      state.update(changes ?? {})
      for (const s of stations) upsertStationFromEvent.run(s.id, s.name)
      for (const p of ports) upsertPort.run(p.id, p.name, p.stationId)
      let added = 0
      for (const { event, raw } of events) {
        if (!eventExists.get(event.id)) added++
        upsertEvent.run({
          id: event.id,
          stationId: event.stationId,
          portId: event.portId,
          docking: event.docking,
          departure: event.departure,
          source: event.source,
          fetchedAt: event.fetchedAt,
          model: JSON.stringify(event),
          raw,
        })
      }
      return { added, updated: events.length - added }
    },
  )
  const writeStations = db.transaction((stations: ReadonlyArray<StoredStation>) => {
    for (const { station, ports, raw, fetchedAt } of stations) {
      upsertStation.run(
        station.id,
        station.name,
        station.status,
        station.deorbited,
        raw,
        fetchedAt,
        JSON.stringify(station),
      )
      for (const p of ports) upsertPort.run(p.id, p.name, p.stationId)
    }
  })

  const logRequest = db.prepare(
    'INSERT INTO request_log (at, url, status, duration_ms, note, counted) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const deleteEvent = db.prepare('DELETE FROM events WHERE id = ?')
  const deleteEvents = db.transaction((ids: ReadonlyArray<number>) =>
    ids.reduce((n, id) => n + deleteEvent.run(id).changes, 0),
  )
  return {
    upsertEvents: (events, ports, stations, state) => writeEvents(events, ports, stations, state),
    upsertStations: (stations) => writeStations(stations),
    deleteEvents: (ids) => deleteEvents(ids),
    newestDocking(source) {
      const row = db
        .prepare<[string], { newest: number | null }>(
          'SELECT MAX(docking) AS newest FROM events WHERE source = ?',
        )
        .get(source)
      return row?.newest == null ? null : utcMillis(row.newest)
    },
    openEventIds: (source) =>
      db
        .prepare<[string], { id: number }>(
          'SELECT id FROM events WHERE source = ? AND departure IS NULL ORDER BY id',
        )
        .all(source)
        .map((r) => r.id),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    readData(): DockingData {
      const stations = db
        .prepare<[], { id: number; name: string; model: string | null }>(
          'SELECT id, name, model FROM stations ORDER BY id',
        )
        .all()
        .map((r): Station =>
          // Stations named only by events have no record, so no model.
          r.model
            ? { ...(JSON.parse(r.model) as Station), name: r.name }
            : stationNamed(r.id, r.name),
        )
      const ports = db
        .prepare<[], { id: number; name: string; station_id: number }>(
          'SELECT id, name, station_id FROM ports ORDER BY id',
        )
        .all()
        .map((r): Port => ({ id: portId(r.id), name: r.name, stationId: stationId(r.station_id) }))
      const events = db
        .prepare<[], { model: string }>('SELECT model FROM events ORDER BY docking, id')
        .all()
        .map((r) => JSON.parse(r.model) as DockingEvent)
      const sources: Partial<Record<DataSource, number>> = {}
      for (const e of events) sources[e.source] = (sources[e.source] ?? 0) + 1
      const asOf = state.get('dataAsOf')
      const info: DataInfo = {
        eventCount: events.length,
        stationCount: stations.length,
        portCount: ports.length,
        sources,
        provenance: describeSources(
          sources,
          state.get('snapshotSource'),
          // Models written before events had an origin say nothing of it.
          events.some((e) => (e.origin as EventOrigin | undefined)?.apiVersion != null),
        ),
        credit: dataCredit({
          sources,
          snapshotNote: state.get('snapshotSource'),
          ll2Server: state.get('lastSource'),
        }),
        ll2Server: state.get('lastSource'),
        dataAsOf: asOf,
      }
      return { stations, ports, events, info }
    },
    getEvent(id) {
      const row = db
        .prepare<[number], { model: string; raw: string }>(
          'SELECT model, raw FROM events WHERE id = ?',
        )
        .get(id)
      return row ? { event: JSON.parse(row.model) as DockingEvent, raw: row.raw } : null
    },
    getDetail(id) {
      const row = db
        .prepare<[number], { raw: string; fetched_at: number }>(
          'SELECT raw, fetched_at FROM event_details WHERE id = ?',
        )
        .get(id)
      return row ? { raw: row.raw, fetchedAt: utcMillis(row.fetched_at) } : null
    },
    putDetail(id, raw, fetchedAt) {
      db.prepare(
        `INSERT INTO event_details (id, raw, fetched_at) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET raw=excluded.raw, fetched_at=excluded.fetched_at`,
      ).run(id, raw, fetchedAt)
    },
    state,
    getPref(key) {
      const row = getPref.get(key)
      return row ? (JSON.parse(row.value) as unknown) : undefined
    },
    setPref(key, value) {
      setPref.run(key, JSON.stringify(value))
    },
    logRequest(entry: RequestLogEntry) {
      logRequest.run(
        entry.at,
        entry.url,
        entry.status,
        Math.round(entry.durationMs),
        entry.note,
        entry.counted === false ? 0 : 1,
      )
    },
    countedRequestsSince(since) {
      const row = db
        .prepare<[number], { n: number }>(
          'SELECT COUNT(*) AS n FROM request_log WHERE counted = 1 AND at >= ?',
        )
        .get(since)
      return row?.n ?? 0
    },
    ...expeditionStore(db, state),
    close: () => db.close(),
  }
}

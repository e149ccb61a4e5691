import type Database from 'better-sqlite3'

import { NORMALIZER_VERSION, normalizeRecord, toStation } from '../../shared/ll2/normalize'
import { ll2DockingEventSchema, ll2SpaceStationSchema } from '../../shared/ll2/schema'
import { stationDirectory } from '../../shared/ll2/station-directory'
import { stationNamed } from '../../shared/ll2/placement'
import type { DataSource, Port, Station } from '../../shared/domain/model'
import type { SyncStateStore } from '../../shared/sync/sync-state'
import { portId, stationId, utcMillis } from '../../shared/domain/units'

const SOURCES: ReadonlySet<string> = new Set<DataSource>(['ll2', 'snapshot', 'import'])

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Rebuilds station models from their raw records; returns the directory events are placed in. */
function rebuildStations(db: Database.Database) {
  const update = db.prepare('UPDATE stations SET model = ? WHERE id = ?')
  const stations = db
    .prepare<[], { id: number; name: string; raw: string | null; fetched_at: number }>(
      'SELECT id, name, raw, fetched_at FROM stations ORDER BY id',
    )
    .all()
    .map((row): Station => {
      const parsed = row.raw ? ll2SpaceStationSchema.safeParse(parseJson(row.raw)) : null
      if (!parsed?.success) return stationNamed(row.id, row.name)
      const { station } = toStation(parsed.data, utcMillis(row.fetched_at))
      update.run(JSON.stringify(station), row.id)
      return station
    })
  const ports = db
    .prepare<[], { id: number; name: string; station_id: number }>(
      'SELECT id, name, station_id FROM ports ORDER BY id',
    )
    .all()
    .map((r): Port => ({ id: portId(r.id), name: r.name, stationId: stationId(r.station_id) }))
  return stationDirectory(stations, ports)
}

/**
 * Rebuilds every station's and event's model (and the columns derived from
 * them) from its raw record when the cache was built by another normaliser
 * version.
 *
 * One transaction: a reader sees all old models or all new ones. Events are
 * placed against the stations and ports the cache holds, as an import is. A
 * raw record the normaliser now rejects or cannot place keeps its old model
 * rather than being dropped: it is still the user's data. Returns how many
 * events were rebuilt, or null when the cache was already current.
 */
export function rebuildModelsIfStale(db: Database.Database, state: SyncStateStore): number | null {
  if (state.get('normalizerVersion') === NORMALIZER_VERSION) return null
  const rows = db
    .prepare<[], { id: number; source: string; fetched_at: number; raw: string }>(
      'SELECT id, source, fetched_at, raw FROM events',
    )
    .all()
  const update = db.prepare(
    `UPDATE events SET station_id = @stationId, port_id = @portId, docking = @docking,
       departure = @departure, model = @model WHERE id = @id`,
  )
  return db.transaction(() => {
    const directory = rebuildStations(db)
    let rebuilt = 0
    for (const row of rows) {
      if (!SOURCES.has(row.source)) continue
      const parsed = ll2DockingEventSchema.safeParse(parseJson(row.raw))
      if (!parsed.success) continue
      const result = normalizeRecord(parsed.data, directory, {
        source: row.source as DataSource,
        fetchedAt: utcMillis(row.fetched_at),
      })
      if (!result.ok) continue
      const { event } = result
      update.run({
        id: row.id,
        stationId: event.stationId,
        portId: event.portId,
        docking: event.docking,
        departure: event.departure,
        model: JSON.stringify(event),
      })
      rebuilt++
    }
    state.set('normalizerVersion', NORMALIZER_VERSION)
    return rebuilt
  })()
}

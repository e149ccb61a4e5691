import type Database from 'better-sqlite3'

import { NORMALIZER_VERSION, toDockingEvent } from '../../shared/ll2/normalize'
import { ll2DockingEventSchema } from '../../shared/ll2/schema'
import type { DataSource } from '../../shared/domain/model'
import type { SyncStateStore } from '../../shared/sync/sync-state'
import { utcMillis } from '../../shared/domain/units'

const SOURCES: ReadonlySet<string> = new Set<DataSource>(['ll2', 'snapshot', 'import'])

/**
 * Rebuilds every event's model (and the columns derived from it) from its raw
 * record when the cache was built by another normaliser version.
 *
 * One transaction: a reader sees all old models or all new ones. A raw record
 * the schema now rejects keeps its old model rather than being dropped: it is
 * still the user's data, and the next sync replaces it. Returns how many
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
    let rebuilt = 0
    for (const row of rows) {
      if (!SOURCES.has(row.source)) continue
      let raw: unknown
      try {
        raw = JSON.parse(row.raw)
      } catch {
        continue
      }
      const parsed = ll2DockingEventSchema.safeParse(raw)
      if (!parsed.success) continue
      const event = toDockingEvent(parsed.data, {
        source: row.source as DataSource,
        fetchedAt: utcMillis(row.fetched_at),
      })
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

/**
 * The `expeditions` table: LL2 expedition records as fetched or bundled.
 *
 * Only the raw record is the truth; the domain value is made from it on read
 * by the one normaliser (`shared/ll2/expeditions.ts`), so a normaliser change
 * needs no rebuild step (there are a few hundred rows at most).
 */
import type Database from 'better-sqlite3'

import type { Expedition } from '../../shared/domain/expedition'
import type { StoredExpedition } from '../../shared/ll2/expeditions'
import { ll2ExpeditionSchema, toExpedition } from '../../shared/ll2/expeditions'
import type { SyncStateChanges, SyncStateStore } from '../../shared/sync/sync-state'
import type { UtcMillis } from '../../shared/domain/units'

/** The expedition half of the cache. */
export interface ExpeditionStore {
  /** Stores expeditions (replacing stored ids) and `state`, in one transaction; returns how many. */
  upsertExpeditions(
    expeditions: ReadonlyArray<StoredExpedition>,
    fetchedAt: UtcMillis,
    state?: SyncStateChanges,
  ): number
  /** Every stored expedition, by start then id. */
  readExpeditions(): ReadonlyArray<Expedition>
}

/** The expedition store over an open, migrated database. */
export function expeditionStore(db: Database.Database, state: SyncStateStore): ExpeditionStore {
  const upsert = db.prepare(
    `INSERT INTO expeditions (id, station_id, start, "end", raw, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET station_id=excluded.station_id, start=excluded.start,
       "end"=excluded."end", raw=excluded.raw, fetched_at=excluded.fetched_at`,
  )
  const write = db.transaction(
    (list: ReadonlyArray<StoredExpedition>, fetchedAt: UtcMillis, changes?: SyncStateChanges) => {
      state.update(changes ?? {})
      for (const { expedition: x, raw } of list) {
        upsert.run(x.id, x.stationId, x.start, x.end, raw, fetchedAt)
      }
      return list.length
    },
  )
  const read = db.prepare<[], { raw: string }>('SELECT raw FROM expeditions ORDER BY start, id')
  return {
    upsertExpeditions: (list, fetchedAt, changes) => write(list, fetchedAt, changes),
    readExpeditions: () =>
      read.all().flatMap((r) => {
        // Rows were validated on the way in; one that no longer parses (a
        // schema tightened since) is left out rather than failing the read.
        const parsed = ll2ExpeditionSchema.safeParse(JSON.parse(r.raw))
        return parsed.success ? [toExpedition(parsed.data)] : []
      }),
  }
}

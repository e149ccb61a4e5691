import fs from 'node:fs'

import type { DockingCache } from '../shared/cache/docking-cache'
import { readSnapshotBody, type SnapshotContent } from '../shared/ll2/snapshot-file'
import type { UtcMillis } from '../shared/domain/units'

/** Reads and places a bundled snapshot file (`shared/ll2/snapshot-file.ts`). */
export function readSnapshot(file: string, now: UtcMillis): SnapshotContent {
  const body: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
  return readSnapshotBody(body, file, now)
}

/**
 * Loads the snapshot into a cache that has never had it.
 *
 * Runs once per cache file: a sync updates the snapshot's records in place
 * (LL2 ids are stable), and a user's later data must not be overwritten by
 * the bundled records on the next start.
 */
export function loadSnapshotIfNew(cache: DockingCache, file: string, now: UtcMillis): number {
  if (cache.state.get('snapshotLoaded') !== null) return 0
  const { stations, batch, source } = readSnapshot(file, now)
  cache.transaction(() => {
    cache.upsertStations(stations)
    cache.upsertEvents(batch.events, batch.ports, batch.stations, {
      snapshotSource: source,
      snapshotLoaded: now,
    })
  })
  return batch.events.length
}

import fs from 'node:fs'

import type { DockingCache } from '../shared/cache/docking-cache'
import { ingestRecords, recordsOf } from '../shared/ll2/ingest'
import type { UtcMillis } from '../shared/domain/units'
import { expeditionsBeside, loadExpeditionsIfNew } from './expeditions-bundle'

/**
 * Reads a bundled snapshot file: an LL2 page whose optional top-level `source`
 * names where its records came from (the Salyut file is not LL2 data).
 */
export function readSnapshot(file: string, now: UtcMillis) {
  const body: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
  const source =
    body && typeof body === 'object' && typeof (body as { source?: unknown }).source === 'string'
      ? (body as { source: string }).source
      : null
  const batch = ingestRecords(recordsOf(body, file), { source: 'snapshot', fetchedAt: now }, file)
  return { batch, source }
}

/**
 * Loads the snapshot into a cache that has never had it.
 *
 * Runs once per cache file: after a user syncs from LL2 (which replaces the
 * snapshot) the snapshot must not creep back in on the next start.
 */
export function loadSnapshotIfNew(cache: DockingCache, file: string, now: UtcMillis): number {
  // Apart from the snapshot's own once-only mark, so caches made before
  // expeditions existed get them too.
  loadExpeditionsIfNew(cache, expeditionsBeside(file), now)
  if (cache.state.get('snapshotLoaded') !== null) return 0
  const { batch, source } = readSnapshot(file, now)
  cache.upsertEvents(batch.events, batch.ports, batch.stations, {
    snapshotSource: source,
    snapshotLoaded: now,
  })
  return batch.events.length
}

import fs from 'node:fs'
import path from 'node:path'

import type { DockingCache } from '../shared/cache/docking-cache'
import { ingestExpeditions } from '../shared/ll2/expeditions'
import { recordsOf } from '../shared/ll2/ingest'
import type { UtcMillis } from '../shared/domain/units'

/**
 * The bundled LL2 expedition list (2.1.0, all 137 to 2020-10), beside the
 * bundled snapshot file; LL2's own errors in it are flagged by
 * `shared/quality/expedition-checks.ts`, not corrected here.
 */
export function expeditionsBeside(snapshotFile: string): string {
  return path.join(path.dirname(snapshotFile), 'sources', 'll2-expeditions.2.1.0.colbad2.json')
}

/**
 * Loads the bundled expeditions into a cache that has none, once per cache
 * file (as the snapshot is); returns how many were stored. A sync's fresher
 * records replace them by id later.
 */
export function loadExpeditionsIfNew(cache: DockingCache, file: string, now: UtcMillis): number {
  if (cache.state.get('expeditionsLoaded') !== null || !fs.existsSync(file)) return 0
  const body: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
  const result = ingestExpeditions(recordsOf(body, file))
  if (!result.ok) throw new Error(`${file}: ${result.error}`)
  return cache.upsertExpeditions(result.value, now, { expeditionsLoaded: now })
}

/**
 * Imports a file of LL2 docking events into the cache: the one import path
 * of the app's "Import…" and `cli import`.
 *
 * The text is checked and every record validated before anything is
 * written; the writes go in one transaction. So a bad file (not JSON, not
 * docking events, too large, empty, one malformed record) changes nothing.
 */
import type { DockingCache } from '../../shared/cache/docking-cache'
import { ingestRecords } from '../../shared/ll2/ingest'
import { importRecordsOf } from '../../shared/ll2/import-input'
import { importReport, planImport, type ImportReport } from '../../shared/ll2/import-report'
import type { UtcMillis } from '../../shared/domain/units'
import { stationDirectoryFor } from '../snapshot'

/** What an import needs. */
export interface ImportDeps {
  readonly cache: DockingCache
  /**
   * The bundled snapshot, whose LL2 2.3.0 station records place 2.1.0 and
   * 2.2.0 records (which name stations and ports only in words); null: only
   * the stations the cache holds.
   */
  readonly snapshotFile: string | null
  readonly now: () => UtcMillis
}

/** One file's name and text. */
export interface ImportInput {
  readonly fileName: string
  readonly text: string
}

/**
 * Imports `input` and says what it did; throws Ll2FormatError (naming the
 * file) for input that is not docking events, having stored nothing.
 */
export function importDockingEvents(deps: ImportDeps, input: ImportInput): ImportReport {
  return importRecords(deps, input.fileName, importRecordsOf(input.text, input.fileName))
}

/**
 * Imports records already read from a file's text (`importRecordsOf`), for a
 * caller that checks the file before it opens the cache.
 */
export function importRecords(
  deps: ImportDeps,
  fileName: string,
  records: ReadonlyArray<unknown>,
): ImportReport {
  const { cache } = deps
  const now = deps.now()
  const directory = stationDirectoryFor(cache, deps.snapshotFile, now)
  const batch = ingestRecords(records, { source: 'import', fetchedAt: now }, fileName, directory)
  const plan = cache.transaction(() => {
    const planned = planImport(batch.events, (id) => cache.getEvent(id)?.raw ?? null)
    cache.upsertEvents(planned.writes, batch.ports, batch.stations)
    return planned
  })
  return importReport(fileName, records.length, batch, plan)
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Writes LL2 records as one `docking_events` page to a temp file, for `launch({ snapshot })`. */
export function snapshotFile(records: ReadonlyArray<unknown>): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-snap-')), 'snap.json')
  fs.writeFileSync(
    file,
    JSON.stringify({ count: records.length, next: null, previous: null, results: records }),
  )
  return file
}

/**
 * The compiled Salyut 6 and 7 record (64 dockings, not LL2) as a snapshot:
 * the fixture specs of chart mechanics (filters, folding, labels, export)
 * open on, so their expected counts and names stay those of a small, known
 * set. The bundled LL2 snapshot is checked by the skeleton spec.
 */
export const SALYUT_FIXTURE = path.resolve('tests/fixtures/ll2/salyut-6-7-docking-events.json')

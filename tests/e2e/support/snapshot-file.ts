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

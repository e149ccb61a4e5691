/**
 * Reads reference files (NASA RP-1357 compilations shipped in
 * `assets/reference/`) from disk. They are read, never stored in the cache:
 * a sync cannot touch them and the chart never draws them as LL2 bars.
 */
import fs from 'node:fs'
import path from 'node:path'

import { parseReferenceFile } from '../../shared/reference/reference-file'
import type { ReferenceSet, ReferenceStay } from '../../shared/reference/reference-stay'

/** What could be read, and a sentence for each file that could not. */
export interface ReferenceLoad {
  readonly sets: ReadonlyArray<ReferenceSet>
  readonly stays: ReadonlyArray<ReferenceStay>
  readonly problems: ReadonlyArray<string>
}

/** Reference files larger than this are not reference compilations. */
const MAX_REFERENCE_BYTES = 20_000_000

/** The set id of a file: its name without `.json`. */
export const referenceSetId = (file: string): string => path.basename(file).replace(/\.json$/i, '')

/** Reads and checks one reference file; throws with the file named. */
export function readReferenceFile(file: string) {
  const size = fs.statSync(file).size
  if (size > MAX_REFERENCE_BYTES) throw new Error(`${file} is ${size} bytes, too large`)
  return parseReferenceFile(JSON.parse(fs.readFileSync(file, 'utf8')), referenceSetId(file))
}

/**
 * Reads every file given. A missing or bad file is reported and skipped:
 * the others still serve, and the app never stops for a reference.
 */
export function loadReferenceFiles(files: ReadonlyArray<string>): ReferenceLoad {
  const sets: ReferenceSet[] = []
  const stays: ReferenceStay[] = []
  const problems: string[] = []
  for (const file of files) {
    try {
      const read = readReferenceFile(file)
      sets.push(read.set)
      stays.push(...read.stays)
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      problems.push(`The reference file ${path.basename(file)} could not be read (${reason}).`)
    }
  }
  return { sets, stays, problems }
}

/** The `.json` files of a folder, in name order; none when the folder is absent. */
export function referenceFilesIn(dir: string): ReadonlyArray<string> {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name))
}

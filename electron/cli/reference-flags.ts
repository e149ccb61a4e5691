/**
 * The `--reference FILE` flag that `compare` and `quality` share: the
 * reference compilations to read beside the cached LL2 records.
 */
import type { ParseArgsConfig } from 'node:util'

import type { ReferenceStay } from '../../shared/reference/reference-stay'
import { readReferenceFile } from '../reference/reference-files'
import { CliFailure } from './cli-errors'
import { strs, type Flags } from './flags'

/** The flag's parseArgs option. */
export const REFERENCE_OPTION = {
  reference: { type: 'string', multiple: true },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** The reference files the flag names, in order given. */
export const referenceFiles = (flags: Flags): ReadonlyArray<string> => strs(flags, 'reference')

/** Every stay in the files; a file that cannot be read fails the command, naming it. */
export function readReferenceStays(files: ReadonlyArray<string>): ReferenceStay[] {
  return files.flatMap((file) => {
    try {
      return [...readReferenceFile(file).stays]
    } catch (e) {
      throw new CliFailure(
        `cannot read the reference ${file}: ${e instanceof Error ? e.message : String(e)}`,
      )
    }
  })
}

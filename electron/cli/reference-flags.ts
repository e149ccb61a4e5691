/**
 * The `--reference FILE` and `--no-reference` flags that `compare` and
 * `quality` share: the reference compilations to read beside the cached LL2
 * records. Without either, the ones bundled with the app, which its panels
 * read.
 */
import type { ParseArgsConfig } from 'node:util'

import { BUNDLED_REFERENCE_PATH } from '../../shared/reference/reference-file'
import type { ReferenceStay } from '../../shared/reference/reference-stay'
import { readReferenceFile, referenceFilesIn } from '../reference/reference-files'
import { bundledPath } from './cli-context'
import { CliFailure, UsageError } from './cli-errors'
import { bool, strs, type Flags } from './flags'

/** The reference files bundled with the app, as the app reads them. */
export const BUNDLED_REFERENCE_DIR = bundledPath(BUNDLED_REFERENCE_PATH)

/** The flags' parseArgs options. */
export const REFERENCE_OPTION = {
  reference: { type: 'string', multiple: true },
  'no-reference': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** The `--reference` flag's lines of a command's usage. */
export const REFERENCE_USAGE = `  --reference FILE  a reference file instead of the bundled ones (repeatable), e.g.
                    assets/reference/mir-docking-events.json`

/** The `--no-reference` flag's line, for a command that can do without one. */
export const NO_REFERENCE_USAGE = `  --no-reference    read no reference`

/**
 * The reference files to read: those the flags name, in order given; none
 * with `--no-reference`; else the bundled ones (none where they are absent).
 */
export function referenceFiles(
  flags: Flags,
  bundledDir = BUNDLED_REFERENCE_DIR,
): ReadonlyArray<string> {
  const named = strs(flags, 'reference')
  if (bool(flags, 'no-reference')) {
    if (named.length > 0) throw new UsageError('--reference and --no-reference: choose one')
    return []
  }
  return named.length > 0 ? named : referenceFilesIn(bundledDir)
}

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

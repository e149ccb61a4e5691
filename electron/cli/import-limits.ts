/**
 * Reads a file given to `cli import`, refusing one too large to hold twice
 * in memory before reading it. What the text must be is checked by the
 * import itself (`shared/ll2/import-input.ts`), as for the app's imports.
 */
import fs from 'node:fs'

import { importSizeProblem } from '../../shared/ll2/import-input'
import { CliFailure } from './cli-errors'

/** Reads `file` as UTF-8 if it is a file no larger than an import reads. */
export function readImportFile(file: string): string {
  let size: number
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) throw new CliFailure(`cannot read ${file}: not a file`)
    size = stat.size
  } catch (e) {
    if (e instanceof CliFailure) throw e
    throw new CliFailure(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
  const tooLarge = importSizeProblem(size)
  if (tooLarge !== null) throw new CliFailure(`${file}: ${tooLarge}; nothing was imported`)
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    throw new CliFailure(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
}

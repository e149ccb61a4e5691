/**
 * Limits on a file given to `cli import`, checked before it is parsed: a
 * file too large to hold twice in memory, or JSON nested so deep that
 * validating it would exhaust the stack, is refused with a clear error.
 */
import fs from 'node:fs'

import { formatBytes } from '../ll2/http-request'
import { CliFailure } from './cli-errors'

/** Largest file `cli import` reads; the whole of LL2's docking events is about 10 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Deepest JSON nesting `cli import` accepts; an LL2 detailed record is about 8 deep. */
export const MAX_JSON_DEPTH = 64

/** Reads `file` as UTF-8 if it is a file no larger than `maxBytes`. */
export function readImportFile(file: string, maxBytes = MAX_IMPORT_BYTES): string {
  let size: number
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) throw new CliFailure(`cannot read ${file}: not a file`)
    size = stat.size
  } catch (e) {
    if (e instanceof CliFailure) throw e
    throw new CliFailure(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
  if (size > maxBytes) {
    throw new CliFailure(
      `${file} is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} import reads; nothing was imported`,
    )
  }
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    throw new CliFailure(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
}

/**
 * The deepest nesting of arrays and objects in JSON text, counted in one
 * pass without recursion (brackets inside strings do not count).
 */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

/** Refuses JSON nested deeper than `maxDepth`. */
export function checkJsonDepth(text: string, file: string, maxDepth = MAX_JSON_DEPTH): void {
  const depth = jsonDepth(text)
  if (depth > maxDepth) {
    throw new CliFailure(
      `${file} nests JSON ${depth} levels deep, more than the ${maxDepth} import accepts; nothing was imported`,
    )
  }
}

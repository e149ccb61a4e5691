/**
 * What an import accepts: the text of a file of LL2 docking events, checked
 * before anything is stored.
 *
 * The CLI (`cli import FILE`) and the app (a file the user picks) both read
 * a file's text and hand it here, so both refuse the same files with the
 * same words.
 */
import { formatBytes } from '../format/byte-size'
import { Ll2FormatError, recordsOf } from './ingest'

/** Largest file an import reads; the whole of LL2's docking events is about 10 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Deepest JSON nesting an import accepts; an LL2 detailed record is about 8 deep. */
export const MAX_JSON_DEPTH = 64

/** Why a file of `bytes` is too large to import, or null when it is not. */
export function importSizeProblem(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_IMPORT_BYTES)} import reads`
    : null
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

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new Ll2FormatError(where, `not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
}

/**
 * The records in the text of an import file: an LL2 list response
 * (`{count, next, results}`, any of 2.1.0, 2.2.0 and 2.3.0, normal or
 * detailed), a plain list of records, or one record.
 *
 * Throws Ll2FormatError, naming `where`, for text that is empty, too large
 * (counted in UTF-16 units, never more than the file's UTF-8 bytes), nested
 * deeper than any LL2 record (checked before parsing, which would overflow
 * the stack), not JSON, or not docking events.
 */
export function importRecordsOf(text: string, where: string): ReadonlyArray<unknown> {
  if (text.trim() === '') throw new Ll2FormatError(where, 'the file is empty')
  const size = importSizeProblem(text.length)
  if (size !== null) throw new Ll2FormatError(where, size)
  const depth = jsonDepth(text)
  if (depth > MAX_JSON_DEPTH) {
    throw new Ll2FormatError(
      where,
      `nests JSON ${depth} levels deep, more than the ${MAX_JSON_DEPTH} import accepts`,
    )
  }
  const records = recordsOf(parseJson(text, where), where)
  if (records.length === 0) throw new Ll2FormatError(where, 'holds no docking events')
  return records
}

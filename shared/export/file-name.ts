/**
 * Default names for exported files: what, which range, when.
 *
 * "docking-timeline_salyut-6_1977-09-29_to_1986-08-21_2025-06-01.svg" sorts
 * well in a folder and says what is inside without opening it.
 */
import { toIsoUtc, type UtcMillis } from '../domain/units'

/** File extensions of the export formats. */
export type ExportExtension = 'svg' | 'png' | 'pdf' | 'csv' | 'json'

/** Lower-case ASCII words joined by hyphens; what every file system accepts. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return s.slice(0, 40).replace(/-+$/, '')
}

/**
 * The suggested file name of an export.
 *
 * `stations` are the names of the stations shown: one names the file, two or
 * three are joined, more become "n-stations", none "all-stations". The range
 * is written as two UTC dates, or left out when there is none; the export
 * date comes last.
 */
export function exportFileName(options: {
  readonly stations: ReadonlyArray<string>
  readonly range: { readonly start: UtcMillis; readonly end: UtcMillis } | null
  readonly exportedAt: UtcMillis
  readonly extension: ExportExtension
}): string {
  const { stations, range, exportedAt, extension } = options
  const what =
    stations.length === 0
      ? 'all-stations'
      : stations.length <= 3
        ? stations.map(slug).filter(Boolean).join('+') || 'stations'
        : `${stations.length}-stations`
  const span = range
    ? `_${toIsoUtc(range.start).slice(0, 10)}_to_${toIsoUtc(range.end).slice(0, 10)}`
    : ''
  return `docking-timeline_${what}${span}_${toIsoUtc(exportedAt).slice(0, 10)}.${extension}`
}

// Windows refuses these as a file's base name, whatever extension follows ("CON.csv" too).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i
// Reserved on Windows, or a path separator somewhere; control characters everywhere.
// eslint-disable-next-line no-control-regex
const RESERVED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/

/**
 * What is wrong with a name for a saved file, in words, or null when it is fine.
 *
 * The rules of the strictest file system the app runs on (Windows): no
 * separators or reserved characters (`:` would name an NTFS stream), no
 * reserved device name such as `CON` or `LPT1` with any extension, no
 * trailing dot or space, not `.` or `..`, at most 200 characters.
 */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'a file name is needed'
  if (name.length > 200) return 'a file name of at most 200 characters'
  if (name === '.' || name === '..') return `"${name}" is a folder, not a file name`
  if (RESERVED_CHARACTERS.test(name))
    return 'a file name without / \\ : * ? " < > | or control characters'
  if (/[. ]$/.test(name)) return 'a file name that does not end with a dot or a space'
  const base = name.split('.')[0]!.trimEnd()
  if (WINDOWS_RESERVED.test(base)) return `"${base}" is a device name on Windows`
  return null
}

/** True when `name` ends with `.<extension>` (any case). */
export function hasExtension(name: string, extension: ExportExtension): boolean {
  return name.toLowerCase().endsWith(`.${extension}`)
}

/**
 * The path with the format's extension: kept when it is there, added when not.
 *
 * A save dialog returns whatever the user typed; "timeline" saved as PDF
 * must still open as a PDF.
 */
export function withExtension(file: string, extension: ExportExtension): string {
  return hasExtension(file, extension) ? file : `${file}.${extension}`
}

/**
 * Default names for exported files: what, which range, when.
 *
 * "docking-timeline_salyut-6_1977-09-29_to_1986-08-21_2025-06-01.svg" sorts
 * well in a folder and says what is inside without opening it.
 */
import { toIsoUtc, type UtcMillis } from '../units'

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

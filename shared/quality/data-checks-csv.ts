/**
 * The data checks' doubts as a table: what `cli quality --csv` prints and
 * what the "Data checks" panel saves, with what the reference compilations
 * say of each doubt's records where they were read.
 */
import { csvLines, csvRecord, CSV_FORMULA_NOTE } from '../export/csv'
import { csvTableMetadata, type CsvColumnDoc } from '../export/csv-metadata'
import { exportStamp } from '../export/export-stamp'
import {
  referenceExportSource,
  referenceSetsRecord,
  type ReferenceExportMeta,
} from '../reference/reference-export-meta'
import { FLAG_KINDS, FLAG_LABELS, type DataFlag } from './data-flag'

/** What the reference says of a doubt's records (`referenceWords`), one sentence each. */
export type ReferenceWordsOf = (eventIds: ReadonlyArray<number>) => ReadonlyArray<string>

/**
 * The doubts' columns and cells; the `reference` column only when the
 * reference was read (`words`), so a table without it never reads as
 * "the reference says nothing".
 */
export function dataChecksTable(
  flags: ReadonlyArray<DataFlag>,
  words: ReferenceWordsOf | null,
): { columns: ReadonlyArray<string>; rows: ReadonlyArray<ReadonlyArray<string>> } {
  return {
    columns: ['kind', 'event_ids', 'message', ...(words ? ['reference'] : [])],
    rows: flags.map((f) => [
      f.kind,
      f.eventIds.join(';'),
      f.message,
      ...(words ? [words(f.eventIds).join(' ')] : []),
    ]),
  }
}

/** The doubts as RFC 4180 CSV, with the reference's words. */
export function dataChecksCsv(flags: ReadonlyArray<DataFlag>, words: ReferenceWordsOf): string {
  const { columns, rows } = dataChecksTable(flags, words)
  return csvLines([csvRecord(columns), ...rows.map(csvRecord)])
}

const COLUMN_DOCS: ReadonlyArray<CsvColumnDoc> = [
  {
    name: 'kind',
    datatype: 'string',
    description: `The kind of doubt: ${FLAG_KINDS.map((k) => `${k} (${FLAG_LABELS[k]})`).join(', ')}`,
  },
  {
    name: 'event_ids',
    datatype: 'string',
    description: 'Launch Library 2 docking event ids of the records in doubt, separated by ;',
  },
  { name: 'message', datatype: 'string', description: 'The doubt in words, times UTC' },
  {
    name: 'reference',
    datatype: 'string',
    description:
      'What the reference compilations say of those records, one sentence each: their disagreements, that they dispute none, or empty where no reference speaks for them all',
  },
]

/** The sidecar of a data-checks CSV named `csvName`: its sources, and what each column means. */
export function dataChecksCsvMetadata(
  flags: ReadonlyArray<DataFlag>,
  meta: ReferenceExportMeta,
  csvName: string,
): string {
  const counts = Object.fromEntries(
    FLAG_KINDS.map((k) => [k, flags.filter((f) => f.kind === k).length]),
  )
  return csvTableMetadata(
    {
      title: `Docking Timeline data checks: ${flags.length} doubts`,
      description:
        'Doubts the data checks raise over the docking records held here (every record, whatever the filters), with what the reference compilations say of them.',
      source: referenceExportSource(meta),
      createdAt: meta.exportedAt,
      appVersion: meta.appVersion,
      columns: COLUMN_DOCS,
      record: {
        format: 'docking-timeline-data-checks',
        formatVersion: 1,
        ...exportStamp(meta),
        ll2: meta.credit,
        reference: referenceSetsRecord(meta),
        counts,
        notes: [`Cells: ${CSV_FORMULA_NOTE}.`],
      },
    },
    csvName,
  )
}

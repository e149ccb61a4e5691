/**
 * A conflict as one flat row: what `cli compare --json` prints and what a
 * table of conflicts shows, values in words at their records' precision.
 */
import { csvLines, csvRecord, CSV_FORMULA_NOTE } from '../export/csv'
import { csvTableMetadata, type CsvColumnDoc } from '../export/csv-metadata'
import { exportStamp } from '../export/export-stamp'
import {
  referenceExportSource,
  referenceSetsRecord,
  type ReferenceExportMeta,
} from './reference-export-meta'
import { conflictSideText } from './missing-record'
import { referenceSources, type ConflictKind, type SourceConflict } from './source-conflict'

/** One conflict, flat. */
export interface ConflictRow {
  readonly kind: ConflictKind
  readonly vehicle: string
  readonly station: string
  readonly ll2Id: number | null
  readonly referenceId: number | null
  /** What LL2 says, in words (for a record it lacks, its other stays of the vehicle there); null when it has none. */
  readonly ll2: string | null
  /** What the reference says, in words (likewise); null when it has no record of the vehicle there. */
  readonly reference: string | null
}

/** The columns of a conflict row, in order. */
export const CONFLICT_ROW_COLUMNS: ReadonlyArray<keyof ConflictRow> = [
  'kind',
  'vehicle',
  'station',
  'll2Id',
  'referenceId',
  'll2',
  'reference',
]

/** Flattens a conflict. */
export function toConflictRow(c: SourceConflict): ConflictRow {
  return {
    kind: c.kind,
    vehicle: c.vehicle,
    station: c.station,
    ll2Id: c.ll2Id,
    referenceId: c.referenceId,
    ll2: conflictSideText(c, 'll2'),
    reference: conflictSideText(c, 'reference'),
  }
}

/**
 * Conflicts as CSV (the panel's export and `cli compare --csv`): the row's
 * columns, then the reference's sources (`referenceSources`, as the panel
 * lists them), space-separated URLs in one cell. LL2's record is its id.
 */
export function conflictsCsv(conflicts: ReadonlyArray<SourceConflict>): string {
  return csvLines([
    csvRecord([...CONFLICT_ROW_COLUMNS, 'sources']),
    ...conflicts.map((c) => {
      const row = toConflictRow(c)
      return csvRecord([...CONFLICT_ROW_COLUMNS.map((k) => row[k]), referenceSources(c).join(' ')])
    }),
  ])
}

/** Each column of `conflictsCsv`, for its sidecar. */
const CONFLICT_COLUMN_DOCS: ReadonlyArray<CsvColumnDoc> = [
  {
    name: 'kind',
    datatype: 'string',
    description:
      'What the two records disagree on: port, docking (time), departure (time), missing-in-ll2 (a reference stay no LL2 record held here matches) or missing-in-reference',
  },
  { name: 'vehicle', datatype: 'string', description: 'Visiting vehicle' },
  { name: 'station', datatype: 'string', description: 'Station docked at' },
  {
    name: 'll2Id',
    datatype: 'integer',
    description: 'Launch Library 2 docking event id; empty when LL2 has no record',
  },
  {
    name: 'referenceId',
    datatype: 'integer',
    description: 'Id of the reference record; empty when the reference has none',
  },
  {
    name: 'll2',
    datatype: 'string',
    description:
      'What LL2 says, in words, times UTC at its precision; for a record it lacks, its records of that vehicle there at other times; empty when it has no record of the vehicle there',
  },
  {
    name: 'reference',
    datatype: 'string',
    description:
      'What the reference says, in words, times UTC at its precision; for a record it lacks, its stays of that vehicle there at other times; empty when it has no record of the vehicle there',
  },
  {
    name: 'sources',
    datatype: 'string',
    description:
      'Addresses of the sources the reference record rests on, space-separated; for missing-in-reference, which has no reference record, those of the reference’s other stays of that vehicle there (empty when it has none)',
  },
]

/** What a conflicts CSV records about how it was made. */
export interface ConflictsExportMeta extends ReferenceExportMeta {
  /** The kind the list was narrowed to, or null for every kind. */
  readonly kind: ConflictKind | null
}

/** The sidecar of a conflicts CSV named `csvName`: both sides' sources, and what each column means. */
export function conflictsCsvMetadata(
  conflicts: ReadonlyArray<SourceConflict>,
  meta: ConflictsExportMeta,
  csvName: string,
): string {
  const which = meta.kind === null ? 'every kind' : `kind ${meta.kind}`
  return csvTableMetadata(
    {
      title: `Docking Timeline source conflicts: ${conflicts.length} (${which})`,
      description:
        'Where the Launch Library 2 records held here and the reference compilations disagree.',
      source: referenceExportSource(meta),
      createdAt: meta.exportedAt,
      appVersion: meta.appVersion,
      columns: CONFLICT_COLUMN_DOCS,
      record: {
        format: 'docking-timeline-conflicts',
        formatVersion: 1,
        ...exportStamp(meta),
        ll2: meta.credit,
        reference: referenceSetsRecord(meta),
        kind: meta.kind ?? 'all',
        count: conflicts.length,
        notes: [`Cells: ${CSV_FORMULA_NOTE}.`],
      },
    },
    csvName,
  )
}

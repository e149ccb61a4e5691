/**
 * A conflict as one flat row: what `cli compare --json` prints and what a
 * table of conflicts shows, values in words at their records' precision.
 */
import { csvLines, csvRecord } from '../export/csv'
import { conflictValueText, type ConflictKind, type SourceConflict } from './source-conflict'

/** One conflict, flat. */
export interface ConflictRow {
  readonly kind: ConflictKind
  readonly vehicle: string
  readonly station: string
  readonly ll2Id: number | null
  readonly referenceId: number | null
  /** What LL2 says, in words; null when LL2 has no record. */
  readonly ll2: string | null
  /** What the reference says, in words; null when it has no record. */
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
    ll2: conflictValueText(c.ll2),
    reference: conflictValueText(c.reference),
  }
}

/**
 * Conflicts as CSV (the panel's export and `cli compare --csv`): the row's
 * columns, then the reference's sources, space-separated URLs in one cell.
 */
export function conflictsCsv(conflicts: ReadonlyArray<SourceConflict>): string {
  return csvLines([
    csvRecord([...CONFLICT_ROW_COLUMNS, 'sources']),
    ...conflicts.map((c) => {
      const row = toConflictRow(c)
      return csvRecord([...CONFLICT_ROW_COLUMNS.map((k) => row[k]), c.sources.join(' ')])
    }),
  ])
}

/**
 * Text output of the CLI: aligned tables, RFC 4180 CSV and JSON.
 */
import { EVENT_ROW_COLUMNS, type EventRow } from '../../shared/query/event-row'
import type { RowFormat } from './flags'

/** A cell value as the CLI prints it. */
export type Cell = string | number | boolean | null

const text = (value: Cell): string => (value === null ? '' : String(value))

/** An aligned plain-text table with a header row; `empty` is printed when there are no rows. */
export function formatTable(
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  empty = '(none)',
): string {
  if (rows.length === 0) return `${empty}\n`
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...rows.map((r) => text(r[i] ?? null).length)),
  )
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((_, i) => text(r[i] ?? null)))),
  ]
    .join('\n')
    .concat('\n')
}

/** One CSV field: quoted when it holds a quote, comma, line break or edge space (RFC 4180). */
export function csvField(value: Cell): string {
  const s = text(value)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV with a header row and CRLF line ends, as RFC 4180 specifies. */
export function formatCsv(
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
): string {
  return [columns, ...rows].map((r) => r.map((c) => csvField(c)).join(',')).join('\r\n') + '\r\n'
}

/** Pretty JSON with a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** Prints event rows (`list`, `docked`) as JSON, CSV or a table; `empty` when there are none. */
export function printEventRows(
  rows: ReadonlyArray<EventRow>,
  format: RowFormat,
  out: (s: string) => void,
  empty: string,
): void {
  if (format === 'json') return out(formatJson(rows))
  if (format === 'csv') {
    return out(
      formatCsv(
        EVENT_ROW_COLUMNS,
        rows.map((r) => EVENT_ROW_COLUMNS.map((c) => r[c])),
      ),
    )
  }
  const cells = rows.map((r) =>
    EVENT_ROW_COLUMNS.map((c) =>
      c === 'departure' && r.departure === null ? '(still docked)' : r[c],
    ),
  )
  out(formatTable(EVENT_ROW_COLUMNS, cells, empty))
}

/**
 * Text output of the CLI: aligned tables, RFC 4180 CSV and JSON.
 *
 * Everything printed for a person goes through `terminalText`: record names
 * come from LL2 or an imported file, and an escape sequence in one could
 * retitle the terminal, hide lines or worse.
 */
import { csvLines, csvRecord, type CsvCell } from '../../shared/export/csv'
import { EVENT_ROW_COLUMNS, type EventRow } from '../../shared/query/event-row'
import type { CliIo } from './cli-context'
import type { RowFormat } from './flags'

/** A cell value as the CLI prints it. */
export type Cell = CsvCell

// C0 controls except tab and line feed, DEL, and C1 controls (the 8-bit ESC/CSI/OSC forms).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Text fit for a terminal: control characters (ESC, BEL, CR, backspace, C1) removed.
 *
 * Line feeds and tabs stay: the CLI's own layout uses them.
 */
export function terminalText(s: string): string {
  return s.replace(CONTROL_CHARACTERS, '')
}

// CSV keeps its line structure (CRLF, quoted line breaks, tabs) but loses the rest.
// eslint-disable-next-line no-control-regex
const CSV_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/**
 * Output streams fit for a terminal.
 *
 * Errors and human output pass through `terminalText`. Machine output
 * (`--json`, `--csv`) passes as it is: JSON escapes control characters
 * itself and `formatCsv` drops them from cells, so neither needs it and CSV
 * keeps its CRLF line ends.
 */
export function terminalIo<T extends CliIo>(io: T, machineOutput: boolean): T {
  return {
    ...io,
    out: machineOutput ? io.out : (s: string) => io.out(terminalText(s)),
    err: (s: string) => io.err(terminalText(s)),
  }
}

// Inside a table cell a line break or tab would break the columns, so they become spaces.
const text = (value: Cell): string =>
  value === null ? '' : terminalText(String(value).replace(/[\t\r\n]+/g, ' '))

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

/** CSV with a header row and CRLF line ends (RFC 4180), formula cells neutralised. */
export function formatCsv(
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
): string {
  const clean = (c: Cell): Cell =>
    typeof c === 'string' ? c.replace(CSV_CONTROL_CHARACTERS, '') : c
  return csvLines([columns, ...rows].map((r) => csvRecord(r.map(clean))))
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
      c === 'departure' && r.departure === null
        ? r.departureUnknown
          ? '(unknown: none recorded)'
          : '(still docked)'
        : r[c],
    ),
  )
  out(formatTable(EVENT_ROW_COLUMNS, cells, empty))
}

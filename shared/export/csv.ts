/**
 * The one CSV writer: the app's data export and `cli list --csv` both use it.
 *
 * RFC 4180 quoting, plus the OWASP guard against CSV formula injection: a
 * text cell that a spreadsheet would run as a formula gets a leading `'` and
 * quotes, so the cell shows the text instead of computing it.
 */

/** A cell value as CSV writes it; null is an empty cell. */
export type CsvCell = string | number | boolean | null

/**
 * Characters that make a spreadsheet read a cell as a formula
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** Explains the formula guard in the words a CSV's documentation uses. */
export const CSV_FORMULA_NOTE =
  "text cells starting with = + - @ tab or carriage return are written with a leading ' (quoted) so spreadsheets do not run them as formulas"

/**
 * One CSV field.
 *
 * A text cell starting with a formula character is prefixed with `'`. Fields
 * holding a comma, quote, line break or outer spaces are quoted with inner
 * quotes doubled (RFC 4180); so are neutralised cells, ones holding `;`
 * (the separator spreadsheets use in many locales), and one starting with
 * `#`, so readers that skip `#` comment lines never mistake a row for one.
 * Numbers and booleans are written as they are: they are not formulas.
 */
export function csvField(value: CsvCell): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  const formula = FORMULA_START.test(value)
  const s = formula ? `'${value}` : value
  return formula || /[",;\r\n]|^\s|\s$|^#/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One CSV record (without its line end). */
export function csvRecord(cells: ReadonlyArray<CsvCell>): string {
  return cells.map(csvField).join(',')
}

/** Records joined with CRLF line ends, as RFC 4180 specifies, ending with one. */
export function csvLines(lines: ReadonlyArray<string>): string {
  return `${lines.join('\r\n')}\r\n`
}

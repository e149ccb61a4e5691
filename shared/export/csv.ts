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

// After a separator, a spreadsheet that splits a comment line into cells would start a new cell.
const CELL_START_FORMULA = /([,;])([=+\-@])/g

/**
 * A `#` comment line holding free text (a filter description, a provenance).
 *
 * Kept to one line; where a spreadsheet splitting the line on `,` or `;`
 * would start a cell with a formula character, a space goes in between.
 */
export function csvComment(label: string, text: string): string {
  return `# ${label}: ${text.replace(/[\r\n\t]+/g, ' ').replace(CELL_START_FORMULA, '$1 $2')}`
}

/**
 * A `#` comment line holding a JSON value, still exact JSON.
 *
 * Inside string literals a formula character after `,` or `;` is written as
 * a `\u` escape, which JSON readers decode to the same value and spreadsheets
 * show as text.
 */
export function csvJsonComment(label: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
    literal.replace(
      CELL_START_FORMULA,
      (_m, sep: string, c: string) => `${sep}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  )
  return `# ${label}: ${json}`
}

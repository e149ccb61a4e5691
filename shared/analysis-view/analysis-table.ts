/**
 * A measure as a table: what the Analysis view shows beside each chart, and
 * what its CSV and JSON exports hold, so the screen and the files agree.
 */
import { withLazyField } from '../analysis/lazy-field'
import { csvLines, csvRecord, CSV_FORMULA_NOTE, type CsvCell } from '../export/csv'
import { csvTableMetadata } from '../export/csv-metadata'
import { exportStamp } from '../export/export-stamp'
import { DAY_MS, type UtcMillis } from '../domain/units'

/** One column: a machine name (CSV header, JSON key) and the words a reader sees. */
export interface TableColumn {
  readonly key: string
  readonly label: string
}

/** A table of plain cells; null is an empty cell. */
export interface AnalysisTable {
  readonly columns: ReadonlyArray<TableColumn>
  readonly rows: ReadonlyArray<ReadonlyArray<CsvCell>>
}

interface RowMaker {
  readonly count: number
  readonly rowAt: (i: number) => ReadonlyArray<CsvCell>
}

const makers = new WeakMap<AnalysisTable, RowMaker>()

/**
 * A table of `count` rows made by `rowAt`, whose `rows` are made on first
 * read: the view shows the first rows of a long table (the occupancy peaks
 * run to thousands), and only "Show all" or an export needs them all.
 */
export function lazyTable(
  columns: ReadonlyArray<TableColumn>,
  count: number,
  rowAt: (i: number) => ReadonlyArray<CsvCell>,
): AnalysisTable {
  const table = withLazyField({ columns }, 'rows', () => {
    const rows: ReadonlyArray<CsvCell>[] = []
    for (let i = 0; i < count; i++) rows.push(rowAt(i))
    return rows
  })
  makers.set(table, { count, rowAt })
  return table
}

/** How many rows a table has, without making a lazy table's rows. */
export function rowCount(table: AnalysisTable): number {
  return makers.get(table)?.count ?? table.rows.length
}

/** A table's first `n` rows, without making the rest of a lazy table's. */
export function firstRows(table: AnalysisTable, n: number): ReadonlyArray<ReadonlyArray<CsvCell>> {
  const maker = makers.get(table)
  if (!maker) return table.rows.slice(0, n)
  const rows: ReadonlyArray<CsvCell>[] = []
  for (let i = 0; i < Math.min(n, maker.count); i++) rows.push(maker.rowAt(i))
  return rows
}

/** A duration in days, one decimal, as tables show it. */
export const days = (ms: number): number => Math.round((ms / 86_400_000) * 10) / 10

/**
 * An instant as a UTC date, or date and minute when `exact`, as `toIsoUtc`
 * spells them up to the minute. Tables format thousands of these per query
 * (the occupancy peaks alone), so each day's date and each minute of the
 * day are formatted once, and a cell joins the two.
 */
export const utcDate = (t: number, exact = false): string => {
  if (!(t >= 0 && t < YEAR_10000)) {
    const iso = new Date(t).toISOString()
    return exact ? iso.slice(0, 16) + 'Z' : iso.slice(0, 10)
  }
  const day = Math.floor(t / DAY_MS)
  let date = dayTexts.get(day)
  if (date === undefined) {
    if (dayTexts.size >= MAX_DAY_TEXTS) dayTexts.clear()
    date = new Date(day * DAY_MS).toISOString().slice(0, 10)
    dayTexts.set(day, date)
  }
  if (!exact) return date
  return date + minuteText(Math.floor((t - day * DAY_MS) / MINUTE_MS))
}

/** A minute of the day as "T21:17Z". */
function minuteText(minute: number): string {
  let text = minuteTexts[minute]
  if (text === undefined)
    minuteTexts[minute] = text = `T${two(Math.floor(minute / 60))}:${two(minute % 60)}Z`
  return text
}

const MINUTE_MS = 60_000
/** Past here `toISOString` writes a six-digit year. */
const YEAR_10000 = 253_402_300_800_000
const MAX_DAY_TEXTS = 100_000
const dayTexts = new Map<number, string>()
const minuteTexts = new Array<string | undefined>(24 * 60)
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)

/** The table as CSV: header on row 1 (the machine names), CRLF line ends. */
export function tableCsv(table: AnalysisTable): string {
  return csvLines([csvRecord(table.columns.map((c) => c.key)), ...table.rows.map(csvRecord)])
}

/** What a table export records about itself, as the data exports do. */
export interface TableExportMeta {
  readonly title: string
  readonly appVersion: string
  readonly exportedAt: UtcMillis
  readonly dataAsOf: UtcMillis | null
  readonly credit: string
  readonly filtersText: string
}

/** What a table's exports say of it, before its columns and rows. */
function tableHeader(meta: TableExportMeta) {
  return {
    format: 'docking-timeline-analysis',
    formatVersion: 1,
    title: meta.title,
    ...exportStamp(meta),
    source: meta.credit,
    filters: meta.filtersText,
  }
}

/** The table as JSON: an envelope saying what it is, then one object per row. */
export function tableJson(table: AnalysisTable, meta: TableExportMeta): string {
  const doc = {
    ...tableHeader(meta),
    columns: table.columns,
    rows: table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.key, r[i]]))),
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** A column's CSVW datatype, from what its cells hold. */
function datatypeOf(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, i: number): string {
  let kind: 'integer' | 'decimal' | 'boolean' | null = null
  for (const row of rows) {
    const v = row[i]
    if (v === null || v === undefined) continue
    const k =
      typeof v === 'boolean'
        ? 'boolean'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'integer'
            : 'decimal'
          : 'string'
    if (k === 'string') return 'string'
    if (kind === null || kind === k) kind = k
    else if (kind !== 'boolean' && k !== 'boolean') kind = 'decimal'
    else return 'string'
  }
  return kind ?? 'string'
}

/** The sidecar of the table's CSV named `csvName`: its columns in the reader's words, and its envelope. */
export function tableCsvMetadata(
  table: AnalysisTable,
  meta: TableExportMeta,
  csvName: string,
): string {
  const rows = table.rows
  return csvTableMetadata(
    {
      title: `Docking Timeline analysis: ${meta.title}`,
      description: `Filters: ${meta.filtersText}`,
      source: meta.credit,
      createdAt: meta.exportedAt,
      appVersion: meta.appVersion,
      columns: table.columns.map((c, i) => ({
        name: c.key,
        datatype: datatypeOf(rows, i),
        description: c.label,
      })),
      record: {
        ...tableHeader(meta),
        count: rows.length,
        notes: [`Times are UTC (ISO 8601). Cells: ${CSV_FORMULA_NOTE}.`],
      },
    },
    csvName,
  )
}

/**
 * The sidecar that describes a CSV export: `<file>.csv-metadata.json`, beside it.
 *
 * The CSV stays a plain table (header on row 1) that spreadsheets open
 * cleanly; what a reader needs to trust and reproduce it (filters, data
 * time, source, app version, what each column means) lives here. The layout
 * is W3C "CSV on the Web" metadata (https://www.w3.org/TR/tabular-metadata/):
 * `url` names the table, `tableSchema.columns` describes each column, and
 * `dc:` terms carry title, source and dates, so CSVW tools can read it. The
 * app's own record (the filter state, as in the JSON export) sits under
 * `dockingTimeline`.
 */
import { toIsoUtc, type UtcMillis } from '../domain/units'
import { CSV_FORMULA_NOTE } from './csv'
import {
  countedWords,
  CSV_COLUMNS,
  EXPORT_NOTES,
  exportHeader,
  type DataExportMeta,
} from './data-export'

/** What follows a CSV's file name to name its sidecar (CSVW's default location). */
export const CSV_METADATA_SUFFIX = '-metadata.json'

/** How a save's outcome mentions the sidecar it wrote beside a CSV. */
export const CSV_SIDECAR_WORDS = `described in a ${CSV_METADATA_SUFFIX} file beside it`

type Column = (typeof CSV_COLUMNS)[number]

/** Each column's CSVW datatype and meaning. */
const COLUMN_DOCS: Readonly<Record<Column, readonly [string, string]>> = {
  id: ['integer', 'Docking event id: LL2 record id, or a local id for records not from LL2'],
  station: ['string', 'Station docked at'],
  port: ['string', 'Docking port (LL2 docking location)'],
  vehicle: ['string', 'Visiting vehicle'],
  configuration: ['string', 'Spacecraft configuration'],
  agency: ['string', 'Operating agency'],
  family: ['string', 'Vehicle family, as the chart colours it'],
  role: ['string', 'crew, cargo, module or other'],
  docking_utc: ['string', 'Docking time, UTC ISO 8601, at the precision in docking_precision'],
  departure_utc: ['string', 'Departure time, UTC ISO 8601; empty while still docked'],
  stay_days: ['decimal', 'Days docked; for a vehicle still docked, to the export time'],
  still_docked: [
    'boolean',
    'true when no departure is recorded, the station is still up, no later docking used its port and its station record has not stopped listing it',
  ],
  departure_unknown: [
    'boolean',
    'true when no departure is recorded at a station that has re-entered, at a port a later docking used, or where the station record no longer lists it; stay_days runs to the re-entry, that docking or the time of that record, else to the export time',
  ],
  visit_id: [
    'integer',
    'Id of the first leg of the visit (one vehicle at one station, relocations linked)',
  ],
  flags: ['string', 'Data checks that flag this docking, ; separated'],
  source: ['string', 'snapshot, ll2 or import: how the record entered the app'],
  ll2_url: ['anyURI', 'Launch Library 2 address of the record; empty for records not from LL2'],
  docking_precision: ['string', 'How precisely docking_utc is known: second … year'],
  departure_precision: ['string', 'How precisely departure_utc is known; empty while docked'],
  port_basis: ['string', 'Why the port is what it is (e.g. stated, inferred), where known'],
  notes: ['string', "The record's notes on how its sources were reconciled"],
  sources: ['string', 'Addresses of the sources the record rests on, space-separated'],
  origin: [
    'string',
    'Where this copy came from: the LL2 server synced from, bundled snapshot or imported file',
  ],
}

/** One column as the sidecar describes it (CSVW `tableSchema.columns`). */
export interface CsvColumnDoc {
  /** The CSV header's name. */
  readonly name: string
  /** CSVW datatype: string, integer, decimal, boolean, anyURI… */
  readonly datatype: string
  readonly description: string
}

/** What any CSV the app saves says about itself in its sidecar. */
export interface CsvTableDoc {
  readonly title: string
  readonly description: string
  /** Where the data comes from, credited. */
  readonly source: string
  readonly createdAt: UtcMillis
  readonly appVersion: string
  readonly columns: ReadonlyArray<CsvColumnDoc>
  /** The app's own record of how the table was made (`dockingTimeline`). */
  readonly record: Readonly<Record<string, unknown>>
}

/**
 * A CSVW sidecar for a CSV named `csvName` (the file name only, no folder):
 * the one layout the data export, the Analysis tables and the conflicts list
 * all write, so each table says where it came from and what its columns mean.
 */
export function csvTableMetadata(doc: CsvTableDoc, csvName: string): string {
  const sidecar = {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    url: csvName,
    'dc:title': doc.title,
    'dc:description': doc.description,
    'dc:source': doc.source,
    'dc:created': toIsoUtc(doc.createdAt),
    'dc:creator': `Docking Timeline ${doc.appVersion}`,
    dialect: { header: true, encoding: 'utf-8', lineTerminators: ['\r\n'] },
    tableSchema: {
      columns: doc.columns.map((c) => ({
        name: c.name,
        titles: c.name,
        datatype: c.datatype,
        'dc:description': c.description,
      })),
    },
    dockingTimeline: doc.record,
  }
  return `${JSON.stringify(sidecar, null, 2)}\n`
}

/** The sidecar of a data export named `csvName`. */
export function csvMetadata(meta: DataExportMeta, rowCount: number, csvName: string): string {
  return csvTableMetadata(
    {
      title: `Docking Timeline export: ${countedWords(meta, rowCount)}`,
      description: `Filters: ${meta.filtersText}`,
      source: meta.credit,
      createdAt: meta.exportedAt,
      appVersion: meta.appVersion,
      columns: CSV_COLUMNS.map((name) => ({
        name,
        datatype: COLUMN_DOCS[name][0],
        description: COLUMN_DOCS[name][1],
      })),
      record: {
        ...exportHeader(meta),
        counted: countedWords(meta, rowCount),
        count: rowCount,
        notes: [EXPORT_NOTES, `Cells: ${CSV_FORMULA_NOTE}.`],
      },
    },
    csvName,
  )
}

/** The sidecar's text pointed at the CSV's final name (the user may rename it when saving). */
export function retargetCsvMetadata(sidecar: string, csvName: string): string {
  const doc = JSON.parse(sidecar) as Record<string, unknown>
  return `${JSON.stringify({ ...doc, url: csvName }, null, 2)}\n`
}

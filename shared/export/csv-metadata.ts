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
import { toIsoUtc } from '../domain/units'
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
  still_docked: ['boolean', 'true when no departure is recorded and the station is still up'],
  departure_unknown: [
    'boolean',
    'true when no departure is recorded at a station that has re-entered; stay_days runs to the re-entry',
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

/** The sidecar of a CSV export named `csvName` (the file name only, no folder). */
export function csvMetadata(meta: DataExportMeta, rowCount: number, csvName: string): string {
  const doc = {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    url: csvName,
    'dc:title': `Docking Timeline export: ${countedWords(meta, rowCount)}`,
    'dc:description': `Filters: ${meta.filtersText}`,
    'dc:source': meta.credit,
    'dc:created': toIsoUtc(meta.exportedAt),
    'dc:creator': `Docking Timeline ${meta.appVersion}`,
    dialect: { header: true, encoding: 'utf-8', lineTerminators: ['\r\n'] },
    tableSchema: {
      columns: CSV_COLUMNS.map((name) => ({
        name,
        titles: name,
        datatype: COLUMN_DOCS[name][0],
        'dc:description': COLUMN_DOCS[name][1],
      })),
    },
    dockingTimeline: {
      ...exportHeader(meta),
      counted: countedWords(meta, rowCount),
      count: rowCount,
      notes: [EXPORT_NOTES, `Cells: ${CSV_FORMULA_NOTE}.`],
    },
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** The sidecar's text pointed at the CSV's final name (the user may rename it when saving). */
export function retargetCsvMetadata(sidecar: string, csvName: string): string {
  const doc = JSON.parse(sidecar) as Record<string, unknown>
  return `${JSON.stringify({ ...doc, url: csvName }, null, 2)}\n`
}

/**
 * CSV and JSON exports of the filtered docking events.
 *
 * Each file carries a header (CSV `#` comment lines, a JSON envelope) with the
 * filter state, the data's timestamp, the source and the app version, so a
 * reader can tell what the rows are and reproduce the export. Times are UTC,
 * ISO 8601, written only as precisely as they are known (`formatAtPrecision`),
 * exactly as `cli list` writes them.
 */
import type { DataSource, DockingEvent, VehicleFamily, VehicleRole } from '../domain/model'
import type { Query } from '../query/query'
import { formatAtPrecision } from '../query/event-row'
import { DAY_MS, toIsoUtc, utcMillis, type UtcMillis } from '../domain/units'
import { effectiveEnd, NO_LIVES, type StationLives } from '../occupancy/effective-end'
import { checkData } from '../quality/data-checks'
import type { DataFacts } from '../quality/data-facts'
import type { FlagKind } from '../quality/data-flag'
import { CSV_FORMULA_NOTE, csvComment, csvJsonComment, csvLines, csvRecord } from './csv'

/** One exported event. */
export interface ExportRow {
  /** LL2 docking event id (local ids for the bundled snapshot, see its source). */
  readonly id: number
  readonly station: string | null
  readonly port: string | null
  readonly vehicle: string
  readonly configuration: string | null
  readonly agency: string | null
  readonly family: VehicleFamily
  readonly role: VehicleRole
  /** UTC, ISO 8601 at the known precision. */
  readonly docking: string
  /** UTC, ISO 8601 at the known precision; null while still docked. */
  readonly departure: string | null
  /**
   * Docking to departure (to the export time while still docked, to the
   * station's re-entry when the departure is unknown), in days, 3 decimals.
   */
  readonly stayDays: number
  readonly stillDocked: boolean
  /** No departure at a station that has re-entered: the stay ends at the re-entry. */
  readonly departureUnknown: boolean
  /** The visit (a vehicle's legs at one station) this docking is a leg of: its first leg's id. */
  readonly visitId: number | null
  /** Kinds of the data checks that flag this docking (`cli quality` explains each). */
  readonly flags: ReadonlyArray<FlagKind>
  readonly source: DataSource
  /** LL2 web address of the record; null for records not from LL2. */
  readonly url: string | null
}

/** What the header of an export records. */
export interface DataExportMeta {
  readonly appVersion: string
  readonly exportedAt: UtcMillis
  /** Last sync or snapshot load; null when never synced. */
  readonly dataAsOf: UtcMillis | null
  /** Where the data came from (`DataInfo.provenance`). */
  readonly provenance: string
  readonly filters: Query
  /** The filters in words (`describeQuery`). */
  readonly filtersText: string
  /** The time window rows were limited to (events overlapping it), or null for none. */
  readonly range: { readonly start: UtcMillis; readonly end: UtcMillis } | null
}

/** CSV column names, in order; the JSON rows use the camel-case field names. */
export const CSV_COLUMNS = [
  'id',
  'station',
  'port',
  'vehicle',
  'configuration',
  'agency',
  'family',
  'role',
  'docking_utc',
  'departure_utc',
  'stay_days',
  'still_docked',
  'departure_unknown',
  'visit_id',
  'flags',
  'source',
  'll2_url',
] as const

/** Identifies our JSON exports, for tools that read them back. */
export const JSON_EXPORT_FORMAT = 'docking-timeline-export'
/** Bumped when the JSON layout changes incompatibly. */
export const JSON_EXPORT_VERSION = 2

const round3 = (n: number): number => Math.round(n * 1000) / 1000

/** No visits, no flags, no station lives: an event taken on its own. */
const NO_FACTS: DataFacts = {
  visits: { visits: [], visitOf: new Map() },
  checks: checkData([], [], utcMillis(0)),
  now: utcMillis(0),
}

/**
 * The export row of an event.
 *
 * `now` is the export time: a vehicle still docked has stayed until then so far.
 * `facts` give the event's visit, its flags and where its stay ends
 * (`effectiveEnd`). LL2 times carry no precision note and count as exact to the second.
 */
export function toExportRow(
  event: DockingEvent,
  now: UtcMillis,
  facts: DataFacts = NO_FACTS,
): ExportRow {
  const p = event.provenance
  const { end, state } = effectiveEnd(event, facts.checks.lives, now)
  return {
    id: event.id,
    station: event.stationName,
    port: event.portName,
    vehicle: event.vehicle,
    configuration: event.configuration,
    agency: event.agency,
    family: event.family,
    role: event.role,
    docking: formatAtPrecision(event.docking, p?.dockingPrecision ?? 'second'),
    departure:
      event.departure === null
        ? null
        : formatAtPrecision(event.departure, p?.departurePrecision ?? 'second'),
    stayDays: round3((end - event.docking) / DAY_MS),
    stillDocked: state === 'docked',
    departureUnknown: state === 'unknown',
    visitId: facts.visits.visitOf.get(event.id)?.id ?? null,
    flags: [...new Set((facts.checks.flagsOf.get(event.id) ?? []).map((f) => f.kind))],
    source: event.source,
    url: event.url,
  }
}

/** The `#` header lines of a CSV export (without line ends). */
export function csvHeaderLines(meta: DataExportMeta, rowCount: number): ReadonlyArray<string> {
  return [
    `# Docking Timeline ${meta.appVersion} export: ${rowCount} docking events`,
    `# exported_at: ${toIsoUtc(meta.exportedAt)}`,
    `# data_as_of: ${meta.dataAsOf === null ? 'never synced' : toIsoUtc(meta.dataAsOf)}`,
    csvComment('source', meta.provenance),
    csvComment('filters', meta.filtersText),
    csvJsonComment('filter_state', meta.filters),
    `# range: ${meta.range === null ? 'none' : `${toIsoUtc(meta.range.start)}/${toIsoUtc(meta.range.end)}`}`,
    '# times are UTC (ISO 8601) at the precision known; stay_days of still-docked vehicles runs to exported_at',
    '# departure_unknown: no departure at a station that has re-entered; stay_days runs to the re-entry',
    '# visit_id: first leg of the visit (one vehicle at one station, relocations linked); flags: data checks, ; separated',
    `# ${CSV_FORMULA_NOTE}`,
  ]
}

/**
 * The CSV file: header comments, a header row, one row per event, CRLF line ends.
 *
 * Rows are written in the order given.
 */
export function toCsv(rows: ReadonlyArray<ExportRow>, meta: DataExportMeta): string {
  const lines = [...csvHeaderLines(meta, rows.length), CSV_COLUMNS.join(',')]
  for (const r of rows) {
    lines.push(
      csvRecord([
        r.id,
        r.station,
        r.port,
        r.vehicle,
        r.configuration,
        r.agency,
        r.family,
        r.role,
        r.docking,
        r.departure,
        r.stayDays,
        r.stillDocked,
        r.departureUnknown,
        r.visitId,
        r.flags.join(';'),
        r.source,
        r.url,
      ]),
    )
  }
  return csvLines(lines)
}

/** The JSON envelope of an export. */
export interface JsonExport {
  readonly format: typeof JSON_EXPORT_FORMAT
  readonly formatVersion: typeof JSON_EXPORT_VERSION
  readonly app: { readonly name: 'Docking Timeline'; readonly version: string }
  readonly exportedAt: string
  readonly dataAsOf: string | null
  readonly source: string
  readonly filters: { readonly description: string; readonly state: Query }
  readonly range: { readonly start: string; readonly end: string } | null
  readonly notes: string
  readonly count: number
  readonly events: ReadonlyArray<ExportRow>
}

/** The JSON file: an envelope recording how the rows were chosen, then the rows. */
export function toJsonExport(rows: ReadonlyArray<ExportRow>, meta: DataExportMeta): string {
  const doc: JsonExport = {
    format: JSON_EXPORT_FORMAT,
    formatVersion: JSON_EXPORT_VERSION,
    app: { name: 'Docking Timeline', version: meta.appVersion },
    exportedAt: toIsoUtc(meta.exportedAt),
    dataAsOf: meta.dataAsOf === null ? null : toIsoUtc(meta.dataAsOf),
    source: meta.provenance,
    filters: { description: meta.filtersText, state: meta.filters },
    range:
      meta.range === null
        ? null
        : { start: toIsoUtc(meta.range.start), end: toIsoUtc(meta.range.end) },
    notes:
      'Times are UTC (ISO 8601) at the precision known; stayDays of still-docked vehicles runs to exportedAt. departureUnknown: no departure at a station that has re-entered; stayDays runs to the re-entry. visitId: first leg of the visit. flags: data checks that flag the docking.',
    count: rows.length,
    events: rows,
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/**
 * Does an event overlap a time window?
 *
 * The rule images use to pick bars, so a data export limited to a window
 * lists exactly the dockings its figure draws. Stays end where
 * `effectiveEnd` says: open ones at `now`, or at their station's re-entry.
 */
export function overlapsRange(
  event: DockingEvent,
  range: { readonly start: UtcMillis; readonly end: UtcMillis },
  now: UtcMillis,
  lives: StationLives = NO_LIVES,
): boolean {
  const { end } = effectiveEnd(event, lives, now)
  return end >= range.start && event.docking <= range.end
}

/**
 * CSV and JSON exports of the filtered docking events, with the technical
 * provenance figures leave out: time precision, port basis, notes, sources
 * and where each record came from.
 *
 * The CSV is a plain table, its header on row 1, so a spreadsheet opens it
 * cleanly; what describes it (filters, data time, source, app version, the
 * columns) goes in a sidecar beside it (`csv-metadata.ts`). The JSON carries
 * the same in an envelope. Times are UTC, ISO 8601, written only as precisely
 * as they are known (`formatAtPrecision`), exactly as `cli list` writes them.
 */
import type {
  DataSource,
  DockingEvent,
  TimePrecision,
  VehicleFamily,
  VehicleRole,
} from '../domain/model'
import type { Query } from '../query/query'
import { formatAtPrecision } from '../query/event-row'
import { DAY_MS, toIsoUtc, utcMillis, type UtcMillis } from '../domain/units'
import { effectiveEnd } from '../occupancy/effective-end'
import type { EndFacts } from '../occupancy/end-facts'
import { checkData } from '../quality/data-checks'
import { countedByWords, unitWords, type CountBy } from '../visits/count-by'
import type { DataFacts } from '../quality/data-facts'
import type { FlagKind } from '../quality/data-flag'
import { csvLines, csvRecord } from './csv'
import { exportStamp, type ExportStamp } from './export-stamp'

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
  /** How precisely the docking time is known. */
  readonly dockingPrecision: TimePrecision
  /** How precisely the departure time is known; null while still docked. */
  readonly departurePrecision: TimePrecision | null
  /** Why the port is what it is (e.g. `stated`, `inferred`), where the record says. */
  readonly portBasis: string | null
  /** The record's own notes (how sources were reconciled), where it has any. */
  readonly notes: string | null
  /** Addresses of the sources the record rests on. */
  readonly sources: ReadonlyArray<string>
  /** Where this copy of the record came from: the LL2 server, the bundled snapshot or an import. */
  readonly origin: string
}

/** What the header of an export records. */
export interface DataExportMeta {
  readonly appVersion: string
  readonly exportedAt: UtcMillis
  /** Last sync or snapshot load; null when never synced. */
  readonly dataAsOf: UtcMillis | null
  /** Where the data came from (`DataInfo.provenance`). */
  readonly provenance: string
  /** The one-line credit figures print (`DataInfo.credit`). */
  readonly credit: string
  /** The LL2 server of the last sync (`DataInfo.ll2Server`). */
  readonly ll2Server: string | null
  readonly filters: Query
  /** The filters in words (`describeQuery`). */
  readonly filtersText: string
  /** The time window rows were limited to (events overlapping it), or null for none. */
  readonly range: { readonly start: UtcMillis; readonly end: UtcMillis } | null
  /** How the app counted when exporting (default docking). */
  readonly countedBy?: CountBy
  /** How many of those the rows hold: visits counted by visit, else the rows. */
  readonly unitCount?: number
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
  'docking_precision',
  'departure_precision',
  'port_basis',
  'notes',
  'sources',
  'origin',
] as const

/** Identifies our JSON exports, for tools that read them back. */
export const JSON_EXPORT_FORMAT = 'docking-timeline-export'
/** Bumped when the JSON layout changes incompatibly. */
export const JSON_EXPORT_VERSION = 2

const round3 = (n: number): number => Math.round(n * 1000) / 1000

/** What every data export says about its times, for readers of the file. */
export const EXPORT_NOTES =
  'Times are UTC (ISO 8601) written only as precisely as known (see the precision fields); the stay of a still-docked vehicle runs to the export time. departureUnknown / departure_unknown: no departure at a station that has re-entered, at a port a later docking used, or where the station record no longer lists it; the stay runs to the re-entry, that docking or the time of that record, else to the export time. visitId / visit_id: first leg of the visit (one vehicle at one station, relocations linked). flags: the data checks that flag the docking (; separated in the CSV).'

/** Where a record of `source` came from, in words; LL2 records name the server synced from. */
export function originOf(source: DataSource, ll2Server: string | null): string {
  switch (source) {
    case 'll2':
      return ll2Server ?? 'Launch Library 2'
    case 'snapshot':
      return 'bundled snapshot'
    case 'import':
      return 'imported file'
  }
}

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
  ll2Server: string | null = null,
): ExportRow {
  const p = event.provenance
  const { end, state } = effectiveEnd(event, facts.checks.endFacts, now)
  const dockingPrecision = p?.dockingPrecision ?? 'second'
  const departurePrecision = p?.departurePrecision ?? 'second'
  return {
    id: event.id,
    station: event.stationName,
    port: event.portName,
    vehicle: event.vehicle,
    configuration: event.configuration,
    agency: event.agency,
    family: event.family,
    role: event.role,
    docking: formatAtPrecision(event.docking, dockingPrecision),
    departure:
      event.departure === null ? null : formatAtPrecision(event.departure, departurePrecision),
    stayDays: round3((end - event.docking) / DAY_MS),
    stillDocked: state === 'docked',
    departureUnknown: state === 'unknown',
    visitId: facts.visits.visitOf.get(event.id)?.id ?? null,
    flags: [...new Set((facts.checks.flagsOf.get(event.id) ?? []).map((f) => f.kind))],
    source: event.source,
    url: event.url,
    dockingPrecision,
    departurePrecision: event.departure === null ? null : departurePrecision,
    portBasis: p?.portBasis ?? null,
    notes: p?.notes ?? null,
    sources: p?.sources ?? [],
    origin: originOf(event.source, ll2Server),
  }
}

/**
 * The CSV file: the header row, then one row per event, CRLF line ends; no
 * comment lines, which spreadsheets would show as junk rows. A record's
 * sources are one cell, space-separated (addresses hold no spaces).
 *
 * Rows are written in the order given.
 */
export function toCsv(rows: ReadonlyArray<ExportRow>): string {
  const lines = [CSV_COLUMNS.join(',')]
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
        r.dockingPrecision,
        r.departurePrecision,
        r.portBasis,
        r.notes,
        r.sources.length === 0 ? null : r.sources.join(' '),
        r.origin,
      ]),
    )
  }
  return csvLines(lines)
}

/** The JSON envelope of an export. */
export interface JsonExport extends ExportStamp {
  readonly format: typeof JSON_EXPORT_FORMAT
  readonly formatVersion: typeof JSON_EXPORT_VERSION
  readonly source: string
  /** The one-line credit figures print. */
  readonly credit: string
  /** The LL2 server of the last sync; null when never synced. */
  readonly ll2Server: string | null
  readonly filters: { readonly description: string; readonly state: Query }
  readonly range: { readonly start: string; readonly end: string } | null
  /** "docking" or "visit": what `counted` counts; rows are dockings either way. */
  readonly countedBy: CountBy
  /** The count as the app showed it: "235 dockings" or "231 visits (235 dockings)", "counted by visit". */
  readonly counted: string
  readonly notes: string
  readonly count: number
  readonly events: ReadonlyArray<ExportRow>
}

/** What every export file says of itself: format, app, times, source, filters, range. */
export type ExportHeader = Omit<JsonExport, 'notes' | 'count' | 'events' | 'counted'>

/** The header both the JSON envelope and the CSV's sidecar carry. */
export function exportHeader(meta: DataExportMeta): ExportHeader {
  return {
    format: JSON_EXPORT_FORMAT,
    formatVersion: JSON_EXPORT_VERSION,
    ...exportStamp(meta),
    source: meta.provenance,
    credit: meta.credit,
    ll2Server: meta.ll2Server,
    filters: { description: meta.filtersText, state: meta.filters },
    range:
      meta.range === null
        ? null
        : { start: toIsoUtc(meta.range.start), end: toIsoUtc(meta.range.end) },
    countedBy: meta.countedBy ?? 'docking',
  }
}

/**
 * The count in words with how it was counted: "235 dockings, counted by
 * docking" or "231 visits (235 dockings), counted by visit".
 */
export function countedWords(meta: DataExportMeta, rowCount: number): string {
  const by = meta.countedBy ?? 'docking'
  const units = meta.unitCount ?? rowCount
  const count =
    by === 'docking' || units === rowCount
      ? unitWords(units, by)
      : `${unitWords(units, by)} (${unitWords(rowCount, 'docking')})`
  return `${count}, ${countedByWords(by)}`
}

/** The JSON file: an envelope recording how the rows were chosen, then the rows. */
export function toJsonExport(rows: ReadonlyArray<ExportRow>, meta: DataExportMeta): string {
  const doc: JsonExport = {
    ...exportHeader(meta),
    counted: countedWords(meta, rows.length),
    notes: EXPORT_NOTES,
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
 * `effectiveEnd` says: open ones at `now`, or by their station's re-entry or
 * their port's next docking.
 */
export function overlapsRange(
  event: DockingEvent,
  range: { readonly start: UtcMillis; readonly end: UtcMillis },
  now: UtcMillis,
  facts: EndFacts,
): boolean {
  const { end } = effectiveEnd(event, facts, now)
  return end >= range.start && event.docking <= range.end
}

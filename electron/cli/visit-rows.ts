/**
 * Visits as CLI rows: `cli visits` and `cli list --count-by visit` print the
 * same columns from the same units.
 */
import type { DockingEvent } from '../../shared/domain/model'
import { DAY_MS, toIsoUtc } from '../../shared/domain/units'
import type { CountUnit } from '../../shared/visits/count-by'
import type { RowFormat } from './flags'
import { formatCsv, formatJson, formatTable } from './output'

/** Column names of the CSV and the table. */
const COLUMNS = ['visitId', 'station', 'vehicle', 'arrival', 'departure', 'stayDays', 'legs']

/** One visit with its legs, as `--json` writes it. */
export interface VisitRow {
  /** The visit's id (its first leg's); null for a docking at no station, which has no visit. */
  readonly visitId: number | null
  readonly station: string | null
  readonly vehicle: string
  readonly arrival: string
  readonly departure: string | null
  readonly stayDays: number | null
  readonly legs: ReadonlyArray<{
    readonly id: number
    readonly port: string | null
    readonly docking: string
    readonly departure: string | null
  }>
}

const iso = (t: number | null): string | null => (t === null ? null : toIsoUtc(t))

/** A unit as a row: the whole visit, every leg (`byId` finds legs the unit's events lack). */
export function visitRow(unit: CountUnit, byId: ReadonlyMap<number, DockingEvent>): VisitRow {
  const v = unit.visit
  const legs = v ? v.legs.map((id) => byId.get(id)!) : unit.events
  const first = legs[0]!
  const arrival = v?.arrival ?? first.docking
  const departure = v ? v.departure : first.departure
  return {
    visitId: v?.id ?? null,
    station: first.stationName,
    vehicle: first.vehicle,
    arrival: toIsoUtc(arrival),
    departure: iso(departure),
    stayDays:
      departure === null ? null : Math.round(((departure - arrival) / DAY_MS) * 1000) / 1000,
    legs: legs.map((e) => ({
      id: e.id,
      port: e.portName,
      docking: toIsoUtc(e.docking),
      departure: iso(e.departure),
    })),
  }
}

/** Prints visit rows as JSON, CSV (legs as ids separated by ;) or an aligned table. */
export function printVisitRows(
  rows: ReadonlyArray<VisitRow>,
  format: RowFormat,
  out: (s: string) => void,
  empty: string,
): void {
  if (format === 'json') return out(formatJson(rows))
  const cells = rows.map((r) => [
    r.visitId,
    r.station,
    r.vehicle,
    r.arrival,
    r.departure,
    r.stayDays,
    format === 'csv'
      ? r.legs.map((l) => l.id).join(';')
      : r.legs.map((l) => `${l.id} ${l.port ?? '?'}`).join(' → '),
  ])
  out(format === 'csv' ? formatCsv(COLUMNS, cells) : formatTable(COLUMNS, cells, empty))
}

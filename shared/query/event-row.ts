/**
 * Flat rows of docking events for tables, CSV and JSON output.
 *
 * Times are written only as precisely as they are known: a day-precision
 * docking is `1978-01-11`, never `1978-01-11T00:00:00Z`, so no output
 * presents a date as if it were an exact time.
 */
import type {
  DataSource,
  DockingEvent,
  TimePrecision,
  VehicleFamily,
  VehicleRole,
} from '../domain/model'
import { toIsoUtc, type UtcMillis } from '../domain/units'
import { effectiveEnd } from '../occupancy/effective-end'
import type { DataFacts } from '../quality/data-facts'

/** One event as a flat row. */
export interface EventRow {
  readonly id: number
  readonly station: string | null
  readonly stationId: number | null
  readonly port: string | null
  readonly portId: number | null
  readonly vehicle: string
  readonly family: VehicleFamily
  readonly role: VehicleRole
  readonly agency: string | null
  /** UTC, ISO 8601, cut to the known precision. */
  readonly docking: string
  readonly dockingPrecision: TimePrecision
  /** UTC, ISO 8601, cut to the known precision; null while still docked. */
  readonly departure: string | null
  readonly departurePrecision: TimePrecision | null
  /**
   * No departure, at a station that has re-entered or at a port a later
   * docking used (`effectiveEnd`): not "still docked".
   */
  readonly departureUnknown: boolean
  /** The visit this docking is a leg of: its first leg's id; null without visits. */
  readonly visitId: number | null
  readonly source: DataSource
  readonly url: string | null
}

/** Column order for tables and CSV. */
export const EVENT_ROW_COLUMNS: ReadonlyArray<keyof EventRow> = [
  'id',
  'station',
  'port',
  'vehicle',
  'family',
  'role',
  'docking',
  'departure',
  'visitId',
  'source',
]

/**
 * Formats a UTC time at a precision, as ISO 8601 reduced precision.
 *
 * `second` gives `1977-12-11T03:02:41Z`, `minute` `1977-12-11T03:02Z`, `hour`
 * `1977-12-11T03Z`, `day` `1977-12-11`, `month` `1977-12`, `year` `1977`.
 */
export function formatAtPrecision(t: UtcMillis, precision: TimePrecision): string {
  const iso = toIsoUtc(t)
  switch (precision) {
    case 'second':
      return iso
    case 'minute':
      return `${iso.slice(0, 16)}Z`
    case 'hour':
      return `${iso.slice(0, 13)}Z`
    case 'day':
      return iso.slice(0, 10)
    case 'month':
      return iso.slice(0, 7)
    case 'year':
      return iso.slice(0, 4)
  }
}

/**
 * The flat row of an event; LL2 times carry no precision note and count as exact to the second.
 *
 * With `facts`, the row names its visit and whether its departure is
 * unknown; without, it has no visit and a missing departure reads as docked.
 */
export function toEventRow(event: DockingEvent, facts?: DataFacts): EventRow {
  const dockingPrecision = event.provenance?.dockingPrecision ?? 'second'
  const departurePrecision =
    event.departure === null ? null : (event.provenance?.departurePrecision ?? 'second')
  return {
    id: event.id,
    station: event.stationName,
    stationId: event.stationId,
    port: event.portName,
    portId: event.portId,
    vehicle: event.vehicle,
    family: event.family,
    role: event.role,
    agency: event.agency,
    docking: formatAtPrecision(event.docking, dockingPrecision),
    dockingPrecision,
    departure:
      event.departure === null || departurePrecision === null
        ? null
        : formatAtPrecision(event.departure, departurePrecision),
    departurePrecision,
    departureUnknown:
      facts !== undefined &&
      effectiveEnd(event, facts.checks.endFacts, facts.now).state === 'unknown',
    visitId: facts?.visits.visitOf.get(event.id)?.id ?? null,
    source: event.source,
    url: event.url,
  }
}

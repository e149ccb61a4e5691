/**
 * Turns validated LL2 records into domain values.
 *
 * This is the edge where LL2's polymorphic chaser/target fields become one
 * DockingEvent; nothing past here knows LL2 field names.
 */
import type { DataSource, DockingEvent, Port, Provenance, Station } from '../domain/model'
import { eventId, parseUtc, portId, stationId, utcMillis, type UtcMillis } from '../domain/units'
import { familyOf, roleOf } from '../domain/vehicle-family'
import type { Ll2DockingEvent, Ll2SpaceStation } from './schema'

/**
 * Version of what `toDockingEvent` makes of a record.
 *
 * Bump it whenever the same record would normalise differently (a new field,
 * a fixed rule): caches keep every raw record and rebuild their events from
 * them with this module when the version they were built with differs, so
 * migrations never copy normaliser logic into SQL.
 */
export const NORMALIZER_VERSION = 1

/** Where and when a record was fetched, stamped on the domain value. */
export interface RecordOrigin {
  readonly source: DataSource
  readonly fetchedAt: UtcMillis
}

// LL2 urls point at the browsable API (`?format=api`); the page without the
// query is the one a reader wants. Record 183 shows `""` for some URIs.
function webUrl(url: string | null | undefined): string | null {
  if (!url) return null
  return url.replace(/\?format=api$/, '')
}

function provenanceOf(record: Ll2DockingEvent): Provenance | null {
  const p = record.x_provenance
  if (!p) return null
  return {
    dockingPrecision: p.docking_precision ?? null,
    departurePrecision: p.departure_precision ?? null,
    eventType: p.event_type ?? null,
    portBasis: p.port_basis ?? null,
    spacecraftType: p.spacecraft_type ?? null,
    sources: p.sources ?? [],
    notes: p.notes ?? null,
  }
}

/** Normalizes one validated docking event record. */
export function toDockingEvent(record: Ll2DockingEvent, origin: RecordOrigin): DockingEvent {
  const location = record.docking_location ?? null
  const station = record.space_station_target ?? location?.spacestation ?? null
  const chaserCraft = record.flight_vehicle_chaser?.spacecraft ?? null
  const config = chaserCraft?.spacecraft_config ?? null
  const chaserPayload = record.payload_flight_chaser?.payload?.name ?? null
  const chaserStation = record.space_station_chaser?.name ?? null
  const vehicle = chaserCraft?.name ?? chaserPayload ?? chaserStation ?? `Docking ${record.id}`
  const configuration = config?.name ?? null
  const configurationType = config?.type?.name ?? null
  const departure = record.departure ? parseUtc(record.departure) : null
  return {
    id: eventId(record.id),
    stationId: station?.id != null ? stationId(station.id) : null,
    stationName: station?.name ?? null,
    portId: location ? portId(location.id) : null,
    portName: location?.name ?? null,
    vehicle,
    chaserFlightId: record.flight_vehicle_chaser?.id ?? null,
    serial: chaserCraft?.serial_number ?? null,
    configuration,
    configurationType,
    agency: config?.agency?.name ?? null,
    family: familyOf(configuration, vehicle),
    role: roleOf(configurationType, configuration, vehicle),
    // The schema has already checked both times parse.
    docking: parseUtc(record.docking) ?? utcMillis(0),
    departure,
    provenance: provenanceOf(record),
    source: origin.source,
    url: webUrl(record.url),
    fetchedAt: origin.fetchedAt,
    searchNames: {
      port: location?.name ?? null,
      chaserSpacecraft: chaserCraft?.name ?? null,
      targetSpacecraft: record.flight_vehicle_target?.spacecraft?.name ?? null,
      chaserPayload,
      targetPayload: record.payload_flight_target?.payload?.name ?? null,
      chaserStation,
      targetStation: record.space_station_target?.name ?? null,
    },
  }
}

/** The port a docking event names, if it belongs to a station. */
export function portOfEvent(record: Ll2DockingEvent): Port | null {
  const location = record.docking_location
  const owner = location?.spacestation ?? record.space_station_target ?? null
  if (!location || owner?.id == null) return null
  return { id: portId(location.id), name: location.name, stationId: stationId(owner.id) }
}

/** The station a docking event targets, if any. */
export function stationOfEvent(record: Ll2DockingEvent): Station | null {
  const s = record.space_station_target ?? record.docking_location?.spacestation ?? null
  if (s?.id == null || !s.name) return null
  return { id: stationId(s.id), name: s.name, status: null, deorbited: null }
}

/** Normalizes a validated space station record and its ports. */
export function toStation(record: Ll2SpaceStation): { station: Station; ports: Port[] } {
  const id = stationId(record.id)
  return {
    station: {
      id,
      name: record.name,
      status: record.status?.name ?? null,
      deorbited: record.deorbited || null,
    },
    ports: (record.docking_location ?? []).map((l) => ({
      id: portId(l.id),
      name: l.name,
      stationId: id,
    })),
  }
}

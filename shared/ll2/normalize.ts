/**
 * Turns validated LL2 records into domain values.
 *
 * This is the edge where LL2's polymorphic chaser/target fields become one
 * DockingEvent; nothing past here knows LL2 field names.
 */
import type {
  DataSource,
  DockingEvent,
  Ll2ApiVersion,
  OriginCorrection,
  Port,
  Provenance,
  Station,
} from '../domain/model'
import { eventId, parseUtc, portId, stationId, type EventId, type UtcMillis } from '../domain/units'
import { familyOf, roleOf } from '../domain/vehicle-family'
import { isUnplaced, placeRecord, type Placement, type Unplaced } from './placement'
import { apiVersionOf, correctedTimes, listedWithinOf, originOf } from './record-origin'
import type { Ll2DockingEvent, Ll2SpaceStation } from './schema'
import type { StationDirectory } from './station-directory'

/**
 * Version of what `toDockingEvent` makes of a record.
 *
 * Bump it whenever the same record would normalise differently (a new field,
 * a fixed rule): caches keep every raw record and rebuild their events from
 * them with this module when the version they were built with differs, so
 * migrations never copy normaliser logic into SQL.
 *
 * 2: records of LL2 2.1.0 and 2.2.0 placed through the station directory,
 * later corrections preferred, each event's origin; stations' founding date,
 * port list and docked events.
 * 3: when a station record's docked list was taken (`Station.listedWithin`).
 * 4: Apollo's Command/Service Module is a crew vehicle, not a station module.
 */
export const NORMALIZER_VERSION = 4

/** Where and when a record was fetched, stamped on the domain value. */
export interface RecordOrigin {
  readonly source: DataSource
  readonly fetchedAt: UtcMillis
}

// LL2 urls point at the browsable API (`?format=api`, `?format=json`); the
// page without the query is the one a reader wants. Record 183 shows `""`
// for some URIs. Records of 2.1.0 and 2.2.0 (whose pages LL2 no longer
// serves, and which transcriptions lack) link to the same id in 2.3.0: LL2
// ids are stable, so that page is LL2's current word on the record.
function webUrl(record: Ll2DockingEvent, version: Ll2ApiVersion | null): string | null {
  const own = record.url ? record.url.replace(/\?format=\w+$/, '') : null
  if (version === '2.3.0' || version === null) return own || null
  const official = own === null || own.startsWith('https://ll.thespacedevs.com/')
  return official ? `https://ll.thespacedevs.com/2.3.0/docking_events/${record.id}/` : own
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

/** A record's docking event with the port and station it sits at, or why it cannot be placed. */
export type NormalizeResult =
  | {
      readonly ok: true
      readonly event: DockingEvent
      readonly port: Port
      readonly station: Station
    }
  | { readonly ok: false; readonly unplaced: Unplaced }

// What changed when LL2's later capture is preferred: times, and the port or
// station the record is placed at.
function correctionsOf(
  record: Ll2DockingEvent,
  placed: Placement,
  directory: StationDirectory,
): OriginCorrection['fields'] {
  const fields = [...correctedTimes(record)]
  if (!record.x_ll2_2_2_0) return fields
  const own = placeRecord(record, directory, false)
  if (isUnplaced(own)) return fields
  if (own.station.id !== placed.station.id) fields.push('station')
  if (own.port.id !== placed.port.id) fields.push('port')
  return fields
}

/**
 * Normalizes one validated docking event record of any LL2 version.
 *
 * LL2's later corrections (`x_ll2_2_2_0`) win over the record's own values;
 * the station and port come from `placeRecord`. A record with no docking
 * time, station or port is returned as unplaced, with the reason.
 */
export function normalizeRecord(
  record: Ll2DockingEvent,
  directory: StationDirectory,
  origin: RecordOrigin,
): NormalizeResult {
  const later = record.x_ll2_2_2_0
  const dockingText = later?.docking ?? record.docking
  const docking = dockingText ? parseUtc(dockingText) : null
  if (docking === null) {
    return {
      ok: false,
      unplaced: {
        id: record.id,
        reason: 'no-docking-time',
        detail: 'the record has no docking time',
      },
    }
  }
  const placed = placeRecord(record, directory)
  if (isUnplaced(placed)) return { ok: false, unplaced: placed }
  const departureText = later && 'departure' in later ? later.departure : record.departure
  const { station, port } = placed
  const chaserCraft =
    record.flight_vehicle_chaser?.spacecraft ?? record.flight_vehicle?.spacecraft ?? null
  const config = chaserCraft?.spacecraft_config ?? null
  const chaserPayload = record.payload_flight_chaser?.payload?.name ?? null
  const chaserStation = record.space_station_chaser?.name ?? null
  const vehicle = chaserCraft?.name ?? chaserPayload ?? chaserStation ?? `Docking ${record.id}`
  const configuration = config?.name ?? null
  const configurationType = config?.type?.name ?? null
  const version = apiVersionOf(record)
  const event: DockingEvent = {
    id: eventId(record.id),
    stationId: station.id,
    stationName: station.name,
    portId: port.id,
    portName: port.name,
    vehicle,
    chaserFlightId: record.flight_vehicle_chaser?.id ?? record.flight_vehicle?.id ?? null,
    serial: chaserCraft?.serial_number ?? null,
    configuration,
    configurationType,
    agency: config?.agency?.name ?? null,
    family: familyOf(configuration, vehicle),
    role: roleOf(configurationType, configuration, vehicle),
    docking,
    departure: departureText ? parseUtc(departureText) : null,
    provenance: provenanceOf(record),
    origin: originOf(record, correctionsOf(record, placed, directory)),
    source: origin.source,
    url: webUrl(record, version),
    fetchedAt: origin.fetchedAt,
    searchNames: {
      port: port.name,
      chaserSpacecraft: chaserCraft?.name ?? null,
      targetSpacecraft: record.flight_vehicle_target?.spacecraft?.name ?? null,
      chaserPayload,
      targetPayload: record.payload_flight_target?.payload?.name ?? null,
      chaserStation,
      // LL2 2.3.0 searches `space_station_target`; older records place their
      // station elsewhere, where 2.3.0 would have it as the target.
      targetStation:
        version === '2.3.0' ? (record.space_station_target?.name ?? null) : station.name,
    },
  }
  return { ok: true, event, port, station }
}

/** Ids of the events a station record lists as docked, or null when it lists none of that kind. */
function activeIdsOf(record: Ll2SpaceStation): EventId[] | null {
  const listed = record.active_docking_events
  const docked = (record.docking_location ?? []).flatMap((l) =>
    l.currently_docked ? [l.currently_docked.id] : [],
  )
  if (!listed && !record.docking_location) return null
  const ids = new Set([...(listed ?? []).map((e) => e.id), ...docked])
  return [...ids].sort((a, b) => a - b).map(eventId)
}

/**
 * Normalizes a validated space station record and its ports. `fetchedAt` is
 * when a server answered us with it; null when the caller cannot say (a
 * snapshot file, whose records name their own capture).
 */
export function toStation(
  record: Ll2SpaceStation,
  fetchedAt: UtcMillis | null,
): { station: Station; ports: Port[] } {
  const id = stationId(record.id)
  const ports = (record.docking_location ?? []).map((l) => ({
    id: portId(l.id),
    name: l.name,
    stationId: id,
  }))
  return {
    station: {
      id,
      name: record.name,
      status: record.status?.name ?? null,
      founded: record.founded || null,
      deorbited: record.deorbited || null,
      portIds: ports.map((p) => p.id),
      activeDockingEventIds: activeIdsOf(record),
      listedWithin: listedWithinOf(record, fetchedAt),
    },
    ports,
  }
}

import type { DockingEvent, SearchNames } from '../../../shared/domain/model'
import { eventId, portId, stationId, utcMillis } from '../../../shared/domain/units'
import { familyOf, roleOf } from '../../../shared/domain/vehicle-family'
import { SERVED_ORIGIN } from '../../../shared/ll2/record-origin'

/** What a test says about an event; the rest is filled in plausibly. */
export interface EventSpec {
  readonly id: number
  readonly station?: readonly [id: number, name: string] | null
  readonly port?: readonly [id: number, name: string] | null
  readonly vehicle?: string
  readonly configuration?: string | null
  readonly agency?: string | null
  readonly configurationType?: string | null
  readonly docking: string
  readonly departure?: string | null
  readonly names?: Partial<SearchNames>
}

/** A DockingEvent as ingest would make it, from a short spec. */
export function makeEvent(spec: EventSpec): DockingEvent {
  const station = spec.station === undefined ? ([14, 'Salyut 6'] as const) : spec.station
  const port = spec.port === undefined ? ([4, 'Salyut-6 forward'] as const) : spec.port
  const vehicle = spec.vehicle ?? `Vehicle ${spec.id}`
  const configuration = spec.configuration === undefined ? null : spec.configuration
  const configurationType = spec.configurationType ?? null
  return {
    id: eventId(spec.id),
    stationId: station ? stationId(station[0]) : null,
    stationName: station ? station[1] : null,
    portId: port ? portId(port[0]) : null,
    portName: port ? port[1] : null,
    vehicle,
    chaserFlightId: null,
    serial: null,
    configuration,
    configurationType,
    agency: spec.agency ?? null,
    family: familyOf(configuration, vehicle),
    role: roleOf(configurationType, configuration, vehicle),
    docking: utcMillis(Date.parse(spec.docking)),
    departure:
      spec.departure === undefined || spec.departure === null
        ? null
        : utcMillis(Date.parse(spec.departure)),
    provenance: null,
    origin: SERVED_ORIGIN,
    source: 'll2',
    url: null,
    fetchedAt: utcMillis(0),
    searchNames: {
      port: port ? port[1] : null,
      chaserSpacecraft: vehicle,
      targetSpacecraft: null,
      chaserPayload: null,
      targetPayload: null,
      chaserStation: null,
      targetStation: station ? station[1] : null,
      ...spec.names,
    },
  }
}

/** Where an event is: its station and port, as `makeEvent` takes them. */
export interface Place {
  readonly station: EventSpec['station']
  readonly port: EventSpec['port']
}

/**
 * An event in one line, for fixtures that list many dockings: its place, id,
 * vehicle (undefined: "Vehicle <id>") and times (no departure: still docked).
 */
export function dockingAt(
  place: Place,
  id: number,
  vehicle: string | undefined,
  docking: string,
  departure: string | null = null,
): DockingEvent {
  return makeEvent({
    ...place,
    id,
    ...(vehicle === undefined ? {} : { vehicle }),
    docking,
    departure,
  })
}

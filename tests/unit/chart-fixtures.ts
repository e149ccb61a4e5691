import type { DockingEvent } from '../../shared/model'
import { eventId, portId, stationId, utcMillis } from '../../shared/units'
import { familyOf, roleOf } from '../../shared/vehicle-family'

/** A hand-built docking event; times are ISO strings for readability. */
export function dockingEvent(
  id: number,
  docking: string,
  departure: string | null,
  where: {
    station?: number
    stationName?: string
    port?: number | null
    portName?: string | null
  } = {},
  vehicle = `Soyuz ${id}`,
): DockingEvent {
  const port = where.port === undefined ? 1 : where.port
  return {
    id: eventId(id),
    stationId: stationId(where.station ?? 10),
    stationName: where.stationName ?? 'Station A',
    portId: port === null ? null : portId(port),
    portName: port === null ? null : (where.portName ?? `Port ${port}`),
    vehicle,
    serial: null,
    configuration: null,
    configurationType: null,
    agency: null,
    family: familyOf(null, vehicle),
    role: roleOf(null, null, vehicle),
    docking: utcMillis(Date.parse(docking)),
    departure: departure === null ? null : utcMillis(Date.parse(departure)),
    provenance: null,
    source: 'snapshot',
    url: null,
    fetchedAt: utcMillis(0),
    searchNames: {
      port: null,
      chaserSpacecraft: vehicle,
      targetSpacecraft: null,
      chaserPayload: null,
      targetPayload: null,
      chaserStation: null,
      targetStation: null,
    },
  }
}

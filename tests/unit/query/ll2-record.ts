import type { DockingEvent } from '../../../shared/domain/model'
import { ingestRecords } from '../../../shared/ll2/ingest'
import { utcMillis } from '../../../shared/domain/units'

/** What a test says about an LL2 record; the rest is filled in as LL2 would. */
export interface RecordSpec {
  readonly id: number
  readonly docking: string
  readonly departure?: string | null
  readonly station?: readonly [number, string] | null
  readonly port?: readonly [number, string] | null
  readonly chaser?: readonly [flightId: number, name: string, config: string] | null
  readonly chaserPayload?: string
  readonly targetSpacecraft?: string
  readonly targetPayload?: string
  readonly chaserStation?: string
  readonly precision?: { docking?: string; departure?: string }
}

/** A minimal LL2 docking-event record. */
export function ll2Record(spec: RecordSpec): Record<string, unknown> {
  const station =
    spec.station === undefined ? ([4, 'International Space Station'] as const) : spec.station
  const port = spec.port === undefined ? ([41, 'Harmony forward'] as const) : spec.port
  const chaser =
    spec.chaser === undefined
      ? ([500 + spec.id, `Soyuz MS-${spec.id}`, 'Soyuz MS'] as const)
      : spec.chaser
  const stationMini = station && { id: station[0], name: station[1] }
  return {
    id: spec.id,
    url: `https://ll.thespacedevs.com/2.3.0/docking_events/${spec.id}/`,
    docking: spec.docking,
    departure: spec.departure ?? null,
    docking_location: port && {
      id: port[0],
      name: port[1],
      spacestation: stationMini,
      spacecraft: null,
      payload: null,
    },
    space_station_target: stationMini,
    flight_vehicle_chaser: chaser && {
      id: chaser[0],
      spacecraft: { name: chaser[1], serial_number: null, spacecraft_config: { name: chaser[2] } },
    },
    flight_vehicle_target: spec.targetSpacecraft
      ? { id: 1, spacecraft: { name: spec.targetSpacecraft } }
      : null,
    payload_flight_chaser: spec.chaserPayload
      ? { id: 2, payload: { name: spec.chaserPayload } }
      : null,
    payload_flight_target: spec.targetPayload
      ? { id: 3, payload: { name: spec.targetPayload } }
      : null,
    space_station_chaser: spec.chaserStation ? { id: 99, name: spec.chaserStation } : null,
    ...(spec.precision
      ? {
          x_provenance: {
            docking_precision: spec.precision.docking ?? 'second',
            departure_precision: spec.precision.departure ?? 'second',
            sources: ['test'],
          },
        }
      : {}),
  }
}

/** DockingEvents from record specs, through the real ingest. */
export function eventsOf(specs: ReadonlyArray<RecordSpec>): DockingEvent[] {
  return ingestRecords(
    specs.map(ll2Record),
    { source: 'll2', fetchedAt: utcMillis(0) },
    'test',
  ).events.map((s) => s.event)
}

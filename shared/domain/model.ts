/**
 * The domain model: stations, ports and docking events as the app uses them.
 *
 * LL2 field names stop at the validation edge (`shared/ll2/`); everything past
 * it speaks in these types.
 */
import type { EventId, PortId, StationId, UtcMillis } from './units'

/** How precisely a time is known; day-precision times must never be shown as exact. */
export type TimePrecision = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year'

/** Where an event record came from. */
export type DataSource = 'snapshot' | 'll2' | 'import'

/** What a docked vehicle is for. */
export type VehicleRole = 'crew' | 'cargo' | 'module' | 'other'

/** Vehicle families the chart colours and the legend name. */
export type VehicleFamily =
  | 'Soyuz'
  | 'Progress'
  | 'Dragon'
  | 'Cygnus'
  | 'HTV'
  | 'ATV'
  | 'Shuttle'
  | 'Starliner'
  | 'Shenzhou'
  | 'Tianzhou'
  | 'Apollo'
  | 'TKS/Cosmos'
  | 'Other'

/** Provenance of a record, as the bundled snapshot's `x_provenance` gives it. */
export interface Provenance {
  readonly dockingPrecision: TimePrecision | null
  readonly departurePrecision: TimePrecision | null
  readonly eventType: string | null
  readonly portBasis: string | null
  readonly spacecraftType: string | null
  readonly sources: ReadonlyArray<string>
  readonly notes: string | null
}

/** A space station. */
export interface Station {
  readonly id: StationId
  readonly name: string
  /** LL2 status name, e.g. "Active" or "De-Orbited"; null when unknown. */
  readonly status: string | null
  /** Deorbit date (UTC ISO date) when known. */
  readonly deorbited: string | null
}

/** A docking location (port) of a station. */
export interface Port {
  readonly id: PortId
  readonly name: string
  readonly stationId: StationId
}

/** One docking: a vehicle at a port from docking until departure. */
export interface DockingEvent {
  readonly id: EventId
  /** Target station; null for dockings that involve no station (LL2 2.3.0 allows them). */
  readonly stationId: StationId | null
  readonly stationName: string | null
  readonly portId: PortId | null
  readonly portName: string | null
  /** The chaser's name: spacecraft, payload or station. */
  readonly vehicle: string
  /**
   * LL2 id of the chaser spacecraft flight (what `flight_vehicle_chaser__id` filters on).
   *
   * Null when the chaser is a payload or station, or the record has no flight id;
   * optional only so hand-built values in tests need not name it.
   */
  readonly chaserFlightId?: number | null
  readonly serial: string | null
  readonly configuration: string | null
  /** LL2 `spacecraft_config.type.name` (e.g. "Capsule", "Cargo"), when present. */
  readonly configurationType: string | null
  readonly agency: string | null
  readonly family: VehicleFamily
  readonly role: VehicleRole
  readonly docking: UtcMillis
  /** Null when the vehicle is still docked (or LL2 does not know). */
  readonly departure: UtcMillis | null
  readonly provenance: Provenance | null
  readonly source: DataSource
  /** LL2 web address of the record, or null for records that are not LL2's. */
  readonly url: string | null
  readonly fetchedAt: UtcMillis
  /** Names LL2's `search` looks at, kept so local search matches LL2 exactly. */
  readonly searchNames: SearchNames
}

/** The seven fields LL2's SearchFilter matches for docking events. */
export interface SearchNames {
  readonly port: string | null
  readonly chaserSpacecraft: string | null
  readonly targetSpacecraft: string | null
  readonly chaserPayload: string | null
  readonly targetPayload: string | null
  readonly chaserStation: string | null
  readonly targetStation: string | null
}

/** What the cache holds and where it came from, for the status line and export footers. */
export interface DataInfo {
  readonly eventCount: number
  readonly stationCount: number
  readonly portCount: number
  /** Counts of events by source. */
  readonly sources: Readonly<Partial<Record<DataSource, number>>>
  /** A sentence saying where the data came from. */
  readonly provenance: string
  /** One line crediting the data for readers of a figure (`dataCredit`): no ids or field names. */
  readonly credit: string
  /** The LL2 server (base URL) of the last completed sync; null when never synced. */
  readonly ll2Server: string | null
  /** Time of the last completed sync or snapshot load, UTC millis; null if never. */
  readonly dataAsOf: UtcMillis | null
}

/** Everything the renderer needs to draw the chart. */
export interface DockingData {
  readonly stations: ReadonlyArray<Station>
  readonly ports: ReadonlyArray<Port>
  readonly events: ReadonlyArray<DockingEvent>
  readonly info: DataInfo
}

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
  /** Launch of its first module (UTC ISO date, LL2 `founded`) when known. */
  readonly founded: string | null
  /** Deorbit date (UTC ISO date) when known. */
  readonly deorbited: string | null
  /** Its ports in LL2's order, as its station record lists them; empty when no record was read. */
  readonly portIds: ReadonlyArray<PortId>
  /**
   * Events its station record lists as docked when it was fetched (LL2's
   * `active_docking_events` and each port's `currently_docked`); null when no
   * station record was read, so "none docked" and "not known" stay apart.
   */
  readonly activeDockingEventIds: ReadonlyArray<EventId> | null
  /**
   * When that list was taken: the fetch's instant for a record a sync fetched
   * (`from` = `to`), the capture's UTC day for one someone else captured;
   * null when not known (a capture with no date, or only an approximate one).
   */
  readonly listedWithin: ListedWithin | null
}

/** The span in which a station record's list of docked events was taken. */
export interface ListedWithin {
  readonly from: UtcMillis
  readonly to: UtcMillis
}

/** A docking location (port) of a station. */
export interface Port {
  readonly id: PortId
  readonly name: string
  readonly stationId: StationId
}

/** Which LL2 API version served a record, e.g. "2.1.0". */
export type Ll2ApiVersion = '2.1.0' | '2.2.0' | '2.3.0'

/**
 * How a record reached us.
 *
 * `served`: as an LL2 server answered (sync, or a file of LL2 responses);
 * `as-found`: an LL2 response someone else captured and published;
 * `currently-docked`: the short form a space-station record nests under a port;
 * `pruned-transcription`: copied value by value from a summary of an LL2 capture.
 */
export type RecordForm = 'served' | 'as-found' | 'currently-docked' | 'pruned-transcription'

/** A later LL2 capture whose values replaced some of a record's (LL2's own corrections). */
export interface OriginCorrection {
  readonly apiVersion: Ll2ApiVersion
  /** When that capture was made: `YYYY-MM` or `YYYY-MM-DD`; null when unknown. */
  readonly capturedAt: string | null
  readonly capturedApproximately: boolean
  /** Which of the record's values it changed. */
  readonly fields: ReadonlyArray<'docking' | 'departure' | 'port' | 'station'>
}

/** Where an LL2 record came from: API version, form, who captured it and when. */
export interface EventOrigin {
  /** Null when neither the record nor its shape says. */
  readonly apiVersion: Ll2ApiVersion | null
  readonly form: RecordForm
  /** `owner/repo@commit:path` of a captured record (LL2's `x_source`), else null. */
  readonly xSource: string | null
  /** When the capture was made: `YYYY-MM` or `YYYY-MM-DD`; null for records fetched here. */
  readonly capturedAt: string | null
  /** The capture date is "about" (known to the month from its repository's history). */
  readonly capturedApproximately: boolean
  /** LL2's later corrections applied over the record's own values; null when none. */
  readonly correction: OriginCorrection | null
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
  /** Which LL2 version and capture the record came from. */
  readonly origin: EventOrigin
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

/**
 * Lenient runtime schemas for the LL2 2.3.0 records the app reads.
 *
 * Only fields the app uses are checked; everything else passes through
 * untouched (the raw JSON is stored anyway). Real records break the official
 * spec: record 183 has `null` where objects are promised and `""` where a URI
 * is promised, so nullable and loose is the rule here.
 */
import { z } from 'zod'

const named = z.looseObject({ id: z.number().int().nullish(), name: z.string().nullish() })

/** `docking_location`: a port, owned by a station, a spacecraft or a payload. */
export const ll2DockingLocationSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  spacestation: named.nullish(),
  spacecraft: named.nullish(),
  payload: named.nullish(),
})

const spacecraftConfig = z.looseObject({
  name: z.string().nullish(),
  type: named.nullish(),
  agency: named.nullish(),
})

const flightVehicle = z.looseObject({
  id: z.number().int().nullish(),
  // LL2 2.1.0 and 2.2.0 name the flight's target only here, in words.
  destination: z.string().nullish(),
  spacecraft: z
    .looseObject({
      name: z.string().nullish(),
      serial_number: z.string().nullish(),
      spacecraft_config: spacecraftConfig.nullish(),
    })
    .nullish(),
})

const payloadFlight = z.looseObject({
  id: z.number().int().nullish(),
  payload: z.looseObject({ name: z.string().nullish() }).nullish(),
})

const precision = z.enum(['second', 'minute', 'hour', 'day', 'month', 'year'])

/** `x_provenance`: our own extension, carried by the bundled snapshot's records. */
export const xProvenanceSchema = z.looseObject({
  docking_precision: precision.nullish(),
  departure_precision: precision.nullish(),
  event_type: z.string().nullish(),
  port_basis: z.string().nullish(),
  spacecraft_type: z.string().nullish(),
  sources: z.array(z.string()).nullish(),
  notes: z.string().nullish(),
})

// `Date.parse` alone is too forgiving: V8 reads "sometime in 1978" as 1978-01-01.
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/** An ISO 8601 date-time string that `Date.parse` reads. */
export const isoDateTime = z
  .string()
  .refine((s) => ISO_DATE_TIME.test(s) && Number.isFinite(Date.parse(s)), {
    message: 'not an ISO 8601 date-time',
  })

// A port as an event names it: 2.2.0 transcriptions give only its name and
// its station's name, 2.1.0 records only `{id, name}` with no station.
const eventLocation = z.looseObject({
  id: z.number().int().nullish(),
  name: z.string().nullish(),
  spacestation: named.nullish(),
  spacecraft: named.nullish(),
  payload: named.nullish(),
})

/** `x_ll2_2_2_0`: the same id's values in a later LL2 2.2.0 capture (LL2's corrections). */
const laterCapture = z.looseObject({
  docking: isoDateTime.nullish(),
  departure: isoDateTime.nullish(),
  docking_location: named.nullish(),
  station: named.nullish(),
  x_source: z.string().nullish(),
})

/**
 * One docking event record: LL2 2.3.0 `docking_events` (normal or detailed
 * mode, or the `currently_docked` form a station record nests), or LL2
 * 2.1.0/2.2.0 `docking_event` (`flight_vehicle` for the chaser, ports without
 * a station), with the `x_` fields of captured records.
 *
 * `docking` may be missing: such a record cannot be placed on a timeline and
 * is reported as unplaced, not rejected with the records around it.
 */
export const ll2DockingEventSchema = z.looseObject({
  id: z.number().int(),
  url: z.string().nullish(),
  docking: isoDateTime.nullish(),
  departure: isoDateTime.nullish(),
  docking_location: eventLocation.nullish(),
  flight_vehicle: flightVehicle.nullish(),
  space_station_target: named.nullish(),
  space_station_chaser: named.nullish(),
  flight_vehicle_target: flightVehicle.nullish(),
  flight_vehicle_chaser: flightVehicle.nullish(),
  payload_flight_target: payloadFlight.nullish(),
  payload_flight_chaser: payloadFlight.nullish(),
  x_provenance: xProvenanceSchema.nullish(),
  x_api_version: z.string().nullish(),
  x_record_form: z.string().nullish(),
  x_source: z.string().nullish(),
  // "github-actions commit 2026-07-24 (...)": when a captured station record was made.
  x_snapshot: z.string().nullish(),
  x_ll2_2_2_0: laterCapture.nullish(),
  // Station and port a `currently_docked` record was listed under (it names neither).
  x_context: z
    .looseObject({ space_station: named.nullish(), docking_location: named.nullish() })
    .nullish(),
})

/** A parsed docking event record. */
export type Ll2DockingEvent = z.infer<typeof ll2DockingEventSchema>

/** One `space_stations` record (detailed mode adds ports and active events). */
export const ll2SpaceStationSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  status: named.nullish(),
  deorbited: z.string().nullish(),
  founded: z.string().nullish(),
  docking_location: z
    .array(
      z.looseObject({
        id: z.number().int(),
        name: z.string(),
        currently_docked: z.looseObject({ id: z.number().int() }).nullish(),
      }),
    )
    .nullish(),
  active_docking_events: z.array(z.looseObject({ id: z.number().int() })).nullish(),
  // Who captured a record we did not fetch ourselves, and when (record-origin.ts).
  x_source: z.string().nullish(),
  x_snapshot: z.string().nullish(),
})

/** A parsed space station record. */
export type Ll2SpaceStation = z.infer<typeof ll2SpaceStationSchema>

/** A paginated LL2 list response. */
export function ll2PageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    count: z.number().int().nonnegative(),
    next: z.string().nullish(),
    previous: z.string().nullish(),
    results: z.array(item),
  })
}

/** A page whose envelope (count, next, results) has been checked; its records are not yet. */
export interface Ll2Page {
  /** Where it came from, for error messages. */
  readonly url: string
  readonly count: number
  readonly next: string | null
  readonly results: ReadonlyArray<unknown>
}

/**
 * Describes a zod error as "field: problem" naming the first bad path.
 *
 * Used in error messages, which must name the field that failed.
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid value'
  const path = issue.path.length ? issue.path.join('.') : '(root)'
  return `${path}: ${issue.message}`
}

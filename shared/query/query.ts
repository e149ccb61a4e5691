/**
 * The query: one serialisable object that says which docking events to show, and in what order.
 *
 * The filter panel edits it, saved views, preferences and exports store it,
 * the CLI parses its flags into it. `evaluate.ts` runs it over local events,
 * `to-ll2-params.ts` turns what LL2 can do into request parameters and
 * `describe.ts` puts it into words. It holds only JSON values (ids and millis
 * as numbers) so it survives `JSON.stringify` and IPC unchanged.
 */
import { z } from 'zod'

import type { DataSource, VehicleFamily, VehicleRole } from '../domain/model'
import type { DurationMs, PortId, StationId, UtcMillis } from '../domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../domain/vehicle-family'

/**
 * Whether a vehicle has left its port yet: departed, still docked, or no
 * departure recorded where it cannot still be (its station re-entered, a
 * later docking used its port, or its station's record no longer lists it).
 */
export type DockedState = 'docked' | 'departed' | 'unknown'

/** Every docked state, in the order the panel lists them. */
export const DOCKED_STATES: ReadonlyArray<DockedState> = ['docked', 'departed', 'unknown']

/** Every data source, in the order the CLI lists them. */
export const DATA_SOURCES: ReadonlyArray<DataSource> = ['snapshot', 'll2', 'import']

/** LL2 `ordering` values for docking events; `-` means descending. */
export type EventOrdering = 'docking' | '-docking' | 'departure' | '-departure'

/** Every ordering, for validation of user input. */
export const EVENT_ORDERINGS: ReadonlyArray<EventOrdering> = [
  'docking',
  '-docking',
  'departure',
  '-departure',
]

/**
 * Option value standing for "no value" in the configuration and agency lists.
 *
 * LL2 leaves `spacecraft_config` or its agency null on many older records; the
 * user must be able to pick (or exclude) those too, and an empty string is not a
 * real configuration or agency name.
 */
export const UNKNOWN_OPTION = ''

/**
 * How the search matches text.
 *
 * `words`: each term starts a word of a name, date, note or source, quoted
 * text is an exact phrase (`search-words.ts`); the app's own, so applied
 * locally. `ll2`: LL2's SearchFilter, any substring of seven name fields
 * (`search.ts`), which a sync can send to LL2 as it is.
 */
export type SearchMode = 'words' | 'll2'

/** Every search mode, the default first. */
export const SEARCH_MODES: ReadonlyArray<SearchMode> = ['words', 'll2']

/**
 * Time bounds with exactly LL2's `__gt/gte/lt/lte` meaning.
 *
 * Each is UTC millis or null (no bound). All four may be set at once, as they
 * may on LL2; an event passes when it satisfies every bound that is set.
 */
export interface TimeBounds {
  readonly gt: UtcMillis | null
  readonly gte: UtcMillis | null
  readonly lt: UtcMillis | null
  readonly lte: UtcMillis | null
}

/** Docking-time bounds: LL2's `docking__gt/gte/lt/lte`. */
export type DockingBounds = TimeBounds

/**
 * Which docking events to show, and in what order.
 *
 * Filters combine with AND; within a list any value may match. Empty lists and
 * nulls mean "no filter". `search`, `docking`, `stations`, `ports`,
 * `chaserFlightId` and `ordering` mean what LL2's parameters of the same idea
 * mean; the rest LL2 does not have and is applied locally.
 */
export interface Query {
  /** Free text; terms split on spaces and commas, all must match, as `searchMode` says. */
  readonly search: string
  /** Word starts (the default) or LL2's substring search. */
  readonly searchMode: SearchMode
  /**
   * In `ll2` mode, whether search also looks at vehicle configuration and agency names.
   *
   * LL2's own `search` does not, so with this on the search cannot be sent to
   * LL2 and is applied locally (the panel says so). Words mode always does.
   */
  readonly searchVehicleNames: boolean
  /** Selected stations (LL2 `space_station_target__id`): every event at one of them passes. */
  readonly stations: ReadonlyArray<StationId>
  /**
   * Selected ports (LL2 `docking_location__id`): every event at one of them passes.
   *
   * A union with `stations`: ports are listed under their station, and a
   * station stands for all of its ports.
   */
  readonly ports: ReadonlyArray<PortId>
  /** LL2 `flight_vehicle_chaser__id`: one chaser flight (a relocation docks twice). */
  readonly chaserFlightId: number | null
  readonly families: ReadonlyArray<VehicleFamily>
  /** Configuration names; `UNKNOWN_OPTION` selects events without one. */
  readonly configurations: ReadonlyArray<string>
  /** Agency names; `UNKNOWN_OPTION` selects events without one. */
  readonly agencies: ReadonlyArray<string>
  readonly roles: ReadonlyArray<VehicleRole>
  readonly states: ReadonlyArray<DockedState>
  /** Where the cached record came from. */
  readonly sources: ReadonlyArray<DataSource>
  readonly docking: DockingBounds
  /**
   * Departure-time bounds, same meaning as `docking` but on the departure.
   *
   * LL2 2.3.0 has no departure filter, so these are applied locally. A vehicle
   * still docked (no departure) fails every departure bound: it has not left.
   */
  readonly departure: TimeBounds
  /** Shortest stay (docking to departure, or to now while docked), inclusive. */
  readonly minStay: DurationMs | null
  /** Longest stay, inclusive. */
  readonly maxStay: DurationMs | null
  /**
   * Only events some reference record disagrees with (`shared/reference/`).
   * Local only: LL2 has no word for another source's record.
   */
  readonly conflictsWithReference: boolean
  /**
   * Only events a data check flags (`shared/quality/data-checks.ts`).
   *
   * LL2 has no such filter; the caller hands `evaluate` the flagged ids.
   */
  readonly flagged: boolean
  /** LL2 `ordering`; ties fall back to the event id. */
  readonly ordering: EventOrdering
}

/** No time bounds. */
export const NO_TIME_BOUNDS: TimeBounds = { gt: null, gte: null, lt: null, lte: null }

/**
 * No docking bounds.
 *
 * Its own object, not `NO_TIME_BOUNDS`: IPC refuses a value that refers to one
 * object twice, and a query's two ranges would otherwise share it.
 */
export const NO_DOCKING_BOUNDS: DockingBounds = { gt: null, gte: null, lt: null, lte: null }

/** The query with nothing filtered: every event shows, in docking order. */
export const DEFAULT_QUERY: Query = {
  search: '',
  searchMode: 'words',
  searchVehicleNames: true,
  stations: [],
  ports: [],
  chaserFlightId: null,
  families: [],
  configurations: [],
  agencies: [],
  roles: [],
  states: [],
  sources: [],
  docking: NO_DOCKING_BOUNDS,
  departure: NO_TIME_BOUNDS,
  minStay: null,
  maxStay: null,
  conflictsWithReference: false,
  flagged: false,
  ordering: 'docking',
}

/** The multi-select dimensions of the query, each a list of option values. */
export type OptionDimension =
  'stations' | 'ports' | 'families' | 'configurations' | 'agencies' | 'roles' | 'states' | 'sources'

/** The value type of each option dimension. */
export interface OptionValues {
  readonly stations: StationId
  readonly ports: PortId
  readonly families: VehicleFamily
  readonly configurations: string
  readonly agencies: string
  readonly roles: VehicleRole
  readonly states: DockedState
  readonly sources: DataSource
}

/** Every option dimension, in panel order. */
export const OPTION_DIMENSIONS: ReadonlyArray<OptionDimension> = [
  'stations',
  'ports',
  'families',
  'configurations',
  'agencies',
  'roles',
  'states',
  'sources',
]

// The largest id or time we accept from a stored value; anything beyond is corrupt.
const MAX_MILLIS = 8.64e15

const id = z.number().int().nonnegative().max(MAX_MILLIS)
const millis = z.number().finite().min(-MAX_MILLIS).max(MAX_MILLIS).nullable()
const duration = z.number().finite().nonnegative().max(MAX_MILLIS).nullable()
const unique = <T>(a: ReadonlyArray<T>): T[] => [...new Set(a)]
const oneOf = <T extends string>(values: ReadonlyArray<T>) => z.enum(values as [T, ...T[]])

const bounds = z.strictObject({
  gt: millis.default(null),
  gte: millis.default(null),
  lt: millis.default(null),
  lte: millis.default(null),
})
const lenientBounds = z
  .object({
    gt: millis.catch(null),
    gte: millis.catch(null),
    lt: millis.catch(null),
    lte: millis.catch(null),
  })
  .catch(() => ({ ...NO_TIME_BOUNDS }))

// One schema per field, strict: a value either is right or is reported.
const FIELDS = {
  search: z.string().max(1000),
  searchMode: oneOf(SEARCH_MODES),
  searchVehicleNames: z.boolean(),
  stations: z.array(id).transform(unique),
  ports: z.array(id).transform(unique),
  chaserFlightId: id.nullable(),
  families: z.array(oneOf(VEHICLE_FAMILIES)).transform(unique),
  configurations: z.array(z.string().max(500)).transform(unique),
  agencies: z.array(z.string().max(500)).transform(unique),
  roles: z.array(oneOf(VEHICLE_ROLES)).transform(unique),
  states: z.array(oneOf(DOCKED_STATES)).transform(unique),
  sources: z.array(oneOf(DATA_SOURCES)).transform(unique),
  docking: bounds,
  departure: bounds,
  minStay: duration,
  maxStay: duration,
  conflictsWithReference: z.boolean(),
  flagged: z.boolean(),
  ordering: oneOf(EVENT_ORDERINGS),
} as const

type FieldName = keyof typeof FIELDS

// Missing fields take their default; unknown keys are a mistake worth naming.
const strictSchema = z.strictObject(
  Object.fromEntries(
    (Object.keys(FIELDS) as FieldName[]).map((k) => [k, FIELDS[k].optional()]),
  ) as { [K in FieldName]: z.ZodOptional<(typeof FIELDS)[K]> },
)

// Lenient reading of stored values: every field falls back on its own, so one
// bad field (an older version, a hand-edited file) does not lose the rest, and
// list fields keep their good entries (a family renamed in a later version
// drops out; the other families stay). Fields added later (ordering, sources,
// chaser flight, conflicts with reference) take their default in values stored
// before them.
const keepValid = <T>(item: z.ZodType<T>) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((a) => unique(a.filter((v) => item.safeParse(v).success) as T[]))
const lenientSchema = z.object({
  search: FIELDS.search.catch(''),
  searchMode: FIELDS.searchMode.catch('words'),
  searchVehicleNames: FIELDS.searchVehicleNames.catch(true),
  stations: keepValid(id),
  ports: keepValid(id),
  chaserFlightId: FIELDS.chaserFlightId.catch(null),
  families: keepValid(oneOf(VEHICLE_FAMILIES)),
  configurations: keepValid(z.string().max(500)),
  agencies: keepValid(z.string().max(500)),
  roles: keepValid(oneOf(VEHICLE_ROLES)),
  states: keepValid(oneOf(DOCKED_STATES)),
  sources: keepValid(oneOf(DATA_SOURCES)),
  docking: lenientBounds,
  departure: lenientBounds,
  minStay: duration.catch(null),
  maxStay: duration.catch(null),
  conflictsWithReference: FIELDS.conflictsWithReference.catch(false),
  flagged: FIELDS.flagged.catch(false),
  ordering: FIELDS.ordering.catch('docking'),
})

/** Outcome of validating a query received from outside (a file, typed input). */
export type QueryResult =
  { readonly ok: true; readonly value: Query } | { readonly ok: false; readonly error: string }

/**
 * Checks a value strictly: every field given must be right; missing fields take their default.
 *
 * For input a person just typed (CLI, a file), where a clear message naming the
 * bad field beats a silent repair.
 */
export function validateQuery(value: unknown): QueryResult {
  const parsed = strictSchema.safeParse(value)
  if (parsed.success) {
    const given = parsed.data as Partial<Query>
    const filled = Object.fromEntries(
      Object.entries(given).filter(([, v]) => v !== undefined),
    ) as Partial<Query>
    return { ok: true, value: { ...DEFAULT_QUERY, ...filled } }
  }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'query'
  return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` }
}

/**
 * Reads a stored value as a Query, repairing what it can.
 *
 * Missing or malformed fields take their default, unknown families, roles,
 * states and sources are dropped, duplicate ids removed; anything that is not
 * an object gives the default query. Never throws: a corrupt preference must
 * not stop the app from opening.
 */
export function normalizeQuery(value: unknown): Query {
  const parsed = lenientSchema.safeParse(value)
  return parsed.success ? (parsed.data as unknown as Query) : DEFAULT_QUERY
}

/** True when none of the four bounds is set. */
export function hasNoBounds(bounds: TimeBounds): boolean {
  return bounds.gt === null && bounds.gte === null && bounds.lt === null && bounds.lte === null
}

/** True when no filter and no search is set: every event passes (in whatever order). */
export function isEmptyFilter(query: Query): boolean {
  return (
    query.search.trim().replace(/,/g, '') === '' &&
    query.chaserFlightId === null &&
    OPTION_DIMENSIONS.every((d) => query[d].length === 0) &&
    query.docking.gt === null &&
    query.docking.gte === null &&
    query.docking.lt === null &&
    query.docking.lte === null &&
    hasNoBounds(query.departure) &&
    query.minStay === null &&
    query.maxStay === null &&
    !query.conflictsWithReference &&
    !query.flagged
  )
}

/**
 * Adds or removes one option of a multi-select dimension.
 *
 * Returns a new query; the input is not changed.
 */
export function toggleOption<D extends OptionDimension>(
  query: Query,
  dimension: D,
  value: OptionValues[D],
): Query {
  const current = query[dimension] as ReadonlyArray<OptionValues[D]>
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  return { ...query, [dimension]: next }
}

/**
 * Resets the whole filter but keeps how to search and how to order.
 *
 * "Clear all" empties what narrows the data; how search matches and whether
 * it looks at vehicle names, and the order, are preferences of how to look, not filters.
 */
export function clearAllFilters(query: Query): Query {
  return {
    ...DEFAULT_QUERY,
    searchMode: query.searchMode,
    searchVehicleNames: query.searchVehicleNames,
    ordering: query.ordering,
  }
}

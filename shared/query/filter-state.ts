/**
 * The filter state: one serialisable object that says what the user narrowed the data to.
 *
 * The same object drives the chart, the table and exports, persists across
 * restarts, is saved in named views, and maps to LL2 query parameters where LL2
 * has them (`to-ll2-params.ts`); everything else is applied locally
 * (`apply-filters.ts`). It holds only JSON values (ids and millis as numbers)
 * so it survives `JSON.stringify` and IPC unchanged.
 */
import { z } from 'zod'

import type { VehicleFamily, VehicleRole } from '../model'
import type { DurationMs, PortId, StationId, UtcMillis } from '../units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../vehicle-family'

/** Whether a vehicle has left its port yet. */
export type DockedState = 'docked' | 'departed'

/** Every docked state, in the order the panel lists them. */
export const DOCKED_STATES: ReadonlyArray<DockedState> = ['docked', 'departed']

/**
 * Option value standing for "no value" in the configuration and agency lists.
 *
 * LL2 leaves `spacecraft_config` or its agency null on many older records; the
 * user must be able to pick (or exclude) those too, and an empty string is not a
 * real configuration or agency name.
 */
export const UNKNOWN_OPTION = ''

/**
 * Docking-time bounds with exactly LL2's `docking__gt/gte/lt/lte` meaning.
 *
 * Each is UTC millis or null (no bound). All four may be set at once, as they
 * may on LL2; an event passes when it satisfies every bound that is set.
 */
export interface DockingBounds {
  readonly gt: UtcMillis | null
  readonly gte: UtcMillis | null
  readonly lt: UtcMillis | null
  readonly lte: UtcMillis | null
}

/** What the user narrowed the data to. Empty lists and nulls mean "no filter". */
export interface FilterState {
  /** Free text; LL2 SearchFilter semantics (terms split on spaces and commas, all must match). */
  readonly search: string
  /**
   * Whether search also looks at vehicle configuration and agency names.
   *
   * LL2's own `search` does not, so with this on the search cannot be sent to
   * LL2 and is applied locally (the panel says so).
   */
  readonly searchVehicleNames: boolean
  /** Selected stations: every event at one of them passes. */
  readonly stations: ReadonlyArray<StationId>
  /** Selected ports: every event at one of them passes (a union with `stations`). */
  readonly ports: ReadonlyArray<PortId>
  readonly families: ReadonlyArray<VehicleFamily>
  /** Configuration names; `UNKNOWN_OPTION` selects events without one. */
  readonly configurations: ReadonlyArray<string>
  /** Agency names; `UNKNOWN_OPTION` selects events without one. */
  readonly agencies: ReadonlyArray<string>
  readonly roles: ReadonlyArray<VehicleRole>
  readonly states: ReadonlyArray<DockedState>
  readonly docking: DockingBounds
  /** Shortest stay (docking to departure, or to now while docked), inclusive. */
  readonly minStay: DurationMs | null
  /** Longest stay, inclusive. */
  readonly maxStay: DurationMs | null
}

/** No docking bounds. */
export const NO_DOCKING_BOUNDS: DockingBounds = { gt: null, gte: null, lt: null, lte: null }

/** The state with nothing filtered: every event shows. */
export const DEFAULT_FILTER_STATE: FilterState = {
  search: '',
  searchVehicleNames: true,
  stations: [],
  ports: [],
  families: [],
  configurations: [],
  agencies: [],
  roles: [],
  states: [],
  docking: NO_DOCKING_BOUNDS,
  minStay: null,
  maxStay: null,
}

/** The multi-select dimensions of the state, each a list of option values. */
export type OptionDimension =
  'stations' | 'ports' | 'families' | 'configurations' | 'agencies' | 'roles' | 'states'

/** The value type of each option dimension. */
export interface OptionValues {
  readonly stations: StationId
  readonly ports: PortId
  readonly families: VehicleFamily
  readonly configurations: string
  readonly agencies: string
  readonly roles: VehicleRole
  readonly states: DockedState
}

// The largest id or time we accept from a stored value; anything beyond is corrupt.
const MAX_MILLIS = 8.64e15

const id = z.number().int().nonnegative().max(MAX_MILLIS)
const millis = z.number().finite().min(-MAX_MILLIS).max(MAX_MILLIS).nullable()
const duration = z.number().finite().nonnegative().max(MAX_MILLIS).nullable()
const unique = <T>(a: ReadonlyArray<T>): T[] => [...new Set(a)]

// One schema per field, strict: a value either is right or is reported.
const FIELDS = {
  search: z.string().max(1000),
  searchVehicleNames: z.boolean(),
  stations: z.array(id).transform(unique),
  ports: z.array(id).transform(unique),
  families: z
    .array(z.enum(VEHICLE_FAMILIES as [VehicleFamily, ...VehicleFamily[]]))
    .transform(unique),
  configurations: z.array(z.string().max(500)).transform(unique),
  agencies: z.array(z.string().max(500)).transform(unique),
  roles: z.array(z.enum(VEHICLE_ROLES as [VehicleRole, ...VehicleRole[]])).transform(unique),
  states: z.array(z.enum(DOCKED_STATES as [DockedState, ...DockedState[]])).transform(unique),
  docking: z.strictObject({
    gt: millis.default(null),
    gte: millis.default(null),
    lt: millis.default(null),
    lte: millis.default(null),
  }),
  minStay: duration,
  maxStay: duration,
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
// drops out; the other families stay).
const keepValid = <T>(item: z.ZodType<T>) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((a) => unique(a.filter((v) => item.safeParse(v).success) as T[]))
const lenientSchema = z.object({
  search: FIELDS.search.catch(''),
  searchVehicleNames: FIELDS.searchVehicleNames.catch(true),
  stations: keepValid(id),
  ports: keepValid(id),
  families: keepValid(z.enum(VEHICLE_FAMILIES as [VehicleFamily, ...VehicleFamily[]])),
  configurations: keepValid(z.string().max(500)),
  agencies: keepValid(z.string().max(500)),
  roles: keepValid(z.enum(VEHICLE_ROLES as [VehicleRole, ...VehicleRole[]])),
  states: keepValid(z.enum(DOCKED_STATES as [DockedState, ...DockedState[]])),
  docking: z
    .object({
      gt: millis.catch(null),
      gte: millis.catch(null),
      lt: millis.catch(null),
      lte: millis.catch(null),
    })
    .catch(NO_DOCKING_BOUNDS),
  minStay: duration.catch(null),
  maxStay: duration.catch(null),
})

/** Outcome of validating a filter state received from outside (CLI flags, a file). */
export type FilterStateResult =
  | { readonly ok: true; readonly value: FilterState }
  | { readonly ok: false; readonly error: string }

/**
 * Checks a value strictly: every field given must be right; missing fields take their default.
 *
 * For input a person just typed (CLI, a file), where a clear message naming the
 * bad field beats a silent repair.
 */
export function validateFilterState(value: unknown): FilterStateResult {
  const parsed = strictSchema.safeParse(value)
  if (parsed.success) {
    const given = parsed.data as Partial<FilterState>
    const filled = Object.fromEntries(
      Object.entries(given).filter(([, v]) => v !== undefined),
    ) as Partial<FilterState>
    return { ok: true, value: { ...DEFAULT_FILTER_STATE, ...filled } }
  }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'filter state'
  return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` }
}

/**
 * Reads a stored value as a FilterState, repairing what it can.
 *
 * Missing or malformed fields take their default, unknown families, roles and
 * states are dropped, duplicate ids removed; anything that is not an object
 * gives the default state. Never throws: a corrupt preference must not stop
 * the app from opening.
 */
export function normalizeFilterState(value: unknown): FilterState {
  const parsed = lenientSchema.safeParse(value)
  return parsed.success ? (parsed.data as unknown as FilterState) : DEFAULT_FILTER_STATE
}

/** True when no filter and no search is set: every event passes. */
export function isEmptyFilter(state: FilterState): boolean {
  return (
    state.search.trim().replace(/,/g, '') === '' &&
    state.stations.length === 0 &&
    state.ports.length === 0 &&
    state.families.length === 0 &&
    state.configurations.length === 0 &&
    state.agencies.length === 0 &&
    state.roles.length === 0 &&
    state.states.length === 0 &&
    state.docking.gt === null &&
    state.docking.gte === null &&
    state.docking.lt === null &&
    state.docking.lte === null &&
    state.minStay === null &&
    state.maxStay === null
  )
}

/**
 * Adds or removes one option of a multi-select dimension.
 *
 * Returns a new state; the input is not changed.
 */
export function toggleOption<D extends OptionDimension>(
  state: FilterState,
  dimension: D,
  value: OptionValues[D],
): FilterState {
  const current = state[dimension] as ReadonlyArray<OptionValues[D]>
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  return { ...state, [dimension]: next }
}

/**
 * Resets the whole filter but keeps the search's field choice.
 *
 * "Clear all" empties what narrows the data; whether search looks at vehicle
 * names is a preference of how to search, not a filter.
 */
export function clearAllFilters(state: FilterState): FilterState {
  return { ...DEFAULT_FILTER_STATE, searchVehicleNames: state.searchVehicleNames }
}

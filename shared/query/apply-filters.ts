/**
 * Applies a FilterState to docking events, locally.
 *
 * One pass over the events gives both the result and, for every option of
 * every multi-select filter, how many events that option would leave given all
 * the other filters (the numbers beside each checkbox). Everything LL2 can do
 * (search, docking bounds, station and port) means here exactly what it means
 * on LL2; `tests/integration/query-equivalence.test.ts` holds the two together.
 */
import type { DockingEvent, VehicleFamily, VehicleRole } from '../model'
import type { PortId, StationId, UtcMillis } from '../units'
import { UNKNOWN_OPTION, type DockedState, type FilterState } from './filter-state'
import { searchTerms } from './search'
import { matchesSearchText } from './search-text'

/** How many events each option would leave, keyed by option value. */
export interface OptionCounts {
  readonly stations: ReadonlyMap<StationId, number>
  readonly ports: ReadonlyMap<PortId, number>
  readonly families: ReadonlyMap<VehicleFamily, number>
  /** Keyed by configuration name, `UNKNOWN_OPTION` for events without one. */
  readonly configurations: ReadonlyMap<string, number>
  /** Keyed by agency name, `UNKNOWN_OPTION` for events without one. */
  readonly agencies: ReadonlyMap<string, number>
  readonly roles: ReadonlyMap<VehicleRole, number>
  readonly states: ReadonlyMap<DockedState, number>
}

/** The filtered events and the option counts. */
export interface FilterResult {
  /** Events passing every filter, in their input order. */
  readonly events: ReadonlyArray<DockingEvent>
  readonly counts: OptionCounts
}

/** A filter compiled once for many events: sets instead of arrays, terms split once. */
interface CompiledFilter {
  readonly terms: ReadonlyArray<string>
  readonly searchVehicleNames: boolean
  readonly stations: ReadonlySet<number> | null
  readonly ports: ReadonlySet<number> | null
  readonly families: ReadonlySet<string> | null
  readonly configurations: ReadonlySet<string> | null
  readonly agencies: ReadonlySet<string> | null
  readonly roles: ReadonlySet<string> | null
  readonly states: ReadonlySet<string> | null
  readonly state: FilterState
  readonly now: UtcMillis
}

// An empty selection means "no filter", so it compiles to null (always passes).
const setOf = <T>(values: ReadonlyArray<T>): ReadonlySet<T> | null =>
  values.length === 0 ? null : new Set(values)

function compile(state: FilterState, now: UtcMillis): CompiledFilter {
  return {
    terms: searchTerms(state.search),
    searchVehicleNames: state.searchVehicleNames,
    stations: setOf<number>(state.stations),
    ports: setOf<number>(state.ports),
    families: setOf<string>(state.families),
    configurations: setOf(state.configurations),
    agencies: setOf(state.agencies),
    roles: setOf<string>(state.roles),
    states: setOf<string>(state.states),
    state,
    now,
  }
}

/** Whether a vehicle is still at its port. */
export function dockedStateOf(event: DockingEvent): DockedState {
  return event.departure === null ? 'docked' : 'departed'
}

/**
 * How long an event's vehicle stayed, in ms.
 *
 * A vehicle still docked has stayed until `now` so far; its stay only grows,
 * so "at least N days" is already decided for it, and "at most N days" is
 * judged on the stay so far.
 */
export function stayOf(event: DockingEvent, now: UtcMillis): number {
  return Math.max(0, (event.departure ?? now) - event.docking)
}

/**
 * Does an event's docking time satisfy LL2's `docking__gt/gte/lt/lte` bounds?
 *
 * Exported for the CLI and tests: LL2 compares the stored docking instant with
 * each bound, all bounds must hold.
 */
export function withinDockingBounds(event: DockingEvent, bounds: FilterState['docking']): boolean {
  const t = event.docking
  return (
    (bounds.gt === null || t > bounds.gt) &&
    (bounds.gte === null || t >= bounds.gte) &&
    (bounds.lt === null || t < bounds.lt) &&
    (bounds.lte === null || t <= bounds.lte)
  )
}

/**
 * Does the event match the search, with or without the vehicle names?
 *
 * Same answers as `matchesSearch` / `matchesSearchWithVehicleNames`, from
 * cached lower-cased text so typing stays fast over tens of thousands of events.
 */
function passesSearch(event: DockingEvent, f: CompiledFilter): boolean {
  return matchesSearchText(event, f.terms, f.searchVehicleNames)
}

// Stations and ports are one filter: ports are listed under their station and
// picking a station means all of its ports, so an event passes at either.
function passesLocation(event: DockingEvent, f: CompiledFilter): boolean {
  if (f.stations === null && f.ports === null) return true
  return (
    (f.stations !== null && event.stationId !== null && f.stations.has(event.stationId)) ||
    (f.ports !== null && event.portId !== null && f.ports.has(event.portId))
  )
}

function passesStay(event: DockingEvent, f: CompiledFilter): boolean {
  const { minStay, maxStay } = f.state
  if (minStay === null && maxStay === null) return true
  const stay = stayOf(event, f.now)
  return (minStay === null || stay >= minStay) && (maxStay === null || stay <= maxStay)
}

// One bit per filter dimension, so one pass can tell which filters an event fails.
const SEARCH = 1
const LOCATION = 2
const FAMILY = 4
const CONFIGURATION = 8
const AGENCY = 16
const ROLE = 32
const STATE = 64
const DOCKING = 128
const STAY = 256

/** The dimensions an event fails, as a bit set; 0 means it passes. */
function failures(event: DockingEvent, f: CompiledFilter): number {
  let failed = 0
  if (!passesLocation(event, f)) failed |= LOCATION
  if (f.families !== null && !f.families.has(event.family)) failed |= FAMILY
  if (f.configurations !== null && !f.configurations.has(event.configuration ?? UNKNOWN_OPTION))
    failed |= CONFIGURATION
  if (f.agencies !== null && !f.agencies.has(event.agency ?? UNKNOWN_OPTION)) failed |= AGENCY
  if (f.roles !== null && !f.roles.has(event.role)) failed |= ROLE
  if (f.states !== null && !f.states.has(dockedStateOf(event))) failed |= STATE
  if (!withinDockingBounds(event, f.state.docking)) failed |= DOCKING
  if (!passesStay(event, f)) failed |= STAY
  // Search is the costliest test; an event already failing two others cannot count anywhere.
  if (!isTwoOrMore(failed) && !passesSearch(event, f)) failed |= SEARCH
  return failed
}

const isTwoOrMore = (bits: number): boolean => (bits & (bits - 1)) !== 0

/**
 * Events passing every filter, in input order.
 *
 * `now` measures the stay of vehicles still docked; pass the caller's clock.
 */
export function applyFilters(
  events: ReadonlyArray<DockingEvent>,
  state: FilterState,
  now: UtcMillis,
): ReadonlyArray<DockingEvent> {
  const f = compile(state, now)
  return events.filter((e) => failures(e, f) === 0)
}

const bump = <K>(map: Map<K, number>, key: K): void => {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/**
 * Filters events and counts, for every option, how many events it would leave.
 *
 * An option's count is the number of events passing every *other* filter that
 * have that value: for an unticked option, how many events ticking it adds; for
 * a ticked one, how many it contributes. An option absent from a map would
 * leave none. Stations and ports are counted against the filters other than
 * location.
 */
export function filterWithCounts(
  events: ReadonlyArray<DockingEvent>,
  state: FilterState,
  now: UtcMillis,
): FilterResult {
  const f = compile(state, now)
  const passed: DockingEvent[] = []
  const stations = new Map<StationId, number>()
  const ports = new Map<PortId, number>()
  const families = new Map<VehicleFamily, number>()
  const configurations = new Map<string, number>()
  const agencies = new Map<string, number>()
  const roles = new Map<VehicleRole, number>()
  const states = new Map<DockedState, number>()
  for (const e of events) {
    const failed = failures(e, f)
    // An event failing two or more filters cannot be brought back by one option.
    if (isTwoOrMore(failed)) continue
    if (failed === 0) passed.push(e)
    if ((failed & ~LOCATION) === 0) {
      if (e.stationId !== null) bump(stations, e.stationId)
      if (e.portId !== null) bump(ports, e.portId)
    }
    if ((failed & ~FAMILY) === 0) bump(families, e.family)
    if ((failed & ~CONFIGURATION) === 0) bump(configurations, e.configuration ?? UNKNOWN_OPTION)
    if ((failed & ~AGENCY) === 0) bump(agencies, e.agency ?? UNKNOWN_OPTION)
    if ((failed & ~ROLE) === 0) bump(roles, e.role)
    if ((failed & ~STATE) === 0) bump(states, dockedStateOf(e))
  }
  return {
    events: passed,
    counts: { stations, ports, families, configurations, agencies, roles, states },
  }
}

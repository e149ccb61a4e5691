/**
 * Runs a Query over docking events, locally.
 *
 * One compiled predicate serves every caller: the panel (matching events plus,
 * for every option of every multi-select filter, how many events that option
 * would leave given the other filters: the numbers beside each checkbox), the
 * CLI, exports. Everything LL2 can do (search in `ll2` mode, docking bounds,
 * station, port, chaser flight, ordering) means here exactly what it means on LL2;
 * `tests/integration/query-equivalence.test.ts` holds the two together.
 * What each field means for one event lives in event-fields.ts.
 */
import type { DockingEvent, VehicleFamily, VehicleRole } from '../domain/model'
import type { PortId, StationId, UtcMillis } from '../domain/units'
import { NO_END_FACTS, type EndFacts } from '../occupancy/end-facts'
import {
  dockedStateOf,
  orderEvents,
  stayOf,
  withinDepartureBounds,
  withinDockingBounds,
} from './event-fields'
import { UNKNOWN_OPTION, type DockedState, type OptionDimension, type Query } from './query'
import { searchTerms } from './search'
import { wordsSearchMask } from './search-index'
import { substringSearchMask } from './search-text'
import { parseWordsSearch } from './search-words'

/**
 * The dimensions the filter panel lists with counts.
 *
 * Sources are filtered on (the CLI's `--source`) but not listed, and counting
 * them would cost every keystroke a map update per event.
 */
export type CountedDimension = Exclude<OptionDimension, 'sources'>

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

/** The matching events and the option counts. */
export interface Evaluation {
  /** Events passing every filter, in the query's ordering. */
  readonly events: ReadonlyArray<DockingEvent>
  readonly counts: OptionCounts
}

/** Counts with no option counted, e.g. before any data has loaded. */
export function noCounts(): OptionCounts {
  return {
    stations: new Map(),
    ports: new Map(),
    families: new Map(),
    configurations: new Map(),
    agencies: new Map(),
    roles: new Map(),
    states: new Map(),
  }
}

/**
 * What some filters need besides the events: facts worked out over all of
 * them elsewhere. Absent facts pass nothing that needs them.
 */
/** Which ids are in: a set, or a map by id (the reference's conflicts by event). */
export type IdLookup = Pick<ReadonlySet<number>, 'has'>

export interface EvaluationContext {
  /** Ids of events a reference record disagrees with (`shared/reference/`: its `byEvent`). */
  readonly conflictEventIds?: IdLookup
  /** Ids of events a data check flags (`shared/quality/data-checks.ts`). */
  readonly flaggedEventIds?: ReadonlySet<number>
  /**
   * The unit an event shares with others (`sharedUnitOf` in
   * `shared/visits/count-by.ts`), null when it counts on its own; option
   * counts then count each shared unit once per option it touches. Absent,
   * every event counts.
   */
  readonly unitOf?: (event: DockingEvent) => number | null
  /**
   * Where stays with no departure end (`endFacts`, of all the data): the
   * state and stay filters read them as the chart's bars do
   * (`NO_END_FACTS`: every open stay is still docked).
   */
  readonly endFacts: EndFacts
}

const NO_IDS: ReadonlySet<number> = new Set()

/** A query compiled once for many events: sets instead of arrays, the search run once. */
interface CompiledQuery {
  /** Events matching the search, by index in the evaluated array; null when there is none. */
  readonly searchMask: Uint8Array | null
  readonly stations: ReadonlySet<number> | null
  readonly ports: ReadonlySet<number> | null
  readonly families: ReadonlySet<string> | null
  readonly configurations: ReadonlySet<string> | null
  readonly agencies: ReadonlySet<string> | null
  readonly roles: ReadonlySet<string> | null
  readonly states: ReadonlySet<string> | null
  readonly sources: ReadonlySet<string> | null
  /** Events the conflicts filter lets through; null when it is off. */
  readonly conflicts: IdLookup | null
  /** Ids that pass the `flagged` filter; null when it is off. */
  readonly flagged: ReadonlySet<number> | null
  readonly ends: EndFacts
  readonly query: Query
  readonly now: UtcMillis
}

// An empty selection means "no filter", so it compiles to null (always passes).
const setOf = <T>(values: ReadonlyArray<T>): ReadonlySet<T> | null =>
  values.length === 0 ? null : new Set(values)

/** The events of `events` the query's search matches, as a mask by index; null for no search. */
export function searchMask(events: ReadonlyArray<DockingEvent>, query: Query): Uint8Array | null {
  return query.searchMode === 'words'
    ? wordsSearchMask(events, parseWordsSearch(query.search))
    : substringSearchMask(events, searchTerms(query.search), query.searchVehicleNames)
}

function compile(
  query: Query,
  now: UtcMillis,
  mask: Uint8Array | null,
  context: EvaluationContext,
): CompiledQuery {
  return {
    searchMask: mask,
    stations: setOf<number>(query.stations),
    ports: setOf<number>(query.ports),
    families: setOf<string>(query.families),
    configurations: setOf(query.configurations),
    agencies: setOf(query.agencies),
    roles: setOf<string>(query.roles),
    states: setOf<string>(query.states),
    sources: setOf<string>(query.sources),
    conflicts: query.conflictsWithReference ? (context.conflictEventIds ?? NO_IDS) : null,
    flagged: query.flagged ? (context.flaggedEventIds ?? NO_IDS) : null,
    ends: context.endFacts ?? NO_END_FACTS,
    query,
    now,
  }
}

// Stations and ports are one filter: ports are listed under their station and
// picking a station means all of its ports, so an event passes at either.
function passesLocation(event: DockingEvent, f: CompiledQuery): boolean {
  if (f.stations === null && f.ports === null) return true
  return (
    (f.stations !== null && event.stationId !== null && f.stations.has(event.stationId)) ||
    (f.ports !== null && event.portId !== null && f.ports.has(event.portId))
  )
}

function passesStay(event: DockingEvent, f: CompiledQuery): boolean {
  const { minStay, maxStay } = f.query
  if (minStay === null && maxStay === null) return true
  const stay = stayOf(event, f.now, f.ends)
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
const SOURCE = 512
const CHASER = 1024
const DEPARTURE = 2048
const CONFLICT = 4096
const FLAGGED = 8192

const isTwoOrMore = (bits: number): boolean => (bits & (bits - 1)) !== 0

/**
 * The dimensions the event at index `i` fails, as a bit set; 0 means it passes.
 *
 * Once two are found the rest are not tried: no caller tells two failures from
 * more (`isTwoOrMore`), and while the user types, the search and the ticked
 * station or state turn most events away, so they are tried first.
 */
function failures(event: DockingEvent, i: number, f: CompiledQuery): number {
  let failed = f.searchMask !== null && f.searchMask[i] === 0 ? SEARCH : 0
  if (!passesLocation(event, f)) failed |= LOCATION
  if (f.states !== null && !f.states.has(dockedStateOf(event, f.ends, f.now))) failed |= STATE
  if (isTwoOrMore(failed)) return failed
  if (f.families !== null && !f.families.has(event.family)) failed |= FAMILY
  if (f.configurations !== null && !f.configurations.has(event.configuration ?? UNKNOWN_OPTION))
    failed |= CONFIGURATION
  if (f.agencies !== null && !f.agencies.has(event.agency ?? UNKNOWN_OPTION)) failed |= AGENCY
  if (f.roles !== null && !f.roles.has(event.role)) failed |= ROLE
  if (isTwoOrMore(failed)) return failed
  if (f.sources !== null && !f.sources.has(event.source)) failed |= SOURCE
  if (f.query.chaserFlightId !== null && event.chaserFlightId !== f.query.chaserFlightId)
    failed |= CHASER
  if (f.conflicts !== null && !f.conflicts.has(event.id)) failed |= CONFLICT
  if (f.flagged !== null && !f.flagged.has(event.id)) failed |= FLAGGED
  if (!withinDockingBounds(event, f.query.docking)) failed |= DOCKING
  if (!withinDepartureBounds(event, f.query.departure)) failed |= DEPARTURE
  if (!passesStay(event, f)) failed |= STAY
  return failed
}

/**
 * Events matching the query, in its ordering; no counts.
 *
 * `now` measures the stay of vehicles still docked; pass the caller's clock.
 * `flagged` holds the ids a data check flags (`DataChecks.flagsOf`), which
 * the query's `flagged` filter keeps.
 */
export function matchingEvents(
  events: ReadonlyArray<DockingEvent>,
  query: Query,
  now: UtcMillis,
  context: EvaluationContext,
): ReadonlyArray<DockingEvent> {
  const f = compile(query, now, searchMask(events, query), context)
  const mask = f.searchMask
  // The search mask first: while the user types it turns most events away
  // with one array read, before every other filter is tried on them.
  return orderEvents(
    events.filter((e, i) => (mask === null || mask[i] !== 0) && failures(e, i, f) === 0),
    query.ordering,
  )
}

/**
 * Per event, the filters other than the search that it fails, as the bit sets
 * `failures` gives (0: passes them all; like `failures`, cut short at two).
 *
 * Typing in the search box changes only the search, so a caller can keep
 * these across keystrokes and hand them to `matchingWithin` and `evaluate`:
 * one pass over two arrays instead of every filter tried on every event.
 */
export function failuresButSearch(
  events: ReadonlyArray<DockingEvent>,
  query: Query,
  now: UtcMillis,
  context: EvaluationContext,
): Uint16Array {
  const f = compile(query, now, null, context)
  const failed = new Uint16Array(events.length)
  for (let i = 0; i < events.length; i++) failed[i] = failures(events[i]!, i, f)
  return failed
}

/**
 * Events matching the query, in its ordering, given `failuresButSearch` of the
 * same events under the same query but for the search: `matchingEvents`
 * without trying the other filters again.
 */
export function matchingWithin(
  events: ReadonlyArray<DockingEvent>,
  query: Query,
  butSearch: Uint16Array,
): ReadonlyArray<DockingEvent> {
  const mask = searchMask(events, query)
  const passed: DockingEvent[] = []
  for (let i = 0; i < events.length; i++)
    if (butSearch[i] === 0 && (mask === null || mask[i] !== 0)) passed.push(events[i]!)
  return orderEvents(passed, query.ordering)
}

/** Counts per option: events, or distinct units when counting by visit. */
interface Tally<K> {
  add(key: K, event: DockingEvent): void
  readonly counts: Map<K, number>
}

function tally<K>(unitOf: ((event: DockingEvent) => number | null) | undefined): Tally<K> {
  const counts = new Map<K, number>()
  if (!unitOf) return { counts, add: (key) => void counts.set(key, (counts.get(key) ?? 0) + 1) }
  const seen = new Map<K, Set<number>>()
  return {
    counts,
    add(key, event) {
      const unit = unitOf(event)
      if (unit !== null) {
        const units = seen.get(key) ?? new Set<number>()
        if (units.size === 0) seen.set(key, units)
        if (units.has(unit)) return
        units.add(unit)
      }
      counts.set(key, (counts.get(key) ?? 0) + 1)
    },
  }
}

/**
 * Evaluates a query: the matching events and, for every option, how many events it would leave.
 *
 * An option's count is the number of events passing every *other* filter that
 * have that value: for an unticked option, how many events ticking it adds; for
 * a ticked one, how many it contributes. An option absent from a map would
 * leave none. Stations and ports are counted against the filters other than
 * location. With `context.unitOf`, a unit (a visit) counts once per option
 * value its matching legs touch. `butSearch`, the same events'
 * `failuresButSearch` under this query, spares trying the other filters again.
 */
export function evaluate(
  events: ReadonlyArray<DockingEvent>,
  query: Query,
  now: UtcMillis,
  context: EvaluationContext,
  butSearch?: Uint16Array,
): Evaluation {
  const f = compile(query, now, searchMask(events, query), context)
  const mask = f.searchMask
  const passed: DockingEvent[] = []
  const unitOf = context.unitOf
  const stations = tally<StationId>(unitOf)
  const ports = tally<PortId>(unitOf)
  const families = tally<VehicleFamily>(unitOf)
  const configurations = tally<string>(unitOf)
  const agencies = tally<string>(unitOf)
  const roles = tally<VehicleRole>(unitOf)
  const states = tally<DockedState>(unitOf)
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    const failed = butSearch
      ? butSearch[i]! | (mask !== null && mask[i] === 0 ? SEARCH : 0)
      : failures(e, i, f)
    // An event failing two or more filters cannot be brought back by one option.
    if (isTwoOrMore(failed)) continue
    if (failed === 0) passed.push(e)
    if ((failed & ~LOCATION) === 0) {
      if (e.stationId !== null) stations.add(e.stationId, e)
      if (e.portId !== null) ports.add(e.portId, e)
    }
    if ((failed & ~FAMILY) === 0) families.add(e.family, e)
    if ((failed & ~CONFIGURATION) === 0) configurations.add(e.configuration ?? UNKNOWN_OPTION, e)
    if ((failed & ~AGENCY) === 0) agencies.add(e.agency ?? UNKNOWN_OPTION, e)
    if ((failed & ~ROLE) === 0) roles.add(e.role, e)
    if ((failed & ~STATE) === 0) states.add(dockedStateOf(e, f.ends, f.now), e)
  }
  return {
    events: orderEvents(passed, query.ordering),
    counts: {
      stations: stations.counts,
      ports: ports.counts,
      families: families.counts,
      configurations: configurations.counts,
      agencies: agencies.counts,
      roles: roles.counts,
      states: states.counts,
    },
  }
}

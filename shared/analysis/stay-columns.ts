/**
 * The stays of a set of events, the one home of the stay rule: a docking is
 * its own stay; a visit (relocations joined) runs from its first docking to
 * its last departure. Kept as columns for the measures that only sum them
 * up; a Stay record is made only for a stay a view names (`stayAt`).
 */
import type { DockingEvent, VehicleFamily, VehicleRole } from '../domain/model'
import type { DurationMs, EventId, StationId, UtcMillis } from '../domain/units'
import type { CountBy } from '../visits/count-by'
import { visitColumns } from '../visits/visit-columns'

/** What one stay is: a whole visit, or one docking (one leg); the app's counting mode. */
export type StayUnit = CountBy

/** One stay. */
export interface Stay {
  readonly unit: StayUnit
  /** The docking's id, or the visit's (its first leg's). */
  readonly id: EventId
  readonly vehicle: string
  readonly stationId: StationId
  readonly stationName: string | null
  readonly family: VehicleFamily
  readonly role: VehicleRole
  readonly arrival: UtcMillis
  /** Null while open. */
  readonly departure: UtcMillis | null
  /** departure − arrival; null while open (an open stay has no length yet). */
  readonly lengthMs: DurationMs | null
  readonly legs: number
}

/**
 * The stays of an events array as parallel columns, in arrival order (by
 * arrival, then id): what the per-group summaries, the yearly arrivals and
 * the comparison read, with no object per stay. `stayAt` makes the Stay
 * record of one, for the few a view names (the longest, the shortest).
 */
export interface StayColumns {
  readonly unit: StayUnit
  readonly length: number
  readonly events: ReadonlyArray<DockingEvent>
  /**
   * Per stay: the index in `events` of its first leg (the docking itself, or
   * the visit's first by docking), which gives its id, arrival, vehicle,
   * station, family and role.
   */
  readonly head: Int32Array
  /** Per stay: its arrival (its first leg's docking). */
  readonly arrival: Float64Array
  /** Per stay: its (last leg's) departure; NaN while open. */
  readonly departure: Float64Array
  /** Per stay: how many legs it has. */
  readonly legs: Int32Array
}

// The measures of one query all read the same events array; its stays (and
// the visits under them) are worked out once per array and unit.
const columnsMemo: Record<StayUnit, WeakMap<ReadonlyArray<DockingEvent>, StayColumns>> = {
  visit: new WeakMap(),
  docking: new WeakMap(),
}

/**
 * The stays in a set of events as columns; events with no station are not
 * stays. Remembered per events array (arrays are treated as immutable).
 */
export function stayColumns(events: ReadonlyArray<DockingEvent>, unit: StayUnit): StayColumns {
  const known = columnsMemo[unit].get(events)
  if (known) return known
  const columns = computeColumns(events, unit)
  columnsMemo[unit].set(events, columns)
  return columns
}

// The stays are the counted units (`countUnits`) with a station: a docking
// is its own stay; a visit runs from its first docking to its last departure.
// Both are read from the visit columns, whose visits are numbered and whose
// events are ordered by (docking, id): a visit's stay is its visit number,
// a docking's its place in that order.
function computeColumns(events: ReadonlyArray<DockingEvent>, unit: StayUnit): StayColumns {
  const c = visitColumns(events)
  if (unit === 'visit') {
    const arrival = new Float64Array(c.length)
    for (let v = 0; v < c.length; v++) arrival[v] = events[c.first[v]!]!.docking
    return {
      unit,
      length: c.length,
      events,
      head: c.first,
      arrival,
      departure: c.departure,
      legs: c.legs,
    }
  }
  let n = 0
  for (let i = 0; i < events.length; i++) if (c.visitOf[i]! >= 0) n++
  const head = new Int32Array(n)
  const arrival = new Float64Array(n)
  const departure = new Float64Array(n)
  let k = 0
  for (let j = 0; j < events.length; j++) {
    const i = c.order ? c.order[j]! : j
    if (c.visitOf[i]! < 0) continue
    const e = events[i]!
    head[k] = i
    arrival[k] = e.docking
    departure[k++] = e.departure ?? Number.NaN
  }
  return { unit, length: n, events, head, arrival, departure, legs: new Int32Array(n).fill(1) }
}

/** Stay k of the columns as a record. */
export function stayAt(c: StayColumns, k: number): Stay {
  const e = c.events[c.head[k]!]!
  const d = c.departure[k]!
  const departure = Number.isNaN(d) ? null : (d as UtcMillis)
  return {
    unit: c.unit,
    id: e.id,
    vehicle: e.vehicle,
    stationId: e.stationId!,
    stationName: e.stationName,
    family: e.family,
    role: e.role,
    arrival: e.docking,
    departure,
    lengthMs: departure === null ? null : ((departure - e.docking) as DurationMs),
    legs: c.legs[k]!,
  }
}

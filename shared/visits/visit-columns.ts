/**
 * The visit rule (`visits.ts`) worked out as typed-array columns: which
 * visit each event belongs to and each visit's first leg, leg count and
 * departure, with no object per visit or per event.
 *
 * `buildVisits` makes its Visit objects from these; the analysis measures
 * (stays, vehicle totals) read them directly, since 10,000 visit objects, a
 * Map from event id to visit and a string lookup per event were most of
 * their cost and garbage.
 */
import type { DockingEvent } from '../domain/model'
import { HOUR_MS, type UtcMillis } from '../domain/units'
import { vehicleKeyIds } from '../domain/vehicle-name'
import { scratchInt32 } from '../columns/scratch'

/** Longest gap between one leg's departure and the next leg's docking. */
export const VISIT_LINK_GAP_MS = 24 * HOUR_MS

/**
 * The visits of an events array. Visit numbers run 0 … length − 1 in the
 * order `buildVisits` lists them (by first leg's docking, then id); event
 * indices are positions in the array given.
 */
export interface VisitColumns {
  /** Number of visits. */
  readonly length: number
  /** Per event: its visit number, or −1 for an event at no station (which belongs to none). */
  readonly visitOf: Int32Array
  /** Event indices in (docking, id) order; null when the array already is in that order. */
  readonly order: Int32Array | null
  /** Per visit: the index of its first leg. */
  readonly first: Int32Array
  /** Per event: the index of the next leg of its visit, or −1 for a visit's last leg. */
  readonly nextLeg: Int32Array
  /** Per visit: how many legs it has. */
  readonly legs: Int32Array
  /** Per visit: its last leg's departure; NaN while that leg has none. */
  readonly departure: Float64Array
  /**
   * Per visit: its station and vehicle (by `vehicleKey`) as one number, so
   * visits of one vehicle at one station share it; 0 … pairCount − 1.
   */
  readonly pair: Int32Array
  readonly pairCount: number
}

const memo = new WeakMap<ReadonlyArray<DockingEvent>, VisitColumns>()

/**
 * The visits of `events` as columns; remembered per events array (arrays are
 * treated as immutable, as the store's and a query's are).
 *
 * One pass in (docking, id) order: a docking continues the latest visit of
 * the same vehicle at the same station when it comes at most
 * `VISIT_LINK_GAP_MS` after that visit's latest departure; otherwise it opens
 * a visit.
 */
export function visitColumns(events: ReadonlyArray<DockingEvent>): VisitColumns {
  const known = memo.get(events)
  if (known) return known
  const columns = computeColumns(events)
  memo.set(events, columns)
  return columns
}

function computeColumns(events: ReadonlyArray<DockingEvent>): VisitColumns {
  const n = events.length
  const order = dockingOrder(events)
  const { pairOfEvent, pairCount } = stationVehiclePairs(events)
  // Each pair's latest visit: the one a next docking of that vehicle there may continue.
  const pairVisit = new Int32Array(pairCount).fill(-1)
  const visitOf = new Int32Array(n).fill(-1)
  const nextLeg = new Int32Array(n).fill(-1)
  const first = new Int32Array(n)
  const last = scratchInt32('visits: last leg', n)
  const legs = new Int32Array(n)
  const departure = new Float64Array(n)
  const pair = new Int32Array(n)
  let count = 0
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k
    const p = pairOfEvent[i]!
    if (p < 0) continue
    const e = events[i]!
    let v = pairVisit[p]!
    if (v >= 0 && linked(departure[v]!, e)) {
      nextLeg[last[v]!] = i
      legs[v]!++
    } else {
      v = count++
      first[v] = i
      legs[v] = 1
      pair[v] = p
      pairVisit[p] = v
    }
    last[v] = i
    departure[v] = e.departure ?? Number.NaN
    visitOf[i] = v
  }
  return {
    length: count,
    visitOf,
    order,
    first: first.subarray(0, count),
    nextLeg,
    legs: legs.subarray(0, count),
    departure: departure.subarray(0, count),
    pair: pair.subarray(0, count),
    pairCount,
  }
}

/**
 * Each event's (station, vehicle) pair as a number 0 … pairCount − 1, −1 for
 * an event at no station. Looked up through a table when one is small enough
 * (an integer index, no hashing), else through a map.
 */
function stationVehiclePairs(events: ReadonlyArray<DockingEvent>): {
  readonly pairOfEvent: Int32Array
  readonly pairCount: number
} {
  const n = events.length
  const vehicle = vehicleKeyIds(events, scratchInt32('visits: vehicle', n))
  const vehicles = 1 + vehicle.reduce((m, v) => (v > m ? v : m), -1)
  const slot = stationSlots(events)
  const stations = 1 + slot.reduce((m, s) => (s > m ? s : m), -1)
  const table =
    stations * vehicles <= 8 * n + 1024
      ? scratchInt32('visits: pair table', stations * vehicles).fill(-1)
      : null
  const map = table ? null : new Map<number, number>()
  const pairOfEvent = scratchInt32('visits: pair of event', n).fill(-1)
  let pairCount = 0
  for (let i = 0; i < n; i++) {
    if (slot[i]! < 0) continue
    const key = slot[i]! * vehicles + vehicle[i]!
    let p = table ? table[key]! : (map!.get(key) ?? -1)
    if (p < 0) {
      p = pairCount++
      if (table) table[key] = p
      else map!.set(key, p)
    }
    pairOfEvent[i] = p
  }
  return { pairOfEvent, pairCount }
}

/** Each event's station as a small number 0, 1, …; −1 for an event at no station. */
function stationSlots(events: ReadonlyArray<DockingEvent>): Int32Array {
  const slotOf = new Map<number, number>()
  const slot = scratchInt32('visits: station slot', events.length)
  for (let i = 0; i < events.length; i++) {
    const id = events[i]!.stationId
    if (id === null) slot[i] = -1
    else {
      let s = slotOf.get(id)
      if (s === undefined) slotOf.set(id, (s = slotOf.size))
      slot[i] = s
    }
  }
  return slot
}

/** Whether a docking continues a visit whose latest leg departed at `departure` (NaN: still docked). */
function linked(departure: number, next: DockingEvent): boolean {
  const gap = next.docking - departure
  return gap >= 0 && gap <= VISIT_LINK_GAP_MS
}

/** A visit's departure as the Visit and Stay records give it: null while open. */
export function departureOf(columns: VisitColumns, visit: number): UtcMillis | null {
  const d = columns.departure[visit]!
  return Number.isNaN(d) ? null : (d as UtcMillis)
}

/** Event indices sorted by docking then id; null when the array already is (a query's usually is). */
function dockingOrder(events: ReadonlyArray<DockingEvent>): Int32Array | null {
  const byDocking = (a: DockingEvent, b: DockingEvent) => a.docking - b.docking || a.id - b.id
  let sorted = true
  for (let i = 1; i < events.length && sorted; i++)
    sorted = byDocking(events[i - 1]!, events[i]!) <= 0
  if (sorted) return null
  const order = new Int32Array(events.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  // Ties (a repeated id and time) keep the order given, as the records' stable sort would.
  return order.sort((a, b) => byDocking(events[a]!, events[b]!) || a - b)
}

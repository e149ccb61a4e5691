/**
 * Stays: how long vehicles stayed, by visit (relocations joined) or by
 * docking; summaries per family, decade, role or station; and a vehicle's
 * total time at a station across its legs.
 */
import type { DockingEvent, VehicleFamily, VehicleRole } from '../domain/model'
import type { DurationMs, EventId, StationId, UtcMillis } from '../domain/units'
import type { CountBy } from '../visits/count-by'
import { departureOf, visitColumns } from '../visits/visit-columns'
import type { EndRule } from './effective-end'
import { yearOf } from './interval'
import { effectiveEnds } from './prepared'

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

/** A set of stays summed up; open stays are counted but have no length. */
export interface StaySummary {
  readonly count: number
  readonly openCount: number
  readonly longest: Stay | null
  readonly shortest: Stay | null
  readonly medianMs: DurationMs | null
  /** Lower and upper quartiles (the distribution's box). */
  readonly q1Ms: DurationMs | null
  readonly q3Ms: DurationMs | null
}

/** What stays are grouped by. */
export type StayGrouping = 'family' | 'decade' | 'role' | 'station'

/** One group's summary. */
export interface StayGroup {
  /** Family, role, station name, or decade as "1980s". */
  readonly key: string
  readonly summary: StaySummary
}

/** One vehicle's time at one station, summed over its legs. */
export interface VehicleTotal {
  readonly vehicle: string
  readonly stationId: StationId
  readonly stationName: string | null
  readonly legs: number
  readonly visits: number
  /** Sum of the legs' lengths (time between legs not counted). */
  readonly totalMs: DurationMs
  /** True when a leg is open, so the total ran to the end rule's instant. */
  readonly hasOpenLeg: boolean
}

const lengthOf = (arrival: UtcMillis, departure: UtcMillis | null): DurationMs | null =>
  departure === null ? null : ((departure - arrival) as DurationMs)

// The measures of one query all read the same events array; its stays (and
// the visits under them) are worked out once per array and unit.
const memo: Record<StayUnit, WeakMap<ReadonlyArray<DockingEvent>, ReadonlyArray<Stay>>> = {
  visit: new WeakMap(),
  docking: new WeakMap(),
}

/**
 * The stays in a set of events, in arrival order; events with no station are
 * not stays. Remembered per events array (arrays are treated as immutable).
 */
export function staysOf(events: ReadonlyArray<DockingEvent>, unit: StayUnit): ReadonlyArray<Stay> {
  const known = memo[unit].get(events)
  if (known) return known
  const stays = computeStays(events, unit)
  memo[unit].set(events, stays)
  return stays
}

// The stays are the counted units (`countUnits`) with a station: a docking
// is its own stay; a visit runs from its first docking to its last departure.
// Read from the visit columns without building the units or Visit records
// (their objects and id lookups were most of the cost): a visit is a stay at
// the first of its legs in the order given.
function computeStays(events: ReadonlyArray<DockingEvent>, unit: StayUnit): ReadonlyArray<Stay> {
  const stays: Stay[] = []
  const c = unit === 'visit' ? visitColumns(events) : null
  const seen = new Uint8Array(c?.length ?? 0)
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.stationId === null) continue
    let id = e.id
    let arrival = e.docking
    let departure = e.departure
    let legs = 1
    if (c) {
      const v = c.visitOf[i]!
      if (seen[v]) continue
      seen[v] = 1
      const head = events[c.first[v]!]!
      id = head.id
      arrival = head.docking
      departure = departureOf(c, v)
      legs = c.legs[v]!
    }
    stays.push({
      unit,
      id,
      vehicle: e.vehicle,
      stationId: e.stationId,
      stationName: e.stationName,
      family: e.family,
      role: e.role,
      arrival,
      departure,
      lengthMs: lengthOf(arrival, departure),
      legs,
    })
  }
  return inArrivalOrder(stays)
}

const byArrival = (a: Stay, b: Stay) => a.arrival - b.arrival || a.id - b.id

/** Sorted by arrival then id; a query's events usually come so, and the check is cheaper than the sort. */
function inArrivalOrder(stays: Stay[]): Stay[] {
  for (let i = 1; i < stays.length; i++)
    if (byArrival(stays[i - 1]!, stays[i]!) > 0) return stays.sort(byArrival)
  return stays
}

/** The value at quantile q of sorted numbers, interpolating between neighbours. */
function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/**
 * Sums up stays: longest, shortest, median and quartiles of the closed ones.
 * A stay with a negative length (departure before arrival, a data error) is
 * left out of the lengths.
 */
export function summariseStays(stays: ReadonlyArray<Stay>): StaySummary {
  return summariseAt(stays, null, 0, stays.length)
}

/**
 * `summariseStays` of `stays[order[k]]` for k in `[from, to)` (of the stays
 * themselves, in order, when `order` is null): groups are summed up in
 * place, with no list per group.
 */
function summariseAt(
  stays: ReadonlyArray<Stay>,
  order: Int32Array | null,
  from: number,
  to: number,
): StaySummary {
  // No comparator sort of the stays: the lengths sort natively as floats and
  // the longest and shortest are found by one scan, with the ties the order
  // (length, then arrival, then given order) would break: the last of the
  // longest, the first of the shortest. One pass: the lengths go into an
  // array with room for every stay, of which the closed ones' part is sorted.
  let openCount = 0
  const all = new Float64Array(to - from)
  let longest: Stay | null = null
  let shortest: Stay | null = null
  let n = 0
  for (let k = from; k < to; k++) {
    const s = stays[order ? order[k]! : k]!
    const len = s.lengthMs
    if (len === null) openCount++
    if (len === null || !(len >= 0)) continue
    all[n++] = len
    if (
      !longest ||
      len > longest.lengthMs! ||
      (len === longest.lengthMs && s.arrival >= longest.arrival)
    )
      longest = s
    if (
      !shortest ||
      len < shortest.lengthMs! ||
      (len === shortest.lengthMs && s.arrival < shortest.arrival)
    )
      shortest = s
  }
  const lengths = all.subarray(0, n).sort()
  return {
    count: to - from,
    openCount,
    longest,
    shortest,
    medianMs: quantile(lengths, 0.5) as DurationMs | null,
    q1Ms: quantile(lengths, 0.25) as DurationMs | null,
    q3Ms: quantile(lengths, 0.75) as DurationMs | null,
  }
}

/** The decade an instant falls in, as "1980s". */
export function decadeOf(t: UtcMillis): string {
  return `${decadeStart(t)}s`
}

/** The first year of the decade an instant falls in. */
const decadeStart = (t: UtcMillis): number => Math.floor(yearOf(t) / 10) * 10

// Decades are grouped by number and named once per group, not once per stay.
function groupKey(s: Stay, by: StayGrouping): string | number {
  switch (by) {
    case 'family':
      return s.family
    case 'role':
      return s.role
    case 'station':
      return s.stationName ?? `Station ${s.stationId}`
    case 'decade':
      return decadeStart(s.arrival)
  }
}

/** Stays summed up per group, groups in key order. */
export function staysBy(stays: ReadonlyArray<Stay>, by: StayGrouping): ReadonlyArray<StayGroup> {
  // Each stay's group number, then the stays ordered by group (a counting
  // sort keeps each group's stays in the order given): no list per group.
  const groupOf = new Int32Array(stays.length)
  const numbers = new Map<string | number, number>()
  const keys: string[] = []
  const sizes: number[] = []
  for (let i = 0; i < stays.length; i++) {
    const key = groupKey(stays[i]!, by)
    let g = numbers.get(key)
    if (g === undefined) {
      numbers.set(key, (g = keys.length))
      keys.push(typeof key === 'number' ? `${key}s` : key)
      sizes.push(0)
    }
    groupOf[i] = g
    sizes[g]!++
  }
  const starts = new Int32Array(keys.length + 1)
  for (let g = 0; g < keys.length; g++) starts[g + 1] = starts[g]! + sizes[g]!
  const order = new Int32Array(stays.length)
  const next = starts.slice(0, keys.length)
  for (let i = 0; i < stays.length; i++) order[next[groupOf[i]!]!++] = i
  const byKey = Array.from(keys.keys()).sort((a, b) => keys[a]!.localeCompare(keys[b]!))
  return byKey.map((g) => ({
    key: keys[g]!,
    summary: summariseAt(stays, order, starts[g]!, starts[g + 1]!),
  }))
}

type MutableTotal = { -readonly [K in keyof VehicleTotal]: VehicleTotal[K] }

/**
 * Each vehicle's total time at each station across its legs and visits,
 * longest first. Open legs run to the end rule's instant.
 */
export function vehicleTotals(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyArray<VehicleTotal> {
  const c = visitColumns(events)
  const ends = effectiveEnds(events, endOf)
  // Each visit's length and openness summed leg by leg, by event position.
  const length = new Float64Array(c.length)
  const open = new Uint8Array(c.length)
  for (let i = 0; i < events.length; i++) {
    const v = c.visitOf[i]!
    if (v < 0) continue
    const e = events[i]!
    length[v]! += Math.max(0, ends[i]! - e.docking)
    if (e.departure === null) open[v] = 1
  }
  // Visits of one vehicle at one station share a pair number: no key string per visit.
  const totalOf = new Array<MutableTotal | undefined>(c.pairCount)
  const totals: MutableTotal[] = []
  for (let v = 0; v < c.length; v++) {
    const t = totalOf[c.pair[v]!]
    if (t) {
      t.legs += c.legs[v]!
      t.visits += 1
      t.totalMs = (t.totalMs + length[v]!) as DurationMs
      t.hasOpenLeg ||= open[v] === 1
    } else {
      // The first visit's spelling names the vehicle.
      const head = events[c.first[v]!]!
      const total: MutableTotal = {
        vehicle: head.vehicle,
        stationId: head.stationId!,
        stationName: head.stationName,
        legs: c.legs[v]!,
        visits: 1,
        totalMs: length[v]! as DurationMs,
        hasOpenLeg: open[v] === 1,
      }
      totalOf[c.pair[v]!] = total
      totals.push(total)
    }
  }
  // The comparator answers -1, 0 or 1: a difference of times is a heap
  // number, made per comparison until the sort is optimised.
  return totals.sort((a, b) =>
    a.totalMs < b.totalMs ? 1 : a.totalMs > b.totalMs ? -1 : a.vehicle.localeCompare(b.vehicle),
  )
}

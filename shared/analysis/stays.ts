/**
 * Stays: how long vehicles stayed, by visit (relocations joined) or by
 * docking; summaries per family, decade, role or station; and a vehicle's
 * total time at a station across its legs.
 */
import type { DockingEvent } from '../domain/model'
import type { DurationMs, StationId, UtcMillis } from '../domain/units'
import { visitColumns } from '../visits/visit-columns'
import type { EndRule } from './effective-end'
import { indices, yearOf } from './interval'
import { effectiveEnds } from './prepared'
import { scratchFloat64, scratchInt32, scratchUint8 } from '../columns/scratch'
import { groupIndices, type IndexColumn, type IndexGroups } from '../columns/groups'
import { stayAt, type Stay, type StayColumns } from './stay-columns'

// The stays themselves, which every summary here reads, are part of this module's API.
export { stayAt, stayColumns, type Stay, type StayColumns, type StayUnit } from './stay-columns'

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
export function summariseStays(stays: StayColumns): StaySummary {
  return summariseAt(stays, null, 0, stays.length)
}

/**
 * `summariseStays` of stays `order[k]` for k in `[from, to)` (of stays
 * `from` … `to − 1` when `order` is null): groups are summed up in place,
 * with no list per group.
 */
function summariseAt(
  c: StayColumns,
  order: IndexColumn | null,
  from: number,
  to: number,
): StaySummary {
  // No comparator sort of the stays: the lengths sort natively as floats and
  // the longest and shortest are found by one scan, with the ties the order
  // (length, then arrival, then given order) would break: the last of the
  // longest, the first of the shortest. One pass: the lengths go into a
  // scratch array with room for every stay, of which the closed ones' part
  // is sorted and read before this returns.
  let openCount = 0
  const all = scratchFloat64('stay summaries: lengths', to - from)
  const { arrival, departure } = c
  let longest = -1
  let shortest = -1
  let n = 0
  for (let j = from; j < to; j++) {
    const k = order ? order[j]! : j
    const len = departure[k]! - arrival[k]!
    if (Number.isNaN(len)) openCount++
    if (!(len >= 0)) continue
    all[n++] = len
    if (longest < 0) {
      longest = shortest = k
      continue
    }
    const most = departure[longest]! - arrival[longest]!
    if (len > most || (len === most && arrival[k]! >= arrival[longest]!)) longest = k
    const least = departure[shortest]! - arrival[shortest]!
    if (len < least || (len === least && arrival[k]! < arrival[shortest]!)) shortest = k
  }
  const lengths = all.subarray(0, n).sort()
  return {
    count: to - from,
    openCount,
    longest: longest < 0 ? null : stayAt(c, longest),
    shortest: shortest < 0 ? null : stayAt(c, shortest),
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
const decadeStart = (t: number): number => Math.floor(yearOf(t as UtcMillis) / 10) * 10

/**
 * Stays split into groups, with no list per group: group g (key `keys[g]`,
 * in first-seen order) holds stays `order[starts[g]]` … `order[starts[g + 1] − 1]`,
 * in arrival order.
 */
export type StayGroups<K> = IndexGroups<K>

/** The stays grouped by `keyOf(k)` of each stay k. */
export function groupStays<K>(c: StayColumns, keyOf: (k: number) => K): StayGroups<K> {
  return groupIndices(c.length, keyOf, 'stay groups')
}

/** The summary of group g of `groups`. */
export function summariseGroup<K>(c: StayColumns, groups: StayGroups<K>, g: number): StaySummary {
  return summariseAt(c, groups.order, groups.starts[g]!, groups.starts[g + 1]!)
}

// Decades are grouped by number and named once per group, not once per stay.
function groupKey(c: StayColumns, by: StayGrouping): (k: number) => string | number {
  const { events, head, arrival } = c
  switch (by) {
    case 'family':
      return (k) => events[head[k]!]!.family
    case 'role':
      return (k) => events[head[k]!]!.role
    case 'station':
      return (k) => {
        const e = events[head[k]!]!
        return e.stationName ?? `Station ${e.stationId}`
      }
    case 'decade':
      return (k) => decadeStart(arrival[k]!)
  }
}

/** Stays summed up per group, groups in key order. */
export function staysBy(stays: StayColumns, by: StayGrouping): ReadonlyArray<StayGroup> {
  const groups = groupStays(stays, groupKey(stays, by))
  const names = groups.keys.map((key) => (typeof key === 'number' ? `${key}s` : key))
  const byKey = Array.from(names.keys()).sort((a, b) => names[a]!.localeCompare(names[b]!))
  return byKey.map((g) => ({ key: names[g]!, summary: summariseGroup(stays, groups, g) }))
}

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
  // Working columns only (records are made from them), so reused ones.
  const length = scratchFloat64('vehicle totals: visit length', c.length).fill(0)
  const open = scratchUint8('vehicle totals: visit open', c.length).fill(0)
  for (let i = 0; i < events.length; i++) {
    const v = c.visitOf[i]!
    if (v < 0) continue
    const e = events[i]!
    length[v]! += Math.max(0, ends[i]! - e.docking)
    if (e.departure === null) open[v] = 1
  }
  // Visits of one vehicle at one station share a pair number: no key string
  // per visit. Totals are numbered as their first visit comes and summed in
  // columns; a record is made per total once they are in order.
  const totalOf = scratchInt32('vehicle totals: total of pair', c.pairCount).fill(-1)
  const head = scratchInt32('vehicle totals: head', c.pairCount)
  const legs = scratchInt32('vehicle totals: legs', c.pairCount).fill(0)
  const visits = scratchInt32('vehicle totals: visits', c.pairCount).fill(0)
  const sum = scratchFloat64('vehicle totals: sum', c.pairCount).fill(0)
  const anyOpen = scratchUint8('vehicle totals: any open', c.pairCount).fill(0)
  let n = 0
  for (let v = 0; v < c.length; v++) {
    let t = totalOf[c.pair[v]!]!
    if (t < 0) {
      t = totalOf[c.pair[v]!] = n++
      // The first visit's spelling names the vehicle.
      head[t] = c.first[v]!
    }
    legs[t]! += c.legs[v]!
    visits[t]! += 1
    sum[t]! += length[v]!
    anyOpen[t]! |= open[v]!
  }
  const vehicle = (t: number) => events[head[t]!]!.vehicle
  // The comparator answers -1, 0 or 1 (a difference of times would be a heap
  // number per comparison); ties keep the order the totals came in.
  const order = indices(n).sort((a, b) =>
    sum[a]! < sum[b]! ? 1 : sum[a]! > sum[b]! ? -1 : vehicle(a).localeCompare(vehicle(b)) || a - b,
  )
  const totals: VehicleTotal[] = []
  for (let k = 0; k < n; k++) {
    const t = order[k]!
    const e = events[head[t]!]!
    totals.push({
      vehicle: e.vehicle,
      stationId: e.stationId!,
      stationName: e.stationName,
      legs: legs[t]!,
      visits: visits[t]!,
      totalMs: sum[t]! as DurationMs,
      hasOpenLeg: anyOpen[t] === 1,
    })
  }
  return totals
}

/**
 * Traffic: arrivals per year per station, split by family or role.
 */
import type { DockingEvent } from '../domain/model'
import type { StationId, UtcMillis } from '../domain/units'
import { yearOf } from './interval'
import { stayColumns, type StayUnit } from './stays'

/** What arrivals are split by. */
export type TrafficBy = 'family' | 'role'

/** Arrivals at one station in one UTC year of one family or role. */
export interface TrafficCount {
  readonly stationId: StationId
  readonly stationName: string | null
  readonly year: number
  /** The family or role. */
  readonly key: string
  readonly arrivals: number
}

type MutableCount = { -readonly [K in keyof TrafficCount]: TrafficCount[K] }

/**
 * Arrivals per UTC year per station, by family or role, sorted by station,
 * year, key. Counting by visit (the default), an arrival is a visit's first
 * docking: a relocation between ports (a second leg of the same visit) is not
 * a new arrival; counting by docking, every docking is one.
 */
export function arrivalsPerYear(
  events: ReadonlyArray<DockingEvent>,
  by: TrafficBy,
  unit: StayUnit = 'visit',
): ReadonlyArray<TrafficCount> {
  // Keyed station → year → key, so no key string is built (and hashed) per stay.
  const byStation = new Map<StationId, Map<number, Map<string, MutableCount>>>()
  const counts: MutableCount[] = []
  const stays = stayColumns(events, unit)
  for (let k = 0; k < stays.length; k++) {
    // A stay arrives with its first leg, which names it.
    const e = events[stays.head[k]!]!
    const year = yearOf(stays.arrival[k]! as UtcMillis)
    const key = by === 'family' ? e.family : e.role
    let byYear = byStation.get(e.stationId!)
    if (!byYear) byStation.set(e.stationId!, (byYear = new Map()))
    let byKey = byYear.get(year)
    if (!byKey) byYear.set(year, (byKey = new Map()))
    const c = byKey.get(key)
    if (c) c.arrivals++
    else {
      const count = { stationId: e.stationId!, stationName: e.stationName, year, key, arrivals: 1 }
      byKey.set(key, count)
      counts.push(count)
    }
  }
  return counts.sort(
    (a, b) => a.stationId - b.stationId || a.year - b.year || a.key.localeCompare(b.key),
  )
}

/**
 * Data checks on LL2 expeditions, and the expeditions the crewed-period
 * measure may rest on.
 *
 * LL2's own errors (see assets/snapshot/sources/README.md): Shenzhou 10 ends a
 * year before it starts; "Salyut 6 EP-5" is filed under Salyut 5; expeditions
 * whose crew never boarded (Soyuz 10, 15, 23, 25, 33 failed to dock) are
 * listed like the rest.
 */
import { eventsByStation } from '../analysis/prepared'
import type { Expedition } from '../domain/expedition'
import type { DockingEvent } from '../domain/model'
import { HOUR_MS, type StationId } from '../domain/units'
import type { DataFlag } from './data-flag'

/** A station's id and name, enough to tell which station a name speaks of. */
export interface NamedStation {
  readonly id: StationId
  readonly name: string
}

/** The checks' verdict: flags, and the expeditions a measure may use. */
export interface ExpeditionReview {
  readonly flags: ReadonlyArray<DataFlag>
  /**
   * Expeditions fit to count as crewed time: those ending before they start
   * or whose crew never boarded are left out; one filed under the wrong
   * station is refiled under the station its name names.
   */
  readonly accepted: ReadonlyArray<Expedition>
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

/**
 * The station an expedition's name names, when it is not the one it is filed
 * under: the longest station name the expedition name starts with, as a
 * whole word ("Salyut 6 EP-5" names Salyut 6, not Salyut 5).
 */
export function namedStation(
  x: Expedition,
  stations: ReadonlyArray<NamedStation>,
): NamedStation | null {
  return stationNamer(stations)(x)
}

/**
 * `namedStation` for one list of stations, worked out once for many
 * expeditions: stations longest name first (a stable sort, so of two names
 * of one length the first listed wins), each with the prefix it is matched by.
 */
function stationNamer(
  stations: ReadonlyArray<NamedStation>,
): (x: Expedition) => NamedStation | null {
  const candidates = [...stations]
    .sort((a, b) => b.name.length - a.name.length)
    .map((station) => ({ station, prefix: `${station.name} ` }))
  return (x) => {
    const hit = candidates.find(
      (c) => x.name === c.station.name || x.name.startsWith(c.prefix),
    )?.station
    // A station of the same name under another id (a local copy) is the same station.
    return hit && hit.id !== x.stationId && hit.name !== x.stationName ? hit : null
  }
}

/**
 * Shortest docking a crew could have boarded through. Soyuz 10 soft-docked at
 * Salyut 1 for 5 h 50 min (LL2 docking event 8) but never got a hard seal,
 * so its crew never went aboard.
 */
export const BOARDING_MIN_MS = 12 * HOUR_MS

/** Each station's times of dockings long enough to board through, sorted, for a binary search. */
function arrivalsByStation(
  events: ReadonlyArray<DockingEvent>,
): ReadonlyMap<StationId, Float64Array> {
  // Each station's events as the analysis groups them (worked out once per
  // array), their boardable dockings counted and then filled into a typed array.
  const boardable = (e: DockingEvent) =>
    e.departure === null || e.departure - e.docking >= BOARDING_MIN_MS
  const lists = new Map<StationId, Float64Array>()
  for (const [id, own] of eventsByStation(events)) {
    let n = 0
    for (let ix = 0; ix < own.length; ix++) if (boardable(own[ix]!)) n++
    const times = new Float64Array(n)
    n = 0
    for (let ix = 0; ix < own.length; ix++) if (boardable(own[ix]!)) times[n++] = own[ix]!.docking
    lists.set(id, times.sort())
  }
  return lists
}

/**
 * Did any vehicle arrive at the station during the expedition and stay docked
 * long enough to board through? A crew that boarded came in a vehicle that
 * docked; with no such arrival between the expedition's start and end, the
 * crew never got aboard (Soyuz 15, 23, 25 and 33 failed to dock at all).
 */
function hasArrival(x: Expedition, arrivals: Float64Array | undefined): boolean {
  if (!arrivals) return false
  const end = x.end ?? Number.POSITIVE_INFINITY
  let lo = 0
  let hi = arrivals.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (arrivals[mid]! < x.start) lo = mid + 1
    else hi = mid
  }
  return lo < arrivals.length && arrivals[lo]! <= end
}

/**
 * Checks expeditions against each other's stations and the docking events.
 * The never-boarded check needs the station's dockings: run it on the whole
 * data set, not a query's subset.
 */
export function reviewExpeditions(
  expeditions: ReadonlyArray<Expedition>,
  stations: ReadonlyArray<NamedStation>,
  events: ReadonlyArray<DockingEvent>,
): ExpeditionReview {
  const flags: DataFlag[] = []
  const accepted: Expedition[] = []
  // Every docking is read for the never-boarded check; with no expeditions there is nothing to check.
  const arrivals = expeditions.length === 0 ? new Map() : arrivalsByStation(events)
  const nameOf = stationNamer(stations)
  for (const x of expeditions) {
    if (x.end !== null && x.end < x.start) {
      flags.push({
        kind: 'expedition-end-before-start',
        eventIds: [],
        expeditionIds: [x.id],
        message: `${x.name} ends (${iso(x.end)}) before it starts (${iso(x.start)}); it is left out of crewed periods.`,
      })
      continue
    }
    const named = nameOf(x)
    if (named) {
      flags.push({
        kind: 'expedition-wrong-station',
        eventIds: [],
        expeditionIds: [x.id],
        message: `${x.name} is filed under ${x.stationName ?? `station ${x.stationId}`}, but its name says ${named.name}; counted at ${named.name}.`,
      })
    }
    const station = named?.id ?? x.stationId
    if (!hasArrival(x, arrivals.get(station))) {
      const where = named?.name ?? x.stationName ?? `station ${x.stationId}`
      flags.push({
        kind: 'expedition-never-boarded',
        eventIds: [],
        expeditionIds: [x.id],
        message: `No vehicle docked at ${where} for 12 hours or more during ${x.name} (${iso(x.start)} to ${x.end === null ? 'open' : iso(x.end)}): its crew never boarded; it is left out of crewed periods.`,
      })
      continue
    }
    accepted.push(named ? { ...x, stationId: named.id, stationName: named.name } : x)
  }
  return { flags, accepted }
}

/**
 * The review's flags about expeditions filed under, or named for, one of
 * `stationIds`: what a reader of those stations' crewed periods should know.
 */
export function expeditionFlagsAt(
  review: ExpeditionReview,
  expeditions: ReadonlyArray<Expedition>,
  stations: ReadonlyArray<NamedStation>,
  stationIds: ReadonlySet<number>,
): ReadonlyArray<DataFlag> {
  const nameOf = stationNamer(stations)
  const ids = new Set(
    expeditions
      .filter((x) => stationIds.has(x.stationId) || stationIds.has(nameOf(x)?.id ?? -1))
      .map((x) => x.id as number),
  )
  return review.flags.filter((f) => f.expeditionIds?.some((id) => ids.has(id)))
}

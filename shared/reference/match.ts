/**
 * Pairs reference stays with LL2 events: the same vehicle (`vehicleKey`) at
 * the same station (`stationKey`), docking within `MATCH_WINDOW_MS`. Ids
 * cannot pair them: the reference files use ids of their own.
 */
import { groupBy } from '../chart/group-by'
import type { DockingEvent } from '../domain/model'
import { DAY_MS } from '../domain/units'
import { vehicleKey } from '../domain/vehicle-name'
import type { ReferenceStay } from './reference-stay'
import { stationKey } from './station-key'

/** Farthest apart two dockings of one match may be. */
export const MATCH_WINDOW_MS = 2 * DAY_MS

/** A reference stay and the LL2 event it describes. */
export interface StayMatch {
  readonly stay: ReferenceStay
  readonly event: DockingEvent
}

/** The pairs, and what found no partner on either side. */
export interface StayMatching {
  readonly matches: ReadonlyArray<StayMatch>
  readonly unmatchedStays: ReadonlyArray<ReferenceStay>
  readonly unmatchedEvents: ReadonlyArray<DockingEvent>
  /** The events with a station by `stayKey`: the candidates each stay was matched among. */
  readonly eventsByKey: ReadonlyMap<string, ReadonlyArray<DockingEvent>>
}

/** One vehicle at one station, however either side spells them: what a match needs in common. */
export const stayKey = (station: string, vehicle: string): string =>
  `${stationKey(station)}\u0000${vehicleKey(vehicle)}`

/**
 * Matches one to one, closest dockings first: a vehicle relocated within
 * two days (two stays, two events) pairs leg with leg rather than both legs
 * with the first event. Ties go to the lower ids, so the answer is stable.
 */
export function matchStays(
  stays: ReadonlyArray<ReferenceStay>,
  events: ReadonlyArray<DockingEvent>,
): StayMatching {
  const byKey = groupBy(
    events.filter((e) => e.stationName !== null),
    (e) => stayKey(e.stationName!, e.vehicle),
  )
  const candidates: { stay: ReferenceStay; event: DockingEvent; gap: number }[] = []
  for (const stay of stays) {
    for (const event of byKey.get(stayKey(stay.stationName, stay.vehicle)) ?? []) {
      const gap = Math.abs(event.docking - stay.docking.at)
      if (gap <= MATCH_WINDOW_MS) candidates.push({ stay, event, gap })
    }
  }
  candidates.sort((a, b) => a.gap - b.gap || a.stay.id - b.stay.id || a.event.id - b.event.id)
  // By object: two reference sets may reuse an id.
  const usedStays = new Set<ReferenceStay>()
  const usedEvents = new Set<DockingEvent>()
  const matches: StayMatch[] = []
  for (const c of candidates) {
    if (usedStays.has(c.stay) || usedEvents.has(c.event)) continue
    usedStays.add(c.stay)
    usedEvents.add(c.event)
    matches.push({ stay: c.stay, event: c.event })
  }
  return {
    matches,
    unmatchedStays: stays.filter((s) => !usedStays.has(s)),
    unmatchedEvents: events.filter((e) => !usedEvents.has(e)),
    eventsByKey: byKey,
  }
}

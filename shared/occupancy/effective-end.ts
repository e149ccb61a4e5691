/**
 * Where an event's stay ends: the one rule the chart, occupancy, flags and
 * exports all use.
 *
 * LL2 leaves `departure` null both for a vehicle still docked and for one
 * whose departure was never recorded. Three facts make the first reading
 * impossible: the station has re-entered, another vehicle docked later at
 * the same port (a port holds one vehicle), or the station's own record no
 * longer lists it as docked. Its departure is then unknown, not "still
 * docked", and the stay ends by the re-entry, that docking or the time the
 * record was taken, whichever comes first; a record of no known time bounds
 * nothing, and there the stay runs to now.
 */
import type { DockingEvent } from '../domain/model'
import { utcMillis, type UtcMillis } from '../domain/units'
import type { EndFacts, NextDocking, NotListed, StationLife, StationLives } from './end-facts'

/** How an event's stay ends: at its departure, still docked at `now`, or unknown. */
export type EndState = 'departed' | 'docked' | 'unknown'

/** Where a stay ends and how that end is known. */
export interface EffectiveEnd {
  readonly end: UtcMillis
  readonly state: EndState
  /** The next docking at its port, when that (not a re-entry) ends a stay with no departure. */
  readonly next?: NextDocking
  /** No departure, and its station's record no longer lists it as docked (`EndFacts.notListed`). */
  readonly notListed?: NotListed
}

/** What makes a departure unknown, and so where the bar ends. */
export type UnknownEndCause = 're-entry' | 'next-docking' | 'not-listed'

/** Why `end` is "unknown"; null for a departed or still-docked stay. */
export function unknownEndCause(end: EffectiveEnd): UnknownEndCause | null {
  if (end.state !== 'unknown') return null
  return end.next ? 'next-docking' : end.notListed ? 'not-listed' : 're-entry'
}

/**
 * Where an event's stay ends.
 *
 * A departure ends it, unless the station re-entered before it (then the
 * deorbit does: a record cannot outlive its station). With no departure, the
 * earlier of a re-entered station's deorbit date and the next docking at its
 * port ends it as "unknown", as does the end of the time when a station
 * record that no longer lists it was taken; a re-entered station with no
 * date and no next docking, or an unlisting record of no known time, leaves
 * it running to `now`, still "unknown"; anywhere else the vehicle is still
 * docked at `now`. An end never precedes the docking unless
 * the record's own departure does.
 */
export function effectiveEnd(event: DockingEvent, facts: EndFacts, now: UtcMillis): EffectiveEnd {
  const life = lifeOf(event, facts.lives)
  if (event.departure !== null)
    return { end: endWithin(event, life, undefined, undefined, now), state: 'departed' }
  const next = facts.nextDocking.get(event.id)
  const notListed = facts.notListed.get(event.id)
  const end = endWithin(event, life, next, notListed, now)
  if (next !== undefined && end === next.at) return { end, state: 'unknown', next }
  if (notListed !== undefined) return { end, state: 'unknown', notListed }
  return { end, state: life?.isDeorbited || next !== undefined ? 'unknown' : 'docked' }
}

/**
 * `effectiveEnd`'s end alone, with no object made: for the measures, which
 * ask it of every event.
 */
export function effectiveEndTime(event: DockingEvent, facts: EndFacts, now: UtcMillis): UtcMillis {
  const open = event.departure === null
  const next = open ? facts.nextDocking.get(event.id) : undefined
  const notListed = open ? facts.notListed.get(event.id) : undefined
  return endWithin(event, lifeOf(event, facts.lives), next, notListed, now)
}

const lifeOf = (event: DockingEvent, lives: StationLives): StationLife | undefined =>
  event.stationId === null ? undefined : lives.get(event.stationId)

/** The end both give, from the event's end facts, looked up once. */
function endWithin(
  event: DockingEvent,
  life: StationLife | undefined,
  next: NextDocking | undefined,
  notListed: NotListed | undefined,
  now: UtcMillis,
): UtcMillis {
  const deorbit = life?.deorbited ?? null
  if (event.departure !== null)
    return deorbit !== null && event.departure > deorbit
      ? utcMillis(Math.max(deorbit, event.docking))
      : event.departure
  // The next docking and the record's time are recorded, not "so far": they
  // bound the stay even when they lie past `now` (a chart on a fixed clock).
  const bound = Math.min(
    deorbit ?? Infinity,
    next?.at ?? Infinity,
    notListed?.within?.to ?? Infinity,
  )
  return utcMillis(Math.max(bound === Infinity ? now : bound, event.docking))
}

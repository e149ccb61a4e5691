/**
 * Where an event's stay ends: the one rule the chart, occupancy, flags and
 * exports all use.
 *
 * LL2 leaves `departure` null both for a vehicle still docked and for one
 * whose departure was never recorded. At a station that has re-entered, the
 * first reading is impossible: such a stay ends at the deorbit date, and
 * its departure is unknown, not "still docked".
 */
import type { DockingEvent, Station } from '../domain/model'
import { utcMillis, type UtcMillis } from '../domain/units'

/** How an event's stay ends: at its departure, still docked at `now`, or unknown. */
export type EndState = 'departed' | 'docked' | 'unknown'

/** A station's launch and re-entry, as far as they are known. */
export interface StationLife {
  readonly founded: UtcMillis | null
  readonly deorbited: UtcMillis | null
  /** Re-entered, by date or by LL2's status "De-Orbited" when no date is given. */
  readonly isDeorbited: boolean
}

/** Lives of stations by station id. */
export type StationLives = ReadonlyMap<number, StationLife>

/** No station facts: every open event counts as still docked. */
export const NO_LIVES: StationLives = new Map()

/** What `stationLives` reads of a station; `founded` arrives with the real LL2 station records. */
export type StationLifeFacts = Pick<Station, 'id' | 'status' | 'deorbited'> & {
  readonly founded?: string | null
}

// LL2 gives dates ("1991-02-07"); a date alone is read as its first instant,
// so a clipped bar never runs into the day the station was already gone.
function dateOf(iso: string | null | undefined): UtcMillis | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isFinite(t) ? utcMillis(t) : null
}

const livesMemo = new WeakMap<ReadonlyArray<StationLifeFacts>, StationLives>()

/**
 * The lives of `stations`, for `effectiveEnd`: the same map for the same
 * array, so end rules built on it (and the measures remembered per rule)
 * are shared by every caller.
 */
export function stationLives(stations: ReadonlyArray<StationLifeFacts>): StationLives {
  const known = livesMemo.get(stations)
  if (known) return known
  const lives = new Map<number, StationLife>()
  for (const s of stations) {
    const deorbited = dateOf(s.deorbited)
    lives.set(s.id, {
      founded: dateOf(s.founded),
      deorbited,
      isDeorbited: deorbited !== null || /de-?orbited/i.test(s.status ?? ''),
    })
  }
  livesMemo.set(stations, lives)
  return lives
}

/** Where a stay ends and how that end is known. */
export interface EffectiveEnd {
  readonly end: UtcMillis
  readonly state: EndState
}

/**
 * Where an event's stay ends.
 *
 * A departure ends it, unless the station re-entered before it (then the
 * deorbit does: a record cannot outlive its station). With no departure, a
 * re-entered station's deorbit date ends it as "unknown"; a re-entered
 * station with no date leaves it running to `now`, still "unknown"; anywhere
 * else the vehicle is still docked at `now`. An end never precedes the
 * docking unless the record's own departure does.
 */
export function effectiveEnd(
  event: DockingEvent,
  lives: StationLives,
  now: UtcMillis,
): EffectiveEnd {
  const life = lifeOf(event, lives)
  const state: EndState =
    event.departure !== null ? 'departed' : life?.isDeorbited ? 'unknown' : 'docked'
  return { end: endWithin(event, life, now), state }
}

/**
 * `effectiveEnd`'s end alone, with no object made: for the measures, which
 * ask it of every event.
 */
export function effectiveEndTime(
  event: DockingEvent,
  lives: StationLives,
  now: UtcMillis,
): UtcMillis {
  return endWithin(event, lifeOf(event, lives), now)
}

const lifeOf = (event: DockingEvent, lives: StationLives): StationLife | undefined =>
  event.stationId === null ? undefined : lives.get(event.stationId)

/** The end both give, from the event's station's life, looked up once. */
function endWithin(event: DockingEvent, life: StationLife | undefined, now: UtcMillis): UtcMillis {
  const deorbit = life?.deorbited ?? null
  if (event.departure !== null)
    return deorbit !== null && event.departure > deorbit
      ? utcMillis(Math.max(deorbit, event.docking))
      : event.departure
  return utcMillis(Math.max(deorbit ?? now, event.docking))
}

/**
 * What can end a stay that has no departure, worked out once over all the
 * data: the stations' lives, each open event's next docking at its port, and
 * the open events their station's record no longer lists. `effectiveEnd`
 * (effective-end.ts) reads them.
 */
import type { DockingEvent, ListedWithin, Station } from '../domain/model'
import { utcMillis, type EventId, type UtcMillis } from '../domain/units'
import { groupBy } from '../chart/group-by'

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

/** What `endFacts` reads of a station; `founded` arrives with the real LL2 station records. */
export type StationLifeFacts = Pick<Station, 'id' | 'status' | 'deorbited'> & {
  readonly founded?: string | null
  /**
   * LL2's current dockings of the station when its record was fetched; null
   * or absent when the record did not say.
   */
  readonly activeDockingEventIds?: ReadonlyArray<number> | null
  /** When that list was taken, when known. */
  readonly listedWithin?: ListedWithin | null
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

/** The next docking at an open event's port, by which its stay must have ended. */
export interface NextDocking {
  readonly eventId: EventId
  readonly vehicle: string
  readonly at: UtcMillis
}

/**
 * An open event its station's record no longer lists. `within` is when that
 * record was taken, by whose end the vehicle had left; null when only the
 * record's later docking dates it, which bounds nothing.
 */
export interface NotListed {
  readonly within: ListedWithin | null
}

/** What can end a stay with no departure. */
export interface EndFacts {
  readonly lives: StationLives
  /** Each open event's next docking at its port. */
  readonly nextDocking: ReadonlyMap<EventId, NextDocking>
  /**
   * Open events their active station's record does not list as docked,
   * though the record was taken after they docked (its own date says so, or
   * it lists one that docked later): they had left by then.
   */
  readonly notListed: ReadonlyMap<EventId, NotListed>
}

/** No facts: every open event counts as still docked. */
export const NO_END_FACTS: EndFacts = {
  lives: NO_LIVES,
  nextDocking: new Map(),
  notListed: new Map(),
}

const factsMemo = new WeakMap<
  ReadonlyArray<DockingEvent>,
  WeakMap<ReadonlyArray<StationLifeFacts>, EndFacts>
>()

/**
 * The end facts of all the data: the same object for the same arrays, so the
 * chart, the checks and the measures share it (and the rules built on it).
 * Pass every event, never a filtered view: a stay does not run longer because
 * a filter hides the vehicle that took its port.
 */
export function endFacts(
  events: ReadonlyArray<DockingEvent>,
  stations: ReadonlyArray<StationLifeFacts>,
): EndFacts {
  let byStations = factsMemo.get(events)
  if (!byStations) factsMemo.set(events, (byStations = new WeakMap()))
  const known = byStations.get(stations)
  if (known) return known
  const lives = stationLives(stations)
  const nextDocking = nextDockings(events)
  const facts: EndFacts = {
    lives,
    nextDocking,
    notListed: notListed(events, stations, lives, nextDocking),
  }
  byStations.set(stations, facts)
  return facts
}

/** For each open event at a known port, the first later docking at that port. */
function nextDockings(events: ReadonlyArray<DockingEvent>): Map<EventId, NextDocking> {
  const byPort = groupBy(
    events.filter((e) => e.portId !== null),
    (e) => e.portId,
  )
  const out = new Map<EventId, NextDocking>()
  for (const list of byPort.values()) {
    if (!list.some((e) => e.departure === null)) continue
    list.sort((a, b) => a.docking - b.docking || a.id - b.id)
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!
      if (e.departure !== null) continue
      // Strictly later: two records docking at one instant are one docking
      // recorded twice (a data check says so), not a departure.
      let j = i + 1
      while (j < list.length && list[j]!.docking <= e.docking) j++
      const next = list[j]
      if (next) out.set(e.id, { eventId: next.id, vehicle: next.vehicle, at: next.docking })
    }
  }
  return out
}

/** Open events at active stations whose records, taken after they docked, no longer list them. */
function notListed(
  events: ReadonlyArray<DockingEvent>,
  stations: ReadonlyArray<StationLifeFacts>,
  lives: StationLives,
  nextDocking: ReadonlyMap<EventId, NextDocking>,
): Map<EventId, NotListed> {
  const out = new Map<EventId, NotListed>()
  const records = new Map<number, { ids: ReadonlySet<number>; within: ListedWithin | null }>()
  // A record listing nothing is read as saying nothing: its ports may have
  // come without their dockings (LL2's `active_docking_events` is empty in
  // the 2026-07-24 ISS capture, whose ports list six docked).
  for (const s of stations)
    if (s.activeDockingEventIds?.length && !lives.get(s.id)?.isDeorbited)
      records.set(s.id, { ids: new Set(s.activeDockingEventIds), within: s.listedWithin ?? null })
  if (records.size === 0) return out
  // The record was taken no earlier than its own date's start and the
  // latest docking it lists; an event that docked after both may simply be
  // newer than the record.
  const takenAfter = new Map<number, number>()
  for (const [id, r] of records) takenAfter.set(id, r.within?.from ?? -Infinity)
  for (const e of events) {
    if (e.stationId === null || !records.get(e.stationId)?.ids.has(e.id)) continue
    takenAfter.set(e.stationId, Math.max(takenAfter.get(e.stationId) ?? -Infinity, e.docking))
  }
  for (const e of events) {
    if (e.departure !== null || e.stationId === null || nextDocking.has(e.id)) continue
    const record = records.get(e.stationId)
    if (record && !record.ids.has(e.id) && e.docking < (takenAfter.get(e.stationId) ?? -Infinity))
      out.set(e.id, { within: record.within })
  }
  return out
}

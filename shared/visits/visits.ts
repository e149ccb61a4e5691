/**
 * Visits: one vehicle's stay at a station, made of one or more docking legs.
 *
 * LL2 logs a port relocation (Soyuz 31: aft, then forward 28 minutes later) as
 * two docking events of one vehicle; a historian counts one visit. Legs are
 * linked when the same vehicle docks again at the same station within
 * `VISIT_LINK_GAP_MS` of its previous departure.
 */
import type { DockingEvent } from '../domain/model'
import {
  HOUR_MS,
  type DurationMs,
  type EventId,
  type StationId,
  type UtcMillis,
} from '../domain/units'
import { vehicleKey } from '../domain/vehicle-name'

/** Longest gap between one leg's departure and the next leg's docking. */
export const VISIT_LINK_GAP_MS = 24 * HOUR_MS

/** A visit's id: the id of its first leg, so it is stable across rebuilds. */
export type VisitId = EventId

/** One vehicle's stay at a station, leg by leg. */
export interface Visit {
  readonly id: VisitId
  readonly vehicle: string
  readonly stationId: StationId
  readonly stationName: string | null
  /** The legs' event ids, in docking order; one for a visit with no relocation. */
  readonly legs: ReadonlyArray<EventId>
  readonly arrival: UtcMillis
  /** The last leg's departure; null while that leg has none. */
  readonly departure: UtcMillis | null
}

/** The visits in a set of events, with each event's visit. */
export interface VisitIndex {
  readonly visits: ReadonlyArray<Visit>
  readonly visitOf: ReadonlyMap<EventId, Visit>
}

/**
 * Groups events into visits. Events with no station are their own visit only
 * when they have a station; those without one belong to none.
 */
export function buildVisits(events: ReadonlyArray<DockingEvent>): VisitIndex {
  // One pass in (docking, id) order: each vehicle's legs at a station come in
  // leg order, and visits are opened in the order the result lists them.
  // Keyed station → vehicle, so no key string is built per event.
  const open = new Map<StationId, Map<string, DockingEvent[]>>()
  const legsOfVisits: DockingEvent[][] = []
  for (const e of inDockingOrder(events)) {
    if (e.stationId === null) continue
    let atStation = open.get(e.stationId)
    if (!atStation) open.set(e.stationId, (atStation = new Map()))
    const vehicle = vehicleKey(e.vehicle)
    const legs = atStation.get(vehicle)
    if (legs && linked(legs[legs.length - 1]!, e)) legs.push(e)
    else {
      const fresh = [e]
      legsOfVisits.push(fresh)
      atStation.set(vehicle, fresh)
    }
  }
  const visits = legsOfVisits.map(visitOf)
  const index = new Map<EventId, Visit>()
  for (const v of visits) for (const leg of v.legs) index.set(leg, v)
  return { visits, visitOf: index }
}

const byDocking = (a: DockingEvent, b: DockingEvent) => a.docking - b.docking || a.id - b.id

/** The events sorted by docking then id; the array itself when it already is (a query's usually is). */
function inDockingOrder(events: ReadonlyArray<DockingEvent>): ReadonlyArray<DockingEvent> {
  for (let i = 1; i < events.length; i++)
    if (byDocking(events[i - 1]!, events[i]!) > 0) return [...events].sort(byDocking)
  return events
}

function linked(previous: DockingEvent, next: DockingEvent): boolean {
  if (previous.departure === null) return false
  const gap = next.docking - previous.departure
  return gap >= 0 && gap <= VISIT_LINK_GAP_MS
}

function visitOf(legs: ReadonlyArray<DockingEvent>): Visit {
  const first = legs[0]!
  const last = legs[legs.length - 1]!
  return {
    id: first.id,
    vehicle: first.vehicle,
    stationId: first.stationId as StationId,
    stationName: first.stationName,
    legs: legs.map((l) => l.id),
    arrival: first.docking,
    departure: last.departure,
  }
}

/** A visit's total stay, or null while it is open. */
export function visitStay(visit: Visit): DurationMs | null {
  return visit.departure === null ? null : ((visit.departure - visit.arrival) as DurationMs)
}

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
  // Keyed station → vehicle, so no key string is built per event; a visit is
  // extended in place while it is the vehicle's latest at the station.
  const latest = new Map<StationId, Map<string, OpenVisit>>()
  const visits: OpenVisit[] = []
  const index = new Map<EventId, Visit>()
  for (const e of inDockingOrder(events)) {
    if (e.stationId === null) continue
    let atStation = latest.get(e.stationId)
    if (!atStation) latest.set(e.stationId, (atStation = new Map()))
    const vehicle = vehicleKey(e.vehicle)
    let visit = atStation.get(vehicle)
    if (visit && linked(visit.departure, e)) {
      visit.legs.push(e.id)
      visit.departure = e.departure
    } else {
      visit = {
        id: e.id,
        vehicle: e.vehicle,
        stationId: e.stationId,
        stationName: e.stationName,
        legs: [e.id],
        arrival: e.docking,
        departure: e.departure,
      }
      visits.push(visit)
      atStation.set(vehicle, visit)
    }
    index.set(e.id, visit)
  }
  return { visits, visitOf: index }
}

/** A visit while it is being built: the latest leg's departure moves on as legs join. */
interface OpenVisit extends Visit {
  readonly legs: EventId[]
  departure: UtcMillis | null
}

const byDocking = (a: DockingEvent, b: DockingEvent) => a.docking - b.docking || a.id - b.id

/** The events sorted by docking then id; the array itself when it already is (a query's usually is). */
function inDockingOrder(events: ReadonlyArray<DockingEvent>): ReadonlyArray<DockingEvent> {
  for (let i = 1; i < events.length; i++)
    if (byDocking(events[i - 1]!, events[i]!) > 0) return [...events].sort(byDocking)
  return events
}

/** Whether a docking continues the visit whose latest leg departed at `departure`. */
function linked(departure: UtcMillis | null, next: DockingEvent): boolean {
  if (departure === null) return false
  const gap = next.docking - departure
  return gap >= 0 && gap <= VISIT_LINK_GAP_MS
}

/** A visit's total stay, or null while it is open. */
export function visitStay(visit: Visit): DurationMs | null {
  return visit.departure === null ? null : ((visit.departure - visit.arrival) as DurationMs)
}

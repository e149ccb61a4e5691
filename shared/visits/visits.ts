/**
 * Visits: one vehicle's stay at a station, made of one or more docking legs.
 *
 * LL2 logs a port relocation (Soyuz 31: aft, then forward 28 minutes later) as
 * two docking events of one vehicle; a historian counts one visit. Legs are
 * linked when the same vehicle docks again at the same station within
 * `VISIT_LINK_GAP_MS` of its previous departure.
 */
import type { DockingEvent } from '../domain/model'
import type { DurationMs, EventId, StationId, UtcMillis } from '../domain/units'
import { departureOf, visitColumns } from './visit-columns'

/** Longest gap between one leg's departure and the next leg's docking. */
export { VISIT_LINK_GAP_MS } from './visit-columns'

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
 * Groups events into visits. Events with no station belong to none. The
 * grouping itself is `visitColumns`; this makes a record of each visit.
 */
export function buildVisits(events: ReadonlyArray<DockingEvent>): VisitIndex {
  const c = visitColumns(events)
  const visits: Visit[] = []
  for (let v = 0; v < c.length; v++) {
    const head = events[c.first[v]!]!
    const legs: EventId[] = []
    for (let i = c.first[v]!; i >= 0; i = c.nextLeg[i]!) legs.push(events[i]!.id)
    visits.push({
      id: head.id,
      vehicle: head.vehicle,
      stationId: head.stationId!,
      stationName: head.stationName,
      legs,
      arrival: head.docking,
      departure: departureOf(c, v),
    })
  }
  // Filled in docking order, as the visits were opened.
  const index = new Map<EventId, Visit>()
  for (let k = 0; k < events.length; k++) {
    const i = c.order ? c.order[k]! : k
    const v = c.visitOf[i]!
    if (v >= 0) index.set(events[i]!.id, visits[v]!)
  }
  return { visits, visitOf: index }
}

/** A visit's total stay, or null while it is open. */
export function visitStay(visit: Visit): DurationMs | null {
  return visit.departure === null ? null : ((visit.departure - visit.arrival) as DurationMs)
}

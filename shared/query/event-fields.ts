/**
 * What a query's fields mean for one event: its docking and departure bounds
 * and its order, as LL2 compares and sorts them, and its stay and state, by
 * the chart's end rule. The evaluator (evaluate.ts) applies them to many
 * events at once.
 */
import type { DockingEvent } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import { effectiveEnd, effectiveEndTime } from '../occupancy/effective-end'
import type { EndFacts } from '../occupancy/end-facts'
import {
  hasNoBounds,
  type DockedState,
  type DockingBounds,
  type EventOrdering,
  type TimeBounds,
} from './query'

/**
 * Whether a vehicle is still at its port: departed, still docked, or with no
 * departure recorded where it cannot still be (`effectiveEnd`'s "unknown").
 */
export function dockedStateOf(event: DockingEvent, ends: EndFacts, now: UtcMillis): DockedState {
  return event.departure !== null ? 'departed' : effectiveEnd(event, ends, now).state
}

/**
 * How long an event's vehicle stayed, in ms: to where its bar ends.
 *
 * A vehicle still docked has stayed until `now` so far; its stay only grows,
 * so "at least N days" is already decided for it, and "at most N days" is
 * judged on the stay so far.
 */
export function stayOf(event: DockingEvent, now: UtcMillis, ends: EndFacts): number {
  return Math.max(0, effectiveEndTime(event, ends, now) - event.docking)
}

/**
 * Does an event's docking time satisfy LL2's `docking__gt/gte/lt/lte` bounds?
 *
 * LL2 compares the stored docking instant with each bound; all bounds must hold.
 */
export function withinDockingBounds(event: DockingEvent, bounds: DockingBounds): boolean {
  return withinBounds(event.docking, bounds)
}

/**
 * Does an event's departure satisfy the departure bounds?
 *
 * With any bound set, an event without a departure (still docked, or LL2 does
 * not know) fails: there is no departure to compare.
 */
export function withinDepartureBounds(event: DockingEvent, bounds: TimeBounds): boolean {
  if (event.departure === null) return hasNoBounds(bounds)
  return withinBounds(event.departure, bounds)
}

/** Does instant `t` satisfy every bound that is set? */
export function withinBounds(t: number, bounds: TimeBounds): boolean {
  return (
    (bounds.gt === null || t > bounds.gt) &&
    (bounds.gte === null || t >= bounds.gte) &&
    (bounds.lt === null || t < bounds.lt) &&
    (bounds.lte === null || t <= bounds.lte)
  )
}

/**
 * Compares two events by an LL2 ordering.
 *
 * A null departure (still docked) sorts last ascending and first descending,
 * as PostgreSQL sorts NULLs behind LL2; ties fall back to the id so the order
 * is stable from one call to the next.
 */
export function compareEvents(
  ordering: EventOrdering,
): (a: DockingEvent, b: DockingEvent) => number {
  const descending = ordering.startsWith('-')
  const byDocking = (descending ? ordering.slice(1) : ordering) === 'docking'
  const sign = descending ? -1 : 1
  return (a, b) => {
    const va = byDocking ? a.docking : a.departure
    const vb = byDocking ? b.docking : b.departure
    if (va !== vb) {
      if (va === null) return sign
      if (vb === null) return -sign
      return sign * (va - vb)
    }
    return a.id - b.id
  }
}

/**
 * Puts freshly filtered events into the query's order, in place.
 *
 * The cache hands events over in docking order, the default, so the common
 * case is one comparison per event and no sort: the panel evaluates on every
 * keystroke.
 */
export function orderEvents(events: DockingEvent[], ordering: EventOrdering): DockingEvent[] {
  const compare = compareEvents(ordering)
  if (ordering === 'docking') {
    let inOrder = true
    for (let i = 1; inOrder && i < events.length; i++) {
      const a = events[i - 1]!
      const b = events[i]!
      inOrder = a.docking < b.docking || (a.docking === b.docking && a.id < b.id)
    }
    if (inOrder) return events
  }
  return events.sort(compare)
}

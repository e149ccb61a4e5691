/**
 * Restricting the measures to a time window.
 */
import type { DockingEvent } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import type { EndRule } from './effective-end'

/**
 * The events as seen through `[from, to)`: each one that overlaps the window,
 * with its docking and effective end cut to the window, so time measures
 * (occupancy, time docked) count only time inside it. Stays and arrivals
 * should read the uncut events: a cut stay is not a stay.
 */
export function clipEvents(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
  from: UtcMillis,
  to: UtcMillis,
): ReadonlyArray<DockingEvent> {
  const out: DockingEvent[] = []
  for (const e of events) {
    const end = endOf(e)
    if (end <= from || e.docking >= to || end <= e.docking) continue
    out.push({
      ...e,
      docking: Math.max(e.docking, from) as UtcMillis,
      departure: Math.min(end, to) as UtcMillis,
    })
  }
  return out
}

/** The events whose arrival falls inside `[from, to)`. */
export function arrivingIn(
  events: ReadonlyArray<DockingEvent>,
  from: UtcMillis,
  to: UtcMillis,
): ReadonlyArray<DockingEvent> {
  return events.filter((e) => e.docking >= from && e.docking < to)
}

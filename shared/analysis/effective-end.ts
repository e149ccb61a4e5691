/**
 * When an event stops counting: its departure, or, for an open event, the
 * end the caller's rule gives.
 *
 * LEAD: helper "quality" writes the app's one effective-end rule in shared/;
 * unify `EndRule`/`endAtNow` with it when both branches are merged. Every
 * measure here takes the rule as an argument, so only this file changes.
 */
import type { DockingEvent } from '../domain/model'
import type { UtcMillis } from '../domain/units'

/** The instant an event stops counting as docked. */
export type EndRule = (event: DockingEvent) => UtcMillis

/**
 * The chart's rule: a departed event ends at its departure; an open one runs
 * to `now`, never before its own docking.
 */
export function endAtNow(now: UtcMillis): EndRule {
  return (e) => (e.departure !== null ? e.departure : (Math.max(now, e.docking) as UtcMillis))
}

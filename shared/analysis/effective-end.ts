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
  // The same instant gives the same rule, so measures remembered per rule
  // (shared/analysis/prepared.ts) are shared by every caller at that instant.
  if (lastRule?.now === now) return lastRule.rule
  const rule: EndRule = (e) =>
    e.departure !== null ? e.departure : (Math.max(now, e.docking) as UtcMillis)
  lastRule = { now, rule }
  return rule
}

let lastRule: { readonly now: UtcMillis; readonly rule: EndRule } | null = null

/**
 * When an event stops counting, as a rule the measures take as an argument:
 * the app's one rule (`effectiveEnd` in shared/occupancy/effective-end.ts),
 * which the chart's bars, the data checks and the exports also follow.
 */
import type { DockingEvent } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import { effectiveEnd, effectiveEndTime } from '../occupancy/effective-end'
import type { EndFacts } from '../occupancy/end-facts'

/** The instant an event stops counting as docked. */
export type EndRule = (event: DockingEvent) => UtcMillis

/**
 * The chart's rule at `now`, as `effectiveEnd` gives it from the data's end
 * `facts` (`endFacts` of all the data; `NO_END_FACTS` reads every open stay
 * as still docked): a departed event ends at its departure; an open one by
 * its station's re-entry, its port's next docking or the record that no
 * longer lists it ("departure unknown"), else runs to `now`, never before
 * its own docking.
 */
export function endAtNow(now: UtcMillis, facts: EndFacts): EndRule {
  // The same instant and facts give the same rule, so measures remembered per
  // rule (shared/analysis/prepared.ts) are shared by every caller at that instant.
  if (lastRule?.now === now && lastRule.facts === facts) return lastRule.rule
  const rule: EndRule = (e) => effectiveEndTime(e, facts, now)
  lastRule = { now, facts, rule }
  return rule
}

let lastRule: {
  readonly now: UtcMillis
  readonly facts: EndFacts
  readonly rule: EndRule
} | null = null

/**
 * How many of `events` (at `stationId`, or anywhere when null) are docked at
 * `t` with an unknown departure: they count to the latest they can have
 * ended, so a count of stays at `t` that includes them is an upper bound
 * (the peaks say so).
 */
export function unknownEndsAt(
  events: ReadonlyArray<DockingEvent>,
  t: number,
  facts: EndFacts,
  now: UtcMillis,
  stationId: number | null = null,
): number {
  let n = 0
  for (const e of events) {
    if (e.departure !== null || e.docking > t) continue
    if (stationId !== null && e.stationId !== stationId) continue
    const end = effectiveEnd(e, facts, now)
    if (end.state === 'unknown' && t < end.end) n++
  }
  return n
}

/** A count of stays, "up to" it when `unknownEnds` of them have an unknown departure. */
export function countUpTo(count: number, unknownEnds: number): string {
  return unknownEnds > 0 ? `up to ${count}` : String(count)
}

/** Why a count including `n` such stays is an upper bound, as a clause. */
export function unknownEndsWords(n: number): string {
  return `${n} of them with an unknown departure, counted to the latest ${n === 1 ? 'it' : 'they'} can have left`
}

/**
 * Counting by docking or by visit: the one rule every count, stay and table
 * row of the app follows.
 *
 * LL2 logs a port relocation as a second docking of the same vehicle
 * (Soyuz 31: ids 189 and 190), so "how many" depends on what is counted: by
 * docking each event is one; by visit the legs of one visit (`visits.ts`)
 * are one, however many of them a filter keeps.
 */
import type { DockingEvent } from '../domain/model'
import type { Visit, VisitIndex } from './visits'
import { countNoun } from '../format/count-noun'

/** What one counted thing is: a docking (one event) or a visit (its legs together). */
export type CountBy = 'docking' | 'visit'

/** The choices, in menu order. */
export const COUNT_BY: ReadonlyArray<CountBy> = ['docking', 'visit']

/** One counted thing: a docking, or a visit with the legs of it that matched. */
export interface CountUnit {
  /** The docking's id, or the visit's (its first leg's). */
  readonly id: number
  /** The matching events it stands for, in the order given; one when counting dockings. */
  readonly events: ReadonlyArray<DockingEvent>
  /**
   * The whole visit, all its legs (matching or not); null when counting
   * dockings, or for an event at no station (which belongs to no visit).
   */
  readonly visit: Visit | null
}

/**
 * The key an event is counted under: its own id by docking, its visit's id by
 * visit (an event with no visit stands alone). Events with one key are one unit.
 */
export function unitKeyOf(by: CountBy, visits: VisitIndex): (event: DockingEvent) => number {
  if (by === 'docking') return (e) => e.id
  return (e) => visits.visitOf.get(e.id)?.id ?? e.id
}

/**
 * The visit an event shares with other legs, or null when it is a unit on its
 * own (counting dockings, or a one-leg visit): what option counts deduplicate.
 * Most events stand alone, so counting skips the bookkeeping for them.
 */
export function sharedUnitOf(
  by: CountBy,
  visits: VisitIndex,
): (event: DockingEvent) => number | null {
  if (by === 'docking') return () => null
  return (e) => {
    const v = visits.visitOf.get(e.id)
    return v !== undefined && v.legs.length > 1 ? v.id : null
  }
}

/**
 * Turns matching events into the units counted: one per event by docking;
 * one per visit touched by visit, however many of its legs match.
 *
 * `visits` should come from all the data, not just the matching events, so a
 * filter that drops a visit's middle leg still counts the visit once. Units
 * come in the order of their first matching event.
 */
export function countUnits(
  events: ReadonlyArray<DockingEvent>,
  by: CountBy,
  visits: VisitIndex,
): ReadonlyArray<CountUnit> {
  if (by === 'docking') return events.map((e) => ({ id: e.id, events: [e], visit: null }))
  const keyOf = unitKeyOf(by, visits)
  const units = new Map<number, { id: number; events: DockingEvent[]; visit: Visit | null }>()
  for (const e of events) {
    const id = keyOf(e)
    const unit = units.get(id)
    if (unit) unit.events.push(e)
    else units.set(id, { id, events: [e], visit: visits.visitOf.get(e.id) ?? null })
  }
  return [...units.values()]
}

/** "1 docking", "2 visits": a count with its noun. */
export function unitWords(count: number, by: CountBy): string {
  return countNoun(count, by)
}

/**
 * A count in words, with the dockings behind visits where they differ:
 * "235 dockings", "231 visits (235 dockings)", "1 visit (2 dockings)".
 */
export function countWords(units: ReadonlyArray<CountUnit>, by: CountBy): string {
  const words = unitWords(units.length, by)
  if (by === 'docking') return words
  const dockings = units.reduce((n, u) => n + u.events.length, 0)
  return dockings === units.length ? words : `${words} (${unitWords(dockings, 'docking')})`
}

/**
 * The filter panel's result count: all of them ("231 visits (235 dockings)"),
 * none ("No visits match (of 231)") or some ("12 of 231 visits (13 dockings)").
 */
export function resultCountWords(
  shown: ReadonlyArray<CountUnit>,
  total: number,
  by: CountBy,
): string {
  if (shown.length === total) return countWords(shown, by)
  const plural = `${by}s`
  if (shown.length === 0) return `No ${plural} match (of ${total})`
  const words = countWords(shown, by)
  const behind = words.slice(unitWords(shown.length, by).length)
  return `${shown.length} of ${total} ${plural}${behind}`
}

/** What an export or a caption says of its counting: "counted by visit". */
export function countedByWords(by: CountBy): string {
  return `counted by ${by}`
}

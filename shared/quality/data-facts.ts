/**
 * What the data says about itself beyond its rows: each event's visit and
 * the data checks' flags, worked out together for the exports and the CLI
 * (the app's store memoises the same two per store).
 */
import type { DockingData } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import { buildVisits, type VisitIndex } from '../visits/visits'
import { checkData, type DataChecks } from './data-checks'

/** Visits and flags of one data set at one instant. */
export interface DataFacts {
  readonly visits: VisitIndex
  readonly checks: DataChecks
  /** The instant they were worked out for: where still-docked stays end so far. */
  readonly now: UtcMillis
}

let last: { data: DockingData; now: number; facts: DataFacts } | null = null

/**
 * The visits and data checks of `data` at `now`.
 *
 * An export asks several times for the same data (file name, rows, figure);
 * the last answer is kept so it is worked out once.
 */
export function dataFacts(data: DockingData, now: UtcMillis): DataFacts {
  if (last && last.data === data && last.now === now) return last.facts
  const facts = {
    visits: buildVisits(data.events),
    checks: checkData(data.events, data.stations, now),
    now,
  }
  last = { data, now, facts }
  return facts
}

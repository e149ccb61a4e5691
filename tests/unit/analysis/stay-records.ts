import { stayAt, stayColumns, type Stay, type StayUnit } from '../../../shared/analysis/stays'
import type { DockingEvent } from '../../../shared/domain/model'

/** Every stay of `events` as a record, in arrival order: the stay rule as a list the tests can read. */
export function stayRecords(events: ReadonlyArray<DockingEvent>, unit: StayUnit): Stay[] {
  const c = stayColumns(events, unit)
  return Array.from({ length: c.length }, (_, k) => stayAt(c, k))
}

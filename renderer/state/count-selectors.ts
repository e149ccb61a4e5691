import type { DockingEvent } from '../../shared/domain/model'
import { countUnits, countWords, sharedUnitOf, type CountUnit } from '../../shared/visits/count-by'
import type { VisitIndex } from '../../shared/visits/visits'
import type { AppState } from './store'

/** What counting by docking or visit remembers between calls; part of a store's `SelectorMemo`. */
export interface CountMemo {
  /** The key option counts count under; undefined while counting dockings (each event counts). */
  unitKey(state: AppState): ((event: DockingEvent) => number | null) | undefined
  countUnits(state: AppState): ReadonlyArray<CountUnit>
  totalCount(state: AppState): number
}

/**
 * The filtered events as the units counted (`countUnits`): one per docking,
 * or one per visit the filters touch, its matching legs inside. The table's
 * rows, the result count and the exports read these.
 */
export const selectCountUnits = (state: AppState): ReadonlyArray<CountUnit> =>
  state.memo.countUnits(state)

/** The filtered count in words: "235 dockings", "231 visits (235 dockings)". */
export const selectCountWords = (state: AppState): string =>
  countWords(selectCountUnits(state), state.countBy)

/** How many units all the data holds, unfiltered: the "of N" of the result count. */
export const selectTotalCount = (state: AppState): number => state.memo.totalCount(state)

/**
 * The count memo, over the store's visits (all the data, so a visit a filter
 * cuts in two still counts once) and its filtered events.
 */
export function createCountMemo(
  visitsOf: (state: AppState) => VisitIndex,
  eventsOf: (state: AppState) => ReadonlyArray<DockingEvent>,
): CountMemo {
  let keyCache: { visits: VisitIndex | null; key: (event: DockingEvent) => number | null } = {
    visits: null,
    key: () => null,
  }
  let unitsCache: {
    events: unknown
    by: unknown
    visits: unknown
    units: ReadonlyArray<CountUnit>
  } = { events: null, by: null, visits: null, units: [] }
  let totalCache: { data: unknown; by: unknown; visits: unknown; total: number } = {
    data: null,
    by: null,
    visits: null,
    total: 0,
  }
  return {
    unitKey(state) {
      if (state.countBy === 'docking') return undefined
      const visits = visitsOf(state)
      if (keyCache.visits !== visits) keyCache = { visits, key: sharedUnitOf('visit', visits) }
      return keyCache.key
    },
    countUnits(state) {
      const events = eventsOf(state)
      const visits = visitsOf(state)
      const c = unitsCache
      if (c.events !== events || c.by !== state.countBy || c.visits !== visits)
        unitsCache = {
          events,
          by: state.countBy,
          visits,
          units: countUnits(events, state.countBy, visits),
        }
      return unitsCache.units
    },
    totalCount(state) {
      const visits = visitsOf(state)
      const c = totalCache
      if (c.data !== state.data || c.by !== state.countBy || c.visits !== visits)
        totalCache = {
          data: state.data,
          by: state.countBy,
          visits,
          total: countUnits(state.data?.events ?? [], state.countBy, visits).length,
        }
      return totalCache.total
    },
  }
}

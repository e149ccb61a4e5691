import type { DockingEvent } from '../../shared/domain/model'
import { utcMillis } from '../../shared/domain/units'
import { effectiveEnd, type EffectiveEnd } from '../../shared/occupancy/effective-end'
import { endFacts, NO_END_FACTS, type EndFacts } from '../../shared/occupancy/end-facts'
import { checkData, type DataChecks } from '../../shared/quality/data-checks'
import type { DataFlag } from '../../shared/quality/data-flag'
import { buildVisits, type Visit, type VisitIndex } from '../../shared/visits/visits'
import type { AppState } from './store'

/** What visits and data checks remember between calls; part of a store's `SelectorMemo`. */
export interface QualityMemo {
  checks(state: AppState): DataChecks
  visits(state: AppState): VisitIndex
}

const NO_EVENTS: ReadonlyArray<DockingEvent> = []

/**
 * Where stays with no departure end, over all the data (`endFacts`): the
 * same object while the data is, and the one the checks hold. For rules
 * that need no checks (filters, windows, orders).
 */
export const selectEndFacts = (state: AppState): EndFacts =>
  state.data ? endFacts(state.data.events, state.data.stations) : NO_END_FACTS

/**
 * The data checks over all the data (not the filtered view), with the
 * stations' lives bars end by. Rerun when the data or the clock changes.
 */
export const selectDataChecks = (state: AppState): DataChecks => state.memo.checks(state)

/** Every event's visit (its legs at one station), over all the data. */
export const selectVisits = (state: AppState): VisitIndex => state.memo.visits(state)

/** What the tooltip and the detail panel say about one event besides its record. */
export interface EventFacts {
  /** Where its stay ends (departure, still docked at now, or unknown: `effectiveEnd`). */
  readonly end: EffectiveEnd
  readonly visit: Visit | null
  readonly flags: ReadonlyArray<DataFlag>
}

/** The facts of `event`: its effective end at `now`, its visit, its flags. */
export function eventFacts(state: AppState, event: DockingEvent, now: number): EventFacts {
  const checks = selectDataChecks(state)
  return {
    end: effectiveEnd(event, checks.endFacts, utcMillis(now)),
    visit: selectVisits(state).visitOf.get(event.id) ?? null,
    flags: checks.flagsOf.get(event.id) ?? [],
  }
}

/** The visits and checks memo: each rebuilt only when the data (or, for checks, now) changes. */
export function createQualityMemo(): QualityMemo {
  let checksCache: { data: unknown; now: number; checks: DataChecks | null } = {
    data: null,
    now: 0,
    checks: null,
  }
  let visitsCache: { data: unknown; visits: VisitIndex } = {
    data: null,
    visits: buildVisits([]),
  }
  return {
    checks(state: AppState): DataChecks {
      const data = state.data
      if (checksCache.checks === null || checksCache.data !== data || checksCache.now !== state.now)
        checksCache = {
          data,
          now: state.now,
          checks: checkData(data?.events ?? NO_EVENTS, data?.stations ?? [], state.now),
        }
      return checksCache.checks!
    },
    visits(state: AppState): VisitIndex {
      const data = state.data
      if (visitsCache.data !== data)
        visitsCache = { data, visits: buildVisits(data?.events ?? NO_EVENTS) }
      return visitsCache.visits
    },
  }
}

import {
  placeReferenceStays,
  referenceLines,
  type ReferenceLine,
  type ReferencePlacement,
} from '../../shared/chart/reference-lines'
import type { ChartRow } from '../../shared/chart/chart-model'
import { referenceComparison, type ReferenceComparison } from '../../shared/reference/compare'
import type { AppState } from './store'

/** What the reference layer remembers between calls; part of a store's `SelectorMemo`. */
export interface ReferenceMemo {
  referenceComparison(state: AppState): ReferenceComparison | null
  referencePlacements(state: AppState): ReadonlyArray<ReferencePlacement>
  referenceLines(state: AppState): ReadonlyArray<ReferenceLine>
}

const NO_LINES: ReadonlyArray<ReferenceLine> = []

/**
 * LL2 (all cached events, not the filtered few) against the reference
 * records: every conflict; null until both have loaded.
 */
export const selectReferenceComparison = (state: AppState): ReferenceComparison | null =>
  state.memo.referenceComparison(state)

/** The reference layer's lines in the rows drawn; none while the layer is off. */
export const selectReferenceLines = (state: AppState): ReadonlyArray<ReferenceLine> =>
  state.memo.referenceLines(state)

/** The reference layer's memo; its lines sit in the rows `chartRows` gives. */
export function createReferenceMemo(
  chartRows: (state: AppState) => ReadonlyArray<ChartRow>,
): ReferenceMemo {
  let comparisonCache: {
    events: unknown
    reference: unknown
    out: ReferenceComparison | null
  } = { events: null, reference: null, out: null }
  let placementsCache: {
    data: unknown
    reference: unknown
    out: ReadonlyArray<ReferencePlacement>
  } = { data: null, reference: null, out: [] }
  let linesCache: {
    placements: unknown
    comparison: unknown
    rows: unknown
    out: ReadonlyArray<ReferenceLine>
  } = { placements: null, comparison: null, rows: null, out: [] }

  const memo: ReferenceMemo = {
    referenceComparison(state: AppState): ReferenceComparison | null {
      const events = state.data?.events ?? null
      const reference = state.reference
      if (comparisonCache.events !== events || comparisonCache.reference !== reference) {
        comparisonCache = {
          events,
          reference,
          out: events && reference ? referenceComparison(events, reference) : null,
        }
      }
      return comparisonCache.out
    },
    referencePlacements(state: AppState): ReadonlyArray<ReferencePlacement> {
      const { data, reference } = state
      if (placementsCache.data !== data || placementsCache.reference !== reference) {
        placementsCache = {
          data,
          reference,
          out:
            data && reference
              ? placeReferenceStays(reference.stays, data.events, data.stations, data.ports)
              : [],
        }
      }
      return placementsCache.out
    },
    referenceLines(state: AppState): ReadonlyArray<ReferenceLine> {
      if (!state.showReference) return NO_LINES
      const placements = memo.referencePlacements(state)
      const comparison = memo.referenceComparison(state)
      const rows = chartRows(state)
      const c = linesCache
      if (c.placements !== placements || c.comparison !== comparison || c.rows !== rows) {
        linesCache = {
          placements,
          comparison,
          rows,
          out: referenceLines(placements, comparison?.conflicts ?? [], rows),
        }
      }
      return linesCache.out
    },
  }
  return memo
}

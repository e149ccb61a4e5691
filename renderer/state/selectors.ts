import { buildRows, type StationRow } from '../../shared/timeline-rows'
import type { AppState } from './store'

const EMPTY: ReadonlyArray<StationRow> = []
let rowsCache: { key: unknown; rows: ReadonlyArray<StationRow> } = { key: null, rows: EMPTY }

/** Station and port rows of the loaded data, memoized on the data object. */
export function selectRows(state: AppState): ReadonlyArray<StationRow> {
  const data = state.data
  if (!data) return EMPTY
  if (rowsCache.key !== data) {
    rowsCache = { key: data, rows: buildRows(data.stations, data.ports, data.events) }
  }
  return rowsCache.rows
}

import { labelTails, withLabelRoom } from '../../shared/chart/label-room'
import { fitWindow, type TimeWindow } from '../../shared/chart/window'
import type { UtcMillis } from '../../shared/domain/units'
import { selectFilteredExtent } from './filter-selectors'
import { selectPlacedBars } from './selectors'
import type { AppState } from './store'

/**
 * The window "Fit all", "All" and fitting to results show: the filtered data
 * with its margin, its end moved on so each row's last name fits beside its
 * bar in a chart `widthPx` wide (the width it last drew at, unless the
 * caller knows it: the opening fit asks vis's first layout). Without a width,
 * the data and its margin. Null with no events.
 */
export function selectFitWindow(
  state: AppState,
  widthPx: number | undefined = state.drawnView?.widthPx,
  now: UtcMillis = state.now,
): TimeWindow | null {
  const extent = selectFilteredExtent(state, now)
  if (!extent) return null
  const fit = fitWindow(extent)
  if (!widthPx) return fit
  return withLabelRoom(fit, {
    widthPx,
    tails: labelTails(selectPlacedBars(state), state.measureLabel),
  })
}

import { STATION_ORDER_LABELS } from '../../shared/chart/station-order'
import { STATION_ORDERS, type StationOrder, type ThemeChoice } from '../../shared/prefs/prefs'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'

/**
 * The header's settings: station order, theme and the shortcuts list. They sit
 * on the title's line, which has room to spare, so the toolbar below keeps to
 * one line at 1024 px.
 */
export function ViewOptions() {
  const s = useAppStore(useShallow((st) => ({ stationOrder: st.stationOrder, theme: st.theme })))
  const store = useAppStoreApi().getState
  return (
    <div className="view-options" role="group" aria-label="View options">
      <label htmlFor="station-order" className="tool-label">
        Stations by
      </label>
      <select
        id="station-order"
        value={s.stationOrder}
        onChange={(e) => store().setStationOrder(e.target.value as StationOrder)}
      >
        {STATION_ORDERS.map((o) => (
          <option key={o} value={o}>
            {STATION_ORDER_LABELS[o]}
          </option>
        ))}
      </select>
      <label htmlFor="theme-choice" className="tool-label">
        Theme
      </label>
      <select
        id="theme-choice"
        value={s.theme}
        onChange={(e) => store().setTheme(e.target.value as ThemeChoice)}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => store().setHelpOpen(true)}
      >
        ?
      </button>
    </div>
  )
}

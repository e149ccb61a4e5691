import { useEffect, useState, type FormEvent } from 'react'

import {
  centredOn,
  presetWindow,
  windowAround,
  zoomWindow,
  type WindowPreset,
} from '../../shared/chart/window'
import { STATION_ORDERS, type StationOrder, type ThemeChoice } from '../../shared/prefs/prefs'
import { STATION_ORDER_LABELS } from '../../shared/chart/station-order'
import { dataExtent } from '../../shared/chart/timeline-rows'
import { parseDateInput, zoneSuffix } from '../../shared/time/time-format'
import { selectFilteredEvents } from '../state/selectors'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { fitAll, selectedSpan, ZOOM_STEP } from '../timeline/keys/shortcuts'

const PRESETS: ReadonlyArray<{ readonly id: WindowPreset; readonly label: string }> = [
  { id: '1m', label: '1 month' },
  { id: '1y', label: '1 year' },
  { id: '10y', label: '10 years' },
  { id: 'all', label: 'All' },
]

/** Keeps `data-theme` on the root element in step with the chosen theme. */
function useApplyTheme(theme: ThemeChoice): void {
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') root.removeAttribute('data-theme')
    else root.setAttribute('data-theme', theme)
  }, [theme])
}

/** Chart navigation: zoom, presets, jump to date, cursor, rows, time zone, theme and help. */
export function Toolbar() {
  const s = useAppStore(
    useShallow((st) => ({
      timeZone: st.timeZone,
      theme: st.theme,
      hideEmptyPorts: st.hideEmptyPorts,
      showReference: st.showReference,
      hideRowsOutOfView: st.hideRowsOutOfView,
      stationOrder: st.stationOrder,
      cursor: st.cursor,
      hasSelection: st.selectedEventId !== null,
      hasWindow: st.visibleWindow !== null,
    })),
  )
  const [date, setDate] = useState('')
  const [dateError, setDateError] = useState<string | null>(null)
  useApplyTheme(s.theme)
  const appStore = useAppStoreApi()
  const store = appStore.getState
  const zoneName =
    s.timeZone === 'utc' ? 'UTC' : `local time, ${zoneSuffix('local', appStore.clock.now())}`

  const zoom = (factor: number) => {
    const w = store().visibleWindow
    if (w) store().requestWindow(zoomWindow(w, factor))
  }
  const preset = (p: WindowPreset) => {
    const st = store()
    const w = st.visibleWindow
    if (!w) return
    store().requestWindow(presetWindow(p, w, dataExtent(selectFilteredEvents(st), st.now)))
  }
  const goTo = (e: FormEvent) => {
    e.preventDefault()
    const t = parseDateInput(date, s.timeZone)
    if (t === null) {
      setDateError(`Not a date. Use YYYY-MM-DD, optionally with HH:MM (${zoneName}).`)
      return
    }
    setDateError(null)
    const w = store().visibleWindow
    store().setMainView('chart')
    store().requestWindow(centredOn(t, w ? w.end - w.start : 365.25 * 86_400_000))
    // Only the view moves; a cursor already on follows to the date, none is switched on (#15).
    if (store().cursor !== null) store().setCursor(t)
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Chart navigation">
      <div className="tool-group" role="group" aria-label="Zoom">
        <button
          type="button"
          onClick={() => zoom(ZOOM_STEP)}
          disabled={!s.hasWindow}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => zoom(1 / ZOOM_STEP)}
          disabled={!s.hasWindow}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </button>
        <button
          type="button"
          title="Fit all the data (F)"
          onClick={() => {
            const w = fitAll(store())
            if (w) store().requestWindow(w)
          }}
        >
          Fit all
        </button>
        <button
          type="button"
          title="Zoom to the selected docking (Z)"
          disabled={!s.hasSelection}
          onClick={() => {
            const span = selectedSpan(store())
            if (span) store().requestWindow(windowAround(span.start, span.end))
          }}
        >
          Zoom to selection
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="Show a range">
        {PRESETS.map((p) => (
          <button key={p.id} type="button" disabled={!s.hasWindow} onClick={() => preset(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <form className="tool-group go-to" onSubmit={goTo} role="search" aria-label="Jump to a date">
        <label htmlFor="go-to-date">Go to</label>
        <input
          id="go-to-date"
          type="text"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          value={date}
          size={11}
          aria-invalid={dateError !== null}
          aria-describedby={dateError ? 'go-to-error' : 'go-to-zone'}
          onChange={(e) => setDate(e.target.value)}
        />
        <span id="go-to-zone" className="visually-hidden">
          Read as {zoneName}
        </span>
        <button type="submit">Go</button>
        {dateError && (
          <span id="go-to-error" className="field-error" role="alert">
            {dateError}
          </span>
        )}
      </form>
      <div className="tool-group" role="group" aria-label="Chart options">
        <button
          type="button"
          aria-pressed={s.cursor !== null}
          title="Show what was docked where at one instant (C)"
          onClick={() => {
            const st = store()
            const w = st.visibleWindow
            st.setCursor(st.cursor !== null || !w ? null : (w.start + w.end) / 2)
          }}
        >
          Time cursor
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="Rows">
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
        <label className="check">
          <input
            type="checkbox"
            checked={s.hideEmptyPorts}
            onChange={(e) => store().setHideEmptyPorts(e.target.checked)}
          />
          Hide empty ports
        </label>
        <label
          className="check"
          title="A thin line per reference record (NASA RP-1357 compilations) under its port's bars"
        >
          <input
            type="checkbox"
            checked={s.showReference}
            onChange={(e) => store().setShowReference(e.target.checked)}
          />
          Compare with reference
        </label>
        <label className="check" title="Rows come back as you pan or zoom to their dockings">
          <input
            type="checkbox"
            checked={s.hideRowsOutOfView}
            onChange={(e) => store().setHideRowsOutOfView(e.target.checked)}
          />
          Hide rows with nothing in view
        </label>
      </div>
      <div className="tool-group" role="radiogroup" aria-label="Time zone">
        <span className="tool-label">Times in</span>
        {(['utc', 'local'] as const).map((z) => (
          <label key={z} className="check">
            <input
              type="radio"
              name="time-zone"
              value={z}
              checked={s.timeZone === z}
              onChange={() => store().setTimeZone(z)}
            />
            {z === 'utc' ? 'UTC' : 'Local'}
          </label>
        ))}
      </div>
      <div className="tool-group">
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
    </div>
  )
}

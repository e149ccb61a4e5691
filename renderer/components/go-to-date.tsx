import { useState, type FormEvent } from 'react'

import { centredOn } from '../../shared/chart/window'
import { parseDateInput, zoneSuffix } from '../../shared/time/time-format'
import { useAppStore, useAppStoreApi } from '../state/store'

/** "Go to": centres the chart on a typed ISO date, read in the chosen time zone. */
export function GoToDate() {
  const timeZone = useAppStore((s) => s.timeZone)
  const appStore = useAppStoreApi()
  const store = appStore.getState
  const [date, setDate] = useState('')
  const [dateError, setDateError] = useState<string | null>(null)
  const zoneName =
    timeZone === 'utc' ? 'UTC' : `local time, ${zoneSuffix('local', appStore.clock.now())}`

  const goTo = (e: FormEvent) => {
    e.preventDefault()
    const t = parseDateInput(date, timeZone)
    if (t === null) {
      setDateError(`Not a date. Use YYYY-MM-DD, optionally with HH:MM (${zoneName}).`)
      return
    }
    setDateError(null)
    const w = store().visibleWindow
    store().setMainView('chart')
    store().jumpTo(centredOn(t, w ? w.end - w.start : 365.25 * 86_400_000))
    // Only the view moves; a cursor already on follows to the date, none is switched on (#15).
    if (store().cursor !== null) store().setCursor(t)
  }

  return (
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
  )
}

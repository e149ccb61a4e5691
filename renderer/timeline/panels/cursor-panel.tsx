import { useMemo, useState } from 'react'

import { occupancyAt } from '../../../shared/occupancy/occupancy'
import { formatInstant, parseDateInput } from '../../../shared/time/time-format'
import type { StationId } from '../../../shared/domain/units'
import { selectFilteredEvents, selectRows } from '../../state/selectors'
import { useAppStore, useAppStoreApi } from '../../state/store'

/**
 * The time cursor's side list: what was docked at which port at the
 * cursor's instant, per station, with counts. Follows the cursor while it
 * is dragged, and its instant can be typed.
 */
export function CursorPanel() {
  const appStore = useAppStoreApi()
  const cursor = useAppStore((s) => s.cursor)
  const timeZone = useAppStore((s) => s.timeZone)
  const selectedEventId = useAppStore((s) => s.selectedEventId)
  const events = useAppStore(selectFilteredEvents)
  const rows = useAppStore(selectRows)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const order = useMemo(() => rows.map((r) => r.station.id as StationId), [rows])
  const snapshot = useMemo(
    () => (cursor === null ? null : occupancyAt(events, cursor, order)),
    [events, cursor, order],
  )
  if (cursor === null || !snapshot) return null
  const zoneName = timeZone === 'utc' ? 'UTC' : 'local time'

  const commit = () => {
    if (draft === null) return
    const t = parseDateInput(draft, timeZone)
    if (t === null) {
      setError(`Not a date: use YYYY-MM-DD or YYYY-MM-DD HH:MM (${zoneName}).`)
      return
    }
    setError(null)
    setDraft(null)
    appStore.getState().setCursor(t)
  }

  return (
    <aside
      className="cursor-panel"
      aria-label="Docked at the time cursor"
      data-testid="cursor-panel"
    >
      <header>
        <h2>
          Docked at cursor: <span data-testid="cursor-count">{snapshot.count}</span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Hide the time cursor"
          onClick={() => appStore.getState().setCursor(null)}
        >
          ×
        </button>
      </header>
      <label className="cursor-time">
        <span>Cursor ({zoneName})</span>
        <input
          type="text"
          data-testid="cursor-time"
          value={draft ?? formatInstant(cursor, timeZone, 'minute')}
          aria-invalid={error !== null}
          aria-describedby={error ? 'cursor-error' : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft !== null && error === null) commit()
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit()
            if (e.key === 'Escape') {
              setDraft(null)
              setError(null)
            }
          }}
        />
      </label>
      {error && (
        <p id="cursor-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      {snapshot.count === 0 ? (
        <p className="muted">Nothing docked at this instant{events.length ? '' : ' (no data)'}.</p>
      ) : (
        <ul className="cursor-stations" aria-live="polite">
          {snapshot.stations.map((s) => (
            <li key={s.stationId} data-station={s.stationName}>
              <h3>
                {s.stationName} <span className="count">({s.count})</span>
              </h3>
              <ul>
                {s.ports.map((p) => (
                  <li key={p.portId ?? 'unknown'}>
                    <span className="cursor-port">{p.portName ?? 'Port unknown'}</span>
                    {p.events.map((e) => (
                      <button
                        key={e.id}
                        type="button"
                        className="link-button cursor-event"
                        data-event-id={e.id}
                        aria-pressed={selectedEventId === e.id}
                        onClick={() => appStore.getState().selectEvent(e.id)}
                      >
                        {e.vehicle}
                      </button>
                    ))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}

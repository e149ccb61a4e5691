import { useMemo, useState } from 'react'

import type { DockingEvent } from '../../../shared/domain/model'
import { portsAt, type PortAt, type PortsAt } from '../../../shared/occupancy/ports-at'
import { formatInstant, parseDateInput } from '../../../shared/time/time-format'
import { utcMillis } from '../../../shared/domain/units'
import { selectRows } from '../../state/selectors'
import { selectFilteredEvents } from '../../state/filter-selectors'
import { selectEndFacts } from '../../state/quality-selectors'
import { useAppStore, useAppStoreApi } from '../../state/store'

const NO_EVENTS: ReadonlyArray<DockingEvent> = []
const NO_PORTS: ReadonlyArray<never> = []

/** The list at the cursor: every port of each charted station, what was docked, hidden or not. */
function usePortsAtCursor(cursor: number | null): PortsAt | null {
  const events = useAppStore((s) => s.data?.events ?? NO_EVENTS)
  const ports = useAppStore((s) => s.data?.ports ?? NO_PORTS)
  const shownEvents = useAppStore(selectFilteredEvents)
  const rows = useAppStore(selectRows)
  // Of all the data: MS-17 is gone from Rassvet nadir once MS-18 docks there.
  const facts = useAppStore(selectEndFacts)
  const shown = useMemo(() => new Set<number>(shownEvents.map((e) => e.id)), [shownEvents])
  const stations = useMemo(
    () => rows.map((r) => ({ id: r.station.id, name: r.station.name })),
    [rows],
  )
  return useMemo(
    () =>
      cursor === null ? null : portsAt(events, shown, ports, stations, utcMillis(cursor), facts),
    [events, shown, ports, stations, cursor, facts],
  )
}

/** One port's line: its vehicles (hidden ones marked), or that it was free. */
function PortLine({
  port,
  selectedEventId,
  onSelect,
}: {
  readonly port: PortAt
  readonly selectedEventId: number | null
  readonly onSelect: (id: number) => void
}) {
  return (
    <li className={`cursor-port-line is-${port.state}`} data-port-state={port.state}>
      <span className="cursor-port">{port.portName ?? 'Port unknown'}</span>
      {port.state === 'free' && <span className="cursor-free">free</span>}
      {port.state === 'unrecorded' && (
        <span className="cursor-unrecorded" title="No docking on record at this port around then">
          no record then
        </span>
      )}
      {port.docked.map(({ event, isHidden }) => (
        <button
          key={event.id}
          type="button"
          className={`link-button cursor-event${isHidden ? ' is-hidden' : ''}`}
          data-event-id={event.id}
          data-hidden={isHidden || undefined}
          aria-pressed={selectedEventId === event.id}
          title={isHidden ? 'Hidden by the current filters' : undefined}
          onClick={() => onSelect(event.id)}
        >
          {event.vehicle}
          {isHidden && <span className="hidden-mark"> (hidden by filters)</span>}
        </button>
      ))}
    </li>
  )
}

/**
 * The time cursor's side list: every port of each station at the cursor's
 * instant, with what was docked there (also what the filters hide, marked) or
 * "free". Follows the cursor while it is dragged, and its instant can be typed.
 */
export function CursorPanel() {
  const appStore = useAppStoreApi()
  const cursor = useAppStore((s) => s.cursor)
  const timeZone = useAppStore((s) => s.timeZone)
  const selectedEventId = useAppStore((s) => s.selectedEventId)
  const hasData = useAppStore((s) => (s.data?.events.length ?? 0) > 0)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const snapshot = usePortsAtCursor(cursor)
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
          Docked at cursor: <span data-testid="cursor-count">{snapshot.dockedCount}</span>
          {snapshot.hiddenCount > 0 && (
            <span className="count" data-testid="cursor-hidden-count">
              {' '}
              ({snapshot.hiddenCount} hidden by filters)
            </span>
          )}
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
      {snapshot.stations.length === 0 ? (
        <p className="muted">
          {hasData
            ? 'No station in the chart has dockings on record around this instant.'
            : 'No data loaded.'}
        </p>
      ) : (
        <ul className="cursor-stations" aria-live="polite">
          {snapshot.stations.map((s) => (
            <li key={s.stationId} data-station={s.stationName}>
              <h3>
                {s.stationName}{' '}
                <span className="count">
                  ({s.dockedCount} docked, {s.ports.filter((p) => p.state === 'free').length} free)
                </span>
              </h3>
              <ul>
                {s.ports.map((p) => (
                  <PortLine
                    key={p.portId ?? 'unknown'}
                    port={p}
                    selectedEventId={selectedEventId}
                    onSelect={(id) => appStore.getState().showEvent(id)}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}

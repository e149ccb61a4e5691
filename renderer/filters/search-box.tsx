import { useId, useRef } from 'react'

import { selectFilteredEvents } from '../state/selectors'
import { useAppStore } from '../state/store'

/**
 * The search box: filters as you type, Enter zooms the chart to the results,
 * Escape clears. The count under it says how many dockings are shown.
 */
export function SearchBox() {
  const search = useAppStore((s) => s.filters.search)
  const searchVehicleNames = useAppStore((s) => s.filters.searchVehicleNames)
  const shown = useAppStore((s) => selectFilteredEvents(s).length)
  const total = useAppStore((s) => s.data?.events.length ?? 0)
  const setSearch = useAppStore((s) => s.setSearch)
  const setFilters = useAppStore((s) => s.setFilters)
  const requestZoom = useAppStore((s) => s.zoomToResults)
  const input = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const countId = useId()

  return (
    <div className="search-box" role="search">
      <label className="filter-heading" htmlFor={`${hintId}-input`}>
        Search
      </label>
      <div className="search-field">
        <input
          ref={input}
          id={`${hintId}-input`}
          type="search"
          value={search}
          placeholder="Vehicle, port, station…"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${hintId} ${countId}`}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              requestZoom()
            } else if (e.key === 'Escape' && search !== '') {
              // Our own clearing, so the store (not just the field) is reset and focus stays.
              e.preventDefault()
              setSearch('')
            }
          }}
        />
        {search !== '' && (
          <button
            type="button"
            className="icon-button"
            aria-label="Clear search"
            onClick={() => {
              setSearch('')
              input.current?.focus()
            }}
          >
            ×
          </button>
        )}
      </div>
      <p id={hintId} className="filter-hint">
        Every word must match a port, spacecraft, payload or station name
        {searchVehicleNames ? ', or a configuration or agency name' : ''}. Enter zooms to the
        results; Escape clears.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={searchVehicleNames}
          onChange={(e) => setFilters((f) => ({ ...f, searchVehicleNames: e.target.checked }))}
        />
        Also match configuration and agency names{' '}
        <span className="filter-hint">(Launch Library 2’s own search does not)</span>
      </label>
      <p
        id={countId}
        className="result-count"
        role="status"
        aria-live="polite"
        data-testid="result-count"
      >
        {shown === total
          ? `${total} ${total === 1 ? 'docking' : 'dockings'}`
          : shown === 0
            ? `No dockings match (of ${total})`
            : `${shown} of ${total} dockings`}
      </p>
    </div>
  )
}

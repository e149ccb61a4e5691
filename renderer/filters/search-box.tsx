import { useId, useMemo, useRef } from 'react'

import type { SearchMode } from '../../shared/query/query'
import { termsOnlyInText } from '../../shared/query/search-index'
import { parseWordsSearch } from '../../shared/query/search-words'
import { COUNT_BY, resultCountWords, type CountBy } from '../../shared/visits/count-by'
import { selectCountUnits, selectTotalCount } from '../state/count-selectors'
import { useAppStore } from '../state/store'

const NO_EVENTS: ReadonlyArray<never> = []

/** What the search found only in notes and sources, in words; null when nothing was. */
function useTextOnlyNote(search: string, mode: SearchMode): string | null {
  const events = useAppStore((s) => s.data?.events ?? NO_EVENTS)
  return useMemo(() => {
    if (mode !== 'words') return null
    const only = termsOnlyInText(events, parseWordsSearch(search))
    if (only.length === 0) return null
    const list = only.map((t) => `“${t.text.replace(/"/g, '')}”`).join(', ')
    return `${list} ${only.length === 1 ? 'is' : 'are'} in no name or date, so notes and sources were searched too.`
  }, [events, search, mode])
}

function ModeHelp({ mode, vehicleNames }: { mode: SearchMode; vehicleNames: boolean }) {
  return mode === 'words' ? (
    <>
      Word-start search (on): each word finds names, dates, notes and sources with a word starting
      so (<kbd>soyuz t</kbd> finds Soyuz T-5 and TM-2, not “Salyut”). <kbd>"Progress 1"</kbd> in
      quotes is that exact phrase; <kbd>soyuz-t</kbd> keeps words together; <kbd>1982</kbd> or{' '}
      <kbd>1982-05</kbd> finds dockings and departures then.
    </>
  ) : (
    <>
      Launch Library 2 search (on): every word must appear anywhere in a port, spacecraft, payload
      or station name{vehicleNames ? ', or a configuration or agency name' : ''}, as LL2’s own
      search does.
    </>
  )
}

/**
 * The search box: filters as you type, Enter zooms the chart to the results,
 * Escape clears. The count under it says how many dockings (or visits) are shown.
 */
export function SearchBox() {
  const search = useAppStore((s) => s.filters.search)
  const searchMode = useAppStore((s) => s.filters.searchMode)
  const searchVehicleNames = useAppStore((s) => s.filters.searchVehicleNames)
  const shown = useAppStore(selectCountUnits)
  const total = useAppStore(selectTotalCount)
  const countBy = useAppStore((s) => s.countBy)
  const setCountBy = useAppStore((s) => s.setCountBy)
  const setSearch = useAppStore((s) => s.setSearch)
  const setFilters = useAppStore((s) => s.setFilters)
  const requestZoom = useAppStore((s) => s.zoomToResults)
  const input = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const countId = useId()
  const textOnly = useTextOnlyNote(search, searchMode)

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
          placeholder="Vehicle, port, station, year…"
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
      <p id={hintId} className="filter-hint" data-testid="search-help">
        <ModeHelp mode={searchMode} vehicleNames={searchVehicleNames} /> Enter zooms to the results;
        Escape clears.
      </p>
      {textOnly && (
        <p className="filter-hint" data-testid="search-text-only">
          {textOnly}
        </p>
      )}
      <div className="search-mode">
        <label htmlFor={`${hintId}-mode`}>Match</label>
        <select
          id={`${hintId}-mode`}
          value={searchMode}
          onChange={(e) => setFilters((f) => ({ ...f, searchMode: e.target.value as SearchMode }))}
        >
          <option value="words">Word starts (names, dates, notes, sources)</option>
          <option value="ll2">Anywhere in names, as Launch Library 2</option>
        </select>
      </div>
      {searchMode === 'll2' && (
        <label className="check">
          <input
            type="checkbox"
            checked={searchVehicleNames}
            onChange={(e) => setFilters((f) => ({ ...f, searchVehicleNames: e.target.checked }))}
          />
          Also match configuration and agency names{' '}
          <span className="filter-hint">(Launch Library 2’s own search does not)</span>
        </label>
      )}
      <div className="result-line">
        <p
          id={countId}
          className="result-count"
          role="status"
          aria-live="polite"
          data-testid="result-count"
        >
          {resultCountWords(shown, total, countBy)}
        </p>
        <label
          className="count-by"
          title="A relocation between ports is a second docking of the same visit"
        >
          Count by
          <select value={countBy} onChange={(e) => setCountBy(e.target.value as CountBy)}>
            {COUNT_BY.map((by) => (
              <option key={by} value={by}>
                {by}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  )
}

import { useDeferredValue, useLayoutEffect, useMemo, useRef } from 'react'

import { filterChips, type PlaceNames } from '../../shared/query/describe'
import { isEmptyFilter } from '../../shared/query/query'
import { useAppStore } from '../state/store'

/** Active filters as chips, each removable on its own, and one action to clear them all. */
export function FilterChips() {
  // A frame behind the keystroke: a chip appearing or growing moves every list
  // below it, which the frame with the search's result would have to lay out
  // and paint again.
  const filters = useDeferredValue(useAppStore((s) => s.filters))
  const data = useAppStore((s) => s.data)
  const removeChip = useAppStore((s) => s.removeFilterChip)
  const clearAll = useAppStore((s) => s.clearAllFilters)
  const list = useRef<HTMLUListElement>(null)
  const names = useMemo<PlaceNames>(() => {
    const stations = new Map(data?.stations.map((s) => [s.id as number, s.name]))
    const ports = new Map(
      data?.ports.map((p) => [
        p.id as number,
        `${p.name} (${stations.get(p.stationId) ?? `station ${p.stationId}`})`,
      ]),
    )
    return { stationName: (id) => stations.get(id), portName: (id) => ports.get(id) }
  }, [data])
  const chips = useMemo(() => filterChips(filters, names), [filters, names])
  // The index of a removed chip whose neighbour takes the focus once the chips without it render
  // (the deferred render can come a frame or more after the click).
  const focusFrom = useRef<number | null>(null)
  useLayoutEffect(() => {
    const from = focusFrom.current
    if (from === null) return
    focusFrom.current = null
    const buttons = list.current?.querySelectorAll('button')
    buttons?.[Math.min(from, buttons.length - 1)]?.focus()
  }, [chips])

  if (isEmptyFilter(filters)) return null
  return (
    <section className="filter-chips" aria-label="Active filters">
      <ul ref={list}>
        {chips.map((chip, i) => (
          <li key={chip.key} className="chip">
            <span>
              <span className="chip-kind">{chip.kind}:</span> {chip.value}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove filter ${chip.kind} ${chip.value}`}
              onClick={() => {
                // Keep the keyboard where it was: on the next chip's button, else the previous one.
                focusFrom.current = i
                removeChip(chip.key)
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={clearAll}>
        Clear all filters
      </button>
    </section>
  )
}

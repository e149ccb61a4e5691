import { useDeferredValue, useLayoutEffect, useMemo, useRef } from 'react'

import { filterChips } from '../../shared/query/describe'
import { isEmptyFilter } from '../../shared/query/query'
import { useAppStore } from '../state/store'
import { usePlaceNames } from './place-names'

/** Active filters as chips, each removable on its own, and one action to clear them all. */
export function FilterChips() {
  // A frame behind the keystroke: a chip appearing or growing moves every list
  // below it, which the frame with the search's result would have to lay out
  // and paint again.
  const filters = useDeferredValue(useAppStore((s) => s.filters))
  const removeChip = useAppStore((s) => s.removeFilterChip)
  const clearAll = useAppStore((s) => s.clearAllFilters)
  const list = useRef<HTMLUListElement>(null)
  const names = usePlaceNames()
  const chips = useMemo(() => filterChips(filters, names), [filters, names])
  // The index of a removed chip whose neighbour takes the focus once the chips without it render
  // (the deferred render can come a frame or more after the click), and where the focus goes
  // when none is left: the panel's search box, found while the chips are still there.
  const focusFrom = useRef<number | null>(null)
  const noneLeft = useRef<HTMLElement | null>(null)
  const section = useRef<HTMLElement>(null)
  const keepFocusFrom = (i: number) => {
    focusFrom.current = i
    noneLeft.current =
      section.current?.closest('aside')?.querySelector<HTMLElement>('input[type="search"]') ?? null
  }
  useLayoutEffect(() => {
    const from = focusFrom.current
    if (from === null) return
    focusFrom.current = null
    // Only a focus the removal took away, not one the user has put elsewhere since.
    const active = document.activeElement
    if (active && active !== document.body && !section.current?.contains(active)) return
    const buttons = list.current?.querySelectorAll('button')
    ;(buttons?.[Math.min(from, buttons.length - 1)] ?? noneLeft.current)?.focus()
  }, [chips])

  if (isEmptyFilter(filters)) return null
  return (
    <section ref={section} className="filter-chips" aria-label="Active filters">
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
                keepFocusFrom(i)
                removeChip(chip.key)
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          keepFocusFrom(0)
          clearAll()
        }}
      >
        Clear all filters
      </button>
    </section>
  )
}

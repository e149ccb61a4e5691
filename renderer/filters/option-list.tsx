import { memo, useCallback, useMemo } from 'react'

import { unitWords } from '../../shared/visits/count-by'
import { useAppStore } from '../state/store'

/** One choice in a multi-select filter. */
export interface OptionItem<V> {
  readonly value: V
  readonly label: string
  /** How many dockings or visits ticking this option would leave (given the other filters). */
  readonly count: number
}

/**
 * A fieldset of checkboxes with counts.
 *
 * An unticked option that would leave no events is shown greyed with 0 and
 * cannot be ticked; a ticked one always stays untickable so no filter gets stuck.
 */
function OptionListOf<V extends string | number>({
  legend,
  options,
  selected,
  onToggle,
  testId,
}: {
  readonly legend: string
  readonly options: ReadonlyArray<OptionItem<V>>
  readonly selected: ReadonlyArray<V>
  readonly onToggle: (value: V) => void
  readonly testId?: string
}) {
  const onChangeOf = useHandlers(onToggle)
  if (options.length === 0) return null
  return (
    <fieldset className="filter-group" data-testid={testId}>
      <legend className="filter-heading">{legend}</legend>
      <ul className="option-list">
        {options.map((o) => (
          <li key={String(o.value)}>
            <OptionCheckbox
              label={o.label}
              count={o.count}
              checked={selected.includes(o.value)}
              onChange={onChangeOf(o.value)}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/**
 * One `() => handle(value)` per value, the same function each render while
 * `handle` stays the same: memoised checkboxes then skip a re-render when
 * only another option's count (or the search text) changed.
 */
export function useHandlers<V>(handle: (value: V) => void): (value: V) => () => void {
  const made = useMemo(() => new Map<V, () => void>(), [handle])
  return (value) => {
    let h = made.get(value)
    if (!h) made.set(value, (h = () => handle(value)))
    return h
  }
}

/** Memoised, as its checkboxes are: it re-renders only when its options or ticks change. */
export const OptionList = memo(OptionListOf) as typeof OptionListOf

/**
 * One checkbox with its label and count. Memoised: a keystroke in the search
 * re-renders the panel, and each of its dozens of checkboxes would otherwise
 * re-render and re-commit with it.
 */
export const OptionCheckbox = memo(function OptionCheckbox({
  label,
  count,
  checked,
  indeterminate = false,
  onChange,
}: {
  readonly label: string
  readonly count: number
  readonly checked: boolean
  readonly indeterminate?: boolean
  readonly onChange: () => void
}) {
  const isEmpty = count === 0
  const countBy = useAppStore((s) => s.countBy)
  // `indeterminate` exists only as a DOM property, not an attribute.
  const setIndeterminate = useCallback(
    (el: HTMLInputElement | null) => {
      if (el) el.indeterminate = indeterminate
    },
    [indeterminate],
  )
  return (
    <label className={`check option${isEmpty ? ' is-empty' : ''}${checked ? ' is-checked' : ''}`}>
      <input
        type="checkbox"
        checked={checked}
        disabled={isEmpty && !checked && !indeterminate}
        ref={setIndeterminate}
        onChange={onChange}
      />
      <span className="option-label">{label}</span>
      <span className="option-count" aria-label={isEmpty ? 'none' : unitWords(count, countBy)}>
        {count}
      </span>
    </label>
  )
})

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
export function OptionList<V extends string | number>({
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
              onChange={() => onToggle(o.value)}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/** One checkbox with its label and count. */
export function OptionCheckbox({
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
  return (
    <label className={`check option${isEmpty ? ' is-empty' : ''}${checked ? ' is-checked' : ''}`}>
      <input
        type="checkbox"
        checked={checked}
        disabled={isEmpty && !checked && !indeterminate}
        ref={(el) => {
          // `indeterminate` exists only as a DOM property, not an attribute.
          if (el) el.indeterminate = indeterminate
        }}
        onChange={onChange}
      />
      <span className="option-label">{label}</span>
      <span className="option-count" aria-label={isEmpty ? 'none' : unitWords(count, countBy)}>
        {count}
      </span>
    </label>
  )
}

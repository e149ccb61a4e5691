import { selectReferenceComparison } from '../state/reference-selectors'
import { useAppStore } from '../state/store'
import { OptionCheckbox } from './option-list'

/**
 * "Only conflicts with the reference": the events some reference record
 * (NASA RP-1357 compilations) disagrees with. Applied locally; LL2 has no
 * such filter. The count is of all cached events in conflict.
 */
export function ReferenceFilter() {
  const checked = useAppStore((s) => s.filters.conflictsWithReference)
  const setFilters = useAppStore((s) => s.setFilters)
  const count = useAppStore((s) => selectReferenceComparison(s)?.byEvent.size ?? 0)
  return (
    <fieldset className="filter-group" data-testid="filter-reference">
      <legend className="filter-heading">Reference records</legend>
      <ul className="option-list">
        <li>
          <OptionCheckbox
            label="Only conflicts with the reference"
            count={count}
            checked={checked}
            onChange={() => setFilters((f) => ({ ...f, conflictsWithReference: !checked }))}
          />
        </li>
      </ul>
    </fieldset>
  )
}

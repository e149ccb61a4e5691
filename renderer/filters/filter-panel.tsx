import '../styles/filters.css'

import { useCallback, useDeferredValue, useMemo } from 'react'

import type { DockingEvent } from '../../shared/domain/model'
import { optionLabel } from '../../shared/query/describe'
import type { CountedDimension, OptionCounts } from '../../shared/query/evaluate'
import {
  DOCKED_STATES,
  UNKNOWN_OPTION,
  type OptionValues,
  type Query,
} from '../../shared/query/query'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../../shared/domain/vehicle-family'
import { selectCountsLater } from '../state/filter-selectors'
import { useAppStore, useShallow } from '../state/store'
import { FilterChips } from './filter-chips'
import { LocationOptions } from './location-options'
import { OptionList, type OptionItem } from './option-list'
import { DepartureRange, DockingRange, StayRange } from './range-filters'
import { ReferenceFilter } from './reference-filter'
import { SavedViews } from './saved-views'
import { SearchBox } from './search-box'

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
// Names never used for stations or ports in these lists.
const NO_NAMES = { stationName: () => undefined, portName: () => undefined }

/** Option values present in the data, plus any selected ones the data lacks (so they can be unticked). */
function presentValues(events: ReadonlyArray<DockingEvent>) {
  const families = new Set<string>()
  const configurations = new Set<string>()
  const agencies = new Set<string>()
  const roles = new Set<string>()
  for (const e of events) {
    families.add(e.family)
    configurations.add(e.configuration ?? UNKNOWN_OPTION)
    agencies.add(e.agency ?? UNKNOWN_OPTION)
    roles.add(e.role)
  }
  return { families, configurations, agencies, roles }
}

// Names sort alphabetically with "Unknown" last; fixed lists keep their legend order.
function sortNames(values: Iterable<string>): string[] {
  return [...values].sort((a, b) =>
    a === UNKNOWN_OPTION ? 1 : b === UNKNOWN_OPTION ? -1 : byName.compare(a, b),
  )
}

function items<D extends CountedDimension>(
  dimension: D,
  values: ReadonlyArray<OptionValues[D]>,
  selected: ReadonlyArray<OptionValues[D]>,
  counts: OptionCounts,
): ReadonlyArray<OptionItem<OptionValues[D]>> {
  const all = [...values, ...selected.filter((v) => !values.includes(v))]
  const countMap = counts[dimension] as ReadonlyMap<OptionValues[D], number>
  return all.map((value) => ({
    value,
    label: optionLabel(dimension, value, NO_NAMES),
    count: countMap.get(value) ?? 0,
  }))
}

/** The ticks of the dimensions listed here (stations and ports have their own tree). */
type ListedPicks = Pick<Query, 'families' | 'roles' | 'states' | 'configurations' | 'agencies'>

function useOptionLists(filters: ListedPicks, counts: OptionCounts) {
  const events = useAppStore((s) => s.data?.events)
  const present = useMemo(() => presentValues(events ?? []), [events])
  return useMemo(
    () => ({
      families: items(
        'families',
        VEHICLE_FAMILIES.filter((f) => present.families.has(f)),
        filters.families,
        counts,
      ),
      configurations: items(
        'configurations',
        sortNames(present.configurations),
        filters.configurations,
        counts,
      ),
      agencies: items('agencies', sortNames(present.agencies), filters.agencies, counts),
      roles: items(
        'roles',
        VEHICLE_ROLES.filter((r) => present.roles.has(r)),
        filters.roles,
        counts,
      ),
      states: items('states', DOCKED_STATES, filters.states, counts),
    }),
    [present, filters, counts],
  )
}

/** Ticks or unticks one option of `dimension`; the same function while the store is. */
function useToggle<D extends CountedDimension>(dimension: D): (value: OptionValues[D]) => void {
  const toggle = useAppStore((s) => s.toggleFilterOption)
  return useCallback((value) => toggle(dimension, value), [toggle, dimension])
}

/** The left panel: search, active filter chips, saved views and every filter (issue #5). */
export function FilterPanel() {
  // Only the ticks: the search's keystrokes leave them as they were, so the
  // panel and its lists do not render again for each key (the box renders itself).
  const filters = useAppStore(
    useShallow((s) => ({
      families: s.filters.families,
      roles: s.filters.roles,
      states: s.filters.states,
      configurations: s.filters.configurations,
      agencies: s.filters.agencies,
    })),
  )
  // The counts beside each option wait for a quiet moment: a keystroke paints its
  // results first, and the lists catch up in a render React may interrupt.
  const counts = useDeferredValue(useAppStore(selectCountsLater)).counts
  const hasData = useAppStore((s) => (s.data?.events.length ?? 0) > 0)
  const filtersError = useAppStore((s) => s.filtersError)
  const fitOnChange = useAppStore((s) => s.fitOnFilterChange)
  const setFitOnChange = useAppStore((s) => s.setFitOnFilterChange)
  const lists = useOptionLists(useDeferredValue(filters), counts)
  const toggle = {
    families: useToggle('families'),
    roles: useToggle('roles'),
    states: useToggle('states'),
    configurations: useToggle('configurations'),
    agencies: useToggle('agencies'),
  }

  return (
    <aside className="filter-panel" aria-label="Search and filters">
      <SearchBox />
      <FilterChips />
      <label className="check fit-on-change">
        <input
          type="checkbox"
          checked={fitOnChange}
          onChange={(e) => setFitOnChange(e.target.checked)}
        />
        Fit the chart to the results after a change
      </label>
      {filtersError && (
        <p className="field-error" role="alert">
          {filtersError}
        </p>
      )}
      <SavedViews />
      {hasData && (
        <div className="filter-groups">
          <LocationOptions />
          <OptionList
            legend="Vehicle family"
            testId="filter-family"
            options={lists.families}
            selected={filters.families}
            onToggle={toggle.families}
          />
          <OptionList
            legend="Vehicle role"
            testId="filter-role"
            options={lists.roles}
            selected={filters.roles}
            onToggle={toggle.roles}
          />
          <OptionList
            legend="State"
            testId="filter-state"
            options={lists.states}
            selected={filters.states}
            onToggle={toggle.states}
          />
          <OptionList
            legend="Configuration"
            testId="filter-configuration"
            options={lists.configurations}
            selected={filters.configurations}
            onToggle={toggle.configurations}
          />
          <OptionList
            legend="Agency"
            testId="filter-agency"
            options={lists.agencies}
            selected={filters.agencies}
            onToggle={toggle.agencies}
          />
          <DockingRange />
          <DepartureRange />
          <StayRange />
          <ReferenceFilter />
        </div>
      )}
    </aside>
  )
}

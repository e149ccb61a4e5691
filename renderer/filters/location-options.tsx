import { useDeferredValue, useMemo } from 'react'

import {
  isPortTicked,
  stationTick,
  togglePort,
  toggleStation,
} from '../../shared/query/location-selection'
import { buildRows } from '../../shared/chart/timeline-rows'
import { selectFilterResult } from '../state/selectors'
import { useAppStore } from '../state/store'
import { OptionCheckbox } from './option-list'

/** Stations, each with its ports under it, as one tree of checkboxes with counts. */
export function LocationOptions() {
  const data = useAppStore((s) => s.data)
  const filters = useAppStore((s) => s.filters)
  // Deferred as the other lists' counts are: a keystroke in the search paints its results first.
  const counts = useDeferredValue(useAppStore((s) => selectFilterResult(s).counts))
  const setFilters = useAppStore((s) => s.setFilters)
  // The chart's own order (stations by first docking, ports by name), from every event, not the filtered ones.
  const rows = useMemo(
    () => (data ? buildRows(data.stations, data.ports, data.events) : []),
    [data],
  )
  if (rows.length === 0) return null
  return (
    <fieldset className="filter-group" data-testid="filter-location">
      <legend className="filter-heading">Station and port</legend>
      <ul className="option-list option-tree">
        {rows.map(({ station, ports }) => {
          const portIds = ports.map((p) => p.port.id)
          const tick = stationTick(filters, station.id, portIds)
          return (
            <li key={station.id}>
              <OptionCheckbox
                label={station.name}
                count={counts.stations.get(station.id) ?? 0}
                checked={tick === 'all'}
                indeterminate={tick === 'some'}
                onChange={() => setFilters((f) => toggleStation(f, station.id, portIds))}
              />
              {ports.length > 0 && (
                <ul className="option-list" aria-label={`Ports of ${station.name}`}>
                  {ports.map(({ port }) => (
                    <li key={port.id}>
                      <OptionCheckbox
                        label={port.name}
                        count={counts.ports.get(port.id) ?? 0}
                        checked={isPortTicked(filters, port.id, station.id)}
                        onChange={() =>
                          setFilters((f) => togglePort(f, port.id, station.id, portIds))
                        }
                      />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

import { useCallback, useDeferredValue, useMemo } from 'react'

import {
  isPortTicked,
  stationTick,
  togglePort,
  toggleStation,
} from '../../shared/query/location-selection'
import { buildRows, type StationRow } from '../../shared/chart/timeline-rows'
import type { PortId } from '../../shared/domain/units'
import { selectCountsLater } from '../state/filter-selectors'
import { useAppStore, useShallow } from '../state/store'
import { OptionCheckbox, useHandlers } from './option-list'

const portIdsOf = (row: StationRow) => row.ports.map((p) => p.port.id)

/** Stations, each with its ports under it, as one tree of checkboxes with counts. */
export function LocationOptions() {
  const data = useAppStore((s) => s.data)
  // Only the ticks: a keystroke in the search changes the query, not these, and so skips this list.
  const filters = useAppStore(
    useShallow((s) => ({ stations: s.filters.stations, ports: s.filters.ports })),
  )
  // Deferred as the other lists' counts are: a keystroke in the search paints its results first.
  const counts = useDeferredValue(useAppStore(selectCountsLater)).counts
  const setFilters = useAppStore((s) => s.setFilters)
  // The chart's own order (stations by first docking, ports by name), from every event, not the filtered ones.
  const rows = useMemo(
    () => (data ? buildRows(data.stations, data.ports, data.events) : []),
    [data],
  )
  // Handlers that stay the same per station and port, so the memoised checkboxes
  // skip a keystroke's render.
  const rowOf = useMemo(
    () => new Map(rows.flatMap((row) => row.ports.map(({ port }) => [port.id, row] as const))),
    [rows],
  )
  const onStation = useHandlers(
    useCallback(
      (row: StationRow) => setFilters((f) => toggleStation(f, row.station.id, portIdsOf(row))),
      [setFilters],
    ),
  )
  const onPort = useHandlers(
    useCallback(
      (port: PortId) => {
        const row = rowOf.get(port)
        if (row) setFilters((f) => togglePort(f, port, row.station.id, portIdsOf(row)))
      },
      [setFilters, rowOf],
    ),
  )
  if (rows.length === 0) return null
  return (
    <fieldset className="filter-group" data-testid="filter-location">
      <legend className="filter-heading">Station and port</legend>
      <ul className="option-list option-tree">
        {rows.map((row) => {
          const { station, ports } = row
          const tick = stationTick(filters, station.id, portIdsOf(row))
          return (
            <li key={station.id}>
              <OptionCheckbox
                label={station.name}
                count={counts.stations.get(station.id) ?? 0}
                checked={tick === 'all'}
                indeterminate={tick === 'some'}
                onChange={onStation(row)}
              />
              {ports.length > 0 && (
                <ul className="option-list" aria-label={`Ports of ${station.name}`}>
                  {ports.map(({ port }) => (
                    <li key={port.id}>
                      <OptionCheckbox
                        label={port.name}
                        count={counts.ports.get(port.id) ?? 0}
                        checked={isPortTicked(filters, port.id, station.id)}
                        onChange={onPort(port.id)}
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

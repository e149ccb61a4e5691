/**
 * Ticking stations and ports in a tree: ports are listed under their station.
 *
 * The filter keeps stations and ports as two lists whose union passes
 * (`Query.stations`, `.ports`). These updaters keep that pair tidy the
 * way a tree of checkboxes behaves: ticking a station replaces any of its
 * ticked ports, unticking one port of a ticked station keeps its siblings.
 */
import type { StationRow } from '../chart/timeline-rows'
import type { PortId, StationId } from '../domain/units'
import type { Query } from './query'

/** How a station's checkbox looks: ticked, partly ticked (some ports), or not. */
export type StationTick = 'all' | 'some' | 'none'

/** The state of a station's checkbox, given its ports. */
export function stationTick(
  state: Pick<Query, 'stations' | 'ports'>,
  station: StationId,
  ports: ReadonlyArray<PortId>,
): StationTick {
  if (state.stations.includes(station)) return 'all'
  return ports.some((p) => state.ports.includes(p)) ? 'some' : 'none'
}

/** Is a port shown ticked (ticked itself, or its station is)? */
export function isPortTicked(
  state: Pick<Query, 'stations' | 'ports'>,
  port: PortId,
  station: StationId,
): boolean {
  return state.stations.includes(station) || state.ports.includes(port)
}

/**
 * Ticks or unticks a station.
 *
 * A ticked or partly ticked station becomes unticked with all its ports; an
 * unticked one becomes ticked, which covers its ports, so they leave the port list.
 */
export function toggleStation(
  state: Query,
  station: StationId,
  ports: ReadonlyArray<PortId>,
): Query {
  const withoutPorts = state.ports.filter((p) => !ports.includes(p))
  if (stationTick(state, station, ports) !== 'none') {
    return { ...state, stations: state.stations.filter((s) => s !== station), ports: withoutPorts }
  }
  return { ...state, stations: [...state.stations, station], ports: withoutPorts }
}

/**
 * Ticks or unticks one port.
 *
 * Unticking a port of a ticked station turns the station into its other ports;
 * ticking the last unticked port of a station does *not* turn it into the
 * station, because a station also covers events with no known port.
 */
export function togglePort(
  state: Query,
  port: PortId,
  station: StationId,
  ports: ReadonlyArray<PortId>,
): Query {
  if (state.stations.includes(station)) {
    return {
      ...state,
      stations: state.stations.filter((s) => s !== station),
      ports: [...state.ports, ...ports.filter((p) => p !== port && !state.ports.includes(p))],
    }
  }
  return state.ports.includes(port)
    ? { ...state, ports: state.ports.filter((p) => p !== port) }
    : { ...state, ports: [...state.ports, port] }
}

/**
 * The chart rows a station or port filter leaves: other stations' rows go.
 *
 * A ticked station keeps all its port rows; a station reached only through
 * ticked ports keeps just those ports. With no location filter every row stays
 * (the same array, so memoized callers see no change).
 */
export function rowsInLocationScope(
  rows: ReadonlyArray<StationRow>,
  state: Query,
): ReadonlyArray<StationRow> {
  if (state.stations.length === 0 && state.ports.length === 0) return rows
  const stations = new Set<number>(state.stations)
  const ports = new Set<number>(state.ports)
  const out: StationRow[] = []
  for (const row of rows) {
    if (stations.has(row.station.id)) out.push(row)
    else {
      const kept = row.ports.filter((p) => ports.has(p.port.id))
      if (kept.length > 0) out.push({ ...row, ports: kept })
    }
  }
  return out
}

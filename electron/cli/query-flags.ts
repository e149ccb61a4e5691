/**
 * The CLI's filter flags, parsed into a Query.
 *
 * `list` and `export` take the same flags through here, so "filters as in
 * list" is true by construction. Searches use LL2's own semantics (no vehicle
 * configuration or agency names), as `list --help` promises.
 */
import type { ParseArgsConfig } from 'node:util'

import type { DockingData, VehicleFamily } from '../../shared/domain/model'
import {
  DATA_SOURCES,
  DEFAULT_QUERY,
  EVENT_ORDERINGS,
  NO_DOCKING_BOUNDS,
  type EventOrdering,
  type Query,
} from '../../shared/query/query'
import { resolvePorts, resolveStations } from '../../shared/query/resolve'
import type { PortId, StationId } from '../../shared/domain/units'
import { VEHICLE_FAMILIES } from '../../shared/domain/vehicle-family'
import { CliFailure, UsageError } from './cli-errors'
import { bool, parseIntFlag, parseTimeFlag, str, strs, type Flags } from './flags'

/** The filter flags, as parseArgs options (`--ordering` is `list`'s alone: an export is drawn by time). */
export const QUERY_FILTER_OPTIONS = {
  search: { type: 'string' },
  station: { type: 'string', multiple: true },
  port: { type: 'string', multiple: true },
  chaser: { type: 'string' },
  'docking-gt': { type: 'string' },
  'docking-gte': { type: 'string' },
  'docking-lt': { type: 'string' },
  'docking-lte': { type: 'string' },
  source: { type: 'string', multiple: true },
  family: { type: 'string', multiple: true },
  flagged: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** The stations and ports names are resolved against: the cache's. */
export type Places = Pick<DockingData, 'stations' | 'ports'>

const unique = <T>(values: ReadonlyArray<T>): T[] => [...new Set(values)]

/** Finds station ids for `--station` values (names or ids); each value must match something. */
export function stationIdsOf(places: Places, values: ReadonlyArray<string>): StationId[] {
  return unique(
    values.flatMap((v) => {
      const found = resolveStations(places.stations, v)
      if (found.length === 0) {
        const known = places.stations.map((s) => `${s.name} (${s.id})`).join(', ')
        throw new CliFailure(`no station matches "${v}"; the cache has: ${known || 'none'}`)
      }
      return found.map((s) => s.id)
    }),
  )
}

function portIdsOf(places: Places, values: ReadonlyArray<string>): PortId[] {
  return unique(
    values.flatMap((v) => {
      const found = resolvePorts(places.ports, v)
      if (found.length === 0) throw new CliFailure(`no port matches "${v}"`)
      return found.map((p) => p.id)
    }),
  )
}

/**
 * Builds the query the flags ask for.
 *
 * A malformed value (time, number, ordering, source, family) is a UsageError
 * naming the flag; a station or port name the cache does not know is a
 * CliFailure listing what it has. `--station` and `--port` together pass an
 * event at either, as ticking both does in the app.
 */
export function parseQueryFlags(flags: Flags, places: Places): Query {
  const time = (name: string) => {
    const v = str(flags, name)
    return v === undefined ? null : parseTimeFlag(name, v)
  }
  const ordering = str(flags, 'ordering')
  if (ordering !== undefined && !EVENT_ORDERINGS.includes(ordering as EventOrdering)) {
    throw new UsageError(
      `--ordering is one of ${EVENT_ORDERINGS.join(', ')} (write --ordering=-docking)`,
    )
  }
  const sources = strs(flags, 'source').map((s) => {
    const source = DATA_SOURCES.find((x) => x === s)
    if (!source) throw new UsageError(`--source is one of ${DATA_SOURCES.join(', ')}`)
    return source
  })
  const families = strs(flags, 'family').map((f) => {
    const family = VEHICLE_FAMILIES.find((x) => x.toLowerCase() === f.toLowerCase())
    if (!family) throw new UsageError(`--family is one of ${VEHICLE_FAMILIES.join(', ')}`)
    return family satisfies VehicleFamily
  })
  const chaser = str(flags, 'chaser')
  const chaserFlightId = chaser === undefined ? null : parseIntFlag('chaser', chaser)
  const docking = {
    ...NO_DOCKING_BOUNDS,
    gt: time('docking-gt'),
    gte: time('docking-gte'),
    lt: time('docking-lt'),
    lte: time('docking-lte'),
  }
  // Names are looked up only once every value is well formed: a typo is a usage error first.
  return {
    ...DEFAULT_QUERY,
    search: str(flags, 'search') ?? '',
    searchMode: 'll2',
    searchVehicleNames: false,
    stations: stationIdsOf(places, strs(flags, 'station')),
    ports: portIdsOf(places, strs(flags, 'port')),
    chaserFlightId,
    families: unique(families),
    sources: unique(sources),
    docking,
    flagged: bool(flags, 'flagged'),
    ordering: (ordering as EventOrdering | undefined) ?? DEFAULT_QUERY.ordering,
  }
}

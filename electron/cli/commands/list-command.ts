import type { DataSource, DockingData, VehicleFamily } from '../../../shared/model'
import {
  EVENT_ORDERINGS,
  queryEvents,
  type EventOrdering,
  type EventQuery,
} from '../../../shared/query/filters'
import { EVENT_ROW_COLUMNS, toEventRow, type EventRow } from '../../../shared/query/event-row'
import { resolvePorts, resolveStations } from '../../../shared/query/resolve'
import { VEHICLE_FAMILIES } from '../../../shared/vehicle-family'
import { parseIntFlag, parseTimeFlag, readCliData } from '../cli-context'
import { CliFailure, UsageError } from '../cli-errors'
import { bool, COMMON_OPTIONS, COMMON_USAGE, str, strs, type Command, type Flags } from '../command'
import { formatCsv, formatJson, formatTable } from '../output'

const SOURCES: ReadonlyArray<DataSource> = ['snapshot', 'll2', 'import']

/** Finds station ids for `--station` values; each value must match something. */
export function stationIdsOf(data: DockingData, values: ReadonlyArray<string>) {
  return values.flatMap((v) => {
    const found = resolveStations(data.stations, v)
    if (found.length === 0) {
      const known = data.stations.map((s) => `${s.name} (${s.id})`).join(', ')
      throw new CliFailure(`no station matches "${v}"; the cache has: ${known || 'none'}`)
    }
    return found.map((s) => s.id)
  })
}

/** Builds the query the flags ask for (`--station` and `--port` need the data to resolve names). */
export function queryOf(flags: Flags, data: DockingData): EventQuery {
  const time = (name: string) => {
    const v = str(flags, name)
    return v === undefined ? undefined : parseTimeFlag(name, v)
  }
  const ordering = str(flags, 'ordering')
  if (ordering !== undefined && !EVENT_ORDERINGS.includes(ordering as EventOrdering)) {
    throw new UsageError(
      `--ordering is one of ${EVENT_ORDERINGS.join(', ')} (write --ordering=-docking)`,
    )
  }
  const sources = strs(flags, 'source').map((s) => {
    if (!SOURCES.includes(s as DataSource))
      throw new UsageError(`--source is one of ${SOURCES.join(', ')}`)
    return s as DataSource
  })
  const families = strs(flags, 'family').map((f) => {
    const family = VEHICLE_FAMILIES.find((x) => x.toLowerCase() === f.toLowerCase())
    if (!family) throw new UsageError(`--family is one of ${VEHICLE_FAMILIES.join(', ')}`)
    return family satisfies VehicleFamily
  })
  const portIds = strs(flags, 'port').flatMap((v) => {
    const found = resolvePorts(data.ports, v)
    if (found.length === 0) throw new CliFailure(`no port matches "${v}"`)
    return found.map((p) => p.id)
  })
  const chaser = str(flags, 'chaser')
  return {
    search: str(flags, 'search'),
    dockingGt: time('docking-gt'),
    dockingGte: time('docking-gte'),
    dockingLt: time('docking-lt'),
    dockingLte: time('docking-lte'),
    stationIds: stationIdsOf(data, strs(flags, 'station')),
    portIds,
    chaserFlightId: chaser === undefined ? undefined : parseIntFlag('chaser', chaser),
    sources,
    families,
    ordering: ordering as EventOrdering | undefined,
  }
}

/** Prints event rows as a table, CSV or JSON. */
export function printRows(
  rows: ReadonlyArray<EventRow>,
  flags: Flags,
  out: (s: string) => void,
  empty: string,
) {
  if (bool(flags, 'json')) return out(formatJson(rows))
  const cells = rows.map((r) => EVENT_ROW_COLUMNS.map((c) => r[c]))
  if (bool(flags, 'csv')) return out(formatCsv(EVENT_ROW_COLUMNS, cells))
  const tableCells = rows.map((r) =>
    EVENT_ROW_COLUMNS.map((c) =>
      c === 'departure' && r.departure === null ? '(still docked)' : r[c],
    ),
  )
  out(formatTable(EVENT_ROW_COLUMNS, tableCells, empty))
}

/** `list`: the cached events with LL2's filters and search. */
export const listCommand: Command = {
  name: 'list',
  summary: 'list cached docking events, with the same filters and search as the app',
  usage: `usage: cli list [filters] [--json | --csv] [--db FILE]
  --search TEXT             LL2 search: every term (split on spaces and commas) must
                            appear in a port, spacecraft, payload or station name
  --station NAME|ID         target station (repeatable)
  --port NAME|ID            docking location (repeatable)
  --chaser ID               LL2 chaser spacecraft flight id
  --docking-gt/--docking-gte/--docking-lt/--docking-lte ISO
                            docking time bounds (UTC)
  --source snapshot|ll2|import  (repeatable)
  --family NAME             vehicle family, e.g. Soyuz (repeatable)
  --ordering ORDER          docking, -docking, departure or -departure (write --ordering=-docking)
  --limit N                 at most N rows
  --json                    JSON rows: id, station, port, vehicle, docking, departure, source, ...
  --csv                     CSV with a header row; text cells starting with = + - @ tab
                            or CR get a leading ' (quoted) so spreadsheets show, not run, them
${COMMON_USAGE}
Times are shown only as precisely as they are known (a day-precision time prints as a date).`,
  options: {
    ...COMMON_OPTIONS,
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
    ordering: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    if (bool(flags, 'json') && bool(flags, 'csv'))
      throw new UsageError('choose one of --json and --csv')
    const limitFlag = str(flags, 'limit')
    const limit = limitFlag === undefined ? undefined : parseIntFlag('limit', limitFlag, 1)
    const data = readCliData(flags, ctx)
    const events = queryEvents(data.events, queryOf(flags, data))
    const rows = (limit === undefined ? events : events.slice(0, limit)).map(toEventRow)
    printRows(rows, flags, ctx.out, '(no docking events match)')
    return 0
  },
}

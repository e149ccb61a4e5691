/**
 * The measures as tables: one row per station, role, family, port or year.
 *
 * `cli stats` prints these and the Analysis view's CSV/JSON export writes
 * them, so both show the same numbers under the same column names.
 */
import type { DockingEvent, Station } from '../domain/model'
import { DAY_MS, toIsoUtc, type StationId, type UtcMillis } from '../domain/units'
import type { CountBy } from '../visits/count-by'
import type { EndRule } from './effective-end'
import { yearOf } from './interval'
import { firstPeak, occupancySeries } from './occupancy-series'
import { portLives } from './port-lives'
import { clipLives, portTotals } from './port-utilisation'
import { stayColumns, summariseStays } from './stays'
import { clipEvents } from './window'

/** What a stats table has one row per. */
export type StatsBy = 'station' | 'role' | 'family' | 'port' | 'year'

/** Every grouping, for flag and menu validation. */
export const STATS_BY: ReadonlyArray<StatsBy> = ['station', 'role', 'family', 'port', 'year']

/** A table cell: text, a number, or empty. */
export type StatsCell = string | number | null

/** A table: column names and rows of cells in that order. */
export interface StatsTable {
  readonly by: StatsBy
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<StatsCell>>
}

/** What a stats table is computed over. */
export interface StatsOptions {
  readonly endOf: EndRule
  /**
   * How many of `events` are docked at `t` with an unknown departure
   * (`unknownEndsAt` under the same end rule): a peak counting them is only
   * an upper bound, and the table says by how many.
   */
  readonly unknownEndsAt: (events: ReadonlyArray<DockingEvent>, t: UtcMillis) => number
  /** Time window; time measures are cut to it, stays and arrivals are those arriving in it. */
  readonly from: UtcMillis
  readonly to: UtcMillis
  /** The stations' records, for port lives on a module or the station's hull (`port-lives.ts`). */
  readonly stations?: ReadonlyArray<Station>
  /** Stays measured per visit (the default) or per docking. */
  readonly countBy?: CountBy
}

const days = (ms: number | null): number | null =>
  ms === null ? null : Math.round((ms / DAY_MS) * 100) / 100

/** The columns of a grouped table; the stay columns name what a stay is. */
const groupColumns = (by: CountBy): ReadonlyArray<string> => [
  'dockings',
  'visits',
  'days_docked',
  'peak_docked',
  'peak_from',
  'peak_unknown_departures',
  `median_${by}_days`,
  `longest_${by}`,
  `longest_${by}_days`,
]

interface Group {
  readonly key: ReadonlyArray<StatsCell>
  readonly events: DockingEvent[]
}

function groupRow(g: Group, options: StatsOptions): ReadonlyArray<StatsCell> {
  const { endOf, from, to } = options
  const arriving = g.events.filter((e) => e.docking >= from && e.docking < to)
  const clipped = clipEvents(g.events, endOf, from, to)
  const docked = clipped.reduce((n, e) => n + (e.departure! - e.docking), 0)
  const peak = firstPeak(occupancySeries(clipped, { endOf }))
  const visits = stayColumns(arriving, 'visit')
  const s = summariseStays(stayColumns(arriving, options.countBy ?? 'visit'))
  return [
    ...g.key,
    arriving.length,
    visits.length,
    days(docked),
    peak.count,
    peak.start === null ? null : toIsoUtc(peak.start),
    peak.start === null ? null : options.unknownEndsAt(g.events, peak.start),
    days(s.medianMs),
    s.longest?.vehicle ?? null,
    days(s.longest?.lengthMs ?? null),
  ]
}

function groupBy(
  events: ReadonlyArray<DockingEvent>,
  keyOf: (e: DockingEvent) => ReadonlyArray<StatsCell>,
): Group[] {
  const groups = new Map<string, Group>()
  for (const e of events) {
    if (e.stationId === null) continue
    const key = keyOf(e)
    const id = JSON.stringify(key)
    const g = groups.get(id)
    if (g) g.events.push(e)
    else groups.set(id, { key, events: [e] })
  }
  return [...groups.values()]
}

const compareCells = (a: ReadonlyArray<StatsCell>, b: ReadonlyArray<StatsCell>): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? ''
    const y = b[i] ?? ''
    const c =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    if (c !== 0) return c
  }
  return 0
}

/**
 * The measures for `events` (those of the current query), one row per group.
 *
 * Per station, role, family or year: dockings and visits arriving in the
 * window, days docked inside it (every vehicle's time summed), the peak of
 * simultaneous dockings, when it first held and how many stays it counts
 * with an unknown departure (each to the latest it can have ended, so the
 * peak is at most that), the median and longest
 * stay (per visit, or per docking with `countBy: 'docking'`). Per port: days
 * occupied (overlaps once), share of the port's life (by its module, the
 * station's hull or its first to last event, over all time, cut to the
 * window; `life_basis` says which) and dockings, busiest by time first.
 */
export function statsTable(
  events: ReadonlyArray<DockingEvent>,
  by: StatsBy,
  options: StatsOptions,
): StatsTable {
  if (by === 'port') return portTable(events, options)
  const station = (e: DockingEvent): StatsCell =>
    e.stationName ?? `Station ${e.stationId as StationId}`
  const keyed: Record<
    Exclude<StatsBy, 'port'>,
    { cols: string[]; key: (e: DockingEvent) => StatsCell[] }
  > = {
    station: { cols: ['station'], key: (e) => [station(e)] },
    role: { cols: ['station', 'role'], key: (e) => [station(e), e.role] },
    family: { cols: ['station', 'family'], key: (e) => [station(e), e.family] },
    year: { cols: ['station', 'year'], key: (e) => [station(e), yearOf(e.docking)] },
  }
  const spec = keyed[by]
  const source =
    by === 'year'
      ? events.filter((e) => e.docking >= options.from && e.docking < options.to)
      : events
  const rows = groupBy(source, spec.key)
    .sort((a, b) => compareCells(a.key, b.key))
    .map((g) => groupRow(g, options))
  return { by, columns: [...spec.cols, ...groupColumns(options.countBy ?? 'visit')], rows }
}

function portTable(events: ReadonlyArray<DockingEvent>, options: StatsOptions): StatsTable {
  const { endOf, from, to } = options
  const clipped = clipEvents(events, endOf, from, to)
  const lives = clipLives(portLives(events, options.stations ?? [], endOf), from, to)
  const rows = portTotals(clipped, { endOf, lives }).map((p) => [
    p.stationName,
    p.portName,
    p.dockings,
    days(p.occupiedMs),
    days(p.existedMs),
    Math.round(p.share * 1000) / 1000,
    p.basis,
  ])
  return {
    by: 'port',
    columns: [
      'station',
      'port',
      'dockings',
      'days_occupied',
      'days_existed',
      'share',
      'life_basis',
    ],
    rows,
  }
}

/** A table as JSON-ready objects, one per row, keyed by column. */
export function statsRecords(
  table: StatsTable,
): ReadonlyArray<Readonly<Record<string, StatsCell>>> {
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])))
}

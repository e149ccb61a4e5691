/**
 * What the Analysis view shows for the current query: each measure of
 * `shared/analysis/` worked out on the filtered events, with the sentence
 * that answers its question and the table shown beside its chart.
 *
 * Pure, so the view, its exports and the tests read the same numbers.
 */
import { endAtNow, unknownEndsAt, type EndRule } from '../analysis/effective-end'
import { effectiveEnds } from '../analysis/prepared'
import {
  occupancyByStation,
  peakOccupancy,
  peakSpans,
  type OccupancyPeak,
  type OccupancySeries,
} from '../analysis/occupancy-series'
import { PORT_LIFE_LABELS, portLives } from '../analysis/port-lives'
import { portTotals, type PortTotal } from '../analysis/port-utilisation'
import { scratchFloat64 } from '../columns/scratch'
import {
  compareStations,
  foundedStations,
  type StationAgeProfile,
} from '../analysis/station-comparison'
import { stayColumns, staysBy, type StayGroup } from '../analysis/stays'
import { arrivalsPerYear, type TrafficCount } from '../analysis/traffic'
import type { DockingEvent } from '../domain/model'
import { endFacts } from '../occupancy/end-facts'
import type { DurationMs, PortId, StationId, UtcMillis } from '../domain/units'
import type { CountBy } from '../visits/count-by'
import type { CsvCell } from '../export/csv'
import { days, lazyTable, utcDate, type AnalysisTable } from './analysis-table'
import { crewSection, type CrewInputs, type CrewSection, type StationSpan } from './crew-section'

/** Occupancy over time per station, and each station's peak. */
export interface OccupancySection {
  readonly series: ReadonlyArray<OccupancySeries>
  readonly peaks: ReadonlyArray<{
    readonly station: string
    readonly stationId: number | null
    readonly peak: OccupancyPeak
    /**
     * Stays counted at the peak's first instant whose departure is unknown
     * (`effectiveEnd`): counted to the latest they can have ended, so the
     * peak may be lower.
     */
    readonly unknownEnds: number
  }>
  readonly table: AnalysisTable
}

/** A port's total, with what its life rests on and the overlap its union hides. */
export interface PortRow extends PortTotal {
  /** Each docking's time summed, overlaps counted twice: what a naive count gives. */
  readonly summedMs: DurationMs
  /** The module whose life the port's rests on, when `basis` is `module`. */
  readonly module: string | null
}

/** Ports by time docked, busiest first. */
export interface PortSection {
  readonly totals: ReadonlyArray<PortRow>
  readonly busiest: PortRow | null
  readonly table: AnalysisTable
}

/** What day 0 of a station's age is: its LL2 `founded` date, or (without one) its first docking in view. */
export type DayZero = 'founded' | 'first-docking'

/** The comparison: each station's profile and what its day 0 is. */
export interface ComparisonSection {
  readonly profiles: ReadonlyArray<StationAgeProfile>
  readonly dayZero: ReadonlyMap<number, DayZero>
  readonly table: AnalysisTable
}

/** What the measures read beyond the filtered events: the stations and the expeditions. */
export type AnalysisContext = CrewInputs

/** Everything the view draws. */
export interface AnalysisModel {
  readonly eventCount: number
  /** Whether stays and arrivals are counted by docking or by visit. */
  readonly countBy: CountBy
  readonly occupancy: OccupancySection
  readonly ports: PortSection
  readonly stays: { readonly groups: ReadonlyArray<StayGroup>; readonly table: AnalysisTable }
  readonly traffic: { readonly counts: ReadonlyArray<TrafficCount>; readonly table: AnalysisTable }
  readonly crew: CrewSection
  readonly comparison: ComparisonSection
}

const stationLabel = (name: string | null, id: number) => name ?? `Station ${id}`

/**
 * A peak's stays with an unknown departure count to the latest they can have
 * ended, so "most docked at once" is at most the figure; this column says by
 * how many stays.
 */
const UNKNOWN_DEPARTURES_LABEL = 'Of them, departure unknown'

function occupancySection(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
  unknownAt: (t: number, stationId: number | null) => number,
): OccupancySection {
  const series = occupancyByStation(events, { endOf, stackBy: 'role' })
  const peaks = series.map((s) => {
    const peak = peakOccupancy(s)
    const t = peakSpans(peak).start[0]
    const unknownEnds = t === undefined ? 0 : unknownAt(t, s.stationId)
    return {
      station: stationLabel(s.stationName, s.stationId ?? 0),
      stationId: s.stationId,
      peak,
      unknownEnds,
    }
  })
  return {
    series,
    peaks,
    table: lazyTable(
      [
        { key: 'station', label: 'Station' },
        { key: 'peak_docked', label: 'Most docked at once' },
        { key: 'peak_unknown_departures', label: UNKNOWN_DEPARTURES_LABEL },
        { key: 'from_utc', label: 'From (UTC)' },
        { key: 'to_utc', label: 'To (UTC)' },
        { key: 'days', label: 'Days' },
      ],
      ...peakRows(peaks, unknownAt),
    ),
  }
}

/**
 * A row per interval at each station's peak, made from the peaks' columns
 * when read: thousands where a peak recurs, of which the view shows the first.
 */
function peakRows(
  peaks: OccupancySection['peaks'],
  unknownAt: (t: number, stationId: number | null) => number,
): [count: number, rowAt: (i: number) => ReadonlyArray<CsvCell>] {
  const spans = peaks.map((p) => peakSpans(p.peak))
  // Row i is interval i − offset[k] of station k, for the last k with offset[k] ≤ i.
  const offset = new Int32Array(peaks.length + 1)
  for (let k = 0; k < peaks.length; k++) offset[k + 1] = offset[k]! + spans[k]!.length
  const rowAt = (i: number): ReadonlyArray<CsvCell> => {
    let k = 0
    while (offset[k + 1]! <= i) k++
    const { station, stationId, peak } = peaks[k]!
    const start = spans[k]!.start[i - offset[k]!]!
    const end = spans[k]!.end[i - offset[k]!]!
    return [
      station,
      peak.count,
      unknownAt(start, stationId),
      utcDate(start, true),
      utcDate(end, true),
      days(end - start),
    ]
  }
  return [offset[peaks.length]!, rowAt]
}

/** How a port's life basis reads in the table. */
export function lifeBasisText(p: Pick<PortRow, 'basis' | 'module'>): string {
  return p.basis === 'module' && p.module
    ? `module ${p.module} docked → left`
    : PORT_LIFE_LABELS[p.basis]
}

function portSection(
  events: ReadonlyArray<DockingEvent>,
  context: AnalysisContext,
  endOf: EndRule,
): PortSection {
  // Lives read every event and station record: a filter does not shorten a port's life.
  const lives = portLives(context.allEvents, context.stations, endOf)
  const ends = effectiveEnds(events, endOf)
  // Sums kept in a typed array by port number: a Map's number values are a
  // boxed number per update. Reused: read only while the rows are made.
  const slotOf = new Map<PortId, number>()
  const summed = scratchFloat64('port section: summed', events.length).fill(0)
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.portId === null) continue
    let slot = slotOf.get(e.portId)
    if (slot === undefined) slotOf.set(e.portId, (slot = slotOf.size))
    summed[slot]! += Math.max(0, ends[i]! - e.docking)
  }
  const summedAt = (id: PortId) => {
    const slot = slotOf.get(id)
    return slot === undefined ? 0 : summed[slot]!
  }
  const totals: PortRow[] = portTotals(events, { endOf, lives }).map((t) => ({
    ...t,
    summedMs: summedAt(t.portId) as DurationMs,
    module: lives.get(t.portId)?.module ?? null,
  }))
  return {
    totals,
    busiest: totals[0] ?? null,
    table: {
      columns: [
        { key: 'port', label: 'Port' },
        { key: 'station', label: 'Station' },
        { key: 'days_docked', label: 'Days docked' },
        { key: 'overlap_days', label: 'Overlap counted once (days)' },
        { key: 'dockings', label: 'Dockings' },
        { key: 'share_of_life', label: 'Share of its life' },
        { key: 'life_basis', label: 'Life measured from' },
      ],
      rows: totals.map((t) => [
        t.portName ?? `Port ${t.portId}`,
        stationLabel(t.stationName, t.stationId),
        days(t.occupiedMs),
        days(t.summedMs - t.occupiedMs),
        t.dockings,
        Math.round(t.share * 1000) / 1000,
        lifeBasisText(t),
      ]),
    },
  }
}

function staysSection(events: ReadonlyArray<DockingEvent>, by: CountBy) {
  const groups = staysBy(stayColumns(events, by), 'family')
  const d = (ms: number | null) => (ms === null ? null : days(ms))
  return {
    groups,
    table: {
      columns: [
        { key: 'family', label: 'Family' },
        by === 'visit'
          ? { key: 'visits', label: 'Visits' }
          : { key: 'dockings', label: 'Dockings' },
        { key: 'median_days', label: 'Median days' },
        { key: 'q1_days', label: 'Lower quartile' },
        { key: 'q3_days', label: 'Upper quartile' },
        { key: 'longest', label: 'Longest' },
        { key: 'longest_days', label: 'Longest days' },
        { key: 'shortest', label: 'Shortest' },
        { key: 'shortest_days', label: 'Shortest days' },
      ],
      rows: groups.map((g) => {
        const s = g.summary
        return [
          g.key,
          s.count,
          d(s.medianMs),
          d(s.q1Ms),
          d(s.q3Ms),
          s.longest?.vehicle ?? null,
          d(s.longest?.lengthMs ?? null),
          s.shortest?.vehicle ?? null,
          d(s.shortest?.lengthMs ?? null),
        ]
      }),
    },
  }
}

function trafficSection(events: ReadonlyArray<DockingEvent>, by: CountBy) {
  const counts = arrivalsPerYear(events, 'family', by)
  return {
    counts,
    table: {
      columns: [
        { key: 'station', label: 'Station' },
        { key: 'year', label: 'Year (UTC)' },
        { key: 'family', label: 'Family' },
        { key: 'arrivals', label: 'Arrivals' },
      ],
      rows: counts.map((c) => [
        stationLabel(c.stationName, c.stationId),
        c.year,
        c.key,
        c.arrivals,
      ]),
    },
  }
}

/** Each station's events' span, first docking to last end: the window its measures cover. */
function stationSpans(
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyMap<StationId, StationSpan> {
  const ends = effectiveEnds(events, endOf)
  const spans = new Map<StationId, { name: string; start: UtcMillis; end: UtcMillis }>()
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.stationId === null) continue
    const s = spans.get(e.stationId)
    const end = ends[i]! as UtcMillis
    if (!s)
      spans.set(e.stationId, {
        name: stationLabel(e.stationName, e.stationId),
        start: e.docking,
        end,
      })
    else {
      if (e.docking < s.start) s.start = e.docking
      if (end > s.end) s.end = end
    }
  }
  return spans
}

function comparisonSection(
  events: ReadonlyArray<DockingEvent>,
  spans: ReadonlyMap<StationId, StationSpan>,
  context: AnalysisContext,
  endOf: EndRule,
  unknownAt: (t: number, stationId: number | null) => number,
): ComparisonSection {
  // Day 0 is LL2's `founded` date; a station without one counts from its first docking in view.
  const founded = new Map(foundedStations(context.stations).map((f) => [f.stationId, f]))
  const stations = [...spans].map(
    ([stationId, s]) => founded.get(stationId) ?? { stationId, name: s.name, founded: s.start },
  )
  const dayZero = new Map<number, DayZero>(
    stations.map((s) => [s.stationId, founded.has(s.stationId) ? 'founded' : 'first-docking']),
  )
  const profiles = compareStations(stations, events, endOf)
  return {
    profiles,
    dayZero,
    table: {
      columns: [
        { key: 'station', label: 'Station' },
        { key: 'day_zero_utc', label: 'Day 0 (UTC)' },
        { key: 'day_zero_is', label: 'Day 0 is' },
        { key: 'peak_docked', label: 'Most docked at once' },
        { key: 'peak_unknown_departures', label: UNKNOWN_DEPARTURES_LABEL },
        { key: 'peak_first_day', label: 'First reached on day' },
        { key: 'median_visit_days', label: 'Median visit, days' },
      ],
      rows: profiles.map((p) => [
        p.name,
        utcDate(p.founded),
        dayZero.get(p.stationId) === 'founded'
          ? 'founded'
          : 'first docking in view (no founded date)',
        p.peak,
        p.peakStart === null ? null : unknownAt(p.peakStart, p.stationId),
        p.peakFirstDay === null ? null : Math.floor(p.peakFirstDay),
        p.medianVisitMs === null ? null : days(p.medianVisitMs),
      ]),
    },
  }
}

/**
 * The measures of the filtered events; `now` is where still-docked stays run
 * to. `context` gives the stations (founding dates, port lives) and the
 * expeditions; without it every crewed period is the proxy and every
 * station's age counts from its first docking in view.
 * Stays and arrivals are counted `by` docking or by visit (the default,
 * as a historian counts a relocation as no new arrival).
 */
export function analysisModel(
  events: ReadonlyArray<DockingEvent>,
  now: UtcMillis,
  context: AnalysisContext = { stations: [], allEvents: events, expeditions: [] },
  by: CountBy = 'visit',
): AnalysisModel {
  // The chart's end rule (`effectiveEnd`), from the end facts of all the data.
  const facts = endFacts(context.allEvents, context.stations)
  const endOf = endAtNow(now, facts)
  // Only a stay with no departure can have an unknown one; the peaks table
  // asks per row (thousands where a peak recurs).
  const open = events.filter((e) => e.departure === null)
  const unknownAt = (t: number, stationId: number | null) =>
    unknownEndsAt(open, t, facts, now, stationId)
  const spans = stationSpans(events, endOf)
  return {
    eventCount: events.length,
    countBy: by,
    occupancy: occupancySection(events, endOf, unknownAt),
    ports: portSection(events, context, endOf),
    stays: staysSection(events, by),
    traffic: trafficSection(events, by),
    crew: crewSection(events, spans, context, endOf),
    comparison: comparisonSection(events, spans, context, endOf, unknownAt),
  }
}

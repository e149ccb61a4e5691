/**
 * What the Analysis view shows for the current query: each measure of
 * `shared/analysis/` worked out on the filtered events, with the sentence
 * that answers its question and the table shown beside its chart.
 *
 * Pure, so the view, its exports and the tests read the same numbers.
 */
import { crewedPeriods, type CrewedPeriods } from '../analysis/crewed-periods'
import { endAtNow } from '../analysis/effective-end'
import {
  occupancyByStation,
  peakOccupancy,
  type OccupancyPeak,
  type OccupancySeries,
} from '../analysis/occupancy-series'
import { portTotals, type PortTotal } from '../analysis/port-utilisation'
import { compareStations, type StationAgeProfile } from '../analysis/station-comparison'
import { staysBy, staysOf, type StayGroup } from '../analysis/stays'
import { arrivalsPerYear, type TrafficCount } from '../analysis/traffic'
import type { DockingEvent } from '../domain/model'
import type { StationId, UtcMillis } from '../domain/units'
import type { CountBy } from '../visits/count-by'
import { days, utcDate, type AnalysisTable } from './analysis-table'

/** Occupancy over time per station, and each station's peak. */
export interface OccupancySection {
  readonly series: ReadonlyArray<OccupancySeries>
  readonly peaks: ReadonlyArray<{ readonly station: string; readonly peak: OccupancyPeak }>
  readonly table: AnalysisTable
}

/** Ports by time docked, busiest first. */
export interface PortSection {
  readonly totals: ReadonlyArray<PortTotal>
  readonly busiest: PortTotal | null
  readonly table: AnalysisTable
}

/** Everything the view draws. */
export interface AnalysisModel {
  readonly eventCount: number
  /** Whether stays and arrivals are counted by docking or by visit. */
  readonly countBy: CountBy
  readonly occupancy: OccupancySection
  readonly ports: PortSection
  readonly stays: { readonly groups: ReadonlyArray<StayGroup>; readonly table: AnalysisTable }
  readonly traffic: { readonly counts: ReadonlyArray<TrafficCount>; readonly table: AnalysisTable }
  readonly crew: { readonly periods: ReadonlyArray<CrewedPeriods>; readonly table: AnalysisTable }
  readonly comparison: {
    readonly profiles: ReadonlyArray<StationAgeProfile>
    readonly table: AnalysisTable
  }
}

const stationLabel = (name: string | null, id: number) => name ?? `Station ${id}`

function occupancySection(events: ReadonlyArray<DockingEvent>, now: UtcMillis): OccupancySection {
  const series = occupancyByStation(events, { endOf: endAtNow(now), stackBy: 'role' })
  const peaks = series.map((s) => ({
    station: stationLabel(s.stationName, s.stationId ?? 0),
    peak: peakOccupancy(s),
  }))
  return {
    series,
    peaks,
    table: {
      columns: [
        { key: 'station', label: 'Station' },
        { key: 'peak_docked', label: 'Most docked at once' },
        { key: 'from_utc', label: 'From (UTC)' },
        { key: 'to_utc', label: 'To (UTC)' },
        { key: 'days', label: 'Days' },
      ],
      rows: peaks.flatMap((p) =>
        p.peak.intervals.map((i) => [
          p.station,
          p.peak.count,
          utcDate(i.start, true),
          utcDate(i.end, true),
          days(i.lengthMs),
        ]),
      ),
    },
  }
}

function portSection(events: ReadonlyArray<DockingEvent>, now: UtcMillis): PortSection {
  const totals = portTotals(events, { endOf: endAtNow(now) })
  return {
    totals,
    busiest: totals[0] ?? null,
    table: {
      columns: [
        { key: 'port', label: 'Port' },
        { key: 'station', label: 'Station' },
        { key: 'days_docked', label: 'Days docked' },
        { key: 'dockings', label: 'Dockings' },
        { key: 'share_of_life', label: 'Share of its life' },
        { key: 'life_basis', label: 'Life measured from' },
      ],
      rows: totals.map((t) => [
        t.portName ?? `Port ${t.portId}`,
        stationLabel(t.stationName, t.stationId),
        days(t.occupiedMs),
        t.dockings,
        Math.round(t.share * 1000) / 1000,
        t.basis === 'events' ? 'first to last docking' : 'its module',
      ]),
    },
  }
}

function staysSection(events: ReadonlyArray<DockingEvent>, by: CountBy) {
  const groups = staysBy(staysOf(events, by), 'family')
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
function stationSpans(events: ReadonlyArray<DockingEvent>, now: UtcMillis) {
  const endOf = endAtNow(now)
  const spans = new Map<StationId, { name: string; start: UtcMillis; end: UtcMillis }>()
  for (const e of events) {
    if (e.stationId === null) continue
    const s = spans.get(e.stationId)
    const end = endOf(e)
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

function crewSection(events: ReadonlyArray<DockingEvent>, now: UtcMillis) {
  // The cache holds no expeditions yet, so every period rests on the crew-vehicle proxy.
  const periods = [...stationSpans(events, now).entries()].map(([id, s]) =>
    crewedPeriods(id, [], events, { endOf: endAtNow(now), from: s.start, to: s.end }),
  )
  const names = new Map([...stationSpans(events, now)].map(([id, s]) => [id as number, s.name]))
  return {
    periods,
    table: {
      columns: [
        { key: 'station', label: 'Station' },
        { key: 'uncrewed_from_utc', label: 'Uncrewed from (UTC)' },
        { key: 'to_utc', label: 'To (UTC)' },
        { key: 'days', label: 'Days' },
        { key: 'basis', label: 'Basis' },
      ],
      rows: periods.flatMap((p) =>
        p.gaps.map((g) => [
          names.get(p.stationId) ?? `Station ${p.stationId}`,
          utcDate(g.start, true),
          utcDate(g.end, true),
          days(g.lengthMs),
          g.basis === 'expeditions' ? 'expeditions' : 'no crew vehicle docked (proxy)',
        ]),
      ),
    },
  }
}

function comparisonSection(events: ReadonlyArray<DockingEvent>, now: UtcMillis) {
  // The data holds no founding dates: each station's age counts from its first docking in view.
  const stations = [...stationSpans(events, now).entries()].map(([stationId, s]) => ({
    stationId,
    name: s.name,
    founded: s.start,
  }))
  const profiles = compareStations(stations, events, endAtNow(now))
  return {
    profiles,
    table: {
      columns: [
        { key: 'station', label: 'Station' },
        { key: 'first_docking_utc', label: 'Day 0: first docking (UTC)' },
        { key: 'peak_docked', label: 'Most docked at once' },
        { key: 'peak_first_day', label: 'First reached on day' },
        { key: 'median_visit_days', label: 'Median visit, days' },
      ],
      rows: profiles.map((p) => [
        p.name,
        utcDate(p.founded),
        p.peak,
        p.peakFirstDay === null ? null : Math.floor(p.peakFirstDay),
        p.medianVisitMs === null ? null : days(p.medianVisitMs),
      ]),
    },
  }
}

/**
 * The measures of the filtered events; `now` is where still-docked stays run
 * to. Stays and arrivals are counted `by` docking or by visit (the default,
 * as a historian counts a relocation as no new arrival).
 */
export function analysisModel(
  events: ReadonlyArray<DockingEvent>,
  now: UtcMillis,
  by: CountBy = 'visit',
): AnalysisModel {
  return {
    eventCount: events.length,
    countBy: by,
    occupancy: occupancySection(events, now),
    ports: portSection(events, now),
    stays: staysSection(events, by),
    traffic: trafficSection(events, by),
    crew: crewSection(events, now),
    comparison: comparisonSection(events, now),
  }
}

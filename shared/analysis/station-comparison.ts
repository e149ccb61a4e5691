/**
 * Station comparison: the measures aligned by days since each station's
 * founding, so Mir at 1,000 days sits beside the ISS at 1,000 days.
 */
import type { DockingEvent, Station } from '../domain/model'
import { DAY_MS, parseUtc, type StationId, type UtcMillis } from '../domain/units'
import type { EndRule } from './effective-end'
import { firstPeak, occupancySeries, stepColumns, type StepColumns } from './occupancy-series'
import { withLazyField } from './lazy-field'
import { eventsByStation } from './prepared'
import { groupStays, stayColumns, summariseGroup } from './stays'

/** A station and the date it was founded (its first module's launch). */
export interface FoundedStation {
  readonly stationId: StationId
  readonly name: string
  readonly founded: UtcMillis
}

/** One change point of an aligned occupancy series. */
export interface AgedStep {
  /** Days since the station was founded (fractional). */
  readonly day: number
  readonly total: number
}

/** Arrivals in one year of a station's age (year 0 = its first 365.25 days). */
export interface AgedArrivals {
  readonly ageYear: number
  readonly arrivals: number
}

/** One station's measures on its own age axis. */
export interface StationAgeProfile {
  readonly stationId: StationId
  readonly name: string
  readonly founded: UtcMillis
  readonly occupancy: ReadonlyArray<AgedStep>
  readonly arrivalsByAgeYear: ReadonlyArray<AgedArrivals>
  readonly peak: number
  /** When the peak was first reached; null with no dockings. */
  readonly peakStart: UtcMillis | null
  /** Day of age at which the peak was first reached; null with no dockings. */
  readonly peakFirstDay: number | null
  readonly medianVisitMs: number | null
}

/** The stations whose LL2 `founded` date is known, as comparison rows; the rest cannot be aligned. */
export function foundedStations(stations: ReadonlyArray<Station>): ReadonlyArray<FoundedStation> {
  return stations.flatMap((s) => {
    const founded = s.founded === null ? null : parseUtc(s.founded)
    return founded === null ? [] : [{ stationId: s.id, name: s.name, founded }]
  })
}

/** Days from `founded` to `t` (fractional; negative before founding). */
export function daysSince(t: UtcMillis, founded: UtcMillis): number {
  return (t - founded) / DAY_MS
}

const AGE_YEAR_DAYS = 365.25

/** A series' totals against days since founding, read from its columns (no step objects). */
function occupancyByDay(c: StepColumns, founded: UtcMillis): AgedStep[] {
  const out: AgedStep[] = []
  for (let i = 0; i < c.length; i++)
    out.push({ day: daysSince(c.at[i]! as UtcMillis, founded), total: c.total[i]! })
  return out
}

/** Each station's measures aligned by days since its founding, in the order given. */
export function compareStations(
  stations: ReadonlyArray<FoundedStation>,
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyArray<StationAgeProfile> {
  // A visit never spans stations, so each station's visits are the query's, split by station.
  const visits = stayColumns(events, 'visit')
  const visitsOf = groupStays(visits, (k) => events[visits.head[k]!]!.stationId!)
  const groupOf = new Map(visitsOf.keys.map((id, g) => [id, g]))
  const byStation = eventsByStation(events)
  return stations.map((s) => {
    const own = byStation.get(s.stationId) ?? []
    const series = occupancySeries(own, { endOf, stationId: s.stationId })
    const peak = firstPeak(series)
    const g = groupOf.get(s.stationId)
    const byYear = new Map<number, number>()
    if (g !== undefined)
      for (let j = visitsOf.starts[g]!; j < visitsOf.starts[g + 1]!; j++) {
        const arrival = visits.arrival[visitsOf.order[j]!]! as UtcMillis
        const ageYear = Math.floor(daysSince(arrival, s.founded) / AGE_YEAR_DAYS)
        byYear.set(ageYear, (byYear.get(ageYear) ?? 0) + 1)
      }
    const median = g === undefined ? null : summariseGroup(visits, visitsOf, g).medianMs
    return withAgedSteps(
      {
        stationId: s.stationId,
        name: s.name,
        founded: s.founded,
        arrivalsByAgeYear: [...byYear.entries()]
          .sort(([a], [b]) => a - b)
          .map(([ageYear, arrivals]) => ({ ageYear, arrivals })),
        peak: peak.count,
        peakStart: peak.start,
        peakFirstDay: peak.start === null ? null : daysSince(peak.start, s.founded),
        medianVisitMs: median,
      },
      stepColumns(series),
    )
  })
}

/**
 * The profile with `occupancy` made from the series' columns on first read
 * (then kept), as a series' `steps` are: a step object per change point at
 * every station is most of this measure's garbage, and only the comparison
 * chart reads them.
 */
function withAgedSteps(
  head: Omit<StationAgeProfile, 'occupancy'>,
  columns: StepColumns,
): StationAgeProfile {
  return withLazyField(head, 'occupancy', () => occupancyByDay(columns, head.founded))
}

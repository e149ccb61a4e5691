/**
 * Station comparison: the measures aligned by days since each station's
 * founding, so Mir at 1,000 days sits beside the ISS at 1,000 days.
 */
import type { DockingEvent } from '../domain/model'
import { DAY_MS, type StationId, type UtcMillis } from '../domain/units'
import type { EndRule } from './effective-end'
import { occupancySeries, peakOccupancy } from './occupancy-series'
import { staysOf, summariseStays } from './stays'

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
  /** Day of age at which the peak was first reached; null with no dockings. */
  readonly peakFirstDay: number | null
  readonly medianVisitMs: number | null
}

/** Days from `founded` to `t` (fractional; negative before founding). */
export function daysSince(t: UtcMillis, founded: UtcMillis): number {
  return (t - founded) / DAY_MS
}

const AGE_YEAR_DAYS = 365.25

/** Each station's measures aligned by days since its founding, in the order given. */
export function compareStations(
  stations: ReadonlyArray<FoundedStation>,
  events: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
): ReadonlyArray<StationAgeProfile> {
  return stations.map((s) => {
    const own = events.filter((e) => e.stationId === s.stationId)
    const series = occupancySeries(own, { endOf, stationId: s.stationId })
    const peak = peakOccupancy(series)
    const visits = staysOf(own, 'visit')
    const byYear = new Map<number, number>()
    for (const v of visits) {
      const ageYear = Math.floor(daysSince(v.arrival, s.founded) / AGE_YEAR_DAYS)
      byYear.set(ageYear, (byYear.get(ageYear) ?? 0) + 1)
    }
    const first = peak.intervals[0]
    return {
      stationId: s.stationId,
      name: s.name,
      founded: s.founded,
      occupancy: series.steps.map((st) => ({ day: daysSince(st.at, s.founded), total: st.total })),
      arrivalsByAgeYear: [...byYear.entries()]
        .sort(([a], [b]) => a - b)
        .map(([ageYear, arrivals]) => ({ ageYear, arrivals })),
      peak: peak.count,
      peakFirstDay: first ? daysSince(first.start, s.founded) : null,
      medianVisitMs: summariseStays(visits).medianMs,
    }
  })
}

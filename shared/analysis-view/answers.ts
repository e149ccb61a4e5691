/**
 * The sentence that answers each chart's question, in words a reader can
 * quote, from the same model the chart draws.
 */
import type { AnalysisModel } from './analysis-model'
import { days, utcDate } from './analysis-table'

/** One answer per chart. */
export type Answers = Readonly<
  Record<'ports' | 'occupancy' | 'crew' | 'traffic' | 'stays' | 'comparison', string>
>

const pct = (share: number) => `${Math.round(share * 100)} %`

/** The answers the Analysis view prints above its charts. */
export function answers(m: AnalysisModel): Answers {
  const b = m.ports.busiest
  const peaks = m.occupancy.peaks.filter((p) => p.peak.intervals.length > 0)
  const gaps = m.crew.periods.flatMap((p) =>
    p.gaps.map((g) => ({
      g,
      station: m.comparison.profiles.find((x) => x.stationId === p.stationId)?.name,
    })),
  )
  const longestGap = gaps.sort((x, y) => y.g.lengthMs - x.g.lengthMs)[0]
  const perYear = new Map<number, number>()
  for (const c of m.traffic.counts) perYear.set(c.year, (perYear.get(c.year) ?? 0) + c.arrivals)
  const busyYear = [...perYear].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]
  const longest = m.stays.groups
    .map((g) => g.summary.longest)
    .filter((s) => s !== null)
    .sort((x, y) => y.lengthMs! - x.lengthMs!)[0]
  const soonest = m.comparison.profiles
    .filter((p) => p.peakFirstDay !== null)
    .sort((x, y) => x.peakFirstDay! - y.peakFirstDay!)
  return {
    ports: b
      ? `Busiest port by time docked: ${b.portName ?? `port ${b.portId}`} (${b.stationName ?? 'unknown station'}), ${days(b.occupiedMs)} days docked over ${b.dockings} dockings, ${pct(b.share)} of its life (first to last docking).`
      : 'No filtered docking is at a known port.',
    occupancy:
      peaks.length === 0
        ? 'Nothing was docked.'
        : `Most vehicles docked at once: ${peaks
            .map(
              (p) =>
                `${p.station} ${p.peak.count} (first from ${utcDate(p.peak.intervals[0]!.start)})`,
            )
            .join('; ')}.`,
    crew: longestGap
      ? `Longest time with no crew vehicle docked: ${longestGap.station ?? ''}, ${utcDate(longestGap.g.start)} to ${utcDate(longestGap.g.end)}, ${days(longestGap.g.lengthMs)} days. A proxy: the cached data holds no expeditions, so a crew aboard without a docked crew vehicle cannot show.`
      : 'A crew vehicle was docked throughout (by crew-vehicle presence, a proxy).',
    traffic: busyYear
      ? `Busiest year: ${busyYear[0]} with ${busyYear[1]} arrivals (${m.countBy === 'visit' ? 'a relocation between ports is not an arrival' : 'counted by docking: a relocation between ports is an arrival'}).`
      : 'No arrivals.',
    stays: longest
      ? `Longest ${m.countBy}: ${longest.vehicle} at ${longest.stationName ?? 'its station'}, ${days(longest.lengthMs!)} days from ${utcDate(longest.arrival)}.`
      : `No finished ${m.countBy} to measure.`,
    comparison:
      soonest.length === 0
        ? 'No station to compare.'
        : `Peak occupancy reached soonest: ${soonest[0]!.name}, ${soonest[0]!.peak} docked on day ${Math.floor(soonest[0]!.peakFirstDay!)} after its first docking in view (the data holds no founding dates).`,
  }
}

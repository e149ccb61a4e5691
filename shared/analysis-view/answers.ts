/**
 * The sentence that answers each chart's question, in words a reader can
 * quote, from the same model the chart draws.
 */
import { countUpTo, unknownEndsWords } from '../analysis/effective-end'
import { peakSpans } from '../analysis/occupancy-series'
import { lifeBasisText, type AnalysisModel, type PortRow } from './analysis-model'
import { days, utcDate } from './analysis-table'
import { CREW_BASIS_LABELS } from './crew-section'
import { countNoun } from '../format/count-noun'

/** One answer per chart. */
export type Answers = Readonly<
  Record<'ports' | 'occupancy' | 'crew' | 'traffic' | 'stays' | 'comparison', string>
>

const pct = (share: number) => `${Math.round(share * 100)} %`

function portAnswer(b: PortRow | null): string {
  if (!b) return 'No filtered docking is at a known port.'
  const overlap = b.summedMs - b.occupiedMs
  const said = `Busiest port by time docked: ${b.portName ?? `port ${b.portId}`} (${b.stationName ?? 'unknown station'}), ${days(b.occupiedMs)} days docked over ${countNoun(b.dockings, 'docking')}, ${pct(b.share)} of its life (${lifeBasisText(b)}).`
  // The union is the truthful figure; say why a sum of the dockings comes out higher.
  return days(overlap) > 0
    ? `${said} Where two records overlap at the port (flagged in Data checks) the time is counted once: the dockings' lengths sum to ${days(b.summedMs)} days.`
    : said
}

/** The answers the Analysis view prints above its charts. */
export function answers(m: AnalysisModel): Answers {
  const b = m.ports.busiest
  const peaks = m.occupancy.peaks.filter((p) => peakSpans(p.peak).length > 0)
  const gaps = m.crew.periods.flatMap((p) =>
    p.gaps.map((g) => ({ g, station: m.crew.names.get(p.stationId) })),
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
    ports: portAnswer(b),
    occupancy:
      peaks.length === 0
        ? 'Nothing was docked.'
        : `Most vehicles docked at once: ${peaks
            .map(
              (p) =>
                `${p.station} ${countUpTo(p.peak.count, p.unknownEnds)} (first from ${utcDate(peakSpans(p.peak).start[0]!)}${p.unknownEnds > 0 ? `, ${unknownEndsWords(p.unknownEnds)}` : ''})`,
            )
            .join('; ')}.`,
    crew: longestGap
      ? `Longest uncrewed period: ${longestGap.station ?? ''}, ${utcDate(longestGap.g.start)} to ${utcDate(longestGap.g.end)}, ${days(longestGap.g.lengthMs)} days (${CREW_BASIS_LABELS[longestGap.g.basis].uncrewed}). ${crewBasisSentence(m)}`
      : `Crewed throughout. ${crewBasisSentence(m)}`,
    traffic: busyYear
      ? `Busiest year: ${busyYear[0]} with ${busyYear[1]} arrivals (${m.countBy === 'visit' ? 'a relocation between ports is not an arrival' : 'counted by docking: a relocation between ports is an arrival'}).`
      : 'No arrivals.',
    stays: longest
      ? `Longest ${m.countBy}: ${longest.vehicle} at ${longest.stationName ?? 'its station'}, ${days(longest.lengthMs!)} days from ${utcDate(longest.arrival)}.`
      : `No finished ${m.countBy} to measure.`,
    comparison:
      soonest.length === 0
        ? 'No station to compare.'
        : `Peak occupancy reached soonest: ${soonest[0]!.name}, ${soonest[0]!.peak} docked on day ${Math.floor(soonest[0]!.peakFirstDay!)} after ${m.comparison.dayZero.get(soonest[0]!.stationId) === 'founded' ? 'its founding' : 'its first docking in view (LL2 gives no founding date)'}.`,
  }
}

/** What the crewed periods rest on, in a sentence. */
function crewBasisSentence(m: AnalysisModel): string {
  const bases = new Set(
    m.crew.periods.flatMap((p) => [...p.periods, ...p.gaps].map((s) => s.basis)),
  )
  const used = m.crew.expeditionsUsed
  if (!bases.has('crew-vehicle-proxy'))
    return `Every period rests on LL2 expeditions (${used} used).`
  return bases.has('expeditions')
    ? `Periods rest on LL2 expeditions (${used} used) where they cover the time; elsewhere a docked crew vehicle stands in for a crew aboard (proxy), which cannot show a crew aboard without one.`
    : 'No expedition covers this time, so a docked crew vehicle stands in for a crew aboard (proxy), which cannot show a crew aboard without one.'
}

import { clipEvents } from '../../../shared/analysis/window'
import {
  occupancySeries,
  peakOccupancy,
  type StackBy,
} from '../../../shared/analysis/occupancy-series'
import { countUpTo, unknownEndsAt, unknownEndsWords } from '../../../shared/analysis/effective-end'
import { DAY_MS, toIsoUtc } from '../../../shared/domain/units'
import { analysisScope, WINDOW_OPTIONS, WINDOW_USAGE } from '../analysis-flags'
import { readCliData } from '../cli-context'
import { UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { str } from '../flags'
import { formatCsv, formatJson, formatTable } from '../output'

/** `occupancy`: vehicles docked over time as a step series. */
export const occupancyCommand: Command = {
  name: 'occupancy',
  summary: 'vehicles docked over time (step series) and the peak',
  usage: `usage: cli occupancy --station NAME|ID [--stack role|family] [--from ISO --to ISO] [--json | --csv] [--db FILE]
  --station NAME|ID      the station
  --stack role|family    split each step's count (default: role)
${WINDOW_USAGE}
${COMMON_USAGE}
Each step holds from its time until the next step's; a docking counts from its
docking up to, not including, its departure; one with none, up to its station's re-entry
or the next docking at its port, else (still docked) to now.`,
  options: {
    ...COMMON_OPTIONS,
    ...WINDOW_OPTIONS,
    station: { type: 'string', multiple: true },
    stack: { type: 'string' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const stack = str(flags, 'stack') ?? 'role'
    if (stack !== 'role' && stack !== 'family') {
      throw new UsageError(`--stack wants role or family, not "${stack}"`)
    }
    const data = readCliData(flags, ctx)
    const scope = analysisScope(flags, data, ctx.now(), true)
    const station = scope.stations[0]!
    const events = clipEvents(scope.events, scope.endOf, scope.from, scope.to)
    const series = occupancySeries(events, {
      endOf: scope.endOf,
      stackBy: stack as StackBy,
      stationId: station.id,
    })
    const peak = peakOccupancy(series)
    // Stays with an unknown departure count to the latest they can have ended
    // (read uncut: the window's cut gives every stay a departure).
    const first = peak.intervals[0]
    const unknownEnds = first
      ? unknownEndsAt(scope.events, first.start, scope.endFacts, ctx.now(), station.id)
      : 0
    if (scope.format === 'json') {
      ctx.out(
        formatJson({
          station: station.name,
          stationId: station.id,
          stackBy: series.stackBy,
          keys: series.keys,
          steps: series.steps.map((s) => ({
            at: toIsoUtc(s.at),
            total: s.total,
            counts: s.counts,
          })),
          peak: {
            count: peak.count,
            unknownEnds,
            intervals: peak.intervals.map((p) => ({
              start: toIsoUtc(p.start),
              end: toIsoUtc(p.end),
              days: p.lengthMs / DAY_MS,
            })),
          },
        }),
      )
      return 0
    }
    const columns = ['at', 'total', ...series.keys]
    const rows = series.steps.map((s) => [toIsoUtc(s.at), s.total, ...s.counts])
    if (scope.format === 'csv') ctx.out(formatCsv(columns, rows))
    else {
      ctx.out(formatTable(columns, rows, `(nothing docked at ${station.name})`))
      if (peak.count > 0) {
        const when = peak.intervals.map((p) => `${toIsoUtc(p.start)} to ${toIsoUtc(p.end)}`)
        const bound = unknownEnds === 0 ? '' : ` (${unknownEndsWords(unknownEnds)})`
        ctx.out(
          `Peak: ${countUpTo(peak.count, unknownEnds)} docked at once${bound}, ${when.join('; ')}\n`,
        )
      }
    }
    return 0
  },
}

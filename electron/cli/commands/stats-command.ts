import { unknownEndsAt } from '../../../shared/analysis/effective-end'
import {
  STATS_BY,
  statsRecords,
  statsTable,
  type StatsBy,
} from '../../../shared/analysis/stats-table'
import {
  analysisScope,
  COUNT_BY_OPTION,
  countByFlag,
  countByUsage,
  WINDOW_OPTIONS,
  WINDOW_USAGE,
} from '../analysis-flags'
import { readCliData } from '../cli-context'
import { UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { str } from '../flags'
import { formatCsv, formatJson, formatTable } from '../output'

/** `stats`: the analysis measures as a table. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'occupancy, time docked, ports and stays as a table',
  usage: `usage: cli stats [--station NAME|ID] [--from ISO --to ISO] [--by ${STATS_BY.join('|')}] [--count-by docking|visit] [--json | --csv] [--db FILE]
  --station NAME|ID      only this station (repeatable)
  --by KEY               one row per station (default), role, family, port or year
${countByUsage('visit')}
${WINDOW_USAGE}
${COMMON_USAGE}
Dockings and visits count arrivals in the window; days docked and the peak
count time inside it; a docking with no departure runs to its station's re-entry,
its port's next docking or the time of a station record no longer listing it,
else (still docked) to now. Such stays have an unknown departure and count to the
latest they can have left: peak_unknown_departures says how many the peak holds,
and the peak is at most peak_docked. The median and longest
stay are per visit, or per docking with --count-by docking (columns named so).
Per port: days occupied (an overlap once) over the port's life; life_basis says
what that life rests on: module (the module carrying the port docked, to its
departure or the station's deorbit), station (a port on the station's own hull,
founded to deorbit) or events (first to last event there).`,
  options: {
    ...COMMON_OPTIONS,
    ...WINDOW_OPTIONS,
    ...COUNT_BY_OPTION,
    station: { type: 'string', multiple: true },
    by: { type: 'string' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const by = str(flags, 'by') ?? 'station'
    if (!(STATS_BY as ReadonlyArray<string>).includes(by)) {
      throw new UsageError(`--by wants one of ${STATS_BY.join(', ')}, not "${by}"`)
    }
    const countBy = countByFlag(flags, 'visit')
    const data = readCliData(flags, ctx)
    const now = ctx.now()
    const scope = analysisScope(flags, data, now, false)
    const table = statsTable(scope.events, by as StatsBy, {
      ...scope,
      countBy,
      unknownEndsAt: (events, t) => unknownEndsAt(events, t, scope.endFacts, now),
    })
    if (scope.format === 'json') ctx.out(formatJson(statsRecords(table)))
    else if (scope.format === 'csv') ctx.out(formatCsv(table.columns, table.rows))
    else ctx.out(formatTable(table.columns, table.rows, '(no dockings in the window)'))
    return 0
  },
}

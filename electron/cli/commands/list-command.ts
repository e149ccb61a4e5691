import { toEventRow } from '../../../shared/query/event-row'
import { matchingEvents } from '../../../shared/query/evaluate'
import { dataFacts } from '../../../shared/quality/data-facts'
import { countUnits } from '../../../shared/visits/count-by'
import { COUNT_BY_OPTION, countByFlag, countByUsage } from '../analysis-flags'
import { readCliData } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { parseIntFlag, rowFormatFlag, str } from '../flags'
import { printEventRows } from '../output'
import { parseQueryFlags, QUERY_FILTER_OPTIONS } from '../query-flags'
import { printVisitRows, visitRow } from '../visit-rows'

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
  --flagged                 only events a data check flags (see cli quality)
  --ordering ORDER          docking, -docking, departure or -departure (write --ordering=-docking)
  --limit N                 at most N rows
${countByUsage('docking')}
                            by visit: one row per visit a matching docking belongs to,
                            with all its legs (the columns of cli visits)
  --json                    JSON rows: id, station, port, vehicle, docking, departure,
                            departureUnknown, visitId, source, ...
  --csv                     CSV with a header row; text cells starting with = + - @ tab
                            or CR get a leading ' (quoted) so spreadsheets show, not run, them
${COMMON_USAGE}
--station and --port together pass an event at either, as ticking both does in the app.
Times are shown only as precisely as they are known (a day-precision time prints as a date).`,
  options: {
    ...COMMON_OPTIONS,
    ...QUERY_FILTER_OPTIONS,
    ...COUNT_BY_OPTION,
    ordering: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const format = rowFormatFlag(flags)
    const limitFlag = str(flags, 'limit')
    const limit = limitFlag === undefined ? undefined : parseIntFlag('limit', limitFlag, 1)
    const countBy = countByFlag(flags, 'docking')
    const data = readCliData(flags, ctx)
    const facts = dataFacts(data, ctx.now())
    const events = matchingEvents(data.events, parseQueryFlags(flags, data), facts.now, {
      flaggedEventIds: facts.checks.flagged,
      endFacts: facts.checks.endFacts,
    })
    if (countBy === 'visit') {
      const byId = new Map(data.events.map((e) => [e.id as number, e]))
      const units = countUnits(events, 'visit', facts.visits)
      const rows = (limit === undefined ? units : units.slice(0, limit)).map((u) =>
        visitRow(u, byId),
      )
      printVisitRows(rows, format, ctx.out, '(no visits match)')
      return 0
    }
    const rows = (limit === undefined ? events : events.slice(0, limit)).map((e) =>
      toEventRow(e, facts),
    )
    printEventRows(rows, format, ctx.out, '(no docking events match)')
    return 0
  },
}

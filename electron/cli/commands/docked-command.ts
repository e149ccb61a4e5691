import { dockedAt } from '../../../shared/occupancy/occupancy'
import { toEventRow } from '../../../shared/query/event-row'
import { dataFacts } from '../../../shared/quality/data-facts'
import { toIsoUtc } from '../../../shared/domain/units'
import { readCliData } from '../cli-context'
import { UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { parseTimeFlag, rowFormatFlag, str, strs } from '../flags'
import { printEventRows } from '../output'
import { stationIdsOf } from '../query-flags'

/** `docked --at ISO`: what was docked where at one instant. */
export const dockedCommand: Command = {
  name: 'docked',
  summary: 'what was docked where at one instant',
  usage: `usage: cli docked --at ISO [--station NAME|ID] [--json | --csv] [--db FILE]
  --at ISO            the instant, UTC (e.g. 1985-06-01T12:00:00Z)
  --station NAME|ID   only this station (repeatable)
  --json, --csv       rows of the same shape as list's
${COMMON_USAGE}
An event counts from its docking up to but not including its departure. One with no
departure counts up to its station's re-entry, the next docking at its port or the time of a
station record that no longer lists it, whichever comes first, else on; it reads
"(unknown: none recorded)" unless it may still be docked.`,
  options: {
    ...COMMON_OPTIONS,
    at: { type: 'string' },
    station: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const atFlag = str(flags, 'at')
    if (atFlag === undefined) throw new UsageError('docked needs --at ISO')
    const format = rowFormatFlag(flags)
    const at = parseTimeFlag('at', atFlag)
    const data = readCliData(flags, ctx)
    const stations = strs(flags, 'station')
    const wanted = stations.length > 0 ? new Set<number>(stationIdsOf(data, stations)) : null
    const facts = dataFacts(data, ctx.now())
    const events = dockedAt(data.events, at, facts.checks.endFacts).filter(
      (e) => wanted === null || (e.stationId !== null && wanted.has(e.stationId)),
    )
    printEventRows(
      events.map((e) => toEventRow(e, facts)),
      format,
      ctx.out,
      `(nothing docked at ${toIsoUtc(at)})`,
    )
    return 0
  },
}

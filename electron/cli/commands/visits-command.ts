import { countUnits } from '../../../shared/visits/count-by'
import { dataFacts } from '../../../shared/quality/data-facts'
import { readCliData } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { rowFormatFlag } from '../flags'
import { stationIdsOf } from '../query-flags'
import { printVisitRows, visitRow } from '../visit-rows'

/** `visits`: each vehicle's stay at a station, its relocations joined into legs. */
export const visitsCommand: Command = {
  name: 'visits',
  summary: "each vehicle's stay at a station, with its legs (relocations joined)",
  usage: `usage: cli visits [--station NAME|ID] [--json | --csv] [--db FILE]
  --station NAME|ID   only this station (repeatable)
  --json              rows {visitId, station, vehicle, arrival, departure, stayDays,
                      legs: [{id, port, docking, departure}]}
  --csv               one row per visit; legs as event ids separated by ;
${COMMON_USAGE}
A visit joins consecutive dockings of one vehicle at one station when the next docks
within 24 hours of the previous departure (a port relocation is logged as two dockings).
Its id is its first leg's event id. Times are UTC.`,
  options: {
    ...COMMON_OPTIONS,
    station: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const format = rowFormatFlag(flags)
    const data = readCliData(flags, ctx)
    const stations = Array.isArray(flags.station) ? (flags.station as string[]) : []
    const wanted = stations.length > 0 ? new Set<number>(stationIdsOf(data, stations)) : null
    const byId = new Map(data.events.map((e) => [e.id as number, e]))
    const events = data.events.filter(
      (e) => e.stationId !== null && (wanted === null || wanted.has(e.stationId)),
    )
    const facts = dataFacts(data, ctx.now())
    const rows = countUnits(events, 'visit', facts.visits)
      .map((u) => visitRow(u, byId))
      .sort((x, y) => x.arrival.localeCompare(y.arrival) || (x.visitId ?? 0) - (y.visitId ?? 0))
    printVisitRows(rows, format, ctx.out, '(no visits)')
    return 0
  },
}

import { toIsoUtc } from '../../../shared/domain/units'
import { dataFacts } from '../../../shared/quality/data-facts'
import { visitStay } from '../../../shared/visits/visits'
import { readCliData } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { rowFormatFlag } from '../flags'
import { formatCsv, formatJson, formatTable } from '../output'
import { stationIdsOf } from '../query-flags'

const COLUMNS = ['visitId', 'station', 'vehicle', 'arrival', 'departure', 'stayDays', 'legs']

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
    const rows = dataFacts(data, ctx.now())
      .visits.visits.filter((v) => wanted === null || wanted.has(v.stationId))
      .map((v) => {
        const stay = visitStay(v)
        return {
          visitId: v.id,
          station: v.stationName,
          vehicle: v.vehicle,
          arrival: toIsoUtc(v.arrival),
          departure: v.departure === null ? null : toIsoUtc(v.departure),
          stayDays: stay === null ? null : Math.round((stay / 86_400_000) * 1000) / 1000,
          legs: v.legs.map((id) => {
            const e = byId.get(id)!
            return {
              id: e.id,
              port: e.portName,
              docking: toIsoUtc(e.docking),
              departure: e.departure === null ? null : toIsoUtc(e.departure),
            }
          }),
        }
      })
    if (format === 'json') return (ctx.out(formatJson(rows)), 0)
    const cells = rows.map((r) => [
      r.visitId,
      r.station,
      r.vehicle,
      r.arrival,
      r.departure,
      r.stayDays,
      format === 'csv'
        ? r.legs.map((l) => l.id).join(';')
        : r.legs.map((l) => `${l.id} ${l.port ?? '?'}`).join(' → '),
    ])
    ctx.out(
      format === 'csv' ? formatCsv(COLUMNS, cells) : formatTable(COLUMNS, cells, '(no visits)'),
    )
    return 0
  },
}

import {
  crewedPeriods,
  expeditionListHorizon,
  type CrewBasis,
} from '../../../shared/analysis/crewed-periods'
import type { TimedSpan } from '../../../shared/analysis/interval'
import { expeditionFlagsAt, reviewExpeditions } from '../../../shared/quality/expedition-checks'
import { DAY_MS, parseUtc, toIsoUtc, utcMillis, type UtcMillis } from '../../../shared/domain/units'
import { analysisScope, WINDOW_OPTIONS, WINDOW_USAGE } from '../analysis-flags'
import { defaultDbFile, openCliCache } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { formatCsv, formatJson, formatTable } from '../output'

const span = (s: TimedSpan & { readonly basis: CrewBasis }) => ({
  start: toIsoUtc(s.start),
  end: toIsoUtc(s.end),
  days: Math.round((s.lengthMs / DAY_MS) * 100) / 100,
  basis: s.basis,
})

/** `gaps`: a station's uncrewed periods. */
export const gapsCommand: Command = {
  name: 'gaps',
  summary: "a station's uncrewed periods (by expeditions, else crew-vehicle presence)",
  usage: `usage: cli gaps --station NAME|ID [--from ISO --to ISO] [--json | --csv] [--db FILE]
  --station NAME|ID      the station
${WINDOW_USAGE}
${COMMON_USAGE}
The window defaults to the station's life: its first docking to its deorbit
(or now). Where LL2 expeditions cover the time they decide (those ending
before they start or whose crew never boarded are left out); elsewhere a docked
crew vehicle counts as crewed, and each period says which basis it rests on.
An expedition the list leaves open counts only to the last date the list
states (the bundled list ends in October 2020); past it the proxy decides.`,
  options: {
    ...COMMON_OPTIONS,
    ...WINDOW_OPTIONS,
    station: { type: 'string', multiple: true },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const cache = openCliCache(
      str(flags, 'db') ?? defaultDbFile(),
      ctx,
      !bool(flags, 'no-snapshot'),
    )
    let data
    let expeditions
    try {
      data = cache.readData()
      expeditions = cache.readExpeditions()
    } finally {
      cache.close()
    }
    const now = ctx.now()
    const scope = analysisScope(flags, data, now, true)
    const station = scope.stations[0]!
    const review = reviewExpeditions(expeditions, data.stations, data.events)
    const firstDocking = scope.events.reduce<number>((m, e) => Math.min(m, e.docking), now)
    const deorbit = station.deorbited === null ? null : parseUtc(station.deorbited)
    const from = str(flags, 'from') === undefined ? utcMillis(firstDocking) : scope.from
    const to = str(flags, 'to') === undefined ? ((deorbit ?? now) as UtcMillis) : scope.to
    const openUntil = expeditionListHorizon(review.accepted)
    const r = crewedPeriods(station.id, review.accepted, scope.events, {
      endOf: scope.endOf,
      from,
      to,
      ...(openUntil === undefined ? {} : { openUntil }),
    })
    const bases = new Set([...r.periods, ...r.gaps].map((p) => p.basis))
    const basis = bases.size === 1 ? [...bases][0]! : bases.size === 0 ? 'expeditions' : 'mixed'
    // Flags about expeditions filed under this station or named for it.
    const flagged = expeditionFlagsAt(review, expeditions, data.stations, new Set([station.id]))
    if (scope.format === 'json') {
      ctx.out(
        formatJson({
          station: station.name,
          stationId: station.id,
          window: { start: toIsoUtc(from), end: toIsoUtc(to) },
          basis,
          expeditionCoverage: r.expeditionCoverage && {
            start: toIsoUtc(r.expeditionCoverage.start),
            end: toIsoUtc(r.expeditionCoverage.end),
          },
          gaps: r.gaps.map(span),
          crewed: r.periods.map((p) => ({ ...span(p), names: p.names })),
          expeditionFlags: flagged.map((f) => ({ kind: f.kind, message: f.message })),
        }),
      )
      return 0
    }
    const columns = ['start', 'end', 'days', 'basis']
    const rows = r.gaps.map((g) => {
      const s = span(g)
      return [s.start, s.end, s.days, s.basis]
    })
    if (scope.format === 'csv') ctx.out(formatCsv(columns, rows))
    else {
      ctx.out(formatTable(columns, rows, `(no uncrewed periods at ${station.name} in the window)`))
      ctx.out(
        `Basis: ${basis}${basis === 'crew-vehicle-proxy' ? ' (no expeditions cover this time; a docked crew vehicle stands in for a crew aboard)' : ''}\n`,
      )
      for (const f of flagged) ctx.out(`Note: ${f.message}\n`)
    }
    return 0
  },
}

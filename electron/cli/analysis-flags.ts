/**
 * Flags the analysis commands share: the station, the time window and the
 * output format, read into what `shared/analysis` takes.
 */
import { endAtNow, type EndRule } from '../../shared/analysis/effective-end'
import { endFacts, type EndFacts } from '../../shared/occupancy/end-facts'
import type { DockingData, DockingEvent, Station } from '../../shared/domain/model'
import { utcMillis, type UtcMillis } from '../../shared/domain/units'
import { COUNT_BY, type CountBy } from '../../shared/visits/count-by'
import { CliFailure, UsageError } from './cli-errors'
import { parseTimeFlag, str, strs, type Flags, type RowFormat, rowFormatFlag } from './flags'
import { stationIdsOf } from './query-flags'

/** parseArgs options for the window and format flags. */
export const WINDOW_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
} as const

/** Usage lines for WINDOW_OPTIONS. */
export const WINDOW_USAGE = `  --from ISO, --to ISO   time window, UTC (default: all time up to now)
  --json, --csv          machine-readable output`

/** parseArgs option for `--count-by`. */
export const COUNT_BY_OPTION = { 'count-by': { type: 'string' } } as const

/** Usage line for `--count-by`, naming the command's default. */
export const countByUsage = (fallback: CountBy): string =>
  `  --count-by ${COUNT_BY.join('|')}  count and measure stays per docking or per visit
                         (a relocation's legs are one visit; default: ${fallback})`

/** Reads `--count-by`; `fallback` when absent. */
export function countByFlag(flags: Flags, fallback: CountBy): CountBy {
  const value = str(flags, 'count-by')
  if (value === undefined) return fallback
  if (!(COUNT_BY as ReadonlyArray<string>).includes(value))
    throw new UsageError(`--count-by wants one of ${COUNT_BY.join(', ')}, not "${value}"`)
  return value as CountBy
}

/** What the analysis commands work over. */
export interface AnalysisScope {
  readonly events: ReadonlyArray<DockingEvent>
  readonly stations: ReadonlyArray<Station>
  readonly endOf: EndRule
  /** What `endOf` reads, of all the data: which ends are unknown (`unknownEndsAt`). */
  readonly endFacts: EndFacts
  readonly from: UtcMillis
  readonly to: UtcMillis
  readonly format: RowFormat
}

/**
 * Reads `--station` (repeatable; required when `needStation`), `--from`,
 * `--to` and the format. An open docking runs to now, as on the chart.
 */
export function analysisScope(
  flags: Flags,
  data: DockingData,
  now: UtcMillis,
  needStation: boolean,
): AnalysisScope {
  const format = rowFormatFlag(flags)
  const fromFlag = str(flags, 'from')
  const toFlag = str(flags, 'to')
  const from =
    fromFlag === undefined ? utcMillis(Number.MIN_SAFE_INTEGER) : parseTimeFlag('from', fromFlag)
  const to = toFlag === undefined ? now : parseTimeFlag('to', toFlag)
  if (to <= from) throw new UsageError('--to must be after --from')
  const names = strs(flags, 'station')
  if (needStation && names.length !== 1)
    throw new UsageError('name one station with --station NAME|ID')
  const wanted = names.length > 0 ? new Set<number>(stationIdsOf(data, names)) : null
  const events = data.events.filter(
    (e) => e.stationId !== null && (wanted === null || wanted.has(e.stationId)),
  )
  const stations = data.stations.filter((s) => wanted === null || wanted.has(s.id))
  if (needStation && stations.length === 0) throw new CliFailure('that station is not in the cache')
  // The app's end rule (`effectiveEnd`), from the end facts of all the data.
  const facts = endFacts(data.events, data.stations)
  const endOf = endAtNow(now, facts)
  return { events, stations, endOf, endFacts: facts, from, to, format }
}

import { referenceComparison } from '../../../shared/reference/compare'
import { referenceWords } from '../../../shared/reference/conflict-sentence'
import { dataChecksTable } from '../../../shared/quality/data-checks-csv'
import { dataFacts } from '../../../shared/quality/data-facts'
import { FLAG_KINDS, FLAG_LABELS } from '../../../shared/quality/data-flag'
import { readCliData } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { rowFormatFlag } from '../flags'
import { formatCsv, formatJson, formatTable } from '../output'
import {
  NO_REFERENCE_USAGE,
  readReferenceStays,
  REFERENCE_OPTION,
  REFERENCE_USAGE,
  referenceFiles,
} from '../reference-flags'

/** `quality`: the data checks' flags, each with its events and a sentence. */
export const qualityCommand: Command = {
  name: 'quality',
  summary: 'doubts in the data: overlaps, impossible times, stale open dockings, duplicates',
  usage: `usage: cli quality [--reference FILE | --no-reference] [--json | --csv] [--db FILE]
  Each doubt says what the reference compilations bundled with the app (Mir; Salyut 6 and 7)
  have of its records, as the app's panels do, unless given others or none.
${REFERENCE_USAGE}
${NO_REFERENCE_USAGE}
  --json   rows {kind, eventIds, message} (and reference, a list of sentences)
  --csv    columns kind, event_ids (separated by ;), message (and reference)
${COMMON_USAGE}
Kinds: ${FLAG_KINDS.join(', ')}.
The table ends with the count of each kind, "0 found" for a clean one.`,
  options: {
    ...COMMON_OPTIONS,
    ...REFERENCE_OPTION,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const format = rowFormatFlag(flags)
    const files = referenceFiles(flags)
    const stays = files.length > 0 ? readReferenceStays(files) : null
    const data = readCliData(flags, ctx)
    const { checks } = dataFacts(data, ctx.now())
    // Against all events, not the flagged few: a record left out would make its reference stay look missing.
    const comparison = stays && referenceComparison(data.events, { sets: [], stays })
    const words = comparison && ((ids: ReadonlyArray<number>) => referenceWords(ids, comparison))
    if (format === 'csv') {
      const { columns, rows } = dataChecksTable(checks.flags, words)
      return (ctx.out(formatCsv(columns, rows)), 0)
    }
    const rows = checks.flags.map((f) => ({
      kind: f.kind,
      eventIds: [...f.eventIds],
      message: f.message,
      ...(words && { reference: words(f.eventIds) }),
    }))
    if (format === 'json') return (ctx.out(formatJson(rows)), 0)
    const cells = rows.map((r) => [
      r.kind,
      r.eventIds.join(' '),
      r.reference?.length ? `${r.message} Reference: ${r.reference.join(' ')}` : r.message,
    ])
    ctx.out(formatTable(['kind', 'events', 'message'], cells, '(no doubts found)'))
    const summary = FLAG_KINDS.map((k) => {
      const n = checks.counts[k]
      return `  ${k.padEnd(26)} ${n === 0 ? '0 found' : String(n)}  (${FLAG_LABELS[k]})`
    })
    const n = checks.flags.length
    ctx.out(`\n${n} ${n === 1 ? 'flag' : 'flags'} by kind:\n${summary.join('\n')}\n`)
    return 0
  },
}

import { dataFacts } from '../../../shared/quality/data-facts'
import { FLAG_KINDS, FLAG_LABELS } from '../../../shared/quality/data-flag'
import { readCliData } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { rowFormatFlag } from '../flags'
import { formatCsv, formatJson, formatTable } from '../output'

/** `quality`: the data checks' flags, each with its events and a sentence. */
export const qualityCommand: Command = {
  name: 'quality',
  summary: 'doubts in the data: overlaps, impossible times, stale open dockings, duplicates',
  usage: `usage: cli quality [--json | --csv] [--db FILE]
  --json   rows {kind, eventIds, message}
  --csv    columns kind, event_ids (separated by ;), message
${COMMON_USAGE}
Kinds: ${FLAG_KINDS.join(', ')}.
The table ends with the count of each kind, "0 found" for a clean one.`,
  options: {
    ...COMMON_OPTIONS,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const format = rowFormatFlag(flags)
    const { checks } = dataFacts(readCliData(flags, ctx), ctx.now())
    const rows = checks.flags.map((f) => ({
      kind: f.kind,
      eventIds: [...f.eventIds],
      message: f.message,
    }))
    if (format === 'json') return (ctx.out(formatJson(rows)), 0)
    if (format === 'csv') {
      const cells = rows.map((r) => [r.kind, r.eventIds.join(';'), r.message])
      return (ctx.out(formatCsv(['kind', 'event_ids', 'message'], cells)), 0)
    }
    const cells = rows.map((r) => [r.kind, r.eventIds.join(' '), r.message])
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

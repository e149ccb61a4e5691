import { compareWithReference } from '../../../shared/reference/compare'
import {
  CONFLICT_ROW_COLUMNS,
  conflictsCsv,
  toConflictRow,
} from '../../../shared/reference/conflict-row'
import { countNoun } from '../../../shared/format/count-noun'
import {
  CONFLICT_KINDS,
  countConflicts,
  type ConflictKind,
} from '../../../shared/reference/source-conflict'
import { readCliData } from '../cli-context'
import { CliFailure, UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, strs } from '../flags'
import { formatJson, formatTable } from '../output'
import {
  BUNDLED_REFERENCE_DIR,
  readReferenceStays,
  REFERENCE_OPTION,
  REFERENCE_USAGE,
  referenceFiles,
} from '../reference-flags'

const isKind = (k: string): k is ConflictKind =>
  (CONFLICT_KINDS as ReadonlyArray<string>).includes(k)

/** `compare --reference FILE`: where the cached LL2 records and a reference disagree. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'where the LL2 records and a reference compilation disagree',
  usage: `usage: cli compare [--reference FILE] [--kind KIND] [--json | --csv] [--db FILE]
  Compares with the reference compilations bundled with the app (Mir; Salyut 6 and 7), as
  its Source conflicts panel does, unless given others.
${REFERENCE_USAGE}
  --kind KIND       only this kind (repeatable): ${CONFLICT_KINDS.join(', ')}
  --json            rows {${CONFLICT_ROW_COLUMNS.join(', ')}}
  --csv             the same rows as CSV, and the reference's sources, as the app's panel exports
${COMMON_USAGE}
Records match on vehicle and station with dockings within 2 days; times differ only beyond
both records' precision; ports compare by side. Times are UTC.`,
  options: {
    ...COMMON_OPTIONS,
    reference: REFERENCE_OPTION.reference,
    kind: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const files = referenceFiles(flags)
    if (files.length === 0)
      throw new CliFailure(`no reference files in ${BUNDLED_REFERENCE_DIR}: give --reference FILE`)
    const kinds = strs(flags, 'kind')
    const bad = kinds.find((k) => !isKind(k))
    if (bad !== undefined)
      throw new UsageError(`--kind ${bad}: expected one of ${CONFLICT_KINDS.join(', ')}`)
    if (bool(flags, 'json') && bool(flags, 'csv'))
      throw new UsageError('--json and --csv: choose one')
    const stays = readReferenceStays(files)
    const data = readCliData(flags, ctx)
    const wanted = new Set(kinds)
    const conflicts = compareWithReference(data.events, { sets: [], stays }).filter(
      (c) => wanted.size === 0 || wanted.has(c.kind),
    )
    if (bool(flags, 'csv')) {
      ctx.out(conflictsCsv(conflicts))
      return 0
    }
    const rows = conflicts.map(toConflictRow)
    if (bool(flags, 'json')) {
      ctx.out(formatJson(rows))
      return 0
    }
    ctx.out(
      formatTable(
        CONFLICT_ROW_COLUMNS,
        rows.map((r) => CONFLICT_ROW_COLUMNS.map((c) => r[c])),
        '(no conflicts)',
      ),
    )
    const counts = countConflicts(conflicts)
    const shown = CONFLICT_KINDS.filter((k) => wanted.size === 0 || wanted.has(k))
    ctx.out(
      `${countNoun(conflicts.length, 'conflict')}: ${shown.map((k) => `${k} ${counts[k]}`).join(', ')}\n`,
    )
    return 0
  },
}

import { formatBytes } from '../../../shared/format/byte-size'
import { Ll2FormatError } from '../../../shared/ll2/ingest'
import { importRecordsOf, MAX_IMPORT_BYTES, MAX_JSON_DEPTH } from '../../../shared/ll2/import-input'
import { describeImport } from '../../../shared/ll2/import-report'
import { importRecords } from '../../import/import-service'
import { BUNDLED_SNAPSHOT, defaultDbFile, openCliCache } from '../cli-context'
import { CliFailure } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { readImportFile } from '../import-limits'
import { formatJson } from '../output'

/** Runs `fn`, turning a refused file into the CLI's failure. */
function refusingBadInput<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof Ll2FormatError) throw new CliFailure(`${e.message}; nothing was imported`)
    throw e
  }
}

/** `import FILE`: stores docking events from an LL2 page or list of records. */
export const importCommand: Command = {
  name: 'import',
  summary: 'store docking events from a file (an LL2 page, a list of records or one record)',
  usage: `usage: cli import FILE [--db FILE] [--json]
  FILE            JSON: an LL2 docking_events page, a list of records or one record
  --json          print the outcome as JSON
${COMMON_USAGE}
LL2 2.1.0, 2.2.0 and 2.3.0 records are accepted (pages or plain lists, normal or detailed),
through the same import as the app's "Import…". LL2 ids are stable: a record whose id is
stored replaces it in place, the rest are added, and nothing is removed. All records are
checked first; one malformed record rejects the file and nothing is stored. A record that
cannot be placed (no docking time, no known station or port) is not stored; the count and
reasons are reported.
Files over ${formatBytes(MAX_IMPORT_BYTES)} or nested deeper than ${MAX_JSON_DEPTH} levels are refused.`,
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
  positionals: 1,
  async run(flags, [file], ctx) {
    if (file === undefined) throw new CliFailure('import needs a FILE')
    const text = readImportFile(file)
    const report = refusingBadInput(() => {
      // Checked before the cache opens: a file refused leaves no new cache behind.
      const records = importRecordsOf(text, file)
      const cache = openCliCache(
        str(flags, 'db') ?? defaultDbFile(),
        ctx,
        !bool(flags, 'no-snapshot'),
      )
      try {
        return importRecords({ cache, snapshotFile: BUNDLED_SNAPSHOT, now: ctx.now }, file, records)
      } finally {
        cache.close()
      }
    })
    ctx.out(bool(flags, 'json') ? formatJson(report) : `${describeImport(report)}\n`)
    return 0
  },
}

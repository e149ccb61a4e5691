import {
  describeUnplaced,
  ingestRecords,
  Ll2FormatError,
  recordsOf,
} from '../../../shared/ll2/ingest'
import { formatBytes } from '../../ll2/http-request'
import { stationDirectoryFor } from '../../snapshot'
import { BUNDLED_SNAPSHOT, defaultDbFile, openCliCache } from '../cli-context'
import { CliFailure } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { checkJsonDepth, MAX_IMPORT_BYTES, MAX_JSON_DEPTH, readImportFile } from '../import-limits'
import { formatJson } from '../output'

/** `import FILE`: stores docking events from an LL2 page or list of records. */
export const importCommand: Command = {
  name: 'import',
  summary: 'store docking events from a file (an LL2 page, a list of records or one record)',
  usage: `usage: cli import FILE [--db FILE] [--json]
  FILE            JSON: an LL2 docking_events page, a list of records or one record
  --json          print the outcome as JSON
${COMMON_USAGE}
LL2 2.1.0, 2.2.0 and 2.3.0 records are accepted (pages or plain lists). All records are
checked first; one malformed record rejects the file and nothing is stored. A record that
cannot be placed (no docking time, no known station or port) is not stored; the count and
reasons are reported.
Files over ${formatBytes(MAX_IMPORT_BYTES)} or nested deeper than ${MAX_JSON_DEPTH} levels are refused.`,
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
  positionals: 1,
  async run(flags, [file], ctx) {
    if (file === undefined) throw new CliFailure('import needs a FILE')
    const text = readImportFile(file)
    checkJsonDepth(text, file)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch (e) {
      throw new CliFailure(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
    }
    const records = (() => {
      try {
        return recordsOf(body, file)
      } catch (e) {
        if (e instanceof Ll2FormatError) throw new CliFailure(`${e.message}; nothing was imported`)
        throw e
      }
    })()
    const cache = openCliCache(
      str(flags, 'db') ?? defaultDbFile(),
      ctx,
      !bool(flags, 'no-snapshot'),
    )
    let batch
    try {
      // 2.1.0 and 2.2.0 records name stations and ports only in words: the
      // LL2 2.3.0 station records (bundled, or synced) say which they are.
      const directory = stationDirectoryFor(cache, BUNDLED_SNAPSHOT, ctx.now())
      batch = ingestRecords(records, { source: 'import', fetchedAt: ctx.now() }, file, directory)
      cache.upsertEvents(batch.events, batch.ports, batch.stations)
    } catch (e) {
      if (e instanceof Ll2FormatError) throw new CliFailure(`${e.message}; nothing was imported`)
      throw e
    } finally {
      cache.close()
    }
    const unplacedByReason: Record<string, number> = {}
    for (const u of batch.unplaced)
      unplacedByReason[u.reason] = (unplacedByReason[u.reason] ?? 0) + 1
    const summary = {
      file,
      events: batch.events.length,
      ports: batch.ports.length,
      stations: batch.stations.length,
      unplaced: batch.unplaced.length,
      unplacedByReason,
      unplacedRecords: batch.unplaced,
    }
    const notPlaced = batch.unplaced.length
      ? ` ${batch.unplaced.length} records were not stored, as they cannot be placed: ${describeUnplaced(batch.unplaced)}.\n`
      : ''
    ctx.out(
      bool(flags, 'json')
        ? formatJson(summary)
        : `Imported ${summary.events} docking events (${summary.ports} ports, ${summary.stations} stations) from ${file}.\n${notPlaced}`,
    )
    return 0
  },
}

import fs from 'node:fs'

import { ingestRecords, Ll2FormatError, recordsOf } from '../../../shared/ll2/ingest'
import { defaultDbFile, openCliCache } from '../cli-context'
import { CliFailure } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { formatJson } from '../output'

/** `import FILE`: stores docking events from an LL2 page or list of records. */
export const importCommand: Command = {
  name: 'import',
  summary: 'store docking events from a file (an LL2 page, a list of records or one record)',
  usage: `usage: cli import FILE [--db FILE] [--json]
  FILE            JSON: an LL2 docking_events page, a list of records or one record
  --json          print the outcome as JSON
${COMMON_USAGE}
All records are checked first; one bad record rejects the file and nothing is stored.`,
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
  positionals: 1,
  async run(flags, [file], ctx) {
    if (file === undefined) throw new CliFailure('import needs a FILE')
    let text: string
    try {
      text = fs.readFileSync(file, 'utf8')
    } catch (e) {
      throw new CliFailure(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch (e) {
      throw new CliFailure(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
    }
    let batch
    try {
      batch = ingestRecords(recordsOf(body, file), { source: 'import', fetchedAt: ctx.now() }, file)
    } catch (e) {
      if (e instanceof Ll2FormatError) throw new CliFailure(`${e.message}; nothing was imported`)
      throw e
    }
    const cache = openCliCache(
      str(flags, 'db') ?? defaultDbFile(),
      ctx,
      !bool(flags, 'no-snapshot'),
    )
    try {
      cache.upsertEvents(batch.events, batch.ports, batch.stations)
    } finally {
      cache.close()
    }
    const summary = {
      file,
      events: batch.events.length,
      ports: batch.ports.length,
      stations: batch.stations.length,
    }
    ctx.out(
      bool(flags, 'json')
        ? formatJson(summary)
        : `Imported ${summary.events} docking events (${summary.ports} ports, ${summary.stations} stations) from ${file}.\n`,
    )
    return 0
  },
}

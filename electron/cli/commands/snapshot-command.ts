import fs from 'node:fs'
import path from 'node:path'

import { ingestRecords } from '../../../shared/ll2/ingest'
import { LL2_PATHS } from '../../../shared/ll2/paths'
import { toIsoUtc } from '../../../shared/domain/units'
import { clockUtc } from '../../../shared/time/time-format'
import { createLl2Client, realSleep } from '../../ll2/ll2-client'
import { fetchPage } from '../../ll2/ll2-pages'
import { explainLl2Error } from '../../sync/sync-errors'
import { API_KEY_OPTIONS, API_KEY_USAGE, cliApiKey } from '../api-key-input'
import { defaultDbFile, openCliCache } from '../cli-context'
import { CliFailure, UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { baseUrlFlag, clientTuning, warnIfKeyWithheld } from '../server-flags'

/** `snapshot`: builds the file the app bundles from an LL2 server. */
export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'build a snapshot file (the data the app bundles) from an LL2 server',
  usage: `usage: cli snapshot --base-url URL --out FILE [--ask-key] [--no-wait] [--db FILE]
  --base-url URL   LL2 server to read
  --out FILE       where to write the snapshot (an LL2 page with every record)
  --no-wait        stop instead of waiting when the rate limit is used up
  --timeout SECS   per-request timeout (default 30)
${API_KEY_USAGE}
${COMMON_USAGE}
The cache file only keeps the rate-limit state and request log; its data is not changed.`,
  options: {
    ...COMMON_OPTIONS,
    'base-url': { type: 'string' },
    out: { type: 'string' },
    ...API_KEY_OPTIONS,
    'no-wait': { type: 'boolean' },
    timeout: { type: 'string' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const baseUrl = baseUrlFlag(flags)
    const out = str(flags, 'out')
    if (baseUrl === undefined) throw new UsageError('snapshot needs --base-url URL')
    if (out === undefined) throw new UsageError('snapshot needs --out FILE')
    if (!fs.existsSync(path.dirname(path.resolve(out)))) {
      throw new CliFailure(`cannot write ${out}: the folder ${path.dirname(out)} does not exist`)
    }
    const apiKey = await cliApiKey(flags, ctx)
    warnIfKeyWithheld(apiKey, baseUrl, ctx)
    const cache = openCliCache(str(flags, 'db') ?? defaultDbFile(), ctx, false)
    try {
      const client = createLl2Client({
        fetch: ctx.fetch,
        now: ctx.now,
        sleep: realSleep,
        cache,
        baseUrl,
        apiKey: apiKey ?? null,
        userAgent: `DockingTimeline/${ctx.version}`,
        ...clientTuning(flags, ctx.env),
      })
      const records: unknown[] = []
      let next: string | null = LL2_PATHS.events()
      try {
        while (next !== null) {
          const page = await fetchPage(client, next, {
            signal: ctx.signal,
            wait: !bool(flags, 'no-wait'),
            onWait: (until) =>
              ctx.err(`waiting for the rate limit until ${clockUtc(until, ctx.now())}\n`),
          })
          // Validated like a sync's page, so a snapshot never holds a record the app would reject.
          ingestRecords(page.results, { source: 'll2', fetchedAt: ctx.now() }, page.url)
          records.push(...page.results)
          next = page.next
          ctx.err(`${records.length} of ${page.count} records\n`)
        }
      } catch (e) {
        throw new CliFailure(`${explainLl2Error(e, baseUrl).message} No snapshot was written.`)
      }
      const body = {
        source: `Launch Library 2 (The Space Devs), ${baseUrl}, fetched ${toIsoUtc(ctx.now())}.`,
        count: records.length,
        next: null,
        previous: null,
        results: records,
      }
      // Write beside the target, then rename: a crash never leaves half a snapshot.
      const temp = `${out}.partial-${process.pid}`
      fs.writeFileSync(temp, `${JSON.stringify(body, null, 1)}\n`)
      fs.renameSync(temp, out)
      ctx.out(`Wrote ${records.length} docking events from ${baseUrl} to ${out}.\n`)
      return 0
    } finally {
      cache.close()
    }
  },
}

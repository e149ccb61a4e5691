import type { UtcMillis } from '../../../shared/domain/units'
import type { SyncStatus } from '../../../shared/ipc/contract'
import { describeChanges, describePlan, describeStored } from '../../../shared/sync/sync-text'
import { LL2_PRODUCTION_URL } from '../../app-services'
import { createApiKeyStore, NO_SECRET_BOX } from '../../ll2/api-key-store'
import { createSyncService } from '../../sync/sync-service'
import { API_KEY_OPTIONS, API_KEY_USAGE, cliApiKey } from '../api-key-input'
import { defaultDbFile, openCliCache } from '../cli-context'
import { UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { formatJson } from '../output'
import { baseUrlFlag, clientTuning, warnIfKeyWithheld } from '../server-flags'
import { countNoun } from '../../../shared/format/count-noun'
import { clockUtc } from '../../../shared/time/time-format'

const describe = (s: SyncStatus, now: UtcMillis): string => {
  if (s.state === 'waiting' && s.waitingUntil !== null) {
    return `waiting for the rate limit until ${clockUtc(s.waitingUntil, now)}`
  }
  return `requests ${s.pagesDone}/${s.pagesTotal ?? '?'}, ${describeStored(s)} stored`
}

/** `sync`: full or incremental sync from LL2 into the cache. */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'fetch docking data from Launch Library 2 into the cache (resumes an unfinished sync)',
  usage: `usage: cli sync [--full | --incremental] [--base-url URL] [--ask-key] [--no-wait] [--db FILE]
  --full            fetch everything (replaces the bundled snapshot when it completes)
  --incremental     only what changed since the last sync (default; a first sync is full)
  --base-url URL    LL2 server for this run (default: the app's setting, else ${LL2_PRODUCTION_URL})
  --no-wait         stop instead of waiting when the rate limit is used up
  --timeout SECS    per-request timeout (default 30)
  --json            print the final status as JSON
${API_KEY_USAGE}
${COMMON_USAGE}
Anonymous LL2 allows 15 requests an hour; a sync waits for the budget rather than exceed it.
Interrupted syncs (Ctrl-C, network loss) resume from the last stored page.`,
  options: {
    ...COMMON_OPTIONS,
    full: { type: 'boolean' },
    incremental: { type: 'boolean' },
    'base-url': { type: 'string' },
    ...API_KEY_OPTIONS,
    'no-wait': { type: 'boolean' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    if (bool(flags, 'full') && bool(flags, 'incremental')) {
      throw new UsageError('choose one of --full and --incremental')
    }
    const baseUrl = baseUrlFlag(flags)
    const apiKey = await cliApiKey(flags, ctx)
    warnIfKeyWithheld(apiKey, baseUrl, ctx)
    const tuning = clientTuning(flags, ctx.env)
    const cache = openCliCache(
      str(flags, 'db') ?? defaultDbFile(),
      ctx,
      !bool(flags, 'no-snapshot'),
    )
    let last = ''
    try {
      const service = createSyncService({
        cache,
        now: ctx.now,
        fetch: ctx.fetch,
        defaultBaseUrl: LL2_PRODUCTION_URL,
        userAgent: `DockingTimeline/${ctx.version}`,
        ...tuning,
        emit: (channel, payload) => {
          if (channel !== 'dt:sync:progress') return
          const status = payload as SyncStatus
          if (status.state !== 'running' && status.state !== 'waiting') return
          const line = describe(status, ctx.now())
          if (line !== last) ctx.err(`${line}\n`)
          last = line
        },
      })
      const target = baseUrl ?? service.getSettings().baseUrl
      if (
        apiKey === undefined &&
        createApiKeyStore(cache, NO_SECRET_BOX, LL2_PRODUCTION_URL).storageFor(target) ===
          'encrypted'
      ) {
        ctx.err(
          'The API key the app saved is sealed by the system keychain, which the CLI cannot open; syncing without it (set DT_LL2_API_KEY to use a key).\n',
        )
      }
      const plan = await service
        .plan(bool(flags, 'full') ? 'full' : 'incremental', { baseUrl, apiKey, signal: ctx.signal })
        .catch(() => null)
      // The same sentence the sync dialog shows, "at least" and all.
      if (plan) ctx.err(`plan: ${describePlan(plan)}\n`)
      const status = await service.run(bool(flags, 'full') ? 'full' : 'incremental', {
        signal: ctx.signal,
        wait: !bool(flags, 'no-wait'),
        baseUrl,
        apiKey,
      })
      if (bool(flags, 'json')) ctx.out(formatJson(status))
      if (status.state === 'done') {
        if (!bool(flags, 'json')) {
          const info = cache.readData().info
          ctx.out(
            `Sync done: ${countNoun(status.pagesDone, 'request')}, ${describeStored(status)} fetched from ${status.baseUrl} (${describeChanges(status.changes)}). The cache holds ${countNoun(info.eventCount, 'event')} (${info.provenance}).\n`,
          )
        }
        return 0
      }
      if (status.state === 'cancelled') {
        ctx.err('Sync cancelled; run sync again to continue where it stopped.\n')
        return 130
      }
      ctx.err(
        `Sync failed: ${status.error ?? 'unknown error'}\nEverything stored so far is kept; run sync again to continue from there.\n`,
      )
      return 1
    } finally {
      cache.close()
    }
  },
}

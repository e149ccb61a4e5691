import { SNAPSHOT_LOADED_KEY } from '../../snapshot'
import { toIsoUtc, utcMillis } from '../../../shared/units'
import { LL2_PRODUCTION_URL } from '../../app-services'
import { clientStateKeys, createLl2Client } from '../../ll2/ll2-client'
import { remainingOf } from '../../ll2/rate-budget'
import { SYNC_STATE_KEYS } from '../../sync/sync-service'
import { defaultDbFile, openCliCache } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { formatJson } from '../output'
import { apiKeyFlag, baseUrlFlag } from '../server-flags'

const time = (raw: string | null): string | null =>
  raw !== null && Number.isFinite(Number(raw)) ? toIsoUtc(Number(raw)) : null

/** `status`: counts, sources, last sync and the rate-limit budget. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'counts, sources, last sync and rate-limit budget',
  usage: `usage: cli status [--check] [--base-url URL] [--json] [--db FILE]
  --check           ask the server's api-throttle for the budget now (does not count)
  --base-url URL    server to ask with --check (default: the app's setting)
  --json            print as JSON
${COMMON_USAGE}`,
  options: {
    ...COMMON_OPTIONS,
    check: { type: 'boolean' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const cache = openCliCache(
      str(flags, 'db') ?? defaultDbFile(),
      ctx,
      !bool(flags, 'no-snapshot'),
    )
    try {
      const baseUrl =
        baseUrlFlag(flags) ?? cache.getState(SYNC_STATE_KEYS.baseUrl) ?? LL2_PRODUCTION_URL
      const keys = clientStateKeys(baseUrl)
      if (bool(flags, 'check')) {
        const client = createLl2Client({
          fetch: ctx.fetch,
          now: ctx.now,
          sleep: async () => undefined,
          cache,
          baseUrl,
          apiKey: apiKeyFlag(flags, ctx.env) ?? cache.getState(SYNC_STATE_KEYS.apiKey),
          userAgent: `DockingTimeline/${ctx.version}`,
        })
        if ((await client.readBudget(ctx.signal)) === null) {
          ctx.err(`${baseUrl} did not say its budget (no api-throttle answer).\n`)
        }
      }
      const info = cache.readData().info
      const budgetRaw = cache.getState(keys.budget)
      const budget =
        budgetRaw === null
          ? null
          : (JSON.parse(budgetRaw) as {
              limit: number
              windowSecs: number
              currentUse: number
              nextUseSecs: number
              checkedAt: number
            })
      const blocked = Number(cache.getState(keys.blockedUntil))
      const job = cache.getState(SYNC_STATE_KEYS.job)
      const pending =
        job === null
          ? null
          : (JSON.parse(job) as { kind: string; requestsDone: number; eventsStored: number })
      const report = {
        events: info.eventCount,
        stations: info.stationCount,
        ports: info.portCount,
        sources: info.sources,
        provenance: info.provenance,
        dataAsOf: info.dataAsOf === null ? null : toIsoUtc(info.dataAsOf),
        snapshotLoaded: time(cache.getState(SNAPSHOT_LOADED_KEY)),
        lastFullSync: time(cache.getState(SYNC_STATE_KEYS.lastFullSync)),
        lastIncrementalSync: time(cache.getState(SYNC_STATE_KEYS.lastIncrementalSync)),
        lastSyncSource: cache.getState(SYNC_STATE_KEYS.lastSource),
        lastError: cache.getState(SYNC_STATE_KEYS.lastError),
        unfinishedSync: pending,
        baseUrl,
        hasApiKey: cache.getState(SYNC_STATE_KEYS.apiKey) !== null,
        budget: budget && {
          limit: budget.limit,
          windowSecs: budget.windowSecs,
          remaining: remainingOf(budget),
          checkedAt: toIsoUtc(budget.checkedAt),
        },
        blockedUntil: Number.isFinite(blocked) && blocked > ctx.now() ? toIsoUtc(blocked) : null,
        requestsLastHour: cache.countedRequestsSince(utcMillis(ctx.now() - 3_600_000)),
      }
      if (bool(flags, 'json')) {
        ctx.out(formatJson(report))
        return 0
      }
      const sources =
        Object.entries(report.sources)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      const lines = [
        `Events:        ${report.events} (${sources})`,
        `Stations:      ${report.stations}, ports: ${report.ports}`,
        `Data:          ${report.provenance}`,
        `Data as of:    ${report.dataAsOf ?? 'never synced'}`,
        `Last full:     ${report.lastFullSync ?? 'never'}${report.lastSyncSource ? ` from ${report.lastSyncSource}` : ''}`,
        `Last incr.:    ${report.lastIncrementalSync ?? 'never'}`,
        `Unfinished:    ${pending ? `${pending.kind} sync, ${pending.requestsDone} requests done, ${pending.eventsStored} events stored (run sync to continue)` : 'none'}`,
        `Server:        ${baseUrl}${report.hasApiKey ? ' (API key set)' : ''}`,
        `Budget:        ${report.budget ? `${report.budget.remaining} of ${report.budget.limit} per ${report.budget.windowSecs / 60} min left (checked ${report.budget.checkedAt})` : 'unknown (run status --check)'}`,
        `Blocked until: ${report.blockedUntil ? `${report.blockedUntil}` : 'not blocked'}`,
        `Requests in the last hour: ${report.requestsLastHour}`,
        ...(report.lastError ? [`Last error:    ${report.lastError}`] : []),
      ]
      ctx.out(`${lines.join('\n')}\n`)
      return 0
    } finally {
      cache.close()
    }
  },
}

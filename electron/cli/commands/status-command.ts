import { toIsoUtc, utcMillis, type UtcMillis } from '../../../shared/domain/units'
import { LL2_PRODUCTION_URL } from '../../app-services'
import { createApiKeyStore, NO_SECRET_BOX, type ApiKeyStorage } from '../../ll2/api-key-store'
import { createLl2Client } from '../../ll2/ll2-client'
import { remainingOf } from '../../ll2/rate-budget'
import { API_KEY_OPTIONS, API_KEY_USAGE, cliApiKey } from '../api-key-input'
import { defaultDbFile, openCliCache } from '../cli-context'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, str } from '../flags'
import { formatJson } from '../output'
import { baseUrlFlag } from '../server-flags'
import { countNoun } from '../../../shared/format/count-noun'

const KEY_NOTE: Record<ApiKeyStorage, string> = {
  none: '',
  encrypted: ' (API key saved, encrypted by the app; the CLI cannot read it: set DT_LL2_API_KEY)',
  unencrypted: ' (API key saved, stored unencrypted: no system keychain)',
}

const time = (t: UtcMillis | null): string | null => (t === null ? null : toIsoUtc(t))

/** `status`: counts, sources, last sync and the rate-limit budget. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'counts, sources, last sync and rate-limit budget',
  usage: `usage: cli status [--check] [--base-url URL] [--json] [--db FILE]
  --check           ask the server's api-throttle for the budget now (does not count)
  --base-url URL    server to ask with --check (default: the app's setting)
${API_KEY_USAGE}
  --json            print as JSON
${COMMON_USAGE}`,
  options: {
    ...COMMON_OPTIONS,
    check: { type: 'boolean' },
    'base-url': { type: 'string' },
    ...API_KEY_OPTIONS,
    json: { type: 'boolean' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const runKey = await cliApiKey(flags, ctx)
    const cache = openCliCache(
      str(flags, 'db') ?? defaultDbFile(),
      ctx,
      !bool(flags, 'no-snapshot'),
    )
    try {
      const state = cache.state
      const baseUrl = baseUrlFlag(flags) ?? state.get('baseUrl') ?? LL2_PRODUCTION_URL
      const savedKeys = createApiKeyStore(cache, NO_SECRET_BOX, LL2_PRODUCTION_URL)
      const keyStorage = savedKeys.storageFor(baseUrl)
      if (bool(flags, 'check')) {
        const client = createLl2Client({
          fetch: ctx.fetch,
          now: ctx.now,
          sleep: async () => undefined,
          cache,
          baseUrl,
          apiKey: runKey ?? savedKeys.keyFor(baseUrl),
          userAgent: `DockingTimeline/${ctx.version}`,
        })
        if ((await client.readBudget(ctx.signal)) === null) {
          ctx.err(`${baseUrl} did not say its budget (no api-throttle answer).\n`)
        }
      }
      const info = cache.readData().info
      const budget = state.getForServer(baseUrl, 'budget')
      const blocked = state.getForServer(baseUrl, 'blockedUntil')
      const job = state.get('job')
      const pending = job && {
        kind: job.kind,
        requestsDone: job.requestsDone,
        eventsStored: job.eventsStored,
        expeditionsStored: job.expeditionsStored ?? 0,
      }
      const report = {
        events: info.eventCount,
        stations: info.stationCount,
        ports: info.portCount,
        expeditions: cache.readExpeditions().length,
        sources: info.sources,
        provenance: info.provenance,
        dataAsOf: info.dataAsOf === null ? null : toIsoUtc(info.dataAsOf),
        snapshotLoaded: time(state.get('snapshotLoaded')),
        lastFullSync: time(state.get('lastFullSync')),
        lastIncrementalSync: time(state.get('lastIncrementalSync')),
        lastSyncSource: state.get('lastSource'),
        lastError: state.get('lastError'),
        unfinishedSync: pending,
        baseUrl,
        hasApiKey: keyStorage !== 'none',
        apiKeyStorage: keyStorage,
        budget: budget && {
          limit: budget.limit,
          windowSecs: budget.windowSecs,
          remaining: remainingOf(budget),
          checkedAt: toIsoUtc(budget.checkedAt),
        },
        blockedUntil: blocked !== null && blocked > ctx.now() ? toIsoUtc(blocked) : null,
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
        `Expeditions:   ${report.expeditions} (bundled and synced, one per LL2 id)`,
        `Data:          ${report.provenance}`,
        `Data as of:    ${report.dataAsOf ?? 'never synced'}`,
        `Last full:     ${report.lastFullSync ?? 'never'}${report.lastSyncSource ? ` from ${report.lastSyncSource}` : ''}`,
        `Last incr.:    ${report.lastIncrementalSync ?? 'never'}`,
        `Unfinished:    ${pending ? `${pending.kind} sync, ${countNoun(pending.requestsDone, 'request')} done, ${countNoun(pending.eventsStored, 'event')} and ${countNoun(pending.expeditionsStored, 'expedition')} stored (run sync to continue)` : 'none'}`,
        `Server:        ${baseUrl}${KEY_NOTE[keyStorage]}`,
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

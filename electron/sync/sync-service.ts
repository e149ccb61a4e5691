/**
 * Full and incremental sync with Launch Library 2: the runner.
 *
 * What a sync asks for and what each answer changes is the pure job machine
 * of `shared/sync/sync-job.ts`; this module only fetches, commits each step's
 * writes and the job's new position in one transaction (so a killed process
 * loses nothing committed and the next sync resumes where the last one
 * stopped), and pushes progress. The plan (requests, time given the budget)
 * is computed before the first counted request and pushed with every change.
 */
import type { DockingCache } from '../../shared/cache/docking-cache'
import {
  DETAIL_TIMEOUT_MS,
  type PushChannels,
  type SyncKind,
  type SyncPlan,
  type SyncSettings,
  type SyncSettingsUpdate,
  type SyncStatus,
} from '../../shared/ipc/contract'
import { Ll2FormatError } from '../../shared/ll2/ingest'
import { LL2_PATHS } from '../../shared/ll2/paths'
import { describeIssue, ll2DockingEventSchema } from '../../shared/ll2/schema'
import {
  addChanges,
  NO_CHANGES,
  applyAnswer,
  finishOf,
  jobFor,
  nextRequest,
  type SyncAnswer,
  type SyncJob,
  type SyncRequest,
  type SyncWrites,
} from '../../shared/sync/sync-job'
import { requestsAreKnown, requestsLeft } from '../../shared/sync/sync-plan'
import type { UtcMillis } from '../../shared/domain/units'
import { CodedError } from '../app-error'
import { createApiKeyStore, mayCarryKey, NO_SECRET_BOX, type SecretBox } from '../ll2/api-key-store'
import type { FetchLike } from '../ll2/http-request'
import {
  createLl2Client,
  realSleep,
  type Ll2Client,
  type RequestOptions,
  type Sleep,
} from '../ll2/ll2-client'
import { CancelledError, Ll2HttpError, ScarceBudgetError } from '../ll2/ll2-errors'
import { fetchPage } from '../ll2/ll2-pages'
import { estimateMs, isScarce, remainingOf, type ThrottleInfo } from '../ll2/rate-budget'
import { explainLl2Error } from './sync-errors'

/** Rough time per request for plans, network and LL2's slow pages included. */
const PER_REQUEST_MS = 1_500

/** What the sync service needs from outside. */
export interface SyncDeps {
  readonly cache: DockingCache
  readonly now: () => UtcMillis
  readonly fetch: FetchLike
  /** Seals API keys at rest; default: none (plain Node), keys stored as typed. */
  readonly secretBox?: SecretBox
  readonly emit: <C extends keyof PushChannels>(channel: C, payload: PushChannels[C]) => void
  readonly defaultBaseUrl: string
  readonly userAgent: string
  /** Injected so tests wait out rate limits instantly; default real timers. */
  readonly sleep?: Sleep
  /** Client tuning (tests shorten these). */
  readonly timeoutMs?: number
  readonly backoffMs?: number
  readonly maxAttempts?: number
}

/** Options of one run. */
export interface RunOptions {
  readonly signal?: AbortSignal
  /** Wait out rate limits (default) or stop with an error saying when to come back. */
  readonly wait?: boolean
  /** Use these instead of the stored settings, for this run only (the CLI's flags). */
  readonly baseUrl?: string
  /** A key for this run (the CLI's DT_LL2_API_KEY); default: the key stored for the run's origin. */
  readonly apiKey?: string | null
}

/** Sync as the IPC handlers and the CLI see it. */
export interface SyncService {
  getSettings(): SyncSettings
  setSettings(update: SyncSettingsUpdate): SyncSettings
  getStatus(): SyncStatus
  /** The plan of a sync of `kind` (with `options`, for the CLI's per-run server). */
  plan(kind: SyncKind, options?: RunOptions): Promise<SyncPlan>
  /** Starts a sync in the background and returns at once; `busy` if one is running. */
  start(kind: SyncKind): SyncStatus
  cancel(): SyncStatus
  /** Runs a sync to its end; resolves with the final status (errors are in it, not thrown). */
  run(kind: SyncKind, options?: RunOptions): Promise<SyncStatus>
  /** Resolves with the status once no sync is running. */
  idle(): Promise<SyncStatus>
  /**
   * Detailed record of one event, from LL2 (cached by the caller). Never waits
   * for the rate limit, and tries once, within DETAIL_TIMEOUT_MS a request:
   * someone is looking at the panel that waits for it (`signal` stops it).
   * With `unasked`, throws ScarceBudgetError rather than spend a scarce budget.
   */
  fetchDetail(
    id: number,
    options?: { readonly signal?: AbortSignal; readonly unasked?: boolean },
  ): Promise<unknown>
}

/** Fetches what `request` asks for; a re-checked record LL2 no longer has comes back as null. */
async function fetchAnswer(
  client: Ll2Client,
  request: SyncRequest,
  options: RequestOptions,
): Promise<SyncAnswer> {
  if (request.phase !== 'recheck') {
    return { phase: request.phase, page: await fetchPage(client, request.path, options) }
  }
  try {
    const { url, body } = await client.getJson(request.path, options)
    return { phase: 'recheck', eventId: request.eventId, url, record: body }
  } catch (e) {
    if (!(e instanceof Ll2HttpError && e.status === 404)) throw e
    return { phase: 'recheck', eventId: request.eventId, url: e.url, record: null }
  }
}

/**
 * Stores one step's writes and the job's position together, or neither;
 * returns the job with what the step changed counted in.
 */
function commit(cache: DockingCache, job: SyncJob, writes: SyncWrites): SyncJob {
  return cache.transaction(() => {
    if (writes.stationRecords.length > 0) cache.upsertStations(writes.stationRecords)
    const removed = writes.deleteEventIds.length > 0 ? cache.deleteEvents(writes.deleteEventIds) : 0
    const stored = cache.upsertEvents(writes.events, writes.ports, writes.stations)
    if (writes.expeditions) {
      cache.upsertExpeditions(writes.expeditions.records, writes.expeditions.fetchedAt)
    }
    const counted: SyncJob = {
      ...job,
      changes: addChanges(job.changes, { ...stored, removed, unplaced: writes.unplaced }),
    }
    cache.state.update({
      job: counted,
      ...(writes.locationCount === null ? {} : { locationCount: writes.locationCount }),
    })
    return counted
  })
}

/** Whether a step changed what the chart shows. */
const changesData = (writes: SyncWrites): boolean =>
  writes.events.length > 0 ||
  writes.stationRecords.length > 0 ||
  writes.deleteEventIds.length > 0 ||
  (writes.expeditions?.records.length ?? 0) > 0

/** Creates the sync service. */
export function createSyncService(deps: SyncDeps): SyncService {
  const { cache } = deps
  const state = cache.state
  const sleep = deps.sleep ?? realSleep
  let running: Promise<SyncStatus> | null = null
  let controller: AbortController | null = null
  let live: SyncStatus | null = null

  const baseUrl = () => state.get('baseUrl') ?? deps.defaultBaseUrl
  const keys = createApiKeyStore(cache, deps.secretBox ?? NO_SECRET_BOX, deps.defaultBaseUrl)
  const settings = (): SyncSettings => {
    const storage = keys.storageFor(baseUrl())
    return {
      baseUrl: baseUrl(),
      hasApiKey: storage !== 'none',
      apiKeyEncrypted: storage === 'encrypted',
    }
  }
  const known = () => ({
    eventCount: state.get('eventCount'),
    locationCount: state.get('locationCount'),
    expeditionCount: state.get('expeditionCount'),
  })
  const left = (job: SyncJob) => requestsLeft(job, known())

  const idleStatus = (): SyncStatus => {
    const job = state.get('job')
    return {
      state: 'idle',
      kind: job?.kind ?? null,
      plan: null,
      pagesDone: job?.requestsDone ?? 0,
      pagesTotal: null,
      eventsStored: job?.eventsStored ?? 0,
      expeditionsStored: job?.expeditionsStored ?? 0,
      changes: job?.changes ?? NO_CHANGES,
      waitingUntil: null,
      lastFullSync: state.get('lastFullSync'),
      lastIncrementalSync: state.get('lastIncrementalSync'),
      baseUrl: state.get('lastSource') ?? baseUrl(),
      error: state.get('lastError'),
    }
  }

  const makeClient = (
    options: RunOptions,
    tuning: { readonly timeoutMs?: number; readonly maxAttempts?: number } = {},
  ): Ll2Client => {
    const url = options.baseUrl ?? baseUrl()
    return createLl2Client({
      fetch: deps.fetch,
      now: deps.now,
      sleep,
      cache,
      baseUrl: url,
      apiKey: options.apiKey !== undefined ? options.apiKey : keys.keyFor(url),
      userAgent: deps.userAgent,
      timeoutMs: tuning.timeoutMs ?? deps.timeoutMs,
      backoffMs: deps.backoffMs,
      maxAttempts: tuning.maxAttempts ?? deps.maxAttempts,
    })
  }

  const jobOf = (kind: SyncKind, url: string): SyncJob =>
    jobFor(kind, url, {
      stored: state.get('job'),
      newestLl2Docking: cache.newestDocking('ll2'),
      cachedExpeditions: cache.readExpeditions(),
      now: deps.now(),
    })

  const planFor = async (
    job: SyncJob,
    client: Ll2Client,
    signal?: AbortSignal,
  ): Promise<SyncPlan> => {
    return planOf(job, await client.readBudget(signal))
  }
  const planOf = (job: SyncJob, budget: ThrottleInfo | null, doneBefore = 0): SyncPlan => {
    const requests = left(job)
    return {
      kind: job.kind,
      requests: requests + doneBefore,
      exact: requestsAreKnown(job, known()),
      budgetRemaining: budget ? remainingOf(budget) : null,
      estimatedMs: estimateMs(requests, budget, PER_REQUEST_MS),
    }
  }

  const plan = async (kind: SyncKind, options: RunOptions = {}): Promise<SyncPlan> => {
    const url = options.baseUrl ?? baseUrl()
    try {
      return await planFor(jobOf(kind, url), makeClient(options), options.signal)
    } catch (e) {
      throw explainLl2Error(e, url)
    }
  }

  const run = async (kind: SyncKind, options: RunOptions = {}): Promise<SyncStatus> => {
    const url = options.baseUrl ?? baseUrl()
    const client = makeClient(options)
    let job = jobOf(kind, url)
    const doneAtStart = job.requestsDone
    let status: SyncStatus = {
      ...idleStatus(),
      state: 'running',
      kind: job.kind,
      pagesDone: job.requestsDone,
      eventsStored: job.eventsStored,
      expeditionsStored: job.expeditionsStored ?? 0,
      changes: job.changes ?? NO_CHANGES,
      baseUrl: url,
      error: null,
    }
    const push = (change: Partial<SyncStatus>) => {
      status = { ...status, ...change }
      live = status
      deps.emit('dt:sync:progress', status)
    }
    const signal = options.signal
    const requestOptions: RequestOptions = {
      signal,
      wait: options.wait ?? true,
      onWait: (until: UtcMillis) => push({ state: 'waiting', waitingUntil: until }),
    }
    let dataChanged = false

    push({})
    try {
      const firstPlan = await planFor(job, client, signal)
      push({ plan: firstPlan, pagesTotal: job.requestsDone + firstPlan.requests })
      state.set('job', job)

      for (let request = nextRequest(job); request !== null; request = nextRequest(job)) {
        const answer = await fetchAnswer(client, request, requestOptions)
        const firstCount =
          (request.phase === 'events' && job.eventCount === null) ||
          (request.phase === 'expeditions' && (job.expeditionCount ?? null) === null)
        const step = applyAnswer(job, answer, {
          fetchedAt: deps.now(),
          openEventIds: request.phase === 'stations' ? cache.openEventIds('ll2') : [],
        })
        job = commit(cache, step.job, step.writes)
        dataChanged ||= changesData(step.writes)
        push({
          state: 'running',
          waitingUntil: null,
          pagesDone: job.requestsDone,
          eventsStored: job.eventsStored,
          expeditionsStored: job.expeditionsStored ?? 0,
          changes: job.changes ?? NO_CHANGES,
          pagesTotal: job.requestsDone + left(job),
        })
        // A list's first page gives LL2's count: the plan is exact once both have.
        if (status.plan && (firstCount || !status.plan.exact)) {
          push({ plan: planOf(job, client.knownBudget(), job.requestsDone - doneAtStart) })
        }
      }

      const finishedAt = deps.now()
      const finish = finishOf(job)
      // LL2 ids are stable: every page updated its records in place or added
      // them, so finishing deletes nothing (the snapshot's records included).
      cache.transaction(() => {
        state.update({
          ...(finish.eventCount === null ? {} : { eventCount: finish.eventCount }),
          ...(finish.expeditionCount === null ? {} : { expeditionCount: finish.expeditionCount }),
          ...(job.kind === 'full'
            ? { lastFullSync: finishedAt }
            : { lastIncrementalSync: finishedAt }),
          dataAsOf: finishedAt,
          lastSource: url,
          lastError: null,
          job: null,
        })
      })
      dataChanged = true
      push({
        state: 'done',
        waitingUntil: null,
        lastFullSync: state.get('lastFullSync'),
        lastIncrementalSync: state.get('lastIncrementalSync'),
        pagesTotal: job.requestsDone,
        pagesDone: job.requestsDone,
      })
    } catch (e) {
      const cancelled = e instanceof CancelledError || signal?.aborted === true
      const error = cancelled ? null : explainLl2Error(e, url).message
      state.set('lastError', error)
      push({ state: cancelled ? 'cancelled' : 'error', waitingUntil: null, error })
    } finally {
      if (dataChanged) deps.emit('dt:data:changed', cache.readData().info)
    }
    return status
  }

  const begin = (kind: SyncKind, options: RunOptions = {}): Promise<SyncStatus> => {
    if (running) throw new CodedError('busy', 'A sync is already running.')
    // One controller for the run, held here until it ends; the caller's signal
    // is forwarded by a listener rather than AbortSignal.any, whose combined
    // signal can be collected mid-run (nodejs/node#55428).
    const own = new AbortController()
    controller = own
    const forward = () => own.abort()
    options.signal?.addEventListener('abort', forward, { once: true })
    if (options.signal?.aborted) own.abort()
    const promise = run(kind, { ...options, signal: own.signal }).finally(() => {
      options.signal?.removeEventListener('abort', forward)
      running = null
      controller = null
    })
    running = promise
    return promise
  }

  return {
    getSettings: settings,
    setSettings(update) {
      const target = update.baseUrl ?? baseUrl()
      if (update.baseUrl !== undefined) {
        const parsed = new URL(update.baseUrl)
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
          throw new CodedError(
            'invalid-argument',
            'The LL2 address must start with https:// or http://.',
          )
        }
      }
      if (update.apiKey && !mayCarryKey(target)) {
        throw new CodedError(
          'invalid-argument',
          `Not saving an API key for ${new URL(target).origin}: a key is sent only over https (or plain http to this computer).`,
        )
      }
      // A key stays with the origin it was entered for; a new base URL starts without one.
      if (update.baseUrl !== undefined) state.set('baseUrl', update.baseUrl.replace(/\/+$/, ''))
      if (update.apiKey !== undefined) keys.set(target, update.apiKey || null)
      return settings()
    },
    getStatus: () => live ?? idleStatus(),
    plan,
    start(kind) {
      void begin(kind)
      return live ?? idleStatus()
    },
    cancel() {
      controller?.abort()
      return live ?? idleStatus()
    },
    run: (kind, options) => begin(kind, options),
    idle: async () => {
      if (running) await running
      return live ?? idleStatus()
    },
    async fetchDetail(id, { signal, unasked = false } = {}) {
      // Once, and soon: a hung network must not hold the panel for minutes of
      // retries; the panel offers to try again.
      const client = makeClient(
        {},
        {
          timeoutMs: Math.min(deps.timeoutMs ?? DETAIL_TIMEOUT_MS, DETAIL_TIMEOUT_MS),
          maxAttempts: 1,
        },
      )
      try {
        if (unasked) {
          // Asking api-throttle is free, and the request below then needs not ask again.
          const budget = await client.readBudget(signal)
          if (budget && isScarce(budget)) throw new ScarceBudgetError(budget)
        }
        const { url, body } = await client.getJson(LL2_PATHS.event(id, 'detailed'), {
          wait: false,
          signal,
        })
        const parsed = ll2DockingEventSchema.safeParse(body)
        if (!parsed.success) throw new Ll2FormatError(url, describeIssue(parsed.error))
        return body
      } catch (e) {
        throw e instanceof ScarceBudgetError ? e : explainLl2Error(e, baseUrl())
      }
    },
  }
}

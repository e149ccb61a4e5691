/**
 * Full and incremental sync with Launch Library 2.
 *
 * A sync is a job of phases (events, stations, ports, re-checks) whose
 * position is written in the same transaction as each page it stores, so a
 * killed process loses nothing committed and the next sync resumes where the
 * last one stopped. The plan (requests, time given the budget) is computed
 * before the first counted request and pushed to the renderer with every
 * change of progress.
 */
import { z } from 'zod'

import type { DockingCache, StoredStation } from '../../shared/cache'
import type {
  PushChannels,
  SyncKind,
  SyncPlan,
  SyncSettings,
  SyncSettingsUpdate,
  SyncStatus,
} from '../../shared/ipc/contract'
import { ingestRecords, Ll2FormatError } from '../../shared/ll2/ingest'
import { toStation } from '../../shared/ll2/normalize'
import {
  describeIssue,
  ll2DockingEventSchema,
  ll2DockingLocationSchema,
  ll2SpaceStationSchema,
} from '../../shared/ll2/schema'
import type { Port } from '../../shared/model'
import { DAY_MS, portId, stationId, toIsoUtc, utcMillis, type UtcMillis } from '../../shared/units'
import { CodedError } from '../app-error'
import { STATE_KEYS } from '../cache/docking-cache'
import { createApiKeyStore, mayCarryKey, NO_SECRET_BOX, type SecretBox } from '../ll2/api-key-store'
import type { FetchLike } from '../ll2/http-request'
import { createLl2Client, realSleep, type Ll2Client, type Sleep } from '../ll2/ll2-client'
import { CancelledError, Ll2HttpError } from '../ll2/ll2-errors'
import { fetchPage, LL2_PATHS, pagesFor, PAGE_SIZE } from '../ll2/ll2-pages'
import { estimateMs, remainingOf } from '../ll2/rate-budget'
import { explainLl2Error } from './sync-errors'

/** Sync-state keys the sync service owns. */
export const SYNC_STATE_KEYS = {
  baseUrl: 'sync_base_url',
  job: 'sync_job',
  lastFullSync: 'last_full_sync',
  lastIncrementalSync: 'last_incremental_sync',
  lastSource: 'last_sync_source',
  lastError: 'last_sync_error',
  /** LL2's event count at the last full sync, for the next plan. */
  eventCount: 'll2_event_count',
  locationCount: 'll2_location_count',
} as const

/**
 * How far before the newest cached docking an incremental sync looks again:
 * LL2 corrects recent times and adds late records (field notes B.5).
 */
export const INCREMENTAL_MARGIN_MS = 60 * DAY_MS

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
  /** Detailed record of one event, from LL2 (cached by the caller). Never waits for the rate limit. */
  fetchDetail(id: number): Promise<unknown>
}

type Phase = 'events' | 'stations' | 'locations' | 'recheck' | 'done'

/** A sync's position, stored after every page. */
const jobSchema = z.object({
  kind: z.enum(['full', 'incremental']),
  baseUrl: z.string(),
  startedAt: z.number(),
  phase: z.enum(['events', 'stations', 'locations', 'recheck', 'done']),
  /** Next page of the current phase; null: its first page. */
  next: z.string().nullable(),
  /** Counted requests done by this job. */
  requestsDone: z.number(),
  eventsStored: z.number(),
  /** LL2's count of events the events phase walks, once known. */
  eventCount: z.number().nullable(),
  /** Incremental: docking__gte of the events phase. */
  since: z.number().nullable(),
  /** Incremental: events to re-check one by one. */
  recheck: z.array(z.number()),
})
type SyncJob = z.infer<typeof jobSchema>

const stationPage = z.array(ll2SpaceStationSchema)
const locationPage = z.array(ll2DockingLocationSchema)

/** Creates the sync service. */
export function createSyncService(deps: SyncDeps): SyncService {
  const { cache } = deps
  const sleep = deps.sleep ?? realSleep
  let running: Promise<SyncStatus> | null = null
  let controller: AbortController | null = null
  let live: SyncStatus | null = null

  const stateNumber = (key: string): UtcMillis | null => {
    const raw = cache.getState(key)
    return raw !== null && Number.isFinite(Number(raw)) ? utcMillis(Number(raw)) : null
  }
  const baseUrl = () => cache.getState(SYNC_STATE_KEYS.baseUrl) ?? deps.defaultBaseUrl
  const keys = createApiKeyStore(cache, deps.secretBox ?? NO_SECRET_BOX, deps.defaultBaseUrl)
  const settings = (): SyncSettings => {
    const storage = keys.storageFor(baseUrl())
    return {
      baseUrl: baseUrl(),
      hasApiKey: storage !== 'none',
      apiKeyEncrypted: storage === 'encrypted',
    }
  }

  const readJob = (): SyncJob | null => {
    const raw = cache.getState(SYNC_STATE_KEYS.job)
    if (raw === null) return null
    try {
      return jobSchema.parse(JSON.parse(raw))
    } catch {
      // A job this build cannot read is a position lost, not data lost: start over.
      return null
    }
  }

  const idleStatus = (): SyncStatus => {
    const job = readJob()
    return {
      state: 'idle',
      kind: job?.kind ?? null,
      plan: null,
      pagesDone: job?.requestsDone ?? 0,
      pagesTotal: null,
      eventsStored: job?.eventsStored ?? 0,
      waitingUntil: null,
      lastFullSync: stateNumber(SYNC_STATE_KEYS.lastFullSync),
      lastIncrementalSync: stateNumber(SYNC_STATE_KEYS.lastIncrementalSync),
      baseUrl: cache.getState(SYNC_STATE_KEYS.lastSource) ?? baseUrl(),
      error: cache.getState(SYNC_STATE_KEYS.lastError),
    }
  }

  const makeClient = (options: RunOptions): Ll2Client => {
    const url = options.baseUrl ?? baseUrl()
    return createLl2Client({
      fetch: deps.fetch,
      now: deps.now,
      sleep,
      cache,
      baseUrl: url,
      apiKey: options.apiKey !== undefined ? options.apiKey : keys.keyFor(url),
      userAgent: deps.userAgent,
      timeoutMs: deps.timeoutMs,
      backoffMs: deps.backoffMs,
      maxAttempts: deps.maxAttempts,
    })
  }

  /** Counted requests a job still needs, as far as can be known before asking. */
  const requestsLeft = (job: SyncJob): number => {
    if (job.phase === 'done') return 0
    const locationPages = pagesFor(Number(cache.getState(SYNC_STATE_KEYS.locationCount) ?? 0))
    if (job.phase === 'recheck') return job.recheck.length
    if (job.phase === 'locations')
      return job.next === null ? locationPages : Math.max(1, locationPages - 1)
    const later = job.kind === 'full' ? locationPages : 0
    if (job.phase === 'stations') return 1 + later
    // Before the first page only an earlier sync's count can say how many pages there are.
    const known =
      job.eventCount ??
      (job.kind === 'full' ? Number(cache.getState(SYNC_STATE_KEYS.eventCount)) || null : null)
    const eventPages =
      known === null ? 1 : Math.max(1, pagesFor(known) - Math.floor(job.eventsStored / PAGE_SIZE))
    return eventPages + 1 + later
  }

  /** The job a sync of `kind` would run: the stored one when it can be resumed, else a new one. */
  const jobFor = (kind: SyncKind, url: string): SyncJob => {
    const stored = readJob()
    // A pending full sync is finished first whatever was asked: an incremental
    // sync over half a full one would miss the rest.
    if (stored && stored.baseUrl === url && (stored.kind === kind || stored.kind === 'full')) {
      return stored
    }
    const newest = cache.newestDocking('ll2')
    const fresh = {
      baseUrl: url,
      startedAt: deps.now(),
      phase: 'events' as const,
      next: null,
      requestsDone: 0,
      eventsStored: 0,
      eventCount: null,
      recheck: [],
    }
    // Incremental needs something to be incremental to.
    if (kind === 'full' || newest === null) return { ...fresh, kind: 'full', since: null }
    return { ...fresh, kind: 'incremental', since: newest - INCREMENTAL_MARGIN_MS }
  }

  const planFor = async (
    job: SyncJob,
    client: Ll2Client,
    signal?: AbortSignal,
  ): Promise<SyncPlan> => {
    const budget = await client.readBudget(signal)
    const requests = requestsLeft(job)
    return {
      kind: job.kind,
      requests,
      budgetRemaining: budget ? remainingOf(budget) : null,
      estimatedMs: estimateMs(requests, budget, PER_REQUEST_MS),
    }
  }

  const plan = async (kind: SyncKind, options: RunOptions = {}): Promise<SyncPlan> => {
    const url = options.baseUrl ?? baseUrl()
    const job = jobFor(kind, url)
    try {
      return await planFor(job, makeClient(options), options.signal)
    } catch (e) {
      throw explainLl2Error(e, url)
    }
  }

  const run = async (kind: SyncKind, options: RunOptions = {}): Promise<SyncStatus> => {
    const url = options.baseUrl ?? baseUrl()
    const client = makeClient(options)
    let job = jobFor(kind, url)
    const doneAtStart = job.requestsDone
    let status: SyncStatus = {
      ...idleStatus(),
      state: 'running',
      kind: job.kind,
      pagesDone: job.requestsDone,
      eventsStored: job.eventsStored,
      baseUrl: url,
      error: null,
    }
    const push = (change: Partial<SyncStatus>) => {
      status = { ...status, ...change }
      live = status
      deps.emit('dt:sync:progress', status)
    }
    const signal = options.signal
    const requestOptions = {
      signal,
      wait: options.wait ?? true,
      onWait: (until: UtcMillis) => push({ state: 'waiting', waitingUntil: until }),
    }
    let dataChanged = false
    /** Stores the job's new position; with `write`, in the same transaction as the data. */
    const advance = (change: Partial<SyncJob>, write?: () => void) => {
      job = { ...job, ...change }
      const position = JSON.stringify(job)
      cache.transaction(() => {
        write?.()
        cache.setState(SYNC_STATE_KEYS.job, position)
      })
      push({
        state: 'running',
        waitingUntil: null,
        pagesDone: job.requestsDone,
        eventsStored: job.eventsStored,
        pagesTotal: job.requestsDone + requestsLeft(job),
      })
    }

    push({})
    try {
      const firstPlan = await planFor(job, client, signal)
      push({ plan: firstPlan, pagesTotal: job.requestsDone + firstPlan.requests })
      cache.setState(SYNC_STATE_KEYS.job, JSON.stringify(job))

      if (job.phase === 'events') {
        const extra: Array<readonly [string, string]> =
          job.since === null ? [] : [['docking__gte', toIsoUtc(job.since)]]
        let next: string | null = job.next ?? LL2_PATHS.events(extra)
        while (next !== null) {
          const page = await fetchPage(client, next, requestOptions)
          const batch = ingestRecords(
            page.results,
            { source: 'll2', fetchedAt: deps.now() },
            page.url,
          )
          const firstCount = job.eventCount === null
          next = page.next
          const done = next === null
          advance(
            {
              next: done ? null : next,
              phase: done ? 'stations' : 'events',
              requestsDone: job.requestsDone + 1,
              eventsStored: job.eventsStored + batch.events.length,
              eventCount: page.count,
            },
            () => cache.upsertEvents(batch.events, batch.ports, batch.stations),
          )
          dataChanged = true
          // The first page gives LL2's count: the plan is exact from here.
          if (firstCount && status.plan) {
            push({
              plan: {
                ...status.plan,
                requests: job.requestsDone - doneAtStart + requestsLeft(job),
              },
            })
          }
        }
      }

      if (job.phase === 'stations') {
        let next: string | null = job.next ?? LL2_PATHS.stations()
        const active = new Set<number>()
        while (next !== null) {
          const page = await fetchPage(client, next, requestOptions)
          const parsed = stationPage.safeParse(page.results)
          if (!parsed.success)
            throw new Ll2FormatError(page.url, `results.${describeIssue(parsed.error)}`)
          const fetchedAt = deps.now()
          const stations: StoredStation[] = parsed.data.map((record, i) => ({
            ...toStation(record),
            raw: JSON.stringify(page.results[i]),
            fetchedAt,
          }))
          for (const record of parsed.data) {
            for (const e of record.active_docking_events ?? []) active.add(e.id)
          }
          next = page.next
          // Still-docked events LL2 no longer lists as docked have left: re-check each.
          const recheck =
            next === null && job.kind === 'incremental'
              ? cache.openEventIds('ll2').filter((id) => !active.has(id))
              : job.recheck
          const phase: Phase =
            next !== null ? 'stations' : job.kind === 'full' ? 'locations' : 'recheck'
          advance({ next, phase, requestsDone: job.requestsDone + 1, recheck }, () =>
            cache.upsertStations(stations),
          )
          dataChanged = true
        }
      }

      if (job.phase === 'locations') {
        let next: string | null = job.next ?? LL2_PATHS.locations()
        while (next !== null) {
          const page = await fetchPage(client, next, requestOptions)
          const parsed = locationPage.safeParse(page.results)
          if (!parsed.success)
            throw new Ll2FormatError(page.url, `results.${describeIssue(parsed.error)}`)
          // Ports of spacecraft or payloads have no station row to sit under.
          const ports: Port[] = parsed.data.flatMap((l) =>
            l.spacestation?.id != null
              ? [{ id: portId(l.id), name: l.name, stationId: stationId(l.spacestation.id) }]
              : [],
          )
          next = page.next
          cache.setState(SYNC_STATE_KEYS.locationCount, String(page.count))
          advance({ next, requestsDone: job.requestsDone + 1 }, () =>
            cache.upsertEvents([], ports, []),
          )
        }
      }

      if (job.phase === 'recheck') {
        for (const id of job.recheck) {
          const rest = job.recheck.filter((x) => x !== id)
          try {
            const { url, body } = await client.getJson(
              LL2_PATHS.event(id, 'normal'),
              requestOptions,
            )
            const batch = ingestRecords([body], { source: 'll2', fetchedAt: deps.now() }, url)
            advance({ recheck: rest, requestsDone: job.requestsDone + 1 }, () =>
              cache.upsertEvents(batch.events, batch.ports, batch.stations),
            )
          } catch (e) {
            if (!(e instanceof Ll2HttpError && e.status === 404)) throw e
            // LL2 deleted the record (merged or withdrawn); the cache follows.
            advance({ recheck: rest, requestsDone: job.requestsDone + 1 }, () =>
              cache.deleteEvents([id]),
            )
          }
          dataChanged = true
        }
        advance({ phase: 'done' })
      }

      const finishedAt = deps.now()
      cache.transaction(() => {
        if (job.kind === 'full') {
          // Only now, with every page stored, may LL2 data replace the snapshot
          // and records LL2 no longer has leave the cache.
          cache.deleteEventsBySource('snapshot')
          cache.deleteStaleEvents('ll2', utcMillis(job.startedAt))
          cache.pruneOrphans()
          if (job.eventCount !== null)
            cache.setState(SYNC_STATE_KEYS.eventCount, String(job.eventCount))
          cache.setState(SYNC_STATE_KEYS.lastFullSync, String(finishedAt))
        } else {
          cache.setState(SYNC_STATE_KEYS.lastIncrementalSync, String(finishedAt))
        }
        cache.setState(STATE_KEYS.dataAsOf, String(finishedAt))
        cache.setState(SYNC_STATE_KEYS.lastSource, url)
        cache.setState(SYNC_STATE_KEYS.lastError, null)
        cache.setState(SYNC_STATE_KEYS.job, null)
      })
      dataChanged = true
      push({
        state: 'done',
        waitingUntil: null,
        lastFullSync: stateNumber(SYNC_STATE_KEYS.lastFullSync),
        lastIncrementalSync: stateNumber(SYNC_STATE_KEYS.lastIncrementalSync),
        pagesTotal: job.requestsDone,
        pagesDone: job.requestsDone,
      })
    } catch (e) {
      const cancelled = e instanceof CancelledError || signal?.aborted === true
      const error = cancelled ? null : explainLl2Error(e, url).message
      cache.setState(SYNC_STATE_KEYS.lastError, error)
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
      if (update.baseUrl !== undefined)
        cache.setState(SYNC_STATE_KEYS.baseUrl, update.baseUrl.replace(/\/+$/, ''))
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
    async fetchDetail(id) {
      const client = makeClient({})
      try {
        const { url, body } = await client.getJson(LL2_PATHS.event(id, 'detailed'), { wait: false })
        const parsed = ll2DockingEventSchema.safeParse(body)
        if (!parsed.success) throw new Ll2FormatError(url, describeIssue(parsed.error))
        return body
      } catch (e) {
        throw explainLl2Error(e, baseUrl())
      }
    },
  }
}

/**
 * A sync as a pure job machine.
 *
 * A sync is a job of phases (events, expeditions, stations, ports, re-checks).
 * `nextRequest` says what to fetch; `applyAnswer` validates what came back
 * and returns the job's next position together with the writes that page
 * brings, which the runner commits in one transaction so a killed process loses nothing
 * committed and the next sync resumes where the last one stopped. Nothing
 * here reads a clock or does I/O: times and cache facts are passed in.
 */
import { z } from 'zod'

import type { StoredEvent, StoredStation } from '../cache/docking-cache'
import type { Expedition } from '../domain/expedition'
import { ingestExpeditions, type StoredExpedition } from '../ll2/expeditions'
import { ingestRecords, Ll2FormatError } from '../ll2/ingest'
import { toStation } from '../ll2/normalize'
import { LL2_PATHS } from '../ll2/paths'
import {
  describeIssue,
  ll2DockingLocationSchema,
  ll2SpaceStationSchema,
  type Ll2Page,
} from '../ll2/schema'
import type { Port, Station } from '../domain/model'
import { DAY_MS, portId, stationId, toIsoUtc, utcMillis, type UtcMillis } from '../domain/units'
import type { SyncChanges, SyncKind } from '../ipc/contract'

/**
 * How far before the newest cached docking an incremental sync looks again:
 * LL2 corrects recent times and adds late records (field notes B.5).
 */
export const INCREMENTAL_MARGIN_MS = 60 * DAY_MS

const PHASES = ['events', 'expeditions', 'stations', 'locations', 'recheck', 'done'] as const

/** Where a job is: its phases run in this order, skipping those its kind does not need. */
export type SyncPhase = (typeof PHASES)[number]

/** A sync's position, stored after every page. */
export interface SyncJob {
  /** What it runs as: an incremental sync over an empty cache runs as full. */
  readonly kind: SyncKind
  /** Server it reads; a job is resumed only against the same one. */
  readonly baseUrl: string
  /** When it began: a full sync drops LL2 events fetched before this. */
  readonly startedAt: UtcMillis
  readonly phase: SyncPhase
  /** Next page of the current phase; null: its first page. */
  readonly next: string | null
  /** Counted requests done by this job. */
  readonly requestsDone: number
  readonly eventsStored: number
  /** LL2's count of events the events phase walks, once known. */
  readonly eventCount: number | null
  /** Incremental: docking__gte of the events phase. */
  readonly since: UtcMillis | null
  /**
   * `start__gte` of the expeditions phase (see `expeditionsSinceOf`); null or
   * absent (jobs stored by builds without the phase): every expedition.
   */
  readonly expeditionsSince?: UtcMillis | null
  /** LL2's count of expeditions the expeditions phase walks, once known. */
  readonly expeditionCount?: number | null
  /** Expeditions stored by this job (absent: none, in jobs stored before the phase). */
  readonly expeditionsStored?: number
  /** Incremental: events to re-check one by one. */
  readonly recheck: ReadonlyArray<number>
  /**
   * Events the station pages so far list as docked now; absent in jobs stored
   * by builds before it was kept, which then count only later pages.
   */
  readonly docked?: ReadonlyArray<number>
  /** What the job changed so far; absent in jobs stored by builds before it was counted. */
  readonly changes?: SyncChanges
}

/** Nothing changed yet. */
export const NO_CHANGES: SyncChanges = { added: 0, updated: 0, removed: 0, unplaced: 0 }

/** `a` and `b` added up. */
export function addChanges(a: SyncChanges | undefined, b: SyncChanges): SyncChanges {
  const base = a ?? NO_CHANGES
  return {
    added: base.added + b.added,
    updated: base.updated + b.updated,
    removed: base.removed + b.removed,
    unplaced: base.unplaced + b.unplaced,
  }
}

/** Reads a stored job; the JSON shape is the SyncJob above. */
export const syncJobSchema: z.ZodType<SyncJob> = z.object({
  kind: z.enum(['full', 'incremental']),
  baseUrl: z.string(),
  startedAt: z.number().transform(utcMillis),
  phase: z.enum(PHASES),
  next: z.string().nullable(),
  requestsDone: z.number(),
  eventsStored: z.number(),
  eventCount: z.number().nullable(),
  since: z.number().transform(utcMillis).nullable(),
  expeditionsSince: z.number().transform(utcMillis).nullable().optional(),
  expeditionCount: z.number().nullable().optional(),
  expeditionsStored: z.number().optional(),
  recheck: z.array(z.number()),
  docked: z.array(z.number()).optional(),
  changes: z
    .object({ added: z.number(), updated: z.number(), removed: z.number(), unplaced: z.number() })
    .optional(),
})

/** What the cache knows that decides which job a sync runs. */
export interface JobContext {
  /** The job a killed or failed sync left, if any. */
  readonly stored: SyncJob | null
  /** Newest docking among LL2 events in the cache, or null when there are none. */
  readonly newestLl2Docking: UtcMillis | null
  /** The expeditions the cache holds (bundled and synced), for an incremental sync's start. */
  readonly cachedExpeditions: ReadonlyArray<Expedition>
  readonly now: UtcMillis
}

/**
 * Where an incremental sync starts fetching expeditions (`start__gte`), or
 * null to fetch them all.
 *
 * LL2 has no "changed since" filter, and an expedition under way has a null
 * `end`, which `end__gte` leaves out (SQL comparisons with NULL are false),
 * so the expeditions an incremental sync most needs (those ending) cannot be
 * asked for by their end. By start they can: everything that started since
 * the oldest expedition the cache holds as under way, or since the newest
 * one, less the margin LL2 takes to correct recent records. That is one page
 * (LL2 files a few expeditions a year), where a full re-fetch is two or three
 * against a budget of 15 an hour; older corrections come with a full sync,
 * as for docking events.
 */
export function expeditionsSinceOf(cached: ReadonlyArray<Expedition>): UtcMillis | null {
  if (cached.length === 0) return null
  const newest = Math.max(...cached.map((x) => x.start))
  const open = cached.filter((x) => x.end === null).map((x) => x.start)
  return utcMillis(Math.min(newest, ...open) - INCREMENTAL_MARGIN_MS)
}

/** The job a sync of `kind` against `baseUrl` runs: the stored one when it can be resumed, else a new one. */
export function jobFor(kind: SyncKind, baseUrl: string, context: JobContext): SyncJob {
  const { stored, newestLl2Docking: newest } = context
  // A pending full sync is finished first whatever was asked: an incremental
  // sync over half a full one would miss the rest.
  if (stored && stored.baseUrl === baseUrl && (stored.kind === kind || stored.kind === 'full')) {
    return stored
  }
  const fresh = {
    baseUrl,
    startedAt: context.now,
    phase: 'events' as const,
    next: null,
    requestsDone: 0,
    eventsStored: 0,
    eventCount: null,
    expeditionCount: null,
    expeditionsStored: 0,
    recheck: [],
  }
  // Incremental needs something to be incremental to.
  if (kind === 'full' || newest === null) {
    return { ...fresh, kind: 'full', since: null, expeditionsSince: null }
  }
  return {
    ...fresh,
    kind: 'incremental',
    since: utcMillis(newest - INCREMENTAL_MARGIN_MS),
    expeditionsSince: expeditionsSinceOf(context.cachedExpeditions),
  }
}

/** Phases that walk a list page by page. */
export type PagedPhase = 'events' | 'expeditions' | 'stations' | 'locations'

/** One request a job needs next. */
export type SyncRequest =
  | { readonly phase: PagedPhase; readonly path: string }
  | { readonly phase: 'recheck'; readonly eventId: number; readonly path: string }

/** The next request of `job`, or null when it has none left (it can be finished). */
export function nextRequest(job: SyncJob): SyncRequest | null {
  switch (job.phase) {
    case 'events': {
      const since: Array<readonly [string, string]> =
        job.since === null ? [] : [['docking__gte', toIsoUtc(job.since)]]
      return { phase: 'events', path: job.next ?? LL2_PATHS.events(since) }
    }
    case 'expeditions': {
      const from = job.expeditionsSince ?? null
      const since: Array<readonly [string, string]> =
        from === null ? [] : [['start__gte', toIsoUtc(from)]]
      return { phase: 'expeditions', path: job.next ?? LL2_PATHS.expeditions(since) }
    }
    case 'stations':
      return { phase: 'stations', path: job.next ?? LL2_PATHS.stations() }
    case 'locations':
      return { phase: 'locations', path: job.next ?? LL2_PATHS.locations() }
    case 'recheck': {
      const id = job.recheck[0]
      return id === undefined
        ? null
        : { phase: 'recheck', eventId: id, path: LL2_PATHS.event(id, 'normal') }
    }
    case 'done':
      return null
  }
}

/** What the runner got for a request. */
export type SyncAnswer =
  | { readonly phase: PagedPhase; readonly page: Ll2Page }
  /** `record` null: LL2 answered 404, the record was withdrawn or merged. */
  | {
      readonly phase: 'recheck'
      readonly eventId: number
      readonly url: string
      readonly record: unknown
    }

/** What the cache must store for one answer, with the job's new position, in one transaction. */
export interface SyncWrites {
  /** Events and the ports and stations they name (upsertEvents). */
  readonly events: ReadonlyArray<StoredEvent>
  readonly ports: ReadonlyArray<Port>
  readonly stations: ReadonlyArray<Station>
  /** Station records from the stations phase (upsertStations). */
  readonly stationRecords: ReadonlyArray<StoredStation>
  readonly deleteEventIds: ReadonlyArray<number>
  /** Expedition records (upsertExpeditions, stamped `fetchedAt`), or null when the answer has none. */
  readonly expeditions: {
    readonly records: ReadonlyArray<StoredExpedition>
    readonly fetchedAt: UtcMillis
  } | null
  /** Records of the answer that could not be placed, so were not stored. */
  readonly unplaced: number
  /** Server facts learnt on the way, for later plans. */
  readonly locationCount: number | null
}

/** What applying an answer gives. */
export interface SyncStep {
  readonly job: SyncJob
  readonly writes: SyncWrites
}

/** Facts an answer is applied with. */
export interface ApplyContext {
  /** Stamped on what is stored. */
  readonly fetchedAt: UtcMillis
  /**
   * LL2 events the cache holds as still docked; read for station pages only
   * (an incremental sync re-checks those LL2 no longer lists as docked).
   */
  readonly openEventIds: ReadonlyArray<number>
}

const NO_WRITES: SyncWrites = {
  events: [],
  ports: [],
  stations: [],
  stationRecords: [],
  deleteEventIds: [],
  expeditions: null,
  unplaced: 0,
  locationCount: null,
}

const stationPage = z.array(ll2SpaceStationSchema)
const locationPage = z.array(ll2DockingLocationSchema)

/**
 * Validates `answer` and moves `job` past it.
 *
 * Throws Ll2FormatError when a record fails validation: nothing of that page
 * may be stored, and the job stays where it was.
 */
export function applyAnswer(job: SyncJob, answer: SyncAnswer, context: ApplyContext): SyncStep {
  const counted = { requestsDone: job.requestsDone + 1 }
  const origin = { source: 'll2' as const, fetchedAt: context.fetchedAt }
  switch (answer.phase) {
    case 'events': {
      const { page } = answer
      const batch = ingestRecords(page.results, origin, page.url)
      return {
        job: {
          ...job,
          ...counted,
          next: page.next,
          phase: page.next === null ? 'expeditions' : 'events',
          eventsStored: job.eventsStored + batch.events.length,
          eventCount: page.count,
        },
        writes: { ...NO_WRITES, ...batch, unplaced: batch.unplaced.length },
      }
    }
    case 'expeditions': {
      const { page } = answer
      // All or nothing, as for events: a page with one bad record stores none.
      const batch = ingestExpeditions(page.results)
      if (!batch.ok) throw new Ll2FormatError(page.url, batch.error)
      return {
        job: {
          ...job,
          ...counted,
          next: page.next,
          phase: page.next === null ? 'stations' : 'expeditions',
          expeditionsStored: (job.expeditionsStored ?? 0) + batch.value.length,
          expeditionCount: page.count,
        },
        writes: {
          ...NO_WRITES,
          expeditions: { records: batch.value, fetchedAt: context.fetchedAt },
        },
      }
    }
    case 'stations': {
      const { page } = answer
      const parsed = stationPage.safeParse(page.results)
      if (!parsed.success)
        throw new Ll2FormatError(page.url, `results.${describeIssue(parsed.error)}`)
      const stationRecords: StoredStation[] = parsed.data.map((record, i) => ({
        ...toStation(record, context.fetchedAt),
        raw: JSON.stringify(page.results[i]),
        fetchedAt: context.fetchedAt,
      }))
      const docked = [
        ...(job.docked ?? []),
        ...parsed.data.flatMap((r) => (r.active_docking_events ?? []).map((e) => e.id)),
      ]
      const last = page.next === null
      if (!last) {
        return {
          job: { ...job, ...counted, next: page.next, docked },
          writes: { ...NO_WRITES, stationRecords },
        }
      }
      if (job.kind === 'full') {
        const { docked: _gone, ...rest } = job
        return {
          job: { ...rest, ...counted, next: null, phase: 'locations' },
          writes: { ...NO_WRITES, stationRecords },
        }
      }
      // Still-docked events LL2 no longer lists as docked have left: re-check each.
      const active = new Set(docked)
      const recheck = context.openEventIds.filter((id) => !active.has(id))
      const { docked: _gone, ...rest } = job
      return {
        job: {
          ...rest,
          ...counted,
          next: null,
          phase: recheck.length > 0 ? 'recheck' : 'done',
          recheck,
        },
        writes: { ...NO_WRITES, stationRecords },
      }
    }
    case 'locations': {
      const { page } = answer
      const parsed = locationPage.safeParse(page.results)
      if (!parsed.success)
        throw new Ll2FormatError(page.url, `results.${describeIssue(parsed.error)}`)
      // Ports of spacecraft or payloads have no station row to sit under.
      const ports: Port[] = parsed.data.flatMap((l) =>
        l.spacestation?.id != null
          ? [{ id: portId(l.id), name: l.name, stationId: stationId(l.spacestation.id) }]
          : [],
      )
      return {
        job: {
          ...job,
          ...counted,
          next: page.next,
          phase: page.next === null ? 'done' : 'locations',
        },
        writes: { ...NO_WRITES, ports, locationCount: page.count },
      }
    }
    case 'recheck': {
      const recheck = job.recheck.filter((id) => id !== answer.eventId)
      const moved: SyncJob = {
        ...job,
        ...counted,
        recheck,
        phase: recheck.length > 0 ? 'recheck' : 'done',
      }
      if (answer.record === null) {
        // LL2 deleted the record (merged or withdrawn); the cache follows.
        return { job: moved, writes: { ...NO_WRITES, deleteEventIds: [answer.eventId] } }
      }
      const batch = ingestRecords([answer.record], origin, answer.url)
      return { job: moved, writes: { ...NO_WRITES, ...batch, unplaced: batch.unplaced.length } }
    }
  }
}

/**
 * What finishing a job writes besides the times and source.
 *
 * Nothing is deleted: LL2 ids are stable, so each page replaced its records
 * in place; an event LL2 did not list again (the snapshot's older captures,
 * a record LL2 merged) stays until a re-check gets a 404 for it, and an
 * expedition LL2 did not list again (the bundled list's) stays.
 */
export interface SyncFinish {
  /** LL2's event count, for the next full sync's plan. */
  readonly eventCount: number | null
  /** LL2's expedition count, when this job walked the whole list, for the next plan. */
  readonly expeditionCount: number | null
}

/** What finishing `job` (no requests left) writes besides the times and source. */
export function finishOf(job: SyncJob): SyncFinish {
  const wholeList = (job.expeditionsSince ?? null) === null
  return {
    eventCount: job.kind === 'full' ? job.eventCount : null,
    expeditionCount: wholeList ? (job.expeditionCount ?? null) : null,
  }
}

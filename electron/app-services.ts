import path from 'node:path'

import type { DockingCache } from '../shared/cache/docking-cache'
import type {
  EventDetail,
  EventDetailRequest,
  ExportFormat,
  PdfRequest,
  PushChannels,
  SaveResult,
} from '../shared/ipc/contract'
import { CSV_METADATA_SUFFIX, retargetCsvMetadata } from '../shared/export/csv-metadata'
import { withExtension } from '../shared/export/file-name'
import { isAllowedExternalUrl } from '../shared/links/external-links'
import { Ll2FormatError } from '../shared/ll2/ingest'
import { readPref } from '../shared/prefs/prefs'
import type { UtcMillis } from '../shared/domain/units'
import { CodedError } from './app-error'
import { openCache, type CacheOpenReport } from './cache/docking-cache'
import { unavailableCache } from './cache/unavailable-cache'
import { importDockingEvents } from './import/import-service'
import type { Handlers } from './ipc/handlers'
import type { SecretBox } from './ll2/api-key-store'
import type { FetchLike } from './ll2/http-request'
import { createDetailBackoff } from './ll2/detail-backoff'
import { ScarceBudgetError } from './ll2/ll2-errors'
import { budgetWords, remainingOf } from './ll2/rate-budget'
import { loadReferenceFiles } from './reference/reference-files'
import { loadSnapshotIfNew } from './snapshot'
import { createSyncService, type SyncService } from './sync/sync-service'

/** The default LL2 server. */
export const LL2_PRODUCTION_URL = 'https://ll.thespacedevs.com'

/** What the app's services need from the platform; Electron or the e2e bridge supply it. */
export interface AppConfig {
  /** Folder for the cache file. */
  readonly userDataDir: string
  /** Bundled snapshot to load into a new cache; null to start empty. */
  readonly snapshotFile: string | null
  /** Reference files (`assets/reference/*.json`) read beside the cache, never into it; default none. */
  readonly referenceFiles?: ReadonlyArray<string>
  readonly version: string
  readonly defaultBaseUrl: string
  readonly now: () => UtcMillis
  /** Electron's `net.fetch` in the app (system proxy and certificates). */
  readonly fetch: FetchLike
  /** Seals the API key at rest (Electron's safeStorage); default none. */
  readonly secretBox?: SecretBox
  readonly emit: <C extends keyof PushChannels>(channel: C, payload: PushChannels[C]) => void
  /** Asks the user where to save; null when they cancel. */
  readonly chooseSavePath: (suggestedName: string, format: ExportFormat) => Promise<string | null>
  /** Writes a file. */
  readonly writeFile: (file: string, data: Uint8Array | string) => Promise<void>
  /** Prints an SVG to PDF bytes. */
  readonly printPdf: (request: PdfRequest) => Promise<Uint8Array>
  /** Opens an address in the user's browser. */
  readonly openExternal: (url: string) => Promise<void>
  /** Puts plain text on the system clipboard. */
  readonly writeClipboard: (text: string) => void
}

/** The running services and the handlers the IPC layer exposes. */
export interface AppServices {
  readonly cache: DockingCache
  readonly cacheReport: CacheOpenReport
  /** Why the bundled snapshot was not loaded, or null. */
  readonly snapshotProblem: string | null
  readonly sync: SyncService
  readonly handlers: Handlers
  close(): void
}

/** Name of the cache file inside the user-data folder. */
export const CACHE_FILE_NAME = 'docking-timeline.sqlite'

function openCacheOrExplain(
  file: string,
  now: () => UtcMillis,
): { cache: DockingCache; report: CacheOpenReport & { readonly unavailable: boolean } } {
  try {
    const { cache, report } = openCache(file, { now })
    return { cache, report: { ...report, unavailable: false } }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return {
      cache: unavailableCache(file, reason),
      report: { movedAside: null, reason, unavailable: true },
    }
  }
}

/**
 * Loads the bundled snapshot into a new cache; a missing or bad file is a
 * notice, not a reason to stop: the app starts empty and can still sync.
 */
function loadSnapshotOrExplain(cache: DockingCache, file: string, now: UtcMillis): string | null {
  try {
    loadSnapshotIfNew(cache, file, now)
    return null
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return `The bundled snapshot could not be loaded (${reason}).`
  }
}

/** Opens the cache (recovering from a corrupt file), loads the snapshot once, and wires the handlers. */
export function createAppServices(config: AppConfig): AppServices {
  const cacheFile = path.join(config.userDataDir, CACHE_FILE_NAME)
  const { cache, report } = openCacheOrExplain(cacheFile, config.now)
  const snapshotProblem =
    config.snapshotFile && !report.unavailable
      ? loadSnapshotOrExplain(cache, config.snapshotFile, config.now())
      : null
  // Read once: the files ship with the app and nothing the app does changes them.
  const reference = loadReferenceFiles(config.referenceFiles ?? [])
  const sync = createSyncService({
    cache,
    now: config.now,
    fetch: config.fetch,
    secretBox: config.secretBox,
    emit: config.emit,
    defaultBaseUrl: config.defaultBaseUrl,
    userAgent: `DockingTimeline/${config.version}`,
  })

  const save = async (
    suggestedName: string,
    format: ExportFormat,
    data: Uint8Array | string,
    csvMetadata?: string,
  ): Promise<SaveResult> => {
    const chosen = await config.chooseSavePath(suggestedName, format)
    if (!chosen) return { saved: false }
    const file = withExtension(chosen, format)
    try {
      await config.writeFile(file, data)
      // The CSV's description, beside it and naming it as saved.
      if (csvMetadata !== undefined)
        await config.writeFile(
          file + CSV_METADATA_SUFFIX,
          retargetCsvMetadata(csvMetadata, path.basename(file)),
        )
    } catch (e) {
      throw new CodedError(
        'io-error',
        `Could not write ${file}: ${e instanceof Error ? e.message : String(e)}`,
      )
    }
    return { saved: true, path: file }
  }

  // The one detail fetch under way: a newer one stops it (see EventDetailRequest).
  let detailFetch: AbortController | null = null
  const detailBackoff = createDetailBackoff(config.now)
  const getEventDetail = async ({ id, fetch }: EventDetailRequest): Promise<EventDetail> => {
    const stored = cache.getEvent(id)
    if (!stored) throw new CodedError('not-found', `No docking event ${id} in the cache.`)
    const cached = cache.getDetail(id)
    if (cached) {
      return {
        event: stored.event,
        detail: JSON.parse(cached.raw),
        detailFetchedAt: cached.fetchedAt,
        state: 'cached',
        message: null,
      }
    }
    // What the cache holds of the event, saying why no detailed record comes with it.
    const withoutDetail = (state: EventDetail['state'], message: string | null): EventDetail => ({
      event: stored.event,
      detail: null,
      detailFetchedAt: null,
      state,
      message,
    })
    // Snapshot records are LL2's too (their ids are LL2's); only a record
    // with no LL2 page (an imported compilation) has nothing to fetch.
    if (stored.event.url === null) {
      return withoutDetail(
        'not-in-ll2',
        'This record is not from Launch Library 2, so there is no detailed record to fetch.',
      )
    }
    if (fetch === 'never') return withoutDetail('not-fetched', null)
    const held = fetch === 'auto' ? detailBackoff.holdReason() : null
    if (held !== null) return withoutDetail('not-fetched', held)
    detailFetch?.abort()
    const mine = new AbortController()
    detailFetch = mine
    try {
      const detail = await sync.fetchDetail(id, {
        signal: mine.signal,
        unasked: fetch === 'auto',
      })
      detailBackoff.succeeded()
      const fetchedAt = config.now()
      cache.putDetail(id, JSON.stringify(detail), fetchedAt)
      return {
        event: stored.event,
        detail,
        detailFetchedAt: fetchedAt,
        state: 'fetched',
        message: null,
      }
    } catch (e) {
      if (e instanceof ScarceBudgetError) {
        const left = remainingOf(e.budget)
        return withoutDetail(
          'not-fetched',
          `Not fetched on its own: this server allows ${budgetWords(e.budget)} (${left} left now), and syncs need them.`,
        )
      }
      const message = e instanceof Error ? e.message : String(e)
      // Unreachable or failing, not cancelled or refusing this one record.
      if (e instanceof CodedError && e.code === 'offline') detailBackoff.failed(message)
      return withoutDetail('offline', message)
    } finally {
      if (detailFetch === mine) detailFetch = null
    }
  }

  const importFile = (request: { readonly fileName: string; readonly text: string }) => {
    try {
      return importDockingEvents(
        { cache, snapshotFile: config.snapshotFile, now: config.now },
        request,
      )
    } catch (e) {
      if (e instanceof Ll2FormatError)
        throw new CodedError('bad-file', `${e.message}; nothing was imported`)
      throw e
    }
  }

  const handlers: Handlers = {
    'dt:app:get-info': () => ({
      version: config.version,
      cacheRecovery:
        report.movedAside && report.reason
          ? { movedAside: report.movedAside, reason: report.reason }
          : null,
      snapshotProblem,
    }),
    'dt:data:get': () => cache.readData(),
    'dt:expeditions:get': () => cache.readExpeditions(),
    'dt:event:get-detail': getEventDetail,
    'dt:event:cancel-detail': () => {
      detailFetch?.abort()
      return null
    },
    // Stored before the PREFS table checked values, or hand-edited: read through it.
    'dt:prefs:get': ({ key }) => {
      const stored = cache.getPref(key)
      return stored === undefined || stored === null ? null : readPref(key, stored)
    },
    'dt:prefs:set': ({ key, value }) => {
      cache.setPref(key, value)
      return null
    },
    'dt:sync:get-settings': () => sync.getSettings(),
    'dt:sync:set-settings': (update) => sync.setSettings(update),
    'dt:sync:get-status': () => sync.getStatus(),
    'dt:sync:plan': ({ kind }) => sync.plan(kind),
    'dt:sync:start': ({ kind }) => sync.start(kind),
    'dt:sync:cancel': () => sync.cancel(),
    'dt:export:save-file': (req) =>
      save(
        req.suggestedName,
        req.format,
        req.encoding === 'base64' ? Buffer.from(req.content, 'base64') : req.content,
        req.csvMetadata,
      ),
    'dt:export:save-pdf': async (req) => save(req.suggestedName, 'pdf', await config.printPdf(req)),
    'dt:reference:get': () => reference,
    'dt:import:records': (request) => importFile(request),
    'dt:shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url))
        throw new CodedError('invalid-argument', `Not opening ${url}: not on the allowlist.`)
      await config.openExternal(url)
      return null
    },
    'dt:clipboard:write-text': ({ text }) => {
      config.writeClipboard(text)
      return null
    },
  }

  return {
    cache,
    cacheReport: report,
    snapshotProblem,
    sync,
    handlers,
    close: () => {
      detailFetch?.abort()
      cache.close()
    },
  }
}

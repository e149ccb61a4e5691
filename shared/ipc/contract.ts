/**
 * The one IPC contract between renderer and main.
 *
 * Two maps, split by direction: `InvokeChannels` (renderer asks, main answers)
 * and `PushChannels` (main tells the renderer). `AppApi`, the shape of
 * `window.api`, is derived from them and `API_METHODS`, never written twice;
 * the preload and the e2e browser bridge both implement exactly it.
 */
import type { Expedition } from '../domain/expedition'
import type { DataInfo, DockingData, DockingEvent } from '../domain/model'
import type { ImportReport } from '../ll2/import-report'
import type { PrefKey, PrefValue } from '../prefs/prefs'
import type { ReferenceData } from '../reference/reference-stay'
import type { UtcMillis } from '../domain/units'

/** Every channel starts with this; preload and main both check it. */
export const CHANNEL_PREFIX = 'dt:'

/** Why an IPC call failed; the renderer switches on it. */
export type ErrorCode =
  | 'invalid-argument'
  | 'forbidden-sender'
  | 'not-found'
  | 'offline'
  | 'rate-limited'
  | 'bad-response'
  | 'cache-error'
  | 'cancelled'
  | 'busy'
  | 'io-error'
  | 'bad-file'
  | 'internal'

/** An error that crossed IPC as data (Electron keeps only a thrown error's message). */
export interface AppError {
  readonly code: ErrorCode
  readonly message: string
}

/** Every invoke result: a value or an error, never a throw. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

/** Kinds of sync the user can start. */
export type SyncKind = 'full' | 'incremental'

/** The plan computed before a sync starts. */
export interface SyncPlan {
  readonly kind: SyncKind
  /** Requests that count against the rate limit; a floor when `exact` is false. */
  readonly requests: number
  /**
   * False before the server has said how many events there are: `requests`
   * is then the least the sync takes, and the first page tells the rest.
   */
  readonly exact: boolean
  /** Requests the current budget allows now. */
  readonly budgetRemaining: number | null
  /** Estimated time to finish given the budget, in ms. */
  readonly estimatedMs: number
}

/** Where a sync stands; pushed on every change. */
/**
 * What a sync changed in the cache. LL2 ids are stable: a record with a
 * stored id is updated in place, the rest added; only a record LL2 answers
 * 404 for on a re-check is removed.
 */
export interface SyncChanges {
  readonly added: number
  readonly updated: number
  readonly removed: number
  /** Records received that could not be placed (no docking time, station or port): not stored. */
  readonly unplaced: number
}

export interface SyncStatus {
  readonly state: 'idle' | 'running' | 'waiting' | 'done' | 'error' | 'cancelled'
  readonly kind: SyncKind | null
  readonly plan: SyncPlan | null
  readonly pagesDone: number
  readonly pagesTotal: number | null
  readonly eventsStored: number
  /** Expeditions (crewed stays) this sync stored so far, resumed runs included. */
  readonly expeditionsStored: number
  /** What this sync (resumed runs included) changed among docking events so far. */
  readonly changes: SyncChanges
  /** While rate limited: when requests may resume. */
  readonly waitingUntil: UtcMillis | null
  readonly lastFullSync: UtcMillis | null
  readonly lastIncrementalSync: UtcMillis | null
  /** Base URL of the server synced from. */
  readonly baseUrl: string
  /** Plain-words error of the last sync, if it failed. */
  readonly error: string | null
}

/** Settings of the LL2 connection. The key itself never travels back to the renderer. */
export interface SyncSettings {
  readonly baseUrl: string
  /** A key was entered for this base URL's origin (keys never follow a change of server). */
  readonly hasApiKey: boolean
  /** The key is sealed by the system keychain; false: stored as typed (no keychain here). */
  readonly apiKeyEncrypted: boolean
}

/** What the user may change in the LL2 connection. */
export interface SyncSettingsUpdate {
  readonly baseUrl?: string
  /** A key for the base URL's origin (the new one, if it changes too), or null to forget it. */
  readonly apiKey?: string | null
}

/** An event with its detailed LL2 record when one could be had. */
export interface EventDetail {
  readonly event: DockingEvent
  /** The detailed record (raw JSON), or null when none is cached and it could not be fetched. */
  readonly detail: unknown
  readonly detailFetchedAt: UtcMillis | null
  /**
   * How the detail was obtained, for the panel to say; `not-fetched`: none is
   * cached and the request did not fetch it (`message` says why, when it was `auto`).
   */
  readonly state: 'cached' | 'fetched' | 'offline' | 'not-in-ll2' | 'not-fetched'
  readonly message: string | null
}

/**
 * A detail fetch's deadline per request (the rate budget's, then the record's):
 * the panel says it gives up after at most twice this.
 */
export const DETAIL_TIMEOUT_MS = 15_000

/**
 * How far a detail request may go for a record the cache lacks: `never`
 * reads the cache alone, at once; `auto` asks LL2 unless that spends a scarce
 * rate-limit budget (LL2's anonymous 15 an hour) on a record nobody asked
 * for; `always` asks LL2 (the user did). A fetch stops an earlier one still
 * under way: only the newest selection's answer is wanted.
 */
export type DetailFetch = 'never' | 'auto' | 'always'

export interface EventDetailRequest {
  readonly id: number
  readonly fetch: DetailFetch
}

/** File formats the app saves. */
export type ExportFormat = 'svg' | 'png' | 'pdf' | 'csv' | 'json'

/** A file the renderer made, to be saved through the native dialog. */
export interface SaveFileRequest {
  readonly format: ExportFormat
  readonly suggestedName: string
  /** Text content, or base64 for binary formats. */
  readonly content: string
  readonly encoding: 'utf8' | 'base64'
  /**
   * For a CSV, the metadata sidecar (`shared/export/csv-metadata.ts`) main
   * writes beside it as `<file>-metadata.json`, pointed at the name the user chose.
   */
  readonly csvMetadata?: string
}

/** A PDF to be printed from an SVG by main. */
export interface PdfRequest {
  readonly svg: string
  readonly pageSize: 'A4' | 'Letter' | 'A3'
  readonly suggestedName: string
}

/** Where a file went, or that the user cancelled the dialog. */
export type SaveResult = { readonly saved: true; readonly path: string } | { readonly saved: false }

/** What main reports about the app. */
export interface AppInfo {
  readonly version: string
  /** Set when the cache file was unreadable at start and moved aside. */
  readonly cacheRecovery: { readonly movedAside: string; readonly reason: string } | null
  /** Set when the bundled snapshot could not be loaded into a new cache, which then started empty. */
  readonly snapshotProblem: string | null
}

/**
 * A file the user picked to import, read by the renderer: only its name and
 * text cross IPC, never a path for main to open.
 */
export interface ImportRequest {
  /** The file's name, for the report and its errors. */
  readonly fileName: string
  /** Its content, UTF-8 decoded; at most `MAX_IMPORT_BYTES` long. */
  readonly text: string
}

/** The reference sets main read at start, and a sentence for each file it could not read. */
export interface ReferenceInfo extends ReferenceData {
  readonly problems: ReadonlyArray<string>
}

/** A preference to store: a key of the PREFS table with a value of its type. */
export type PrefWrite = {
  readonly [K in PrefKey]: { readonly key: K; readonly value: PrefValue<K> }
}[PrefKey]

/** Renderer → main calls: channel → request and response types. */
export interface InvokeChannels {
  'dt:app:get-info': { request: null; response: AppInfo }
  'dt:data:get': { request: null; response: DockingData }
  /** Every cached LL2 expedition, as LL2 files them (run `reviewExpeditions` before measuring). */
  'dt:expeditions:get': { request: null; response: ReadonlyArray<Expedition> }
  'dt:event:get-detail': { request: EventDetailRequest; response: EventDetail }
  /** Stops the detail fetch under way, if any (its docking was closed or left). */
  'dt:event:cancel-detail': { request: null; response: null }
  'dt:prefs:get': { request: { readonly key: PrefKey }; response: PrefValue<PrefKey> | null }
  'dt:prefs:set': { request: PrefWrite; response: null }
  'dt:sync:get-settings': { request: null; response: SyncSettings }
  'dt:sync:set-settings': { request: SyncSettingsUpdate; response: SyncSettings }
  'dt:sync:get-status': { request: null; response: SyncStatus }
  'dt:sync:plan': { request: { readonly kind: SyncKind }; response: SyncPlan }
  'dt:sync:start': { request: { readonly kind: SyncKind }; response: SyncStatus }
  'dt:sync:cancel': { request: null; response: SyncStatus }
  'dt:export:save-file': { request: SaveFileRequest; response: SaveResult }
  'dt:export:save-pdf': { request: PdfRequest; response: SaveResult }
  'dt:shell:open-external': { request: { readonly url: string }; response: null }
  /** Puts plain text on the system clipboard (a citation): the sandboxed page may not. */
  'dt:clipboard:write-text': { request: { readonly text: string }; response: null }
  'dt:reference:get': { request: null; response: ReferenceInfo }
  /**
   * Imports LL2 docking events (2.1.0, 2.2.0 or 2.3.0 list responses or plain
   * lists) as a sync stores them: updated in place or added, never removed.
   * A file that is not docking events fails with `bad-file` and changes nothing.
   */
  'dt:import:records': { request: ImportRequest; response: ImportReport }
}

/** Main → renderer events: channel → payload. */
export interface PushChannels {
  'dt:sync:progress': SyncStatus
  'dt:data:changed': DataInfo
}

/** Any invoke channel. */
export type InvokeChannel = keyof InvokeChannels
/** Any push channel. */
export type PushChannel = keyof PushChannels
/** Request type of a channel. */
export type RequestOf<C extends InvokeChannel> = InvokeChannels[C]['request']
/** Response type of a channel. */
export type ResponseOf<C extends InvokeChannel> = InvokeChannels[C]['response']

/** `window.api` method name → invoke channel. */
export const API_METHODS = {
  getAppInfo: 'dt:app:get-info',
  getData: 'dt:data:get',
  getExpeditions: 'dt:expeditions:get',
  getEventDetail: 'dt:event:get-detail',
  cancelEventDetail: 'dt:event:cancel-detail',
  getPref: 'dt:prefs:get',
  setPref: 'dt:prefs:set',
  getSyncSettings: 'dt:sync:get-settings',
  setSyncSettings: 'dt:sync:set-settings',
  getSyncStatus: 'dt:sync:get-status',
  planSync: 'dt:sync:plan',
  startSync: 'dt:sync:start',
  cancelSync: 'dt:sync:cancel',
  saveFile: 'dt:export:save-file',
  savePdf: 'dt:export:save-pdf',
  openExternal: 'dt:shell:open-external',
  copyText: 'dt:clipboard:write-text',
  getReference: 'dt:reference:get',
  importRecords: 'dt:import:records',
} as const satisfies Record<string, InvokeChannel>

/** `window.api` subscription name → push channel. */
export const API_EVENTS = {
  onSyncProgress: 'dt:sync:progress',
  onDataChanged: 'dt:data:changed',
} as const satisfies Record<string, PushChannel>

type Invoker<C extends InvokeChannel> =
  RequestOf<C> extends null
    ? () => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>

/**
 * Preferences typed per key: the channel maps carry the union over every key,
 * these narrow it to the key asked for.
 */
interface PrefMethods {
  /** The stored value (read through the PREFS table), or null when none is stored. */
  readonly getPref: <K extends PrefKey>(request: {
    readonly key: K
  }) => Promise<Result<PrefValue<K> | null>>
  readonly setPref: <K extends PrefKey>(request: {
    readonly key: K
    readonly value: PrefValue<K>
  }) => Promise<Result<null>>
}

/** What `window.api` looks like, derived from the maps above. */
export type AppApi = {
  readonly [M in Exclude<keyof typeof API_METHODS, keyof PrefMethods>]: Invoker<
    (typeof API_METHODS)[M]
  >
} & PrefMethods & {
    readonly [E in keyof typeof API_EVENTS]: (
      listener: (payload: PushChannels[(typeof API_EVENTS)[E]]) => void,
    ) => () => void
  }

/**
 * Builds an AppApi over any transport.
 *
 * The preload passes `ipcRenderer.invoke`/`on`; the e2e bridge passes page
 * bindings. Both get the same method table, so neither can drift.
 */
export function buildAppApi(
  invoke: (channel: InvokeChannel, request: unknown) => Promise<unknown>,
  subscribe: (channel: PushChannel, listener: (payload: unknown) => void) => () => void,
): AppApi {
  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = (request?: unknown) => invoke(channel, request ?? null)
  }
  for (const [name, channel] of Object.entries(API_EVENTS)) {
    api[name] = (listener: (payload: unknown) => void) => subscribe(channel, listener)
  }
  // Filled from the two tables at run time, so the compiler cannot follow it.
  return api as unknown as AppApi
}

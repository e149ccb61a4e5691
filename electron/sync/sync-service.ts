import type { DockingCache } from '../../shared/cache'
import type {
  PushChannels,
  SyncKind,
  SyncPlan,
  SyncSettings,
  SyncSettingsUpdate,
  SyncStatus,
} from '../../shared/ipc/contract'
import type { UtcMillis } from '../../shared/units'
import { CodedError } from '../app-error'

/** What the sync service needs from outside. */
export interface SyncDeps {
  readonly cache: DockingCache
  readonly now: () => UtcMillis
  readonly fetch: typeof fetch
  readonly emit: <C extends keyof PushChannels>(channel: C, payload: PushChannels[C]) => void
  readonly defaultBaseUrl: string
  readonly userAgent: string
}

/** Sync as the IPC handlers see it. */
export interface SyncService {
  getSettings(): SyncSettings
  setSettings(update: SyncSettingsUpdate): SyncSettings
  getStatus(): SyncStatus
  plan(kind: SyncKind): Promise<SyncPlan>
  start(kind: SyncKind): SyncStatus
  cancel(): SyncStatus
  /** Detailed record of one event, from LL2 (cached by the caller). */
  fetchDetail(id: number): Promise<unknown>
}

/** Creates the sync service. */
export function createSyncService(deps: SyncDeps): SyncService {
  const status: SyncStatus = {
    state: 'idle',
    kind: null,
    plan: null,
    pagesDone: 0,
    pagesTotal: null,
    eventsStored: 0,
    waitingUntil: null,
    lastFullSync: null,
    lastIncrementalSync: null,
    baseUrl: deps.defaultBaseUrl,
    error: null,
  }
  const unavailable = () =>
    new CodedError('offline', 'Syncing with Launch Library 2 is not built yet (issue #3).')
  return {
    getSettings: () => ({ baseUrl: deps.defaultBaseUrl, hasApiKey: false }),
    setSettings: () => {
      throw unavailable()
    },
    getStatus: () => status,
    plan: () => Promise.reject(unavailable()),
    start: () => {
      throw unavailable()
    },
    cancel: () => status,
    fetchDetail: () => Promise.reject(unavailable()),
  }
}

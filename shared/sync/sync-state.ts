/**
 * The typed sync-state store: every key the cache's `sync_state` table holds,
 * with its value type, in one place.
 *
 * Values are stored as text under the key names earlier builds wrote, so
 * existing cache files read the same. A stored value this build cannot read
 * (a job from a newer build, a hand-edited row) reads as absent: a sync
 * position lost is a restart, not data lost.
 */
import { z } from 'zod'

import { utcMillis, type UtcMillis } from '../domain/units'
import { syncJobSchema, type SyncJob } from './sync-job'

/** The last `api-throttle` reading of a server. */
export interface Ll2Budget {
  readonly limit: number
  readonly windowSecs: number
  readonly currentUse: number
  readonly nextUseSecs: number
  /** When it was read. */
  readonly checkedAt: UtcMillis
}

/** Values kept once per cache. */
export interface SyncState {
  /** When the data last came complete from a sync. */
  readonly dataAsOf: UtcMillis
  /** Where the bundled snapshot's records came from, in words. */
  readonly snapshotSource: string
  /** When the bundled snapshot was loaded; set once, so it never creeps back after a sync. */
  readonly snapshotLoaded: UtcMillis
  /** The LL2 server the user chose; absent: the default. */
  readonly baseUrl: string
  /**
   * The LL2 API keys, per origin (see electron/ll2/api-key-store.ts). Kept
   * here, which no IPC channel reads, never in prefs (the renderer can read those).
   */
  readonly apiKeys: StoredApiKeys
  /** The one key of builds before keys had origins; moved into `apiKeys` on first use. */
  readonly legacyApiKey: string
  /** The position of an unfinished sync. */
  readonly job: SyncJob
  readonly lastFullSync: UtcMillis
  readonly lastIncrementalSync: UtcMillis
  /** Server of the last completed sync. */
  readonly lastSource: string
  /** Why the last sync failed, in words; absent after a success. */
  readonly lastError: string
  /** LL2's event count at the last full sync, for the next plan. */
  readonly eventCount: number
  /** LL2's docking location count at the last full sync, for the next plan. */
  readonly locationCount: number
  /** Version of the normaliser that built the events' models (see `NORMALIZER_VERSION`). */
  readonly normalizerVersion: number
  /** When the bundled expeditions were loaded; set once, as `snapshotLoaded` is. */
  readonly expeditionsLoaded: UtcMillis
  /** LL2's expedition count at the last full sync, for the next plan. */
  readonly expeditionCount: number
}

/** An API key as stored: sealed by the app's keychain, or as given where there is none. */
export interface StoredApiKey {
  readonly value: string
  readonly encrypted: boolean
}

/** API keys by origin (`https://ll.thespacedevs.com`). */
export type StoredApiKeys = Readonly<Record<string, StoredApiKey>>

/** Values kept per server origin: production and lldev have separate limits. */
export interface ServerState {
  /** Before this, no counted request may be sent. */
  readonly blockedUntil: UtcMillis
  readonly budget: Ll2Budget
}

/** Changes to several values at once; null clears one. */
export type SyncStateChanges = { readonly [K in keyof SyncState]?: SyncState[K] | null }

/** The text table underneath (the cache's `sync_state`). */
export interface StateTable {
  /** The stored text, or null when absent. */
  read(key: string): string | null
  /** Writes, or with null deletes. */
  write(key: string, value: string | null): void
}

/** Typed access to sync state. */
export interface SyncStateStore {
  /** A value, or null when absent or unreadable. */
  get<K extends keyof SyncState>(key: K): SyncState[K] | null
  /** Writes, or with null clears. */
  set<K extends keyof SyncState>(key: K, value: SyncState[K] | null): void
  /** Writes several values (the caller's transaction makes them one write). */
  update(changes: SyncStateChanges): void
  /** A value of the server at `baseUrl` (any URL on its origin). */
  getForServer<K extends keyof ServerState>(baseUrl: string, key: K): ServerState[K] | null
  /** Writes, or with null clears, a value of the server at `baseUrl`. */
  setForServer<K extends keyof ServerState>(
    baseUrl: string,
    key: K,
    value: ServerState[K] | null,
  ): void
}

interface Codec<T> {
  encode(value: T): string
  decode(text: string): T | null
}

const text: Codec<string> = { encode: (v) => v, decode: (t) => t }

const finite = (t: string): number | null => {
  const n = t.trim() === '' ? NaN : Number(t)
  return Number.isFinite(n) ? n : null
}
const count: Codec<number> = { encode: String, decode: finite }
const instant: Codec<UtcMillis> = {
  encode: String,
  decode: (t) => {
    const n = finite(t)
    return n === null ? null : utcMillis(n)
  },
}

function json<T>(schema: z.ZodType<T>): Codec<T> {
  return {
    encode: (v) => JSON.stringify(v),
    decode(t) {
      try {
        const parsed = schema.safeParse(JSON.parse(t))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
  }
}

const budgetSchema: z.ZodType<Ll2Budget> = z.object({
  limit: z.number(),
  windowSecs: z.number(),
  currentUse: z.number(),
  nextUseSecs: z.number(),
  checkedAt: z.number().transform(utcMillis),
})

const apiKeysSchema: z.ZodType<StoredApiKeys> = z.record(
  z.string(),
  z.object({ value: z.string(), encrypted: z.boolean() }),
)

/** Each value's key in the table (the names earlier builds wrote) and its codec. */
const FIELDS: { readonly [K in keyof SyncState]: readonly [string, Codec<SyncState[K]>] } = {
  dataAsOf: ['data_as_of', instant],
  snapshotSource: ['snapshot_source', text],
  snapshotLoaded: ['snapshot_loaded', instant],
  baseUrl: ['sync_base_url', text],
  apiKeys: ['ll2_api_keys', json(apiKeysSchema)],
  legacyApiKey: ['sync_api_key', text],
  job: ['sync_job', json(syncJobSchema)],
  lastFullSync: ['last_full_sync', instant],
  lastIncrementalSync: ['last_incremental_sync', instant],
  lastSource: ['last_sync_source', text],
  lastError: ['last_sync_error', text],
  eventCount: ['ll2_event_count', count],
  locationCount: ['ll2_location_count', count],
  normalizerVersion: ['normalizer_version', count],
  expeditionsLoaded: ['expeditions_loaded', instant],
  expeditionCount: ['ll2_expedition_count', count],
}

const SERVER_FIELDS: {
  readonly [K in keyof ServerState]: readonly [string, Codec<ServerState[K]>]
} = {
  blockedUntil: ['ll2_blocked_until', instant],
  budget: ['ll2_budget', json(budgetSchema)],
}

/** The table key of a server value: one per origin. */
const serverKey = (baseUrl: string, key: keyof ServerState): string =>
  `${SERVER_FIELDS[key][0]} ${new URL(baseUrl).origin}`

/** The typed store over `table`. */
export function syncStateStore(table: StateTable): SyncStateStore {
  const read = <T>(key: string, codec: Codec<T>): T | null => {
    const stored = table.read(key)
    return stored === null ? null : codec.decode(stored)
  }
  const write = <T>(key: string, codec: Codec<T>, value: T | null): void =>
    table.write(key, value === null ? null : codec.encode(value))
  const store: SyncStateStore = {
    get: (key) => read(FIELDS[key][0], FIELDS[key][1]),
    set: (key, value) => write(FIELDS[key][0], FIELDS[key][1], value),
    update(changes) {
      for (const key of Object.keys(changes) as Array<keyof SyncState>) {
        const value = changes[key]
        if (value !== undefined) store.set(key, value)
      }
    },
    getForServer: (baseUrl, key) => read(serverKey(baseUrl, key), SERVER_FIELDS[key][1]),
    setForServer: (baseUrl, key, value) =>
      write(serverKey(baseUrl, key), SERVER_FIELDS[key][1], value),
  }
  return store
}

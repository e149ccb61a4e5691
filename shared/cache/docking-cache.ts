/**
 * The cache contract: what services need from local storage.
 *
 * The better-sqlite3 implementation lives in `electron/cache/`; tests and
 * services depend on this interface only.
 */
import type { DataSource, DockingData, DockingEvent, Port, Station } from '../domain/model'
import type { SyncStateChanges, SyncStateStore } from '../sync/sync-state'
import type { UtcMillis } from '../domain/units'

/** A record as fetched, with its domain value and raw JSON. */
export interface StoredEvent {
  readonly event: DockingEvent
  /** The record exactly as received (JSON text). */
  readonly raw: string
}

/** What storing events did: new ids added, stored ids replaced in place. */
export interface UpsertCounts {
  readonly added: number
  readonly updated: number
}

/** A station record as fetched. */
export interface StoredStation {
  readonly station: Station
  readonly ports: ReadonlyArray<Port>
  readonly raw: string
  readonly fetchedAt: UtcMillis
}

/** Local storage of stations, ports, events, details, sync state and preferences. */
export interface DockingCache {
  /**
   * Stores events (and the ports and stations they name) in one transaction.
   *
   * `state`, when given, is written in the same transaction, so a sync's
   * position can never get ahead of (or fall behind) the page it belongs to.
   * LL2 ids are stable: a record with a stored id replaces it in place.
   */
  upsertEvents(
    events: ReadonlyArray<StoredEvent>,
    ports: ReadonlyArray<Port>,
    stations: ReadonlyArray<Station>,
    state?: SyncStateChanges,
  ): UpsertCounts
  /** Stores station records in one transaction. */
  upsertStations(stations: ReadonlyArray<StoredStation>): void
  /** Deletes events by id (LL2 withdrew them); returns how many went. */
  deleteEvents(ids: ReadonlyArray<number>): number
  /** Latest docking time among events of `source`, or null when there are none. */
  newestDocking(source: DataSource): UtcMillis | null
  /** Ids of events of `source` with no departure (still docked, as far as the cache knows). */
  openEventIds(source: DataSource): ReadonlyArray<number>
  /** Runs `fn` in one transaction (nested calls join it). */
  transaction<T>(fn: () => T): T
  /** Everything the chart needs. */
  readData(): DockingData
  /** One event, or null. */
  getEvent(id: number): StoredEvent | null
  /** Cached detailed record (raw JSON) and its fetch time, or null. */
  getDetail(id: number): { readonly raw: string; readonly fetchedAt: UtcMillis } | null
  /** Caches a detailed record. */
  putDetail(id: number, raw: string, fetchedAt: UtcMillis): void
  /** Sync state: positions, times, server facts (writes join a running transaction). */
  readonly state: SyncStateStore
  /** Reads a stored preference (JSON value), or undefined. */
  getPref(key: string): unknown
  /** Stores a preference (any JSON value). */
  setPref(key: string, value: unknown): void
  /** Appends to the request log. */
  logRequest(entry: RequestLogEntry): void
  /** Requests logged at or after `since` that counted against the rate limit. */
  countedRequestsSince(since: UtcMillis): number
  /** Closes the database. */
  close(): void
}

/** One line of the request log (never holds the API key). */
export interface RequestLogEntry {
  readonly at: UtcMillis
  readonly url: string
  readonly status: number | null
  readonly durationMs: number
  readonly note: string | null
  /** Whether the request counted against the rate limit (`api-throttle` does not); default true. */
  readonly counted?: boolean
}

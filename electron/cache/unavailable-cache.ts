import type { DockingCache } from '../../shared/cache/docking-cache'
import { syncStateStore } from '../../shared/sync/sync-state'
import { CodedError } from '../app-error'

/**
 * A cache that could not be opened at all (folder not writable, disk full):
 * every call fails with the reason, so the window can open and say what to do
 * instead of the app dying at start.
 */
export function unavailableCache(file: string, reason: string): DockingCache {
  const fail = (): never => {
    throw new CodedError('cache-error', `The cache file ${file} cannot be opened: ${reason}`)
  }
  return {
    upsertEvents: fail,
    upsertStations: fail,
    deleteEvents: fail,
    newestDocking: fail,
    openEventIds: fail,
    transaction: fail,
    readData: fail,
    getEvent: fail,
    getDetail: fail,
    putDetail: fail,
    state: syncStateStore({ read: fail, write: fail }),
    getPref: fail,
    setPref: fail,
    logRequest: fail,
    countedRequestsSince: fail,
    close: () => undefined,
  }
}

import type { AppStore } from '../state/store'

/**
 * Routes main's push events into the store, outside React.
 *
 * Returns a function that removes every listener.
 */
export function subscribeToMain(store: AppStore): () => void {
  const offs = [
    store.api.onSyncProgress((status) => store.getState().setSyncStatus(status)),
    store.api.onDataChanged(() => void store.getState().loadData()),
  ]
  return () => offs.forEach((off) => off())
}

import { api } from '../api'
import { useAppStore } from '../state/store'

/**
 * Routes main's push events into the store, outside React.
 *
 * Returns a function that removes every listener.
 */
export function subscribeToMain(): () => void {
  const offs = [
    api().onSyncProgress((status) => useAppStore.getState().setSyncStatus(status)),
    api().onDataChanged(() => void useAppStore.getState().loadData()),
  ]
  return () => offs.forEach((off) => off())
}

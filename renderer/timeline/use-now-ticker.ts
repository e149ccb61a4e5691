import { useEffect } from 'react'

import { useAppStore } from '../state/store'

/** How often still-docked bars grow to the current time. */
const TICK_MS = 60_000

/** Keeps the store's clock moving, so open bars run to now while the app is open. */
export function useNowTicker(): void {
  useEffect(() => {
    const id = setInterval(() => useAppStore.getState().tick(Date.now()), TICK_MS)
    return () => clearInterval(id)
  }, [])
}

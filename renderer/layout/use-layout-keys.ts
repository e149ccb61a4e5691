import { useEffect, useRef } from 'react'

import type { SidePanelId } from '../state/layout-slice'
import { useAppStoreApi } from '../state/store'
import type { WorkspaceFit } from './panel-fit'

/** The key that shows or hides each side panel, as the help and titles name it. */
export const PANEL_KEYS: Readonly<Record<SidePanelId, string>> = { filters: '[', details: ']' }

// Keys typed into these belong to them.
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

/** Where focus goes when the panel holding it goes away. */
export const CHART_REGION_ID = 'chart-main'

/**
 * Workspace keys: [ and ] show or hide the filters and details panels, Esc
 * closes the details (and the selection they describe). A panel the window
 * had folded for lack of room opens on its key, folding the other.
 */
export function useLayoutKeys(fit: WorkspaceFit): void {
  const appStore = useAppStoreApi()
  const current = useRef(fit)
  current.current = fit
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return
      if (target?.closest('dialog')) return
      const state = appStore.getState()
      const panel = (Object.keys(PANEL_KEYS) as SidePanelId[]).find((p) => PANEL_KEYS[p] === e.key)
      if (panel) {
        e.preventDefault()
        state.setPanelCollapsed(panel, current.current[panel].open)
        return
      }
      if (e.key === 'Escape' && state.selectedEventId !== null) {
        e.preventDefault()
        const inDetails = target?.closest('#panel-details') !== null
        state.selectEvent(null)
        if (inDetails) document.getElementById(CHART_REGION_ID)?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [appStore])
}

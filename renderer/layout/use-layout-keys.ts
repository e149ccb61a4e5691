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

/** The search field, in the filters panel. */
const SEARCH_FIELD = '#panel-filters input[type="search"]'

/** "/", or Ctrl+F (⌘F), the find key every reader tries first. */
const isFindKey = (e: KeyboardEvent) =>
  (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) ||
  ((e.key === 'f' || e.key === 'F') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey)

/**
 * Workspace keys: [ and ] show or hide the filters and details panels, Esc
 * closes the details (and the selection they describe), / and Ctrl+F go to
 * the search. A panel the window had folded for lack of room opens on its
 * key, folding the other.
 */
export function useLayoutKeys(fit: WorkspaceFit): void {
  const appStore = useAppStoreApi()
  const current = useRef(fit)
  current.current = fit
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      const typing = target !== null && (TYPING.has(target.tagName) || target.isContentEditable)
      if (e.defaultPrevented || target?.closest('dialog')) return
      const state = appStore.getState()
      // Ctrl+F works from a field too; "/" there is a character like any other.
      if (isFindKey(e) && (!typing || e.key !== '/')) {
        e.preventDefault()
        if (!current.current.filters.open) state.setPanelCollapsed('filters', false)
        // The panel renders its field first when it was folded.
        requestAnimationFrame(() => {
          const field = document.querySelector<HTMLInputElement>(SEARCH_FIELD)
          field?.focus()
          field?.select()
        })
        return
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing) return
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

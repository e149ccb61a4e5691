import { useEffect } from 'react'

import { useAppStoreApi } from '../../state/store'
import { selectFilteredEvents } from '../../state/filter-selectors'
import { windowShowing } from '../../../shared/chart/window'
import { neighbourDocking, windowForKey, zoomToSelection } from './shortcuts'

// Keys typed into these belong to them, not to the chart.
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

/**
 * App-level chart shortcuts (vis-timeline has none, #1915): arrows pan, +/−
 * zoom, Home = now, F = fit, Alt+arrows = back/forward, N/P = next/previous
 * docking, Z = zoom to selection, C = cursor, ? = help.
 *
 * Runs in the bubbling phase and skips events a focused widget already
 * handled (the table uses the arrows to move between rows).
 */
export function useChartKeys(): void {
  const appStore = useAppStoreApi()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey) return
      const target = e.target as HTMLElement | null
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return
      if (target?.closest('dialog')) return
      const state = appStore.getState()
      // Alt+arrows are Back and Forward, as in a browser (whose own Back this stops).
      if (e.altKey) {
        if (state.mainView !== 'chart' || e.shiftKey) return
        if (e.key === 'ArrowLeft') state.goBack()
        else if (e.key === 'ArrowRight') state.goForward()
        else return
        e.preventDefault()
        return
      }
      if (e.key === '?') {
        state.setHelpOpen(true)
        e.preventDefault()
        return
      }
      if (state.mainView !== 'chart') return
      if (e.key === 'c' || e.key === 'C') {
        const w = state.visibleWindow
        state.setCursor(state.cursor !== null || !w ? null : (w.start + w.end) / 2)
        e.preventDefault()
        return
      }
      // The bars are pixels: N and P walk them from the keyboard, as clicks would.
      const dir = e.key === 'n' || e.key === 'N' ? 1 : e.key === 'p' || e.key === 'P' ? -1 : 0
      if (dir !== 0) {
        const next = neighbourDocking(
          selectFilteredEvents(state),
          state.selectedEventId,
          state.visibleWindow,
          dir,
        )
        if (next) {
          state.showEvent(next.id, windowShowing(next.docking, state.visibleWindow), 'walk')
        }
        e.preventDefault()
        return
      }
      if (e.key === 'z' || e.key === 'Z') {
        zoomToSelection(state)
        e.preventDefault()
        return
      }
      const next = windowForKey(e.key, state)
      if (next) {
        if (next.jump) state.jumpTo(next.window, undefined, next.jump)
        else state.requestWindow(next.window)
        e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

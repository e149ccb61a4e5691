/**
 * The chart's keyboard shortcuts: one table for the handler and the help overlay.
 */
import { fitWindow, panWindow, zoomWindow, type TimeWindow } from '../../shared/chart-window'
import { dataExtent } from '../../shared/timeline-rows'
import { utcMillis } from '../../shared/units'
import { selectFilteredEvents } from '../state/selectors'
import type { AppState } from '../state/store'

/** A shortcut as the help overlay lists it. */
export interface Shortcut {
  readonly keys: ReadonlyArray<string>
  readonly action: string
}

/** Shortcuts in help order. */
export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['←', '→'], action: 'Pan back / forward in time' },
  { keys: ['+', '−'], action: 'Zoom in / out' },
  { keys: ['Home'], action: 'Go to now' },
  { keys: ['F'], action: 'Fit all the data' },
  { keys: ['Z'], action: 'Zoom to the selected docking' },
  { keys: ['C'], action: 'Show or hide the time cursor' },
  { keys: ['?'], action: 'Show this help' },
  { keys: ['Esc'], action: 'Close this help' },
]

/** How far one arrow press pans, as a share of the window. */
export const PAN_STEP = 0.2
/** How much one +/− press zooms. */
export const ZOOM_STEP = 0.5

/** The window that fits the filtered data, or null when there is none. */
export function fitAll(state: AppState): TimeWindow | null {
  const extent = dataExtent(selectFilteredEvents(state), state.now)
  return extent ? fitWindow(extent) : null
}

/** The selected docking's span, or null. */
export function selectedSpan(state: AppState): { start: number; end: number } | null {
  const id = state.selectedEventId
  if (id === null) return null
  const e = state.data?.events.find((x) => x.id === id)
  if (!e) return null
  return { start: e.docking, end: e.departure ?? Math.max(state.now, e.docking) }
}

/** The window a chart key asks for, or null if the key is not a chart key. */
export function windowForKey(key: string, state: AppState): TimeWindow | null {
  const w = state.visibleWindow
  if (!w) return null
  switch (key) {
    case 'ArrowLeft':
      return panWindow(w, -PAN_STEP)
    case 'ArrowRight':
      return panWindow(w, PAN_STEP)
    case '+':
    case '=':
      return zoomWindow(w, ZOOM_STEP)
    case '-':
    case '_':
      return zoomWindow(w, 1 / ZOOM_STEP)
    case 'Home': {
      const span = w.end - w.start
      const now = utcMillis(Date.now())
      return { start: utcMillis(now - span / 2), end: utcMillis(now + span / 2) }
    }
    case 'f':
    case 'F':
      return fitAll(state)
    default:
      return null
  }
}

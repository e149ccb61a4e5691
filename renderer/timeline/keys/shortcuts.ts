/**
 * The chart's keyboard shortcuts: one table for the handler and the help overlay.
 */
import { panWindow, windowAround, zoomWindow, type TimeWindow } from '../../../shared/chart/window'
import type { DockingEvent } from '../../../shared/domain/model'
import { utcMillis } from '../../../shared/domain/units'
import { selectSelectedEvent } from '../../state/selectors'
import { selectFitWindow } from '../../state/fit-selectors'
import { selectEndFacts } from '../../state/quality-selectors'
import { effectiveEndTime } from '../../../shared/occupancy/effective-end'
import type { AppState } from '../../state/store'
import type { JumpKind } from '../../state/view-slice'
import { PANEL_KEYS } from '../../layout/use-layout-keys'

/** A shortcut as the help overlay lists it. */
export interface Shortcut {
  readonly keys: ReadonlyArray<string>
  readonly action: string
}

/** Shortcuts in help order. */
export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['/', 'Ctrl F'], action: 'Go to the search (opening the filters)' },
  { keys: ['←', '→'], action: 'Pan back / forward in time' },
  { keys: ['+', '−'], action: 'Zoom in / out' },
  { keys: ['Home'], action: 'Go to now' },
  { keys: ['Alt ←', 'Alt →'], action: 'Back / forward to where the chart jumped from' },
  { keys: ['F'], action: 'Fit all the data' },
  { keys: ['N', 'P'], action: 'Select the next / previous docking' },
  { keys: ['Z'], action: 'Zoom to the selected docking' },
  { keys: ['C'], action: 'Show or hide the time cursor' },
  { keys: ['←', '→'], action: 'Move the time cursor, when it has focus (Shift: further)' },
  { keys: [PANEL_KEYS.filters, PANEL_KEYS.details], action: 'Show or hide the filters / details' },
  { keys: ['?'], action: 'Show this help' },
  { keys: ['Esc'], action: 'Close this help, or the details of the selected docking' },
]

/** How far one arrow press pans, as a share of the window. */
export const PAN_STEP = 0.2
/** How much one +/− press zooms. */
export const ZOOM_STEP = 0.5

/** Z and "Zoom to selection": the selected docking's stay fills the window, its row in view. */
export function zoomToSelection(state: AppState): void {
  const e = selectSelectedEvent(state)
  if (!e) return
  // Where its bar ends: a stay whose port was used again stops there, not at now.
  const end = effectiveEndTime(e, selectEndFacts(state), state.now)
  state.showEvent(e.id, windowAround(e.docking, end))
}

/** What a chart key asks for: a window, and whether Back should return from it. */
export interface KeyMove {
  readonly window: TimeWindow
  /** Home jumps and F jumps to a fit; arrows and +/− step, and Back skips steps. */
  readonly jump: JumpKind | null
}

/** The window a chart key asks for, or null if the key is not a chart key. */
export function windowForKey(key: string, state: AppState): KeyMove | null {
  const w = state.visibleWindow
  if (!w) return null
  const step = (window: TimeWindow): KeyMove => ({ window, jump: null })
  switch (key) {
    case 'ArrowLeft':
      return step(panWindow(w, -PAN_STEP))
    case 'ArrowRight':
      return step(panWindow(w, PAN_STEP))
    case '+':
    case '=':
      return step(zoomWindow(w, ZOOM_STEP))
    case '-':
    case '_':
      return step(zoomWindow(w, 1 / ZOOM_STEP))
    case 'Home': {
      const span = w.end - w.start
      const now = state.now
      return {
        window: { start: utcMillis(now - span / 2), end: utcMillis(now + span / 2) },
        jump: 'other',
      }
    }
    case 'f':
    case 'F': {
      const all = selectFitWindow(state)
      return all ? { window: all, jump: 'fit' } : null
    }
    default:
      return null
  }
}

/**
 * The docking after (dir 1) or before (dir -1) the selected one, in docking
 * order; with none selected, the first to dock in the window (or the last,
 * going back). Null at either end.
 */
export function neighbourDocking(
  events: ReadonlyArray<DockingEvent>,
  selectedId: number | null,
  window: { readonly start: number; readonly end: number } | null,
  dir: 1 | -1,
): DockingEvent | null {
  const sorted = [...events].sort((a, b) => a.docking - b.docking || a.id - b.id)
  const at = selectedId === null ? -1 : sorted.findIndex((e) => e.id === selectedId)
  if (at >= 0) return sorted[at + dir] ?? null
  if (dir === 1) return sorted.find((e) => !window || e.docking >= window.start) ?? null
  const before = sorted.filter((e) => !window || e.docking <= window.end)
  return before[before.length - 1] ?? null
}

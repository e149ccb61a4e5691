/**
 * The time cursor: a vis custom time the user drags to an instant, labelled
 * with that instant in the chosen zone. It takes keyboard focus (Tab or a
 * click) and then ← / → move it, Shift for bigger steps (issue #15).
 */
import type { Timeline } from 'vis-timeline/peer'

import { formatInstant, type TimeZoneMode } from '../../../shared/time/time-format'
import { escapeHtml } from './vis-groups'

const CURSOR_ID = 'cursor'
/** The cursor line's element, as vis classes it (`vis-custom-time <id>`). */
const CURSOR_SELECTOR = `.vis-custom-time.${CURSOR_ID}`
/** One arrow press moves the cursor this share of the visible window; Shift ten times as far. */
const KEY_STEP = 0.01

/** Shows the cursor at `cursor` (or hides it for null), its marker in `zone`. */
export function showCursor(
  t: Timeline,
  cursor: number | null,
  zone: TimeZoneMode,
  root?: HTMLElement,
): void {
  const has = (() => {
    try {
      t.getCustomTime(CURSOR_ID)
      return true
    } catch {
      return false
    }
  })()
  if (cursor === null) {
    if (has) t.removeCustomTime(CURSOR_ID)
    return
  }
  if (!has) t.addCustomTime(new Date(cursor), CURSOR_ID)
  else if (t.getCustomTime(CURSOR_ID).valueOf() !== cursor)
    t.setCustomTime(new Date(cursor), CURSOR_ID)
  // Typed in vis's class declaration only on the interface (PR #77: types "may be incomplete").
  ;(
    t as unknown as { setCustomTimeMarker(title: string, id: string, editable: boolean): void }
  ).setCustomTimeMarker(escapeHtml(formatInstant(cursor, zone, 'minute')), CURSOR_ID, false)
  t.setCustomTimeTitle(`Time cursor: drag, or focus and use ← →, to move`, CURSOR_ID)
  // vis draws the line as a plain div (made before it is attached, so asked of
  // vis, not of the page): make it a focusable slider for the keyboard.
  const line = cursorLine(t) ?? root?.querySelector<HTMLElement>(CURSOR_SELECTOR)
  if (line) {
    line.tabIndex = 0
    line.setAttribute('role', 'slider')
    line.setAttribute('aria-label', 'Time cursor')
    line.setAttribute('aria-valuetext', formatInstant(cursor, zone, 'minute'))
  }
}

// vis keeps its custom times in `customTimes`, each with its line element as `bar`
// (vis-timeline 8.5 Core, CustomTime); not in its typings.
function cursorLine(t: Timeline): HTMLElement | null {
  const times = (
    t as unknown as { customTimes?: ReadonlyArray<{ options: { id: string }; bar?: HTMLElement }> }
  ).customTimes
  return times?.find((c) => c.options.id === CURSOR_ID)?.bar ?? null
}

/** How far one arrow press moves the cursor: a share of the window, whole minutes, at least one. */
export function cursorKeyStep(windowMs: number, isBig: boolean): number {
  const step = Math.max(60_000, Math.round((windowMs * KEY_STEP) / 60_000) * 60_000)
  return isBig ? step * 10 : step
}

/** Dragging the cursor: reported at most once a frame while it moves, and where it is dropped. */
export class CursorDrag {
  private frame = 0
  private dragged = 0

  constructor(
    private readonly t: Timeline,
    private readonly report: (instant: number) => void,
    private readonly root: HTMLElement,
  ) {
    t.on('timechange', this.onDrag)
    t.on('timechanged', this.onDrop)
    root.addEventListener('keydown', this.onKey)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.root.removeEventListener('keydown', this.onKey)
  }

  // Arrows on the focused line move it; handled here so the chart's own arrows (pan) do not run.
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    if (!(e.target instanceof HTMLElement) || !e.target.closest(CURSOR_SELECTOR)) return
    const w = this.t.getWindow()
    const step = cursorKeyStep(w.end.valueOf() - w.start.valueOf(), e.shiftKey)
    const at = this.t.getCustomTime(CURSOR_ID).valueOf()
    this.report(at + (e.key === 'ArrowLeft' ? -step : step))
    e.preventDefault()
    e.stopPropagation()
  }

  private readonly onDrag = (props: { id: string; time: Date }) => {
    if (props.id !== CURSOR_ID) return
    this.dragged = props.time.valueOf()
    if (!this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0
        this.report(this.dragged)
      })
  }

  private readonly onDrop = (props: { id: string; time: Date }) => {
    if (props.id === CURSOR_ID) this.report(props.time.valueOf())
  }
}

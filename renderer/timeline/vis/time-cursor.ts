/**
 * The time cursor: a vis custom time the user drags to an instant, labelled
 * with that instant in the chosen zone.
 */
import type { Timeline } from 'vis-timeline/peer'

import { formatInstant, type TimeZoneMode } from '../../../shared/time/time-format'
import { escapeHtml } from './vis-groups'

const CURSOR_ID = 'cursor'

/** Shows the cursor at `cursor` (or hides it for null), its marker in `zone`. */
export function showCursor(t: Timeline, cursor: number | null, zone: TimeZoneMode): void {
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
  t.setCustomTimeTitle(`Time cursor: drag to move`, CURSOR_ID)
}

/** Dragging the cursor: reported at most once a frame while it moves, and where it is dropped. */
export class CursorDrag {
  private frame = 0
  private dragged = 0

  constructor(
    t: Timeline,
    private readonly report: (instant: number) => void,
  ) {
    t.on('timechange', this.onDrag)
    t.on('timechanged', this.onDrop)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
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

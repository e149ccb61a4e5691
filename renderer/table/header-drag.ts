/**
 * Dragging a table header sideways to put its column elsewhere, as
 * spreadsheets do. A press that does not travel is the header's click (its
 * sort); one that does carries a copy of the header under the pointer,
 * shows where the column would land and puts it there on release. Escape or
 * a lost pointer leaves the order as it was. The Columns menu does the same
 * by keyboard.
 */
import {
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react'

import type { ColumnId } from '../../shared/table/table-layout'

/** px a press must travel before it is a drag rather than a click. */
const DRAG_PX = 6

/** A header being dragged: which column, the gap it would drop into, and its copy under the pointer. */
export interface HeaderDrag {
  readonly column: ColumnId
  /** Where the drop mark stands, px from the header row's left edge. */
  readonly markX: number
  /** The dragged copy's left edge, px from the row's left edge: held where it was grabbed. */
  readonly ghostX: number
  /** The header's width, px, for its copy. */
  readonly ghostWidth: number
}

interface Press {
  readonly column: ColumnId
  readonly startX: number
  readonly pointerId: number
  readonly row: HTMLElement
  /** px from the header's left edge to where it was grabbed, and its width. */
  readonly grab: number
  readonly width: number
  /** The gap the pointer is nearest: the shown column it is before (null: after the last). */
  before: ColumnId | null
  dragging: boolean
}

/**
 * The gap nearest to `x` between the row's headers: the column whose middle
 * is first right of `x` (null: none is), and where that gap stands.
 */
function gapAt(
  row: HTMLElement,
  rowLeft: number,
  columns: ReadonlyArray<ColumnId>,
  x: number,
): { before: ColumnId | null; markX: number } {
  const cells = [...row.querySelectorAll<HTMLElement>('[role="columnheader"]')]
  for (let i = 0; i < cells.length && i < columns.length; i++) {
    const box = cells[i]!.getBoundingClientRect()
    if (x < box.left + box.width / 2) return { before: columns[i]!, markX: box.left - rowLeft }
  }
  const last = cells.at(-1)?.getBoundingClientRect()
  return { before: null, markX: last ? last.right - rowLeft : 0 }
}

/**
 * Pointer handlers for the header buttons of `columns` (in shown order), the
 * drag under way for the drop mark, and `clicked()` for the button's click
 * (false right after a drag, whose release is no sort).
 */
export function useHeaderDrag(
  columns: ReadonlyArray<ColumnId>,
  place: (column: ColumnId, before: ColumnId | null) => void,
) {
  const [drag, setDrag] = useState<HeaderDrag | null>(null)
  const press = useRef<Press | null>(null)
  const justDragged = useRef(false)

  const end = (drop: boolean) => {
    const p = press.current
    press.current = null
    setDrag(null)
    if (!p?.dragging) return
    justDragged.current = true
    if (drop) place(p.column, p.before)
  }

  const handlers = (column: ColumnId) => ({
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.button !== 0 || !e.isPrimary) return
      const row = e.currentTarget.closest<HTMLElement>('[role="row"]')
      const cell = e.currentTarget.closest<HTMLElement>('[role="columnheader"]')
      if (!row || !cell) return
      const box = cell.getBoundingClientRect()
      justDragged.current = false
      press.current = {
        column,
        startX: e.clientX,
        pointerId: e.pointerId,
        row,
        grab: e.clientX - box.left,
        width: box.width,
        before: null,
        dragging: false,
      }
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const p = press.current
      if (!p || p.pointerId !== e.pointerId) return
      if (!p.dragging) {
        if (Math.abs(e.clientX - p.startX) < DRAG_PX) return
        p.dragging = true
        // Moves keep coming to this header while the pointer is over its neighbours.
        e.currentTarget.setPointerCapture(e.pointerId)
      }
      const rowLeft = p.row.getBoundingClientRect().left
      const gap = gapAt(p.row, rowLeft, columns, e.clientX)
      p.before = gap.before
      setDrag({
        column: p.column,
        markX: gap.markX,
        ghostX: e.clientX - rowLeft - p.grab,
        ghostWidth: p.width,
      })
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      if (press.current?.pointerId === e.pointerId) end(true)
    },
    onPointerCancel() {
      end(false)
    },
    onLostPointerCapture() {
      if (press.current?.dragging) end(false)
    },
    onKeyDown(e: ReactKeyboardEvent<HTMLElement>) {
      if (e.key === 'Escape' && press.current?.dragging) {
        e.preventDefault()
        e.stopPropagation()
        end(false)
      }
    },
  })

  /** Whether a click on a header is the user's (a sort), not the end of a drag. */
  const clicked = () => {
    const was = justDragged.current
    justDragged.current = false
    return !was
  }

  return { drag, handlers, clicked }
}

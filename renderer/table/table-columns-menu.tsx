import { useLayoutEffect, useRef } from 'react'

import { ALWAYS_SHOWN, DEFAULT_SORT, TABLE_COLUMN_IDS } from '../../shared/table/table-layout'
import type { ColumnId } from '../../shared/table/table-layout'
import { PopoverButton } from '../components/popover-button'
import { useAppStore, useAppStoreApi } from '../state/store'
import { columnsFor } from './table-model'

/** A move button's place in the menu: which column, which way. */
type MoveKey = `${ColumnId}:${-1 | 1}`

/**
 * The table's "Columns" menu: which columns show (the vehicle always does),
 * in which order, and a way back to every column at its fitted width in the
 * opening order. At 1024 px beside a side panel the table has room for four
 * columns; here the user picks which, and which come first.
 */
export function TableColumnsMenu() {
  const store = useAppStoreApi().getState
  const hidden = useAppStore((s) => s.tableHiddenColumns)
  const order = useAppStore((s) => s.tableColumnOrder)
  const countBy = useAppStore((s) => s.countBy)
  const columns = columnsFor(countBy, [], order)
  const arranged = useAppStore(
    (s) =>
      s.tableHiddenColumns.length > 0 ||
      Object.keys(s.tableColumnWidths).length > 0 ||
      s.tableColumnOrder.some((id, i) => id !== TABLE_COLUMN_IDS[i]) ||
      s.tableSort.column !== DEFAULT_SORT.column ||
      s.tableSort.direction !== DEFAULT_SORT.direction,
  )
  const list = useRef<HTMLUListElement>(null)
  // React moves a line by taking it out of the list: the button pressed
  // loses focus unless it is given it back once the lines stand anew.
  const refocus = useRef<MoveKey | null>(null)
  useLayoutEffect(() => {
    const key = refocus.current
    if (!key || !list.current) return
    refocus.current = null
    const [id, by] = key.split(':')
    const button = (k: string) =>
      list.current!.querySelector<HTMLButtonElement>(`button[data-move="${k}"]:not(:disabled)`)
    // At an end its own button is disabled: the other way is the one left to press.
    ;(button(key) ?? button(`${id}:${by === '1' ? -1 : 1}`))?.focus()
  }, [order])
  const move = (id: ColumnId, by: -1 | 1) => {
    refocus.current = `${id}:${by}`
    store().moveTableColumn(id, by)
  }
  return (
    <PopoverButton
      label={
        hidden.length > 0
          ? `Columns (${columns.length - hidden.length} of ${columns.length})`
          : 'Columns'
      }
      title="Choose the table's columns and their order"
      panelLabel="Table columns"
      className="table-columns-menu"
    >
      <p className="muted column-hint">Top to bottom is the table&apos;s left to right.</p>
      <ul ref={list} className="column-list" aria-label="Columns, left to right">
        {columns.map((c, i) => (
          <li key={c.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={!hidden.includes(c.id)}
                disabled={c.id === ALWAYS_SHOWN}
                onChange={() => store().toggleTableColumn(c.id)}
              />
              {c.id === ALWAYS_SHOWN ? `${c.label} (always shown)` : c.label}
            </label>
            <button
              type="button"
              className="column-move"
              data-move={`${c.id}:-1`}
              aria-label={`Move ${c.label} left`}
              title={`Move ${c.label} left`}
              disabled={i === 0}
              onClick={() => move(c.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="column-move"
              data-move={`${c.id}:1`}
              aria-label={`Move ${c.label} right`}
              title={`Move ${c.label} right`}
              disabled={i === columns.length - 1}
              onClick={() => move(c.id, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={!arranged}
        onClick={(e) => {
          // Reset disables this button; focus stays in the menu rather than dropping to the page.
          e.currentTarget.parentElement?.querySelector<HTMLElement>('input:not(:disabled)')?.focus()
          store().resetTable()
        }}
      >
        Reset columns, widths and order
      </button>
    </PopoverButton>
  )
}

import { ALWAYS_SHOWN, DEFAULT_SORT } from '../../shared/table/table-layout'
import { PopoverButton } from '../components/popover-button'
import { useAppStore, useAppStoreApi } from '../state/store'
import { columnsFor } from './table-model'

/**
 * The table's "Columns" menu: which columns show (the vehicle always does),
 * and a way back to every column at its fitted width in the opening order.
 * At 1024 px beside a side panel the table has room for four columns; here
 * the user picks which.
 */
export function TableColumnsMenu() {
  const store = useAppStoreApi().getState
  const hidden = useAppStore((s) => s.tableHiddenColumns)
  const columns = columnsFor(useAppStore((s) => s.countBy))
  const arranged = useAppStore(
    (s) =>
      s.tableHiddenColumns.length > 0 ||
      Object.keys(s.tableColumnWidths).length > 0 ||
      s.tableSort.column !== DEFAULT_SORT.column ||
      s.tableSort.direction !== DEFAULT_SORT.direction,
  )
  return (
    <PopoverButton
      label={
        hidden.length > 0
          ? `Columns (${columns.length - hidden.length} of ${columns.length})`
          : 'Columns'
      }
      title="Choose the table's columns"
      panelLabel="Table columns"
      className="table-columns-menu"
    >
      {columns.map((c) => (
        <label key={c.id} className="check">
          <input
            type="checkbox"
            checked={!hidden.includes(c.id)}
            disabled={c.id === ALWAYS_SHOWN}
            onChange={() => store().toggleTableColumn(c.id)}
          />
          {c.id === ALWAYS_SHOWN ? `${c.label} (always shown)` : c.label}
        </label>
      ))}
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

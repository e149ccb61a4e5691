import { describe, expect, it, vi } from 'vitest'

import { shownSort, TABLE_COLUMN_IDS } from '../../../shared/table/table-layout'
import { settle, storesOnFakeTimers, storeWithPrefs } from './fakes'

storesOnFakeTimers()

describe('the table’s columns, widths and order', () => {
  it('hides and shows columns in the table’s order, never the vehicle', async () => {
    const { store } = storeWithPrefs()
    await store.getState().loadPrefs()
    const s = () => store.getState()
    s().toggleTableColumn('role')
    s().toggleTableColumn('departure')
    s().toggleTableColumn('vehicle')
    expect(s().tableHiddenColumns).toEqual(['departure', 'role'])
    s().toggleTableColumn('departure')
    expect(s().tableHiddenColumns).toEqual(['role'])
  })

  it('sorts by the default while the sorted column is hidden, and by it again once shown', async () => {
    const { store } = storeWithPrefs()
    await store.getState().loadPrefs()
    const s = () => store.getState()
    s().setTableSort({ column: 'station', direction: 'descending' })
    s().toggleTableColumn('station')
    expect(shownSort(s().tableSort, s().tableHiddenColumns)).toEqual({
      column: 'docking',
      direction: 'ascending',
    })
    s().toggleTableColumn('station')
    expect(shownSort(s().tableSort, s().tableHiddenColumns)).toEqual({
      column: 'station',
      direction: 'descending',
    })
  })

  it('puts a dropped header’s column where it was dropped, and stores the order', async () => {
    const { store, prefs } = storeWithPrefs()
    await store.getState().loadPrefs()
    const s = () => store.getState()
    s().placeTableColumn('family', 'vehicle')
    s().placeTableColumn('vehicle', null)
    expect(s().tableColumnOrder[0]).toBe('family')
    expect(s().tableColumnOrder.at(-1)).toBe('vehicle')
    await settle()
    expect(prefs.stored.get('table.column-order')).toEqual(s().tableColumnOrder)
  })

  it('keeps dragged widths within the limits, and stores all three for the next start', async () => {
    const { store, prefs } = storeWithPrefs()
    await store.getState().loadPrefs()
    const s = () => store.getState()
    s().setTableColumnWidth('vehicle', 10)
    s().setTableColumnWidth('port', 212.6)
    s().setTableSort({ column: 'duration', direction: 'descending' })
    s().toggleTableColumn('visit')
    s().moveTableColumn('port', -1)
    s().moveTableColumn('port', -1)
    // A header dragged onto the gap it came from moves nothing.
    s().placeTableColumn('port', 'duration')
    expect(s().tableColumnWidths).toEqual({ vehicle: 48, port: 213 })
    await vi.advanceTimersByTimeAsync(400)
    await settle()
    expect(prefs.stored.get('table.column-widths')).toEqual({ vehicle: 48, port: 213 })
    expect(prefs.stored.get('table.sort')).toEqual({ column: 'duration', direction: 'descending' })
    expect(prefs.stored.get('table.hidden-columns')).toEqual(['visit'])
    const moved = ['vehicle', 'docking', 'departure', 'port', 'duration', 'station']
    expect(prefs.stored.get('table.column-order')).toEqual([...moved, 'family', 'role', 'visit'])

    const next = storeWithPrefs(Object.fromEntries(prefs.stored))
    await next.store.getState().loadPrefs()
    const t = next.store.getState()
    expect([t.tableColumnWidths, t.tableSort, t.tableHiddenColumns]).toEqual([
      { vehicle: 48, port: 213 },
      { column: 'duration', direction: 'descending' },
      ['visit'],
    ])
    expect(t.tableColumnOrder.slice(0, 6)).toEqual(moved)
    t.resetTable()
    const r = next.store.getState()
    expect([r.tableColumnWidths, r.tableSort, r.tableHiddenColumns, r.tableColumnOrder]).toEqual([
      {},
      { column: 'docking', direction: 'ascending' },
      [],
      TABLE_COLUMN_IDS,
    ])
  })
})

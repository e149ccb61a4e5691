import { describe, expect, it } from 'vitest'

import { columnsFor } from '../../renderer/table/table-model'
import {
  moveColumn,
  placeColumn,
  shownSort,
  TABLE_COLUMN_IDS,
} from '../../shared/table/table-layout'

describe('table layout', () => {
  it('shows every column but those hidden, in the table’s order, with each mode’s words', () => {
    expect(columnsFor('docking').map((c) => c.id)).toEqual(TABLE_COLUMN_IDS)
    expect(columnsFor('docking', ['role', 'departure']).map((c) => c.label)).toEqual([
      'Vehicle',
      'Docked',
      'Duration',
      'Station',
      'Port',
      'Family',
      'Visit',
    ])
    expect(columnsFor('visit', ['family']).map((c) => c.label)).toContain('Total stay')
  })

  it('shows the columns in the user’s order, hidden ones left out', () => {
    const order = moveColumn(moveColumn(TABLE_COLUMN_IDS, 'station', -1), 'station', -1)
    expect(order.slice(0, 5)).toEqual(['vehicle', 'docking', 'station', 'departure', 'duration'])
    expect(columnsFor('visit', ['departure'], order).map((c) => c.label)).toEqual([
      'Vehicle',
      'Arrived',
      'Station',
      'Total stay',
      'Ports',
      'Family',
      'Role',
      'Visit (legs)',
    ])
    // At an end a move changes nothing.
    expect(moveColumn(order, 'vehicle', -1)).toBe(order)
    expect(moveColumn(order, 'visit', 1)).toBe(order)
    expect(moveColumn(moveColumn(order, 'visit', -1), 'visit', 1)).toEqual(order)
  })

  it('puts a dropped column just before another, or last', () => {
    const order = TABLE_COLUMN_IDS
    expect(placeColumn(order, 'port', 'docking').slice(0, 3)).toEqual([
      'vehicle',
      'port',
      'docking',
    ])
    expect(placeColumn(order, 'vehicle', null)).toEqual([...order.slice(1), 'vehicle'])
    // Dropped where it stands (before itself or its right neighbour): nothing changes.
    expect(placeColumn(order, 'station', 'station')).toBe(order)
    expect(placeColumn(order, 'station', 'port')).toBe(order)
    expect(placeColumn(order, 'visit', null)).toBe(order)
  })

  it('sorts by a hidden column no more', () => {
    const byPort = { column: 'port', direction: 'descending' } as const
    expect(shownSort(byPort, [])).toBe(byPort)
    expect(shownSort(byPort, ['port'])).toEqual({ column: 'docking', direction: 'ascending' })
  })
})

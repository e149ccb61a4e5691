import { describe, expect, it } from 'vitest'

import { columnsFor } from '../../renderer/table/table-model'
import { shownSort, TABLE_COLUMN_IDS } from '../../shared/table/table-layout'

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

  it('sorts by a hidden column no more', () => {
    const byPort = { column: 'port', direction: 'descending' } as const
    expect(shownSort(byPort, [])).toBe(byPort)
    expect(shownSort(byPort, ['port'])).toEqual({ column: 'docking', direction: 'ascending' })
  })
})

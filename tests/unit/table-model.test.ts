import { describe, expect, it } from 'vitest'

import { nextSort, sortEvents } from '../../renderer/table/table-model'
import { dockingEvent } from './chart-fixtures'

const events = [
  dockingEvent(1, '2000-01-01T00:00:00Z', '2000-01-11T00:00:00Z', {}, 'Soyuz TM-10'),
  dockingEvent(2, '1999-01-01T00:00:00Z', null, {}, 'Soyuz TM-9'),
  dockingEvent(3, '2001-01-01T00:00:00Z', '2001-03-01T00:00:00Z', {}, 'Progress M-1'),
]
const ids = (xs: ReadonlyArray<{ id: number }>) => xs.map((x) => x.id)
const now = Date.parse('2002-01-01T00:00:00Z')

describe('table sorting', () => {
  it('sorts by docking, names with numbers as numbers, and durations to now for open stays', () => {
    expect(ids(sortEvents(events, { column: 'docking', direction: 'ascending' }, now))).toEqual([
      2, 1, 3,
    ])
    expect(ids(sortEvents(events, { column: 'vehicle', direction: 'ascending' }, now))).toEqual([
      3, 2, 1,
    ])
    expect(ids(sortEvents(events, { column: 'duration', direction: 'descending' }, now))).toEqual([
      2, 3, 1,
    ])
    // Still docked sorts as the latest departure.
    expect(ids(sortEvents(events, { column: 'departure', direction: 'descending' }, now))[0]).toBe(
      2,
    )
  })

  it('flips direction on the same column and starts ascending on a new one', () => {
    const s = nextSort({ column: 'docking', direction: 'ascending' }, 'docking')
    expect(s).toEqual({ column: 'docking', direction: 'descending' })
    expect(nextSort(s, 'port')).toEqual({ column: 'port', direction: 'ascending' })
  })
})

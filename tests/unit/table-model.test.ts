import { describe, expect, it } from 'vitest'

import {
  CELL_PADDING,
  columnsFor,
  contentWidths,
  nextSort,
  sortEvents,
  type TableColumn,
} from '../../renderer/table/table-model'
import { dockingEvent } from './chart-fixtures'

const events = [
  dockingEvent(1, '2000-01-01T00:00:00Z', '2000-01-11T00:00:00Z', {}, 'Soyuz TM-10'),
  dockingEvent(2, '1999-01-01T00:00:00Z', null, {}, 'Soyuz TM-9'),
  dockingEvent(3, '2001-01-01T00:00:00Z', '2001-03-01T00:00:00Z', {}, 'Progress M-1'),
]
const ids = (xs: ReadonlyArray<{ id: number }>) => xs.map((x) => x.id)
const now = Date.parse('2002-01-01T00:00:00Z')
// An open stay runs to now, as its bar would with no later docking at its port.
const endOf = (e: { departure: number | null }) => e.departure ?? now

describe('table sorting', () => {
  it('sorts by docking, names with numbers as numbers, and durations to now for open stays', () => {
    expect(ids(sortEvents(events, { column: 'docking', direction: 'ascending' }, endOf))).toEqual([
      2, 1, 3,
    ])
    expect(ids(sortEvents(events, { column: 'vehicle', direction: 'ascending' }, endOf))).toEqual([
      3, 2, 1,
    ])
    expect(ids(sortEvents(events, { column: 'duration', direction: 'descending' }, endOf))).toEqual(
      [2, 3, 1],
    )
    // Still docked sorts as the latest departure.
    expect(
      ids(sortEvents(events, { column: 'departure', direction: 'descending' }, endOf))[0],
    ).toBe(2)
  })

  it('flips direction on the same column and starts ascending on a new one', () => {
    const s = nextSort({ column: 'docking', direction: 'ascending' }, 'docking')
    expect(s).toEqual({ column: 'docking', direction: 'descending' })
    expect(nextSort(s, 'port')).toEqual({ column: 'port', direction: 'ascending' })
  })
})

describe('column widths', () => {
  // A character is 7 px wide: widths read as lengths.
  const measure = (text: string) => 7 * text.length
  const [vehicle, docked] = columnsFor('docking') as [TableColumn, TableColumn]
  const LONG_NAME = 'Cygnus CRS NG-23 (S.S. William “Willie” C. McCool)'
  const LONG_DATE = '1978-08-28 (day precision)'
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      i === 0 ? LONG_NAME : `Soyuz TM-${i % 30}`,
      i === 0 ? LONG_DATE : '1978-08-28 16:37 UTC',
    ])

  it('one long name among a hundred rows is cut, not made the width of every row', () => {
    const [names, dates] = contentWidths([vehicle, docked], rows(200), measure)
    expect(names).toBe(7 * 'Soyuz TM-10'.length + CELL_PADDING)
    // Dates are never cut: the rare long one sets the width.
    expect(dates).toBe(7 * LONG_DATE.length + CELL_PADDING)
  })

  it('in a table under a hundred rows every name shows whole', () => {
    const [names] = contentWidths([vehicle, docked], rows(99), measure)
    expect(names).toBe(7 * LONG_NAME.length + CELL_PADDING)
  })

  it('names common enough to fill a row in a hundred are kept whole', () => {
    const common = rows(200).map((r, i) => (i % 50 === 0 ? [LONG_NAME, r[1]!] : r))
    const [names] = contentWidths([vehicle, docked], common, measure)
    expect(names).toBe(7 * LONG_NAME.length + CELL_PADDING)
  })
})

import { describe, expect, it } from 'vitest'

import { groupBy } from '../../shared/chart/group-by'

describe('groupBy', () => {
  it('groups by key, keeping the items in order and the keys in first-seen order', () => {
    const rows = groupBy(
      [
        { row: 'p2', id: 1 },
        { row: 'p1', id: 2 },
        { row: 'p2', id: 3 },
      ],
      (x) => x.row,
    )
    expect([...rows.keys()]).toEqual(['p2', 'p1'])
    expect(rows.get('p2')?.map((x) => x.id)).toEqual([1, 3])
    expect(rows.get('p1')?.map((x) => x.id)).toEqual([2])
    expect(groupBy([], (x: number) => x).size).toBe(0)
  })
})

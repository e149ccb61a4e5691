import { describe, expect, it } from 'vitest'

import { diffKeys } from '../../renderer/timeline/vis/group-diff'

const item = (id: number | string, key: string) => ({ id, key })
const keyOf = (x: { key: string }) => x.key

describe('diffKeys', () => {
  it('hands over only what is new, changed or gone, and remembers the new state', () => {
    const keys = new Map<string | number, string>()
    const first = diffKeys(keys, [item(1, 'a'), item(2, 'b')], keyOf)
    expect(first.changed.map((x) => x.id)).toEqual([1, 2])
    expect(first.gone).toEqual([])

    const second = diffKeys(keys, [item(1, 'a'), item(2, 'B'), item('run-p1-3-4-2', 'c')], keyOf)
    expect(second.changed.map((x) => x.id)).toEqual([2, 'run-p1-3-4-2'])

    const third = diffKeys(keys, [item(2, 'B')], keyOf)
    expect(third.changed).toEqual([])
    expect(third.gone.sort()).toEqual([1, 'run-p1-3-4-2'].sort())
    expect([...keys.keys()]).toEqual([2])
  })
})

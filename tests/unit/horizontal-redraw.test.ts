import { DataSet } from 'vis-data/peer'
import type { DataGroup } from 'vis-timeline/peer'
import { describe, expect, it } from 'vitest'

import {
  HorizontalRedraw,
  type ItemSetInternals,
} from '../../renderer/timeline/vis/horizontal-redraw'

/**
 * A stand-in for vis's ItemSet: its redraw runs each group's 12-step queue in
 * lockstep, as vis 8.5 does, and reports whether any group resized.
 */
function fakeItemSet(groups: DataSet<DataGroup>) {
  const laidOut: string[] = []
  let resize = false
  const set = {
    body: { range: { start: 0, end: 100 } },
    groups: {} as ItemSetInternals['groups'],
    redraw(): boolean {
      let resized = false
      for (const g of Object.values(set.groups)) {
        const queue = g!.redraw(null, null, false, true) as Array<() => boolean>
        expect(queue).toHaveLength(12)
        for (const step of queue) resized = step() || resized
      }
      return resized
    },
  }
  const addGroup = (id: string) => {
    set.groups[id] = {
      redraw: () =>
        Array.from({ length: 12 }, (_, i) => () => {
          if (i === 2) laidOut.push(id)
          return i === 11 ? resize : false
        }),
    }
  }
  addGroup('__background__')
  groups.on('add', (_e, p) => p?.items.forEach((id) => addGroup(String(id))))
  return {
    set,
    laidOut,
    resizeNext: (r: boolean) => (resize = r),
  }
}

describe('HorizontalRedraw', () => {
  const setup = () => {
    const groups = new DataSet<DataGroup>()
    const fake = fakeItemSet(groups)
    groups.add([
      { id: 'a', content: 'A' },
      { id: 'b', content: 'B' },
    ])
    const skip = new HorizontalRedraw(fake.set, groups)
    const pan = (dx: number) => {
      fake.set.body.range = {
        start: fake.set.body.range.start + dx,
        end: fake.set.body.range.end + dx,
      }
      fake.laidOut.length = 0
      fake.set.redraw()
      return [...fake.laidOut].filter((id) => id !== '__background__')
    }
    return { groups, fake, skip, pan }
  }

  it('lays rows out in full until a redraw settles, then skips them while only the window moves', () => {
    const { fake, pan } = setup()
    fake.resizeNext(true)
    expect(pan(0)).toEqual(['a', 'b'])
    fake.resizeNext(false)
    // The last full redraw resized: still full.
    expect(pan(10)).toEqual(['a', 'b'])
    expect(pan(10)).toEqual([])
    expect(pan(-5)).toEqual([])
  })

  it('lays rows out again after the groups change or something else invalidates them', () => {
    const { groups, skip, pan } = setup()
    pan(0)
    expect(pan(10)).toEqual([])
    groups.update({ id: 'a', content: 'A longer label' })
    expect(pan(10)).toEqual(['a', 'b'])
    expect(pan(10)).toEqual([])
    skip.invalidate()
    expect(pan(10)).toEqual(['a', 'b'])
  })

  it('redraws rows in full when the window did not move (something else asked for the redraw)', () => {
    const { pan } = setup()
    pan(0)
    expect(pan(10)).toEqual([])
    expect(pan(0)).toEqual(['a', 'b'])
  })
})

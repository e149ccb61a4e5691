import { DataSet } from 'vis-data/peer'
import type { DataGroup } from 'vis-timeline/peer'
import { describe, expect, it } from 'vitest'

import {
  HorizontalRedraw,
  type ItemSetInternals,
} from '../../renderer/timeline/vis/horizontal-redraw'

/**
 * A stand-in for vis's ItemSet: its redraw lays out every group (here: notes
 * which) and reports whether any resized.
 */
function fakeItemSet(groups: DataSet<DataGroup>) {
  const laidOut: string[] = []
  const ids: string[] = []
  let resize = false
  const set: ItemSetInternals = {
    body: { range: { start: 0, end: 100 } },
    redraw(): boolean {
      laidOut.push(...ids)
      return resize
    },
  }
  groups.on('add', (_e, p) => p?.items.forEach((id) => ids.push(String(id))))
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
    const range = fake.set.body as { range: { start: number; end: number } }
    const pan = (dx: number) => {
      range.range = { start: range.range.start + dx, end: range.range.end + dx }
      fake.laidOut.length = 0
      fake.set.redraw()
      return [...fake.laidOut]
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

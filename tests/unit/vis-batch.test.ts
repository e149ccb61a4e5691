import { describe, expect, it } from 'vitest'
import { DataSet } from 'vis-data/peer'
import type { Timeline } from 'vis-timeline/peer'

import { withoutItemSetRedraws } from '../../renderer/timeline/vis-batch'

/** Stands in for vis-timeline's ItemSet: it redraws after every DataSet event, as vis does. */
class FakeItemSet {
  redraws = 0
  constructor(items: DataSet<{ id: number; start: number }>) {
    items.on('add', () => this.redraw())
    items.on('update', () => this.redraw())
    items.on('remove', () => this.redraw())
  }
  redraw(): boolean {
    this.redraws++
    return false
  }
}

function fakeTimeline() {
  const items = new DataSet<{ id: number; start: number }>([{ id: 1, start: 0 }])
  const itemSet = new FakeItemSet(items)
  const timeline = { itemSet, frameRedraws: 0, redraw: () => void timeline.frameRedraws++ }
  return { items, itemSet, timeline }
}

describe('withoutItemSetRedraws', () => {
  it('draws a batch of removes, adds and updates once, on the next frame, not once per event', () => {
    const { items, itemSet, timeline } = fakeTimeline()
    withoutItemSetRedraws(timeline as unknown as Timeline, () => {
      items.remove([1])
      items.add([{ id: 2, start: -1 }])
      items.update([{ id: 2, start: 5 }])
    })
    expect(itemSet.redraws).toBe(0)
    expect(timeline.frameRedraws).toBe(1)
    expect(items.get(2)?.start).toBe(5)
    // Outside a batch the ItemSet redraws as before.
    items.update([{ id: 2, start: 6 }])
    expect(itemSet.redraws).toBe(1)
    expect(Object.hasOwn(itemSet, 'redraw')).toBe(false)
  })

  it('gives the ItemSet its redraw back when a change throws', () => {
    const { itemSet, timeline } = fakeTimeline()
    expect(() =>
      withoutItemSetRedraws(timeline as unknown as Timeline, () => {
        throw new Error('bad item')
      }),
    ).toThrow('bad item')
    expect(itemSet.redraw()).toBe(false)
    expect(itemSet.redraws).toBe(1)
  })

  it('still applies the changes on a vis build without the ItemSet internal', () => {
    const items = new DataSet<{ id: number; start: number }>([])
    let frameRedraws = 0
    const timeline = { redraw: () => void frameRedraws++ }
    withoutItemSetRedraws(timeline as unknown as Timeline, () => items.add([{ id: 1, start: 0 }]))
    expect(items.length).toBe(1)
    expect(frameRedraws).toBe(0)
  })
})

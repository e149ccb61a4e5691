import { describe, expect, it } from 'vitest'

import { utcMillis } from '../../shared/domain/units'
import { windowShowing } from '../../shared/chart/window'
import { neighbourDocking } from '../../renderer/timeline/keys/shortcuts'
import { dockingEvent } from './chart-fixtures'

const DAY = 86_400_000
const events = [
  dockingEvent(3, '2000-01-10T00:00:00Z', '2000-01-20T00:00:00Z'),
  dockingEvent(1, '2000-01-01T00:00:00Z', '2000-01-05T00:00:00Z'),
  dockingEvent(2, '2000-01-10T00:00:00Z', null, { port: 2 }),
  dockingEvent(4, '2000-03-01T00:00:00Z', '2000-03-02T00:00:00Z'),
]
const win = (from: string, days: number) => ({
  start: utcMillis(Date.parse(from)),
  end: utcMillis(Date.parse(from) + days * DAY),
})

describe('neighbourDocking', () => {
  it('steps through dockings in docking order, ties by id', () => {
    const ids: number[] = []
    let id: number | null = 1
    while (id !== null) {
      ids.push(id)
      id = neighbourDocking(events, id, null, 1)?.id ?? null
    }
    expect(ids).toEqual([1, 2, 3, 4])
    expect(neighbourDocking(events, 3, null, -1)?.id).toBe(2)
  })

  it('stops at either end', () => {
    expect(neighbourDocking(events, 4, null, 1)).toBeNull()
    expect(neighbourDocking(events, 1, null, -1)).toBeNull()
  })

  it('starts from the window when nothing is selected', () => {
    expect(neighbourDocking(events, null, win('2000-01-08T00:00:00Z', 30), 1)?.id).toBe(2)
    expect(neighbourDocking(events, null, win('2000-01-08T00:00:00Z', 30), -1)?.id).toBe(3)
    expect(neighbourDocking(events, null, win('2000-04-01T00:00:00Z', 30), 1)).toBeNull()
  })

  it('starts from the window when the selected docking is filtered out', () => {
    expect(neighbourDocking(events, 99, win('2000-02-01T00:00:00Z', 10), 1)?.id).toBe(4)
  })
})

describe('windowShowing', () => {
  it('keeps a window that shows the docking, else centres one of the same span on it', () => {
    const w = win('2000-01-01T00:00:00Z', 30)
    expect(windowShowing(events[0]!.docking, w)).toBeNull()
    const moved = windowShowing(events[3]!.docking, w)!
    expect((moved.start + moved.end) / 2).toBe(events[3]!.docking)
    expect(moved.end - moved.start).toBe(w.end - w.start)
  })
})

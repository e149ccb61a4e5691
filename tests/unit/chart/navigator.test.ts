import { describe, expect, it } from 'vitest'

import type { OccupancySeries } from '../../../shared/analysis/occupancy-series'
import {
  brushBox,
  brushKey,
  dragBrush,
  navigatorRange,
  occupancyColumns,
} from '../../../shared/chart/navigator'
import { MIN_SPAN, type TimeWindow } from '../../../shared/chart/window'
import type { UtcMillis } from '../../../shared/domain/units'

const w = (start: number, end: number): TimeWindow => ({
  start: start as UtcMillis,
  end: end as UtcMillis,
})
const H = MIN_SPAN

describe('navigator range and brush', () => {
  it('spans the data, widened to take in a window outside it', () => {
    expect(navigatorRange(w(0, 100), w(20, 40))).toEqual(w(0, 100))
    expect(navigatorRange(w(0, 100), w(80, 150))).toEqual(w(0, 150))
    expect(navigatorRange(null, w(5, 6))).toEqual(w(5, 6))
  })

  it('places the brush in px: a quarter of the range from 25 % to 50 % is 100–200 of 400 px', () => {
    expect(brushBox(w(0, 1000), w(250, 500), 400)).toEqual({ left: 100, width: 100 })
  })

  it('keeps a tiny window grabbable and a window past the end inside the strip', () => {
    expect(brushBox(w(0, 1000), w(500, 501), 400)).toEqual({ left: 200, width: 6 })
    expect(brushBox(w(0, 1000), w(999, 1000), 400, 6)).toEqual({ left: 394, width: 6 })
  })
})

describe('dragging the brush', () => {
  it('moves the whole window with the body', () => {
    expect(dragBrush(w(10 * H, 20 * H), 'body', 5 * H)).toEqual(w(15 * H, 25 * H))
  })

  it('moves one end with an edge, never past the other less the narrowest zoom', () => {
    expect(dragBrush(w(10 * H, 20 * H), 'start', 4 * H)).toEqual(w(14 * H, 20 * H))
    expect(dragBrush(w(10 * H, 20 * H), 'start', 50 * H)).toEqual(w(19 * H, 20 * H))
    expect(dragBrush(w(10 * H, 20 * H), 'end', -50 * H)).toEqual(w(10 * H, 11 * H))
  })

  it('takes keys as steps of the whole range: 1 %, or 10 % with Shift; Home and End go to its ends', () => {
    const range = w(0, 1000 * H)
    const at = w(100 * H, 200 * H)
    expect(brushKey('body', 'ArrowRight', false, at, range)).toEqual(w(110 * H, 210 * H))
    expect(brushKey('body', 'ArrowLeft', true, at, range)).toEqual(w(0, 100 * H))
    expect(brushKey('end', 'ArrowRight', false, at, range)).toEqual(w(100 * H, 210 * H))
    expect(brushKey('body', 'Home', false, at, range)).toEqual(w(0, 100 * H))
    expect(brushKey('body', 'End', false, at, range)).toEqual(w(900 * H, 1000 * H))
    expect(brushKey('start', 'End', false, at, range)).toEqual(w(199 * H, 200 * H))
    expect(brushKey('body', 'x', false, at, range)).toBeNull()
  })
})

describe('occupancyColumns', () => {
  const series = (steps: Array<[number, number]>): OccupancySeries => ({
    stationId: null,
    stationName: null,
    stackBy: 'role',
    keys: [],
    steps: steps.map(([at, total]) => ({ at: at as UtcMillis, total, counts: [] })),
  })

  it('gives each px column the most docked at any instant in it', () => {
    // 0–100 over 4 columns of 25: 1 docked 10–30, 3 docked 30–31, 2 docked 31–60, none after.
    const cols = occupancyColumns(
      series([
        [10, 1],
        [30, 3],
        [31, 2],
        [60, 0],
      ]),
      w(0, 100),
      4,
    )
    expect([...cols]).toEqual([1, 3, 2, 0])
  })

  it('does not reach into a column a step ends on the edge of', () => {
    const cols = occupancyColumns(
      series([
        [0, 2],
        [50, 0],
      ]),
      w(0, 100),
      4,
    )
    expect([...cols]).toEqual([2, 2, 0, 0])
  })
})

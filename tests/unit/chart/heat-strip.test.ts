import { describe, expect, it } from 'vitest'

import {
  HEAT_LEVELS,
  heatCells,
  heatLevel,
  occupancyIn,
  type HeatInterval,
} from '../../../shared/chart/heat-strip'
import { thinDenseRows } from '../../../shared/chart/lod'
import type { VehicleFamily } from '../../../shared/domain/model'
import { BAR_T0, placedBar } from '../chart-fixtures'

const at = (start: number, end: number, family: VehicleFamily = 'Soyuz'): HeatInterval => ({
  start,
  end,
  family,
})

describe('heatCells', () => {
  it('shades each column by the share of its time docked, in the family docked longest there', () => {
    // Column 0–10: 5 ms of Soyuz = 0.5 → 4 of 8. Column 10–20: 8 ms of Progress = 0.8 → 6.4 → 6.
    expect(heatCells([at(0, 5), at(12, 20, 'Progress')], 0, 20, 10)).toEqual([
      { start: 0, end: 10, level: 4, family: 'Soyuz' },
      { start: 10, end: 20, level: 6, family: 'Progress' },
    ])
  })

  it('merges neighbouring columns of one shade and family, and leaves empty columns out', () => {
    expect(heatCells([at(0, 30), at(50, 60)], 0, 60, 10)).toEqual([
      { start: 0, end: 30, level: 8, family: 'Soyuz' },
      { start: 50, end: 60, level: 8, family: 'Soyuz' },
    ])
  })

  it('counts time two dockings share once (a full column, not 150 %)', () => {
    expect(heatCells([at(0, 10), at(5, 10, 'Dragon')], 0, 10, 10)).toEqual([
      { start: 0, end: 10, level: HEAT_LEVELS, family: 'Soyuz' },
    ])
  })

  it('colours a shared column by the family docked longest in it', () => {
    // 3 ms Soyuz + 6 ms Progress = 0.9 → 7.2 → 7, Progress.
    expect(heatCells([at(0, 3), at(4, 10, 'Progress')], 0, 10, 10)).toEqual([
      { start: 0, end: 10, level: 7, family: 'Progress' },
    ])
  })

  it('aligns columns to multiples of the step, so a small pan keeps the same cells', () => {
    // 5–25 over columns 0–10, 10–20, 20–30: half, whole, half.
    expect(heatCells([at(5, 25)], 5, 25, 10)).toEqual([
      { start: 0, end: 10, level: 4, family: 'Soyuz' },
      { start: 10, end: 20, level: 8, family: 'Soyuz' },
      { start: 20, end: 30, level: 4, family: 'Soyuz' },
    ])
  })

  it('keeps a sliver visible and draws nothing for a bad step', () => {
    expect(heatLevel(0.01)).toBe(1)
    expect(heatLevel(0)).toBe(0)
    expect(heatCells([at(0, 10)], 0, 10, 0)).toEqual([])
  })
})

describe('occupancyIn', () => {
  it('counts the dockings touching a span and the share of it docked', () => {
    // 5–10 and 20–25 docked in 5–25: 10 of 20 ms.
    expect(occupancyIn([at(0, 10), at(20, 30), at(40, 50)], 5, 25)).toEqual({
      count: 2,
      share: 0.5,
    })
  })

  it('counts overlapping time once', () => {
    // 0–15 docked of 0–20.
    expect(occupancyIn([at(0, 10), at(5, 15)], 0, 20)).toEqual({ count: 2, share: 0.75 })
  })
})

describe('heat strips of dense rows', () => {
  const DAY = 86_400_000
  const view = { start: BAR_T0, end: BAR_T0 + 10_000 * DAY, widthPx: 1000 }
  /** 500 stays of `days` days, one every 20 days. */
  const row = (rowId: string, days: number, first: number) =>
    Array.from({ length: 500 }, (_, i) => placedBar(first + i, rowId, i * 20, days))
  const meanLevel = (rowId: string, bars: ReturnType<typeof row>) => {
    const runs = thinDenseRows(bars, view).runs.filter((r) => r.rowId === rowId)
    let area = 0
    let span = 0
    for (const r of runs) {
      for (const c of r.heat) area += (c.level / HEAT_LEVELS) * (c.end - c.start)
      span += r.end - r.start
    }
    return area / span
  }

  it('follow occupancy: a port docked half the time is shaded about half, one docked 90 % darker', () => {
    const half = meanLevel('p1', row('p1', 10, 1))
    const busy = meanLevel('p2', row('p2', 18, 1001))
    expect(half).toBeGreaterThan(0.4)
    expect(half).toBeLessThan(0.6)
    expect(busy).toBeGreaterThan(0.8)
  })

  it('carry every docking of the run for its tooltip', () => {
    const bars = row('p1', 10, 1)
    const run = thinDenseRows(bars, view).runs[0]!
    expect(run.intervals).toHaveLength(run.count)
    expect(occupancyIn(run.intervals, run.start, run.end).share).toBeCloseTo(0.5, 1)
  })
})

import { describe, expect, it } from 'vitest'

import {
  HEAT_LEVELS,
  HeatCache,
  heatCells,
  heatLevel,
  occupancyIn,
  sampleColumns,
  shadeIndex,
  type HeatCell,
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

  it('sums a family over its dockings in a column before comparing families', () => {
    // Column 0–10: Soyuz 0–3 and 6–9 (6 ms) against Progress 3–6 (3 ms): Soyuz, 9 ms = 7.2 → 7.
    // Column 10–20: Progress alone, though Soyuz led the column before.
    expect(
      heatCells([at(0, 3), at(3, 6, 'Progress'), at(6, 9), at(10, 20, 'Progress')], 0, 20, 10),
    ).toEqual([
      { start: 0, end: 10, level: 7, family: 'Soyuz' },
      { start: 10, end: 20, level: 8, family: 'Progress' },
    ])
  })

  it('takes no time from a family for a docking that departs before it docks', () => {
    // Soyuz 0–3 (3 ms) against Progress 3–5 (2 ms); a Soyuz "9–5" once counted as −4 ms.
    expect(heatCells([at(0, 3), at(3, 5, 'Progress'), at(9, 5)], 0, 10, 10)).toEqual([
      { start: 0, end: 10, level: 4, family: 'Soyuz' },
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

describe('sampleColumns', () => {
  const cell = (start: number, end: number, level: number): HeatCell => ({
    start,
    end,
    level,
    family: 'Soyuz',
  })
  // Cells 0–10 at level 2, 10–20 empty, 20–40 at level 5.
  const cells = [cell(0, 10, 2), cell(20, 40, 5)]
  const byLevel = (c: HeatCell) => c.level

  it('gives each whole px the shade of the cell under its centre, 0 where none is', () => {
    // 5 ms a px from t = 0 at px 0: px 0–1 in the first cell, 2–3 in the gap, 4–7 in the last.
    const cols = sampleColumns(cells, 0, 9, (px) => px * 5, byLevel)
    expect([...cols]).toEqual([2, 2, 0, 0, 5, 5, 5, 5, 0])
  })

  it('starts at any px: a strip scrolled half off the canvas samples only the px on it', () => {
    // The same strip drawn from px -4: px 2 of the canvas is px 6 of the strip.
    const cols = sampleColumns(cells, 2, 3, (px) => (px + 4) * 5, byLevel)
    expect([...cols]).toEqual([5, 5, 0])
  })

  it('stretches a cell over several px when zoomed in, and picks one cell per px when zoomed out', () => {
    expect([...sampleColumns(cells, 0, 4, (px) => px * 2.5, byLevel)]).toEqual([2, 2, 2, 2])
    // 20 ms a px: centres at 10 (the gap's start) and 30.
    expect([...sampleColumns(cells, 0, 2, (px) => px * 20, byLevel)]).toEqual([0, 5])
  })
})

describe('shadeIndex', () => {
  it('numbers every family and level apart, 0 for none', () => {
    expect(shadeIndex(0, 0)).toBe(0)
    const all = new Set<number>()
    for (let f = 0; f < 13; f++) for (let l = 1; l <= HEAT_LEVELS; l++) all.add(shadeIndex(f, l))
    expect(all.size).toBe(13 * HEAT_LEVELS)
    expect(Math.min(...all)).toBe(1)
    // Fits a byte: a strip's columns are a Uint8Array.
    expect(Math.max(...all)).toBeLessThan(256)
  })
})

describe('HeatCache', () => {
  const DAY = 86_400_000
  const view = { start: BAR_T0, end: BAR_T0 + 10_000 * DAY, widthPx: 1000 }
  const row = Array.from({ length: 500 }, (_, i) => placedBar(i + 1, 'p1', i * 20, 10))

  it("keeps a strip's cells across pans at one LOD step, and works out new ones at another", () => {
    const cache = new HeatCache()
    const first = thinDenseRows(row, view, cache).runs
    // Panned by a tenth: same step, same strips, the same cells (not worked out again).
    const shift = 1_000 * DAY
    const panned = thinDenseRows(
      row,
      { ...view, start: view.start + shift, end: view.end + shift },
      cache,
    ).runs
    expect(panned.map((r) => r.id)).toEqual(first.map((r) => r.id))
    panned.forEach((r, i) => expect(r.heat).toBe(first[i]!.heat))
    // Zoomed out 4×: a coarser step, cells of its own.
    const zoomed = thinDenseRows(row, { ...view, widthPx: 250 }, cache).runs
    expect(zoomed[0]!.heat).not.toBe(first[0]!.heat)
    expect(zoomed[0]!.heat.length).toBeLessThan(first[0]!.heat.length)
    expect(cache.size).toBe(first.length + zoomed.length)
  })

  it('gives what a fresh computation gives', () => {
    const cached = thinDenseRows(row, view, new HeatCache()).runs
    expect(cached.map((r) => r.heat)).toEqual(thinDenseRows(row, view).runs.map((r) => r.heat))
  })

  it('forgets everything when the bars change', () => {
    const cache = new HeatCache()
    const before = thinDenseRows(row, view, cache).runs
    const held = before[0]!.heat
    // The same ids, the stays longer: the data changed under the same strips.
    const longer = row.map((p) => ({
      ...p,
      bar: { ...p.bar, end: (p.bar.end + 5 * DAY) as typeof p.bar.end },
    }))
    const after = thinDenseRows(longer, view, cache).runs
    expect(after[0]!.heat).not.toBe(held)
    expect(after).toEqual(thinDenseRows(longer, view).runs)
    // A strip of the old bars read late gets its own cells, and leaves the new ones alone.
    const late = thinDenseRows(row, view, cache).runs
    thinDenseRows(longer, view, cache)
    expect(late[0]!.heat).toEqual(held)
    expect(thinDenseRows(longer, view, cache).runs[0]!.heat).toEqual(
      thinDenseRows(longer, view).runs[0]!.heat,
    )
  })

  it('keeps only a few recent steps', () => {
    const cache = new HeatCache()
    const source = {}
    cache.use(source)
    for (let k = 0; k < 12; k++) cache.cells(source, 'a', 2 ** k, () => [])
    expect(cache.size).toBeLessThan(12)
    // A step used again stays while older ones go.
    const kept = cache.cells(source, 'a', 2 ** 11, () => [
      { start: 0, end: 1, level: 1, family: 'Soyuz' },
    ])
    expect(kept).toEqual([])
  })
})

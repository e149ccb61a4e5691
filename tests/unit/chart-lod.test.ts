import { describe, expect, it } from 'vitest'

import {
  DENSE_PX_PER_BAR,
  lodResolution,
  memoThinDenseRows,
  openRun,
  sameThinning,
  thinDenseRows,
  type LodView,
} from '../../shared/chart/lod'
import { eventId, utcMillis } from '../../shared/domain/units'
import { BAR_T0, placedBar } from './chart-fixtures'

const DAY = 86_400_000
const T0 = BAR_T0

/** `count` stays of `days` days, one every `every` days, from day 0. */
function chain(rowId: string, count: number, every: number, days: number, firstId = 1) {
  return Array.from({ length: count }, (_, i) => placedBar(firstId + i, rowId, i * every, days))
}

// 10,000 days on 1,000 px: 10 days a pixel (16 days a pixel once rounded up to a power of two).
const WIDE: LodView = { start: T0, end: T0 + 10_000 * DAY, widthPx: 1000 }

const idsIn = (thin: ReturnType<typeof thinDenseRows>) =>
  [...thin.bars.map((p) => p.bar.eventId as number), ...thin.runs.flatMap((r) => r.eventIds)].sort(
    (a, b) => a - b,
  )

describe('thinDenseRows', () => {
  it('draws every bar of a row with room for them, however narrow', () => {
    const row = chain('p1', 50, 200, 5)
    const thin = thinDenseRows(row, WIDE)
    expect(thin.runs).toEqual([])
    expect(thin.bars).toHaveLength(50)
  })

  it('draws a row with more bars in view than room as runs, each event in exactly one item', () => {
    // 500 one-pixel stays, one every 20 days: 50 per 1,000 px would fit, 500 do not.
    const row = chain('p1', 500, 20, 10)
    const thin = thinDenseRows(row, WIDE)
    expect(thin.runs.length).toBeGreaterThan(0)
    expect(thin.bars.length + thin.runs.length).toBeLessThan(WIDE.widthPx / DENSE_PX_PER_BAR)
    expect(idsIn(thin)).toEqual(row.map((p) => p.bar.eventId))
    const run = thin.runs[0]!
    expect(run.rowId).toBe('p1')
    expect(run.start).toBe(row[0]!.bar.start)
    expect(run.count).toBe(run.eventIds.length)
  })

  it('breaks runs at gaps wide enough to see', () => {
    // Two clusters of 300 touching stays, 1,000 days apart.
    const row = [...chain('p1', 300, 10, 10, 1), ...chain('p1', 300, 10, 10, 1001)].map((p, i) =>
      i < 300 ? p : placedBar(p.bar.eventId, 'p1', 4000 + (i - 300) * 10, 10),
    )
    const thin = thinDenseRows(row, WIDE)
    expect(thin.runs).toHaveLength(2)
    expect(thin.runs.map((r) => r.count)).toEqual([300, 300])
    expect(thin.runs[0]!.end).toBe(row[299]!.bar.end)
  })

  it('keeps bars wide enough for a label apart, even in a dense row', () => {
    const row = chain('p1', 400, 20, 10)
    const long = placedBar(9999, 'p1', 8100, 1000)
    const thin = thinDenseRows([...row, long], WIDE)
    expect(thin.bars.map((p) => p.bar.eventId)).toContain(9999)
    expect(thin.runs.every((r) => !r.eventIds.includes(eventId(9999)))).toBe(true)
  })

  it('thins each row on its own', () => {
    const dense = chain('p1', 500, 20, 10)
    const sparse = chain('p2', 20, 400, 10, 5000)
    const thin = thinDenseRows([...dense, ...sparse], WIDE)
    expect(thin.runs.every((r) => r.rowId === 'p1')).toBe(true)
    expect(thin.bars.filter((p) => p.rowId === 'p2')).toHaveLength(20)
  })

  it('counts only bars in view: zoomed in on a dense row, every bar is drawn', () => {
    const row = chain('p1', 500, 20, 10)
    const zoomed: LodView = { start: T0 + 2000 * DAY, end: T0 + 2600 * DAY, widthPx: 1000 }
    const thin = thinDenseRows(row, zoomed)
    expect(thin.runs).toEqual([])
    expect(thin.bars).toHaveLength(500)
  })

  it('gives a run the same id while it holds the same bars, across small zooms', () => {
    const row = chain('p1', 500, 20, 10)
    const a = thinDenseRows(row, WIDE)
    const b = thinDenseRows(row, { ...WIDE, end: WIDE.end - 200 * DAY })
    expect(lodResolution(WIDE)).toBe(lodResolution({ ...WIDE, end: WIDE.end - 200 * DAY }))
    expect(b.runs.map((r) => r.id)).toEqual(a.runs.map((r) => r.id))
  })

  it('marks runs of a collapsed station’s summary bars as summaries', () => {
    const row = chain('s1', 500, 20, 10).map((p) => ({ ...p, isSummary: true }))
    const thin = thinDenseRows(row, WIDE)
    expect(thin.runs.length).toBeGreaterThan(0)
    expect(thin.runs.every((r) => r.isSummary)).toBe(true)
  })

  it('draws everything when the chart has no width yet', () => {
    const row = chain('p1', 500, 20, 10)
    expect(thinDenseRows(row, { ...WIDE, widthPx: 0 }).bars).toHaveLength(500)
  })
})

describe('openRun', () => {
  const run = (count: number, days: number) => ({
    id: 'run-p1-1-2-2',
    rowId: 'p1',
    start: utcMillis(T0),
    end: utcMillis(T0 + days * DAY),
    count,
    eventIds: [],
    isSummary: false,
    intervals: [],
    heat: [],
  })

  it('shows a short run whole, with room either side', () => {
    const w = openRun(run(20, 100), 1000)
    expect(w.start).toBeLessThan(T0)
    expect(w.end).toBeGreaterThan(T0 + 100 * DAY)
  })

  it('zooms in around the click on a run too dense to show whole, so its bars fit apart', () => {
    const at = T0 + 3000 * DAY
    const w = openRun(run(500, 10_000), 1000, at)
    expect((w.start + w.end) / 2).toBe(at)
    // 500 bars over 10,000 days: 100 fit on 1,000 px, about 2,000 days' worth.
    expect(w.end - w.start).toBeLessThanOrEqual(2000 * DAY)
    const inView = 500 * ((w.end - w.start) / (10_000 * DAY))
    expect(inView * DENSE_PX_PER_BAR).toBeLessThanOrEqual(1000)
  })

  it('centres on the run when the click is outside it or unknown', () => {
    const w = openRun(run(500, 10_000), 1000)
    expect((w.start + w.end) / 2).toBe(T0 + 5000 * DAY)
  })
})

describe('memoThinDenseRows', () => {
  it('thins the same bars for a view of the same window and width once, and again when either changes', () => {
    const thin = memoThinDenseRows()
    const row = chain('p1', 500, 20, 10)
    const first = thin(row, WIDE)
    expect(first).toEqual(thinDenseRows(row, WIDE))
    // The legend asks with the view the chart reported, the chart with one it just read.
    expect(thin(row, { ...WIDE })).toBe(first)

    const narrower = thin(row, { ...WIDE, widthPx: 500 })
    expect(narrower).not.toBe(first)
    expect(narrower).toEqual(thinDenseRows(row, { ...WIDE, widthPx: 500 }))
    const zoomed = { ...WIDE, end: WIDE.start + 2_000 * DAY }
    expect(thin(row, zoomed)).toEqual(thinDenseRows(row, zoomed))

    // New bars (a keystroke's result) on the same view are thinned afresh.
    const fewer = row.slice(0, 40)
    expect(idsIn(thin(fewer, zoomed))).toEqual(fewer.map((p) => p.bar.eventId))
  })

  it('gives the last answer again for a view that thins the same, so the chart keeps its scene', () => {
    const thin = memoThinDenseRows()
    const sparse = chain('p2', 30, 300, 10, 1_000)
    // No row dense: every zoom and pan draws every bar.
    const all = thin(sparse, WIDE)
    expect(thin(sparse, { ...WIDE, start: WIDE.start + 500 * DAY })).toBe(all)
    expect(thin(sparse, { ...WIDE, end: WIDE.start + 3_000 * DAY })).toBe(all)

    // A dense row panned at the same LOD step: the same strips.
    const dense = chain('p1', 500, 20, 10)
    const before = thin(dense, WIDE)
    expect(before.runs.length).toBeGreaterThan(0)
    const panned = { ...WIDE, start: WIDE.start + 200 * DAY, end: WIDE.end + 200 * DAY }
    expect(lodResolution(panned)).toBe(lodResolution(WIDE))
    expect(thin(dense, panned)).toBe(before)

    // Zoomed past a step: strips of other cells, or bars drawn apart.
    const zoomed = { ...WIDE, end: WIDE.start + 4_000 * DAY }
    expect(lodResolution(zoomed)).not.toBe(lodResolution(WIDE))
    const after = thin(dense, zoomed)
    expect(after).not.toBe(before)
    expect(after).toEqual(thinDenseRows(dense, zoomed))
  })
})

describe('sameThinning', () => {
  const dense = chain('p1', 500, 20, 10)
  const sparse = chain('p2', 30, 300, 10, 1_000)
  const a = thinDenseRows([...dense, ...sparse], WIDE)

  it('holds for the same bars and strips at the same step, and only then', () => {
    expect(a.bars.length).toBeGreaterThan(0)
    expect(a.runs.length).toBeGreaterThan(0)
    expect(sameThinning(a, thinDenseRows([...dense, ...sparse], WIDE), true)).toBe(true)
    // Strips hold heat cells of their step.
    expect(sameThinning(a, thinDenseRows([...dense, ...sparse], WIDE), false)).toBe(false)
    const otherBar = [...a.bars.slice(0, -1), placedBar(9_999, 'p2', 1, 1)]
    expect(sameThinning({ ...a, bars: otherBar }, a, true)).toBe(false)
    expect(sameThinning({ ...a, runs: a.runs.slice(1) }, a, true)).toBe(false)
    // Bars drawn one by one do not depend on the step; their order is what is drawn.
    expect(sameThinning({ bars: sparse, runs: [] }, { bars: [...sparse], runs: [] }, false)).toBe(
      true,
    )
    const reversed = { bars: [...sparse].reverse(), runs: [] }
    expect(sameThinning({ bars: sparse, runs: [] }, reversed, false)).toBe(false)
  })
})

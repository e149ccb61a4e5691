import { describe, expect, it } from 'vitest'

import { LABEL_PADDING } from '../../../shared/chart/bar-labels'
import { buildScene, layoutScene } from '../../../shared/chart/bar-scene'
import type { PlacedBar } from '../../../shared/chart/chart-model'
import { labelTails, MAX_LABEL_SHARE, withLabelRoom } from '../../../shared/chart/label-room'
import { fitWindow, type TimeWindow } from '../../../shared/chart/window'
import { utcMillis } from '../../../shared/domain/units'
import { measureText, placedBar } from '../chart-fixtures'

const WIDTH = 600

/** The fit "Fit all" makes of these bars on a chart `WIDTH` px wide. */
function fitOf(bars: ReadonlyArray<PlacedBar>, width = WIDTH): TimeWindow {
  const extent = {
    start: utcMillis(Math.min(...bars.map((b) => b.bar.start))),
    end: utcMillis(Math.max(...bars.map((b) => b.bar.end))),
  }
  return withLabelRoom(fitWindow(extent), { widthPx: width, tails: labelTails(bars, measureText) })
}

/** The bars laid out in `w` as the chart lays them out, one row each. */
function laidOut(bars: ReadonlyArray<PlacedBar>, w: TimeWindow, width = WIDTH) {
  const rowIds = [...new Set(bars.map((b) => b.rowId))]
  const view = {
    start: w.start,
    end: w.end,
    width,
    height: rowIds.length * 32,
    rows: rowIds.map((id, i) => ({ id, top: i * 32, height: 32 })),
  }
  return layoutScene(buildScene({ bars, runs: [] }, [], bars), view, measureText).items
}

/** Where a drawn label's text ends, px. */
const labelEnd = (d: { labelX: number; labelWidth: number }) => d.labelX + d.labelWidth

describe("room after the rows' last bars for their names", () => {
  it('widens a fit just enough that each row’s last name ends inside the chart', () => {
    // Ten years of bars, the last of each row a short stay with a long name.
    const bars = [
      placedBar(1, 'p1', 0, 200),
      placedBar(2, 'p1', 3600, 5, 'Crew Dragon Freedom ▸'),
      placedBar(3, 'p2', 1000, 300),
      placedBar(4, 'p2', 3640, 10, 'Progress MS-33 ▸'),
    ]
    const plain = fitWindow({ start: bars[0]!.bar.start, end: bars[3]!.bar.end })
    // The margin alone cuts the names at the edge.
    const cut = laidOut(bars, plain).filter((d) => d.labelMode === 'outside')
    expect(cut.some((d) => labelEnd(d) + LABEL_PADDING > WIDTH)).toBe(true)

    const fit = fitOf(bars)
    expect(fit.start).toBe(plain.start)
    expect(fit.end).toBeGreaterThan(plain.end)
    const tails = laidOut(bars, fit).filter((d) => d.item.id === 2 || d.item.id === 4)
    expect(tails.map((d) => d.labelMode)).toEqual(['outside', 'outside'])
    for (const d of tails) expect(labelEnd(d) + LABEL_PADDING).toBeLessThanOrEqual(WIDTH + 1e-6)
    // Snug: the widest need sets the end, its name ending at the edge.
    expect(Math.max(...tails.map((d) => labelEnd(d) + LABEL_PADDING))).toBeCloseTo(WIDTH, 6)
  })

  it('leaves a fit alone when every last name fits inside its bar or within the margin', () => {
    const bars = [placedBar(1, 'p1', 0, 100, 'Mir EO-1'), placedBar(2, 'p2', 10, 50, 'Soyuz T-15')]
    const plain = fitWindow({ start: bars[0]!.bar.start, end: bars[0]!.bar.end })
    expect(fitOf(bars)).toEqual(plain)
  })

  it('makes no room for a name wider than 30 % of the chart: it is cut at the edge', () => {
    const long = 'X'.repeat(Math.ceil((WIDTH * MAX_LABEL_SHARE) / 6) + 1)
    const bars = [placedBar(1, 'p1', 0, 400), placedBar(2, 'p1', 500, 2, long)]
    const plain = fitWindow({ start: bars[0]!.bar.start, end: bars[1]!.bar.end })
    expect(fitOf(bars)).toEqual(plain)
  })

  it('makes room for a name the first widening pushes out of its bar', () => {
    // Bar 4's name fits inside at the plain fit's scale; the room made for
    // bar 2's name narrows it until its name, the longer, goes beside it.
    const bars = [
      placedBar(1, 'p1', 0, 50),
      placedBar(2, 'p1', 997, 3, 'N'.repeat(20)),
      placedBar(3, 'p2', 0, 50),
      placedBar(4, 'p2', 700, 300, 'M'.repeat(24)),
    ]
    const plain = fitWindow({ start: bars[0]!.bar.start, end: bars[1]!.bar.end })
    const before = laidOut(bars, plain).find((d) => d.item.id === 4)!
    expect(before.labelMode).toBe('inside')
    const drawn = laidOut(bars, fitOf(bars)).filter((d) => d.item.id === 2 || d.item.id === 4)
    for (const d of drawn) {
      expect(d.labelMode).not.toBe('none')
      expect(labelEnd(d) + LABEL_PADDING).toBeLessThanOrEqual(WIDTH + 1e-6)
    }
  })

  it("takes each row's last bar, none another bar runs past, none in a collapsed station's row", () => {
    const collapsed = { ...placedBar(5, 's1', 900, 1, 'Summary'), isSummary: true }
    const tails = labelTails(
      [
        placedBar(1, 'p1', 0, 10, 'First'),
        placedBar(2, 'p1', 50, 10, 'Last'),
        placedBar(3, 'p2', 0, 100, 'Long stay'),
        // Inside bar 3's stay: its name is not written beside it (an overlap).
        placedBar(4, 'p2', 20, 10, 'Visitor'),
        collapsed,
      ],
      measureText,
    )
    expect(tails).toEqual([
      {
        start: placedBar(2, 'p1', 50, 10).bar.start,
        end: placedBar(2, 'p1', 50, 10).bar.end,
        labelPx: 24,
        shortPx: null,
      },
    ])
  })

  it("makes room for a Cygnus's name without its dedication when the whole is wider than 30 %", () => {
    const ship = 'Cygnus CRS NG-24 (S.S. Steven R. Nagel)'
    const bars = [placedBar(1, 'p1', 0, 400), placedBar(2, 'p1', 500, 2, ship)]
    // 234 px whole, more than 30 % of 600; 96 px as "Cygnus CRS NG-24".
    expect(measureText(ship)).toBeGreaterThan(WIDTH * MAX_LABEL_SHARE)
    const fit = fitOf(bars)
    const plain = fitWindow({ start: bars[0]!.bar.start, end: bars[1]!.bar.end })
    expect(fit.end).toBeGreaterThan(plain.end)
    const last = laidOut(bars, fit).find((d) => d.item.id === 2)!
    expect(last.labelMode).toBe('outside')
    expect(last.labelText).toBe('Cygnus CRS NG-24')
    expect(labelEnd(last) + LABEL_PADDING).toBeCloseTo(WIDTH, 6)
  })
})

import { describe, expect, it } from 'vitest'

import type { Viewport } from '../../../shared/chart/bar-scene'
import type { RectItem } from '../../../shared/chart/display-list'
import { buildBackdrop, type BackdropInk } from '../../../shared/chart/row-backdrop'

const ink: BackdropInk = {
  page: 'page',
  minorGrid: 'minor',
  majorGrid: 'major',
  rowRule: 'rule',
  stationBand: 'band',
}

/** A station header and two ports, 32 px each, the third half below the 80 px canvas; one row far below. */
const view: Viewport = {
  start: 0,
  end: 1000,
  width: 400,
  height: 80,
  rows: [
    { id: 's1', top: 0, height: 32 },
    { id: 'p10', top: 32, height: 32 },
    { id: 'p11', top: 64, height: 32 },
    { id: 'p12', top: 500, height: 32 },
  ],
}

const boxes = (fill: string, grid = [{ x: 100.5, major: true }]) =>
  (buildBackdrop(view, grid, ink) as RectItem[])
    .filter((r) => r.fill === fill)
    .map((r) => [r.x, r.y, r.w, r.h])

describe('the backdrop under the bars', () => {
  it('draws each grid line as a sharp 1 px box where vis put its border, the full height', () => {
    // vis places a line's 1 px border at x - 0.5: at 100.5 that is pixel column 100.
    expect(boxes('major')).toEqual([[100, 0, 1, 80]])
    expect(boxes('minor', [{ x: 37.2, major: false }])).toEqual([[37, 0, 1, 80]])
    // Lines off the canvas are left out.
    expect(
      buildBackdrop(
        view,
        [
          { x: -3, major: false },
          { x: 401, major: true },
        ],
        ink,
      ),
    ).toEqual(buildBackdrop(view, [], ink))
  })

  it('bands station rows, rules every row but the last, and leaves out rows off the canvas', () => {
    expect(boxes('band')).toEqual([[0, 0, 400, 32]])
    // The bottom row of the chart (p12, off the canvas here) has no rule; p12 is not drawn at all.
    expect(boxes('rule')).toEqual([
      [0, 31, 400, 1],
      [0, 63, 400, 1],
      [0, 95, 400, 1],
    ])
  })

  it('lays the page first, then grid lines, then bands over them, then rules', () => {
    const fills = buildBackdrop(view, [{ x: 10.5, major: false }], ink).map(
      (r) => (r as RectItem).fill,
    )
    expect(fills).toEqual(['page', 'minor', 'band', 'rule', 'rule', 'rule'])
    // The page covers the whole canvas: nothing under the bars is left see-through.
    expect(boxes('page')).toEqual([[0, 0, 400, 80]])
  })
})

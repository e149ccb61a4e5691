import { describe, expect, it } from 'vitest'

import { buildBarDisplayList, type BarDrawing } from '../../../shared/chart/bar-display-list'
import { buildScene, layoutScene } from '../../../shared/chart/bar-scene'
import {
  END,
  font,
  group,
  rect,
  type DisplayItem,
  type DisplayList,
  type StripItem,
} from '../../../shared/chart/display-list'
import { thinDenseRows } from '../../../shared/chart/lod'
import {
  decodeDisplayList,
  encodeDisplayList,
  wireTransfer,
} from '../../../renderer/timeline/canvas/display-list-wire'
import { measureText, overlapOf, placedBar, TWO_ROW_VIEW } from '../chart-fixtures'

/** What the canvas reads of a list: every item less the SVG's `meta`. */
const withoutMeta = (list: DisplayList): DisplayItem[] =>
  list.map((it) => {
    if (!('meta' in it)) return it
    const { meta: _meta, ...rest } = it
    return rest as DisplayItem
  })

const roundTrip = (list: DisplayList) => decodeDisplayList(encodeDisplayList(list))

const shades = [null, { fill: '#2166ac', opacity: 0.5 }, { fill: '#b2182b', opacity: 1 }]
const strip = (x: number, columns: number[]): StripItem => ({
  kind: 'strip',
  x,
  y: 4,
  h: 20,
  columns: Uint8Array.from(columns),
  shades,
})

/** One of each kind of item, with and without each optional part. */
const EVERY_KIND: DisplayList = [
  group({ opacity: 0.5, clip: { x: 1, y: 2, w: 300, h: 40.5 }, meta: { cls: 'bars' } }),
  rect(10.25, 5, 80, 20, {
    radius: 3,
    fill: '#2166ac',
    pattern: 'role-cargo',
    stroke: '#111111',
    lineWidth: 1.5,
    dash: [4, 2],
    opacity: 0.7,
    meta: { cls: 'bar', data: { 'event-id': 7 }, title: 'Progress M-1' },
  }),
  rect(0, 0, 5, 5, { fill: null, stroke: null }),
  rect(3, 3, 1, 1, { pattern: 'overlap' }),
  { kind: 'line', x1: 0, y1: 1.5, x2: 300, y2: 1.5, stroke: '#ff0000', lineWidth: 2 },
  { kind: 'polygon', points: [0, 0, 6, 3, 0, 6], fill: '#000000' },
  {
    kind: 'text',
    x: 12,
    y: 15,
    text: 'Soyuz T-5 “é” ▸',
    anchor: 'middle',
    baseline: 'alphabetic',
    font: font('sans-serif', 13, 'bold'),
    fill: '#ffffff',
  },
  strip(20, [0, 1, 1, 2, 0]),
  strip(40, []),
  strip(50, [2, 2]),
  group({ fade: { x0: 100, x1: 140, y0: 0, y1: 24 } }),
  END,
  END,
]

describe('the display list in transit to the paint worker', () => {
  it('comes back item for item, of every kind, less what only the SVG reads', () => {
    expect(roundTrip(EVERY_KIND)).toEqual(withoutMeta(EVERY_KIND))
    expect(roundTrip([])).toEqual([])
  })

  it('keeps a table shared by strips shared, and each strip its own columns', () => {
    const back = roundTrip(EVERY_KIND).filter((d): d is StripItem => d.kind === 'strip')
    expect(back.map((s) => [...s.columns])).toEqual([[0, 1, 1, 2, 0], [], [2, 2]])
    // One table for all three: the worker's painter keeps what it derives from a table by identity.
    expect(back[0]!.shades).toBe(back[2]!.shades)
  })

  it('sends each string and font once, and hands over its numbers rather than copying them', () => {
    const bold = font('sans-serif', 13, 'bold')
    const label = (x: number) => ({
      kind: 'text' as const,
      x,
      y: 0,
      text: 'Soyuz',
      anchor: 'start' as const,
      baseline: 'middle' as const,
      font: bold,
      fill: '#2166ac',
    })
    const list = [
      ...Array.from({ length: 50 }, (_, i) => rect(i, 0, 1, 1, { fill: '#2166ac' })),
      label(1),
      label(2),
    ]
    const wire = encodeDisplayList(list)
    expect(wire.strings).toEqual(['#2166ac', 'Soyuz', 'start', 'middle'])
    expect(wire.fonts).toEqual([bold])
    expect(wireTransfer(wire)).toEqual([wire.nums.buffer, wire.columns.buffer])
    expect(decodeDisplayList(wire)).toEqual(list)
  })

  it('carries the chart as drawn: bars, labels, an overlap, heat strips and the selection', () => {
    const bars = [
      placedBar(1, 'p1', 10, 20, 'Soyuz T-5'),
      placedBar(2, 'p1', 25, 20, 'Progress 7'),
      ...Array.from({ length: 400 }, (_, i) => placedBar(i + 10, 'p2', i * 0.25, 0.1)),
    ]
    const view = TWO_ROW_VIEW
    const thin = thinDenseRows(bars, { start: view.start, end: view.end, widthPx: view.width })
    const layout = layoutScene(
      buildScene(thin, [overlapOf(bars[0]!, bars[1]!)], bars),
      view,
      measureText,
    )
    const drawing: BarDrawing = {
      ink: {
        theme: 'dark',
        fg: '#eeeeee',
        bg: '#111111',
        focus: '#ff8c00',
        match: '#ffd54f',
        matchFg: '#000000',
        runFill: '#777777',
      },
      look: { font: font('sans-serif', 13), radius: 3 },
      marks: { selectedId: 1, terms: ['soyuz'] },
      measure: measureText,
      describe: (d) => ({ cls: 'bar', data: { 'event-id': String(d.item.id) } }),
    }
    const list = buildBarDisplayList(layout, drawing)
    const kinds = new Set(list.map((d) => d.kind))
    expect([...kinds].sort()).toEqual(['end', 'group', 'rect', 'strip', 'text'])
    expect(roundTrip(list)).toEqual(withoutMeta(list))
  })

  it('refuses numbers that are not a list it wrote, rather than painting nonsense', () => {
    const wire = encodeDisplayList([rect(0, 0, 1, 1, {})])
    const bad = { ...wire, nums: Float64Array.from([42, ...wire.nums.subarray(1)]) }
    expect(() => decodeDisplayList(bad)).toThrow(/no item kind 42 at item 0/)
  })
})

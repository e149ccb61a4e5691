import { describe, expect, it } from 'vitest'

import { buildBarDisplayList, type BarDrawing } from '../../../shared/chart/bar-display-list'
import { buildScene, layoutScene } from '../../../shared/chart/bar-scene'
import {
  font,
  type DisplayItem,
  type RectItem,
  type StripItem,
} from '../../../shared/chart/display-list'
import type { Overlap, PlacedBar } from '../../../shared/chart/chart-model'
import { thinDenseRows } from '../../../shared/chart/lod'
import { familyColour, OPEN_END_STYLE, OVERLAP_STYLE } from '../../../shared/chart/style'
import { measureText, overlapOf, placedBar, TWO_ROW_VIEW } from '../chart-fixtures'

/** 100 days on 1,000 px: 10 px a day; two rows of 32 px. */
const view = TWO_ROW_VIEW
const measure = measureText
const drawing = (marks: Partial<BarDrawing['marks']> = {}): BarDrawing => ({
  ink: {
    theme: 'light',
    fg: '#111111',
    bg: '#ffffff',
    focus: '#ff8c00',
    match: '#ffd54f',
    matchFg: '#000000',
    runFill: '#777777',
  },
  look: { font: font('sans-serif', 13), radius: 3 },
  marks: { selectedId: null, terms: [], ...marks },
  measure,
})
const listOf = (
  bars: PlacedBar[],
  marks: Partial<BarDrawing['marks']> = {},
  overlaps: Overlap[] = [],
) =>
  buildBarDisplayList(
    layoutScene(buildScene({ bars, runs: [] }, overlaps, bars), view, measure),
    drawing(marks),
  )
const rects = (list: ReadonlyArray<DisplayItem>) =>
  list.filter((d): d is RectItem => d.kind === 'rect')
const texts = (list: ReadonlyArray<DisplayItem>) =>
  list.flatMap((d) => (d.kind === 'text' ? [d.text] : []))

describe('buildBarDisplayList', () => {
  it('fills a bar in its family colour at its place, outlines it and labels it inside', () => {
    const list = listOf([placedBar(1, 'p1', 10, 20, 'Soyuz T-5')])
    const [fill, outline, chip] = rects(list)
    expect(fill).toMatchObject({
      x: 100,
      w: 200,
      y: 5,
      h: 22,
      fill: familyColour('Soyuz', 'light').fill,
    })
    expect(fill!.pattern).toBeNull()
    expect(outline).toMatchObject({ stroke: familyColour('Soyuz', 'light').stroke, fill: null })
    expect(chip!.fill).toBe(familyColour('Soyuz', 'light').fill)
    expect(texts(list)).toEqual(['Soyuz T-5'])
  })

  it('gives cargo, modules and others their pattern and outline', () => {
    const bar = (role: 'cargo' | 'module' | 'other') => {
      const p = placedBar(1, 'p1', 10, 20)
      return listOf([{ ...p, bar: { ...p.bar, role } }])
    }
    expect(rects(bar('cargo'))[0]!.pattern).toBe('role-cargo')
    const module = rects(bar('module'))
    expect(module[0]!.pattern).toBe('role-module')
    // A double outline: two stroked rects, the second inset.
    expect(module.filter((r) => r.stroke !== null && r.fill === null)).toHaveLength(2)
    const other = rects(bar('other'))
    expect(other[0]!.pattern).toBe('role-other')
    expect(other[1]!.dash.length).toBeGreaterThan(0)
  })

  it('fades a still-docked bar out over its last px', () => {
    const p = placedBar(1, 'p1', 10, 20)
    const list = listOf([{ ...p, bar: { ...p.bar, endState: 'docked' as const } }])
    const g = list.find((d) => d.kind === 'group')
    expect(g).toMatchObject({ fade: { x0: 300 - OPEN_END_STYLE.fadePx, x1: 300 } })
    expect(list.filter((d) => d.kind === 'end')).toHaveLength(1)
  })

  it('hatches an overlap behind the bars and rings the bars in the overlap colour', () => {
    const a = placedBar(1, 'p1', 0, 20)
    const b = placedBar(2, 'p1', 10, 20)
    const o = overlapOf(a, b)
    const withOverlap = (x: PlacedBar) => ({ ...x, bar: { ...x.bar, hasOverlap: true } })
    const list = listOf([withOverlap(a), withOverlap(b)], {}, [o])
    const hatch = rects(list)[0]!
    expect(hatch).toMatchObject({ pattern: 'overlap', fill: null, x: 100, w: 100, y: 0, h: 32 })
    const rings = rects(list).filter(
      (r) => r.stroke === OVERLAP_STYLE.colour.light && r.lineWidth === 2,
    )
    expect(rings).toHaveLength(2)
  })

  it('writes every label over every bar, so a stay overlapping another does not cover its name', () => {
    const a = placedBar(1, 'p1', 0, 40, 'Soyuz MS-17')
    const b = placedBar(2, 'p1', 5, 10, 'Progress')
    const withOverlap = (x: PlacedBar) => ({ ...x, bar: { ...x.bar, hasOverlap: true } })
    const list = listOf([withOverlap(a), withOverlap(b)], {}, [overlapOf(a, b)])
    // The later stay's box, drawn over the longer one's middle.
    const box = list.findIndex(
      (d) => d.kind === 'rect' && d.fill === familyColour('Soyuz', 'light').fill && d.x === 50,
    )
    expect(box).toBeGreaterThan(0)
    const name = list.findIndex((d) => d.kind === 'text' && d.text === 'Soyuz MS-17')
    expect(name).toBeGreaterThan(box)
  })

  it('draws a strip of dense bars as one heat strip in the family colour, with its count', () => {
    const bars = Array.from({ length: 400 }, (_, i) => placedBar(i + 1, 'p1', i * 0.25, 0.1))
    const thin = thinDenseRows(bars, { start: view.start, end: view.end, widthPx: view.width })
    const layout = layoutScene(buildScene(thin, [], bars), view, measure)
    const list = buildBarDisplayList(layout, drawing())
    const run = layout.items.find((d) => d.item.kind === 'run')!
    const strips = list.filter((d): d is StripItem => d.kind === 'strip')
    expect(strips).toHaveLength(1)
    const strip = strips[0]!
    // Whole px, across the strip's box.
    expect(strip.x).toBe(Math.round(run.x0))
    expect(strip.x + strip.columns.length).toBe(Math.round(run.x1))
    expect(strip).toMatchObject({ y: Math.round(run.top), h: run.height })
    const fill = familyColour(bars[0]!.bar.family, 'light').fill
    const shades = [...strip.columns].map((v) => strip.shades[v] ?? null)
    expect(shades.every((s) => s === null || s.fill === fill)).toBe(true)
    // Docked 0.1 of every 0.25 day: 40 % of the strip, as opacity summed over its px.
    const shaded = shades.reduce((sum, s) => sum + (s?.opacity ?? 0), 0)
    expect(shaded / strip.columns.length).toBeCloseTo(0.4, 1)
    // Not a rectangle per cell: the strip's outline and label chip are its only rects.
    expect(rects(list).filter((r) => r.fill === fill)).toHaveLength(0)
    expect(texts(list).some((t) => /^\d+ dockings$/.test(t))).toBe(true)
  })

  it('samples only the px of a strip on the canvas', () => {
    // 40 days of dense bars, half of them left of the window.
    const bars = Array.from({ length: 400 }, (_, i) => placedBar(i + 1, 'p1', i * 0.1 - 20, 0.05))
    const thin = thinDenseRows(bars, { start: view.start, end: view.end, widthPx: view.width })
    const layout = layoutScene(buildScene(thin, [], bars), view, measure)
    const run = layout.items.find((d) => d.item.kind === 'run')!
    expect(run.x0).toBeLessThan(0)
    const strip = buildBarDisplayList(layout, drawing()).find(
      (d): d is StripItem => d.kind === 'strip',
    )!
    expect(strip.x).toBe(0)
    expect(strip.columns.length).toBe(Math.round(run.x1))
  })

  it('marks search terms in labels and rings the selected bar last', () => {
    const list = listOf([placedBar(1, 'p1', 10, 20, 'Soyuz T-5'), placedBar(2, 'p2', 10, 20)], {
      terms: ['t-5'],
      selectedId: 1,
    })
    expect(texts(list)).toContain('T-5')
    expect(rects(list).some((r) => r.fill === '#ffd54f')).toBe(true)
    const last = list[list.length - 1] as RectItem
    expect(last).toMatchObject({ stroke: '#ff8c00', lineWidth: 3 })
    expect(last.x).toBeLessThan(100)
  })
})

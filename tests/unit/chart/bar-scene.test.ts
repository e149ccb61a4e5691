import { describe, expect, it } from 'vitest'

import { thinDenseRows, type LodView } from '../../../shared/chart/lod'
import type { Overlap, PlacedBar } from '../../../shared/chart/chart-model'
import { measureText, overlapOf, placedBar, TWO_ROW_VIEW } from '../chart-fixtures'
import { labelMode } from '../../../shared/chart/bar-labels'
import {
  BAR_HEIGHT,
  buildScene,
  hitTest,
  layoutScene,
  type Viewport,
} from '../../../shared/chart/bar-scene'

const view = TWO_ROW_VIEW
const measure = measureText
const sceneOf = (bars: PlacedBar[], overlaps: Overlap[] = []) =>
  buildScene({ bars, runs: [] }, overlaps, bars)

describe('labelMode', () => {
  it('puts a label inside when it fits, outside when there is room, else nowhere', () => {
    expect(labelMode(100, 60, 0)).toBe('inside')
    expect(labelMode(40, 60, 80)).toBe('outside')
    expect(labelMode(40, 60, 50)).toBe('none')
    expect(labelMode(40, 60, Number.POSITIVE_INFINITY)).toBe('outside')
  })
})

describe('layoutScene', () => {
  it('maps docking and departure to x and centres bars in their row', () => {
    const layout = layoutScene(
      sceneOf([placedBar(1, 'p1', 10, 20), placedBar(2, 'p2', 50, 5)]),
      view,
      measure,
    )
    const [a, b] = layout.items
    expect([a!.x0, a!.x1]).toEqual([100, 300])
    expect([b!.x0, b!.x1]).toEqual([500, 550])
    expect(a!.top).toBe((32 - BAR_HEIGHT) / 2)
    expect(b!.top).toBe(32 + (32 - BAR_HEIGHT) / 2)
    expect(a!.height).toBe(BAR_HEIGHT)
  })

  it('leaves out rows scrolled away and bars far outside the window', () => {
    const scrolled: Viewport = {
      ...view,
      rows: [{ id: 'p1', top: -40, height: 32 }, view.rows[1]!],
    }
    const layout = layoutScene(
      sceneOf([placedBar(1, 'p1', 10, 20), placedBar(2, 'p2', 50, 5), placedBar(3, 'p2', 400, 5)]),
      scrolled,
      measure,
    )
    expect(layout.items.map((d) => d.item.id)).toEqual([2])
  })

  it('places labels inside, beside (with room before the next bar) or nowhere', () => {
    const layout = layoutScene(
      sceneOf([
        placedBar(1, 'p1', 0, 10, 'Wide enough'), // 100 px for a 66 px label
        placedBar(2, 'p1', 20, 1, 'Roomy'), // 10 px, then 290 px free
        placedBar(3, 'p1', 50, 1, 'Cramped label'), // 10 px, then 10 px to the next
        placedBar(4, 'p1', 52, 1, 'Last'),
      ]),
      view,
      measure,
    )
    const mode = (id: number) => layout.items.find((d) => d.item.id === id)!
    expect(mode(1).labelMode).toBe('inside')
    expect(mode(1).labelX).toBe(5)
    expect(mode(2).labelMode).toBe('outside')
    expect(mode(2).labelX).toBeGreaterThan(mode(2).x1)
    expect(mode(3).labelMode).toBe('none')
    expect(mode(4).labelMode).toBe('outside')
  })

  it('keeps the labels of bars on one port at once off each other and off the longer bar', () => {
    const layout = layoutScene(
      sceneOf([
        placedBar(1, 'p1', 0, 36, 'Soyuz TM-4'), // 0–360 px, its label inside at 5–65
        placedBar(2, 'p1', 2, 30, 'Soyuz TM-6'), // 20–320: inside at 25 would touch TM-4's
        placedBar(3, 'p1', 20, 1, 'Soyuz TM-5'), // 200–210: beside it would lie on TM-4's bar
        placedBar(4, 'p1', 40, 1, 'Progress M-1'), // 400–410, clear of them all
      ]),
      view,
      measure,
    )
    const mode = (id: number) => layout.items.find((d) => d.item.id === id)!.labelMode
    expect([1, 2, 3, 4].map(mode)).toEqual(['inside', 'none', 'none', 'outside'])
    // Zoomed in, TM-6 starts past TM-4's label and has its own.
    const zoomed = layoutScene(
      sceneOf([placedBar(1, 'p1', 0, 36, 'Soyuz TM-4'), placedBar(2, 'p1', 8, 30, 'Soyuz TM-6')]),
      view,
      measure,
    )
    expect(zoomed.items.map((d) => d.labelMode)).toEqual(['inside', 'inside'])
  })

  it('writes a last name past the edge on screen, where panning shows it; not in a figure', () => {
    // Day 95 to 96, 10 px a day: 40 px left before the edge for a 60 px name.
    const bars = [placedBar(1, 'p1', 95, 1, 'Cargo Dragon')]
    const onScreen = layoutScene(sceneOf(bars), view, measure).items[0]!
    expect(onScreen.labelMode).toBe('outside')
    expect(onScreen.labelX + onScreen.labelWidth).toBeGreaterThan(view.width)
    // A figure has nothing past its edge: the name is left to its key.
    const figure = layoutScene(sceneOf(bars), { ...view, edgeEndsLabels: true }, measure).items[0]!
    expect(figure.labelMode).toBe('none')
    // With room before the edge, a figure writes it as the screen does.
    const roomy = [placedBar(1, 'p1', 80, 1, 'Cargo Dragon')]
    expect(
      layoutScene(sceneOf(roomy), { ...view, edgeEndsLabels: true }, measure).items[0]!.labelMode,
    ).toBe('outside')
  })

  it("writes a Cygnus's name without its dedication where only that has room or ends on the canvas", () => {
    const ship = 'Cygnus NG-11 "S.S. Roger Chaffee"' // 198 px; "Cygnus NG-11" 72 px
    // Day 20, 1 day wide, then 100 px to the next bar: room for the short name only.
    const between = layoutScene(
      sceneOf([placedBar(1, 'p1', 20, 1, ship), placedBar(2, 'p1', 31, 1, 'Next')]),
      view,
      measure,
    ).items[0]!
    expect([between.labelMode, between.labelText]).toEqual(['outside', 'Cygnus NG-11'])
    expect(between.labelWidth).toBe(measure('Cygnus NG-11'))
    // The last bar on screen, 130 px before the edge: the whole name would run past it.
    const last = layoutScene(sceneOf([placedBar(1, 'p1', 86, 1, ship)]), view, measure).items[0]!
    expect([last.labelMode, last.labelText]).toEqual(['outside', 'Cygnus NG-11'])
    // With room, the whole name; with room for neither, the whole name, cut at the edge as any.
    const roomy = layoutScene(sceneOf([placedBar(1, 'p1', 20, 1, ship)]), view, measure).items[0]!
    expect(roomy.labelText).toBe(ship)
    const edge = layoutScene(sceneOf([placedBar(1, 'p1', 97, 1, ship)]), view, measure).items[0]!
    expect([edge.labelMode, edge.labelText]).toEqual(['outside', ship])
    // A name without a dedication is never shortened.
    const plain = layoutScene(
      sceneOf([placedBar(1, 'p1', 20, 1, 'Progress MS-31'), placedBar(2, 'p1', 24, 1, 'Next')]),
      view,
      measure,
    ).items[0]!
    expect([plain.labelMode, plain.labelText]).toEqual(['none', 'Progress MS-31'])
  })

  it('keeps the label of a bar that starts left of the window in view', () => {
    const layout = layoutScene(sceneOf([placedBar(1, 'p1', -50, 80, 'Long stay')]), view, measure)
    const d = layout.items[0]!
    expect(d.x0).toBeLessThan(0)
    expect(d.labelMode).toBe('inside')
    expect(d.labelX).toBe(5)
  })

  it('draws no label on a collapsed station’s summary bars', () => {
    const summary = { ...placedBar(1, 'p1', 0, 50, 'Summary'), isSummary: true }
    expect(layoutScene(sceneOf([summary]), view, measure).items[0]!.labelMode).toBe('none')
  })

  it('puts an overlap hatch over its port’s whole row', () => {
    const a = placedBar(1, 'p1', 0, 20)
    const b = placedBar(2, 'p1', 10, 20)
    const o = overlapOf(a, b)
    const layout = layoutScene(sceneOf([a, b], [o]), view, measure)
    expect(layout.hatches).toHaveLength(1)
    expect(layout.hatches[0]).toMatchObject({ x0: 100, x1: 200, top: 0, height: 32 })
  })

  it('lays out strips of dense bars with their counts as labels', () => {
    const bars = Array.from({ length: 400 }, (_, i) => placedBar(i + 1, 'p1', i * 0.25, 0.1))
    const lod: LodView = { start: view.start, end: view.end, widthPx: view.width }
    const thin = thinDenseRows(bars, lod)
    const layout = layoutScene(buildScene(thin, [], bars), view, measure)
    const runs = layout.items.filter((d) => d.item.kind === 'run')
    expect(runs.length).toBeGreaterThan(0)
    expect(runs[0]!.item.kind === 'run' && runs[0]!.item.label).toMatch(/^\d+ dockings$/)
  })
})

describe('hitTest', () => {
  const layout = layoutScene(
    sceneOf([placedBar(1, 'p1', 10, 20), placedBar(2, 'p1', 40, 0.05), placedBar(3, 'p2', 50, 5)]),
    view,
    measure,
  )
  const mid = (32 - BAR_HEIGHT) / 2 + BAR_HEIGHT / 2

  it('finds the bar under a point, in its own row only', () => {
    expect(hitTest(layout, 150, mid)?.item.id).toBe(1)
    expect(hitTest(layout, 520, 32 + mid)?.item.id).toBe(3)
    expect(hitTest(layout, 520, mid)).toBeNull()
    // Between rows, in the gap above a bar: nothing.
    expect(hitTest(layout, 150, 1)).toBeNull()
  })

  it('lets a bar narrower than a few pixels be hit near it', () => {
    // Bar 2 is half a pixel wide at x = 400.
    expect(hitTest(layout, 401.5, mid)?.item.id).toBe(2)
    expect(hitTest(layout, 410, mid)).toBeNull()
  })
})

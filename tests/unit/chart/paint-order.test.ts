import { describe, expect, it } from 'vitest'

import {
  END,
  font,
  group,
  rect,
  type DisplayItem,
  type RectItem,
} from '../../../shared/chart/display-list'
import { inPaintOrder, type Batch } from '../../../shared/chart/paint-order'
import { prng } from '../../fixtures/generate-dataset'

const BOUNDS = { width: 400, height: 200 }
const flat = (batches: ReadonlyArray<Batch>) => batches.flatMap((b) => b.items)

/** A bar as the chart draws one: its fill, then its outline half a px inside. */
const bar = (x: number, y: number, w: number, fill: string, stroke: string): RectItem[] => [
  rect(x, y, w, 22, { radius: 3, fill, pattern: 'role-cargo' }),
  rect(x + 0.5, y + 0.5, w - 1, 21, { radius: 3, stroke }),
]

/** Where a rectangle puts paint (its stroke reaches half the line width out). */
function paintBox(r: RectItem) {
  const s = r.stroke ? r.lineWidth / 2 : 0
  return { x0: r.x - s, y0: r.y - s, x1: r.x + r.w + s, y1: r.y + r.h + s }
}

const touch = (a: RectItem, b: RectItem) => {
  const p = paintBox(a)
  const q = paintBox(b)
  return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1
}

const sameStyle = (a: RectItem, b: RectItem) =>
  a.fill === b.fill &&
  a.pattern === b.pattern &&
  a.stroke === b.stroke &&
  a.lineWidth === b.lineWidth &&
  a.opacity === b.opacity &&
  a.dash.join() === b.dash.join()

describe('inPaintOrder', () => {
  it('draws a row of bars in two colours as four calls, whatever their number', () => {
    const list = Array.from({ length: 20 }, (_, i) =>
      bar(5 + i * 19, 10, 14, i % 2 ? '#1b9e77' : '#d4a017', i % 2 ? '#12674d' : '#8a680f'),
    ).flat()
    const batches = inPaintOrder(list, BOUNDS)
    expect(batches.map((b) => [b.items.length, b.merged])).toEqual([
      [10, true],
      [10, true],
      [10, true],
      [10, true],
    ])
    // Each bar's outline is still drawn after its own fill.
    const order = flat(batches)
    for (let i = 0; i < list.length; i += 2)
      expect(order.indexOf(list[i]!)).toBeLessThan(order.indexOf(list[i + 1]!))
  })

  it('keeps a bar drawn over the one it overlaps, and never merges two that touch', () => {
    const [fillA, lineA] = bar(10, 10, 60, '#1b9e77', '#12674d')
    const [fillB, lineB] = bar(50, 10, 60, '#1b9e77', '#12674d')
    const order = flat(inPaintOrder([fillA!, lineA!, fillB!, lineB!], BOUNDS))
    expect(order).toEqual([fillA, lineA, fillB, lineB])
  })

  it('keeps the order of items less than a px apart, whose edges share a px', () => {
    const [fillA, lineA] = bar(10, 10, 20, '#1b9e77', '#12674d')
    const [fillB, lineB] = bar(30.4, 10, 20, '#1b9e77', '#12674d')
    const [fillC] = bar(60, 10, 20, '#1b9e77', '#12674d')
    const order = flat(inPaintOrder([fillA!, lineA!, fillB!, lineB!, fillC!], BOUNDS))
    // B's fill does not join A's, before A's outline; C (clear of both) joins B's.
    expect(order).toEqual([fillA, lineA, fillB, fillC, lineB])
  })

  it('keeps a group whole, in its place among what it touches', () => {
    const [fillA, lineA] = bar(10, 10, 40, '#1b9e77', '#12674d')
    const fade = { x0: 40, x1: 50, y0: 9, y1: 33 }
    const g = group({ opacity: 0.7, fade })
    const [gFill, gLine] = bar(10, 10, 40, '#1b9e77', '#12674d')
    const [fillB] = bar(100, 10, 40, '#1b9e77', '#12674d')
    const label = {
      kind: 'text' as const,
      x: 14,
      y: 25,
      text: 'Soyuz MS-1',
      anchor: 'start' as const,
      baseline: 'alphabetic' as const,
      font: font('sans-serif', 13),
      fill: '#000000',
    }
    const list: DisplayItem[] = [fillA!, lineA!, g, gFill!, gLine!, END, label, fillB!]
    const batches = inPaintOrder(list, BOUNDS)
    const whole = batches.find((b) => b.items[0] === g)!
    expect(whole).toEqual({ items: [g, gFill, gLine, END], merged: false })
    const order = flat(batches)
    // The group's fade erases under it, so A is drawn before it and the label after.
    expect(order.indexOf(lineA!)).toBeLessThan(order.indexOf(g))
    expect(order.indexOf(END)).toBeLessThan(order.indexOf(label))
    expect(order).toContain(fillB)
  })

  it('leaves out what lies wholly off the canvas', () => {
    const [inside] = bar(10, 10, 40, '#1b9e77', '#12674d')
    const [left] = bar(-80, 10, 40, '#1b9e77', '#12674d')
    const [below] = bar(10, 300, 40, '#1b9e77', '#12674d')
    const [across] = bar(-20, 10, 40, '#1b9e77', '#12674d')
    expect(flat(inPaintOrder([inside!, left!, below!, across!], BOUNDS))).toEqual([inside, across])
  })

  it('on random scenes: draws every item, whatever touches keeps its order, a merged batch is one style that does not touch itself', () => {
    const random = prng(20_261_201)
    const fills = ['#1b9e77', '#d4a017', '#5e3c99']
    const strokes = ['#12674d', '#8a680f']
    for (let scene = 0; scene < 50; scene++) {
      const list: RectItem[] = []
      const n = 20 + Math.floor(random() * 80)
      for (let i = 0; i < n; i++) {
        const x = random() * 338
        const y = Math.floor(random() * 8) * 25
        const w = 2 + random() * 60
        const stroked = random() < 0.4
        list.push(
          rect(x, y, w, 22, {
            radius: random() < 0.5 ? 3 : 0,
            fill: stroked ? null : fills[Math.floor(random() * fills.length)]!,
            stroke: stroked ? strokes[Math.floor(random() * strokes.length)]! : null,
            lineWidth: stroked ? 1 + Math.floor(random() * 2) : 1,
            opacity: random() < 0.2 ? 0.55 : 1,
          }),
        )
      }
      const batches = inPaintOrder(list, BOUNDS)
      const order = flat(batches) as RectItem[]
      expect([...order].sort((a, b) => list.indexOf(a) - list.indexOf(b))).toEqual(list)
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          if (touch(list[i]!, list[j]!))
            expect(order.indexOf(list[i]!)).toBeLessThan(order.indexOf(list[j]!))
      for (const b of batches.filter((b) => b.merged)) {
        const items = b.items as RectItem[]
        for (const it of items) expect(sameStyle(it, items[0]!)).toBe(true)
        for (let i = 0; i < items.length; i++)
          for (let j = i + 1; j < items.length; j++) expect(touch(items[i]!, items[j]!)).toBe(false)
      }
      // Batching must earn its keep: fewer calls than items on such scenes.
      expect(batches.length).toBeLessThan(list.length)
    }
  })
})

import { describe, expect, it } from 'vitest'

import { rect } from '../../../shared/chart/display-list'
import { chartPatterns, type PatternTile } from '../../../shared/chart/patterns'
import { writeDisplayList } from '../../../shared/export/svg-writer'
import { vectorPatternFill, type FillBox } from '../../../shared/export/svg-vector-fill'
import { allElements, parseXml } from './svg-parse'

const TILES = chartPatterns('light')

/** Is user-space point (x, y) inked by the tiling, worked out from the tile alone? */
function inkedByTiling(t: PatternTile, x: number, y: number): boolean {
  const a = (-t.angle * Math.PI) / 180
  const px = x * Math.cos(a) - y * Math.sin(a)
  const py = x * Math.sin(a) + y * Math.cos(a)
  const u = ((px % t.size) + t.size) % t.size
  const v = ((py % t.size) + t.size) % t.size
  return t.shapes.some((s) =>
    s.kind === 'rect'
      ? u >= s.x && u < s.x + s.w && v >= s.y && v < s.y + s.h
      : (u - s.cx) ** 2 + (v - s.cy) ** 2 < s.r ** 2,
  )
}

/** Is (x, y) inside one of the written shapes (read back from the SVG, in pattern space)? */
function inkedByShapes(t: PatternTile, markup: string, x: number, y: number): boolean {
  const a = (-t.angle * Math.PI) / 180
  const px = x * Math.cos(a) - y * Math.sin(a)
  const py = x * Math.sin(a) + y * Math.cos(a)
  const doc = parseXml(`<svg>${markup}</svg>`)
  return allElements(doc).some((e) => {
    const n = (k: string) => Number(e.attrs[k])
    if (e.name === 'rect' && e.attrs.x !== undefined && !isClip(doc, e))
      return px >= n('x') && px < n('x') + n('width') && py >= n('y') && py < n('y') + n('height')
    if (e.name === 'circle') return (px - n('cx')) ** 2 + (py - n('cy')) ** 2 < n('r') ** 2
    return false
  })
}

const isClip = (doc: ReturnType<typeof parseXml>, e: ReturnType<typeof parseXml>) =>
  allElements(doc).some((c) => c.name === 'clipPath' && c.children.includes(e))

describe('vectorPatternFill', () => {
  const box: FillBox = { x: 37.5, y: 12, w: 90, h: 14, radius: 1.5 }

  it.each(TILES.map((t) => [t.id, t] as const))(
    '%s: the shapes ink exactly the points the tiled pattern inks',
    (_, tile) => {
      const defs: string[] = []
      const markup = vectorPatternFill(tile, box, 1, 'c0', defs)
      let inked = 0
      // A grid of sample points off the tile's edges, across the box.
      for (let x = box.x + 0.37; x < box.x + box.w; x += 1.13)
        for (let y = box.y + 0.29; y < box.y + box.h; y += 0.97) {
          const want = inkedByTiling(tile, x, y)
          expect(inkedByShapes(tile, markup, x, y), `at ${x}, ${y}`).toBe(want)
          if (want) inked++
        }
      expect(inked).toBeGreaterThan(0)
      expect(defs.join('')).toContain(
        '<clipPath id="c0"><rect x="37.5" y="12" width="90" height="14" rx="1.5"/>',
      )
    },
  )

  it('in a display list, writes no <pattern> and keeps the fill, meta and outline', () => {
    const list = [
      rect(10, 5, 80, 20, {
        fill: '#2166ac',
        pattern: 'role-cargo',
        stroke: '#123456',
        opacity: 0.5,
        meta: { cls: 'bar' },
      }),
    ]
    const { defs, body } = writeDisplayList(list, TILES, null, true)
    const svg = parseXml(`<svg><defs>${defs}</defs>${body}</svg>`)
    expect(allElements(svg).some((e) => e.name === 'pattern')).toBe(false)
    expect(body).not.toContain('url(#dt-role')
    const bar = allElements(svg).find((e) => e.attrs.class === 'bar')!
    expect(bar.attrs).toMatchObject({ fill: '#2166ac', opacity: '0.5' })
    const clipped = allElements(svg).find((e) => e.attrs['clip-path'] !== undefined)!
    expect(Number(clipped.attrs.opacity)).toBeCloseTo(0.5 * TILES[0]!.opacity, 5)
    expect(allElements(svg).some((e) => e.attrs.stroke === '#123456')).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'

import { END, font, group, rect, type DisplayItem } from '../../../shared/chart/display-list'
import { chartPatterns, roleTile } from '../../../shared/chart/patterns'
import { displayListSvg, writeDisplayList } from '../../../shared/export/svg-writer'
import { allElements, byClass, parseXml } from './svg-parse'

const patterns = chartPatterns('light')
const svgOf = (list: DisplayItem[]) =>
  parseXml(displayListSvg(list, patterns, { width: 200, height: 100 }))

describe('writeDisplayList', () => {
  it('writes a heat strip as one path per shade, runs of equal columns merged, at whole px', () => {
    const shades = [null, { fill: '#2166ac', opacity: 0.5 }, { fill: '#b2182b', opacity: 1 }]
    const strip: DisplayItem = {
      kind: 'strip',
      x: 10,
      y: 5,
      h: 20,
      columns: Uint8Array.from([1, 1, 1, 0, 2, 2, 1, 0, 0]),
      shades,
    }
    const svg = svgOf([group({ opacity: 0.5 }), strip, END])
    const paths = allElements(svg).filter((e) => e.name === 'path')
    expect(paths).toHaveLength(2)
    const blue = paths.find((p) => p.attrs.fill === '#2166ac')!
    // Columns 0–2 and 6: two rectangles of one path, at the group's opacity times the shade's.
    expect(blue.attrs.d).toBe('M10 5h3v20h-3zM16 5h1v20h-1z')
    expect(blue.attrs.opacity).toBe('0.25')
    const red = paths.find((p) => p.attrs.fill === '#b2182b')!
    expect(red.attrs.d).toBe('M14 5h2v20h-2z')
    expect(red.attrs.opacity).toBe('0.5')
  })

  it('writes rects with their fill, pattern over it, outline, dash and corner radius', () => {
    const svg = svgOf([
      rect(10, 5, 80, 20, {
        radius: 3,
        fill: '#2166ac',
        pattern: 'role-cargo',
        meta: { cls: 'bar' },
      }),
      rect(10.5, 5.5, 79, 19, { stroke: '#123456', dash: [4, 3] }),
    ])
    const [fill, texture, outline] = svg.children.filter((e) => e.name === 'rect')
    expect(fill!.attrs).toMatchObject({
      x: '10',
      y: '5',
      width: '80',
      height: '20',
      rx: '3',
      fill: '#2166ac',
      class: 'bar',
    })
    expect(texture!.attrs.fill).toBe('url(#dt-role-cargo)')
    expect(outline!.attrs).toMatchObject({
      fill: 'none',
      stroke: '#123456',
      'stroke-dasharray': '4 3',
    })
    const tile = roleTile('cargo')!
    const def = allElements(svg).find(
      (e) => e.name === 'pattern' && e.attrs.id === 'dt-role-cargo',
    )!
    expect(def.attrs).toMatchObject({
      width: String(tile.size),
      patternTransform: `rotate(${tile.angle})`,
    })
  })

  it('escapes text and keeps its font, anchor and class', () => {
    const svg = svgOf([
      {
        kind: 'text',
        x: 4,
        y: 12,
        text: 'Crew & <cargo>',
        anchor: 'middle',
        baseline: 'alphabetic',
        font: font('DejaVu Sans', 10, 'bold'),
        fill: '#000000',
        meta: { cls: 'row-label', data: { 'port-id': 7 } },
      },
    ])
    const t = byClass(svg, 'row-label')[0]!
    expect(t.text).toBe('Crew & <cargo>')
    expect(t.attrs).toMatchObject({
      'text-anchor': 'middle',
      'font-weight': 'bold',
      'data-port-id': '7',
    })
  })

  it('multiplies group opacity into each primitive, masks a fade and clips', () => {
    const { defs, body } = writeDisplayList(
      [
        group({ opacity: 0.5, clip: { x: 0, y: 0, w: 50, h: 50 } }),
        group({ fade: { x0: 20, x1: 40, y0: 0, y1: 10 } }),
        rect(0, 0, 40, 10, { fill: '#ff0000', opacity: 0.5 }),
        END,
        END,
      ],
      patterns,
    )
    expect(body).toContain('opacity="0.25"')
    expect(body).toMatch(/<g clip-path="url\(#dt-clip-0\)"><g mask="url\(#dt-mask-0\)">/)
    expect(defs).toContain('<mask id="dt-mask-0"')
    expect(defs).toContain('<clipPath id="dt-clip-0"')
    expect(defs).toContain('id="dt-fade"')
  })

  it('writes every pattern the chart uses', () => {
    const { defs } = writeDisplayList([], patterns)
    for (const id of ['role-cargo', 'role-module', 'role-other', 'overlap'])
      expect(defs).toContain(`id="dt-${id}"`)
  })
})

/**
 * A pattern fill written out as plain shapes clipped to its rectangle, for
 * figures printed to PDF.
 *
 * Chromium's PDF backend (Skia) turns every SVG `<pattern>` into an image
 * tiling, which prints as blocky raster when zoomed or printed at 600 dpi.
 * Clip paths, rectangles and a group's opacity stay vector, so the same tile
 * (`shared/chart/patterns.ts`) is drawn here as shapes: a stripe that spans
 * its tile becomes one long rectangle per row of tiles, a line down the tile
 * one long rectangle per column, anything else one shape per tile.
 */
import type { PatternTile, TileShape } from '../chart/patterns'
import { num } from './svg-escape'

/** A rectangle to fill, in user units. */
export interface FillBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly radius: number
}

type Rect = Extract<TileShape, { kind: 'rect' }>

/** The tile-index range covering `box` in the pattern's turned space. */
function tileRange(t: PatternTile, box: FillBox) {
  const a = (-t.angle * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const corners = [
    [box.x, box.y],
    [box.x + box.w, box.y],
    [box.x, box.y + box.h],
    [box.x + box.w, box.y + box.h],
  ].map(([x, y]) => [x! * cos - y! * sin, x! * sin + y! * cos] as const)
  const xs = corners.map((c) => c[0])
  const ys = corners.map((c) => c[1])
  return {
    i0: Math.floor(Math.min(...xs) / t.size) - 1,
    i1: Math.ceil(Math.max(...xs) / t.size) + 1,
    j0: Math.floor(Math.min(...ys) / t.size) - 1,
    j1: Math.ceil(Math.max(...ys) / t.size) + 1,
  }
}

const rectEl = (x: number, y: number, w: number, h: number) =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"/>`

/**
 * Does a shape reach the tile's bottom, with whatever is above it in its
 * column covered by a full-width stripe? Then a column of them is one line.
 */
function isColumn(s: Rect, tile: PatternTile): boolean {
  if (s.y + s.h < tile.size) return false
  if (s.y <= 0) return true
  return tile.shapes.some(
    (o) => o.kind === 'rect' && o.w >= tile.size && o.x <= 0 && o.y <= 0 && o.y + o.h >= s.y,
  )
}

/** The shapes of `tile` covering `box`, in pattern space (before the tiling's turn). */
function tileShapes(tile: PatternTile, box: FillBox): string {
  const { i0, i1, j0, j1 } = tileRange(tile, box)
  const s = tile.size
  const out: string[] = []
  for (const shape of tile.shapes) {
    if (shape.kind === 'rect' && shape.w >= s && shape.x <= 0) {
      for (let j = j0; j <= j1; j++)
        out.push(rectEl(i0 * s, j * s + shape.y, (i1 - i0 + 1) * s, shape.h))
    } else if (shape.kind === 'rect' && isColumn(shape, tile)) {
      for (let i = i0; i <= i1; i++)
        out.push(rectEl(i * s + shape.x, j0 * s, shape.w, (j1 - j0 + 1) * s))
    } else {
      for (let i = i0; i <= i1; i++)
        for (let j = j0; j <= j1; j++)
          out.push(
            shape.kind === 'rect'
              ? rectEl(i * s + shape.x, j * s + shape.y, shape.w, shape.h)
              : `<circle cx="${num(i * s + shape.cx)}" cy="${num(j * s + shape.cy)}" r="${num(shape.r)}"/>`,
          )
    }
  }
  return out.join('')
}

/**
 * `tile` painted over `box` as vector shapes, clipped to it (rounded corners
 * too), at `alpha` (the rectangle's opacity) times the tile's own. The shapes
 * of a crosshatch overlap where lines cross; drawn opaque inside one group
 * that carries the alpha, the crossings come out no darker than the lines.
 * `clipId` must be unique in the document; the clip goes into `defs`.
 */
export function vectorPatternFill(
  tile: PatternTile,
  box: FillBox,
  alpha: number,
  clipId: string,
  defs: string[],
): string {
  const r = box.radius > 0 ? ` rx="${num(box.radius)}"` : ''
  defs.push(
    `<clipPath id="${clipId}"><rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.w)}" height="${num(box.h)}"${r}/></clipPath>`,
  )
  const a = alpha * tile.opacity
  const turn = tile.angle ? ` transform="rotate(${tile.angle})"` : ''
  return (
    `<g clip-path="url(#${clipId})"${a < 1 ? ` opacity="${num(a)}"` : ''}>` +
    `<g fill="${tile.ink}"${turn}>${tileShapes(tile, box)}</g></g>`
  )
}

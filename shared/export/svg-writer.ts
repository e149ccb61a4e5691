/**
 * Writes a display list (`shared/chart/display-list.ts`) as SVG markup: the
 * same primitives the screen's canvas paints, so the file shows what the
 * screen shows.
 *
 * Patterns become `<pattern>`s from the same tiles the canvas fills with; a
 * group's fade becomes a mask; opacity is written on each primitive, as the
 * canvas applies it (not composited per group).
 */
import type { DisplayList, Meta, StripItem, TextItem } from '../chart/display-list'
import type { PatternTile } from '../chart/patterns'
import { escapeXml, num } from './svg-escape'
import { vectorPatternFill } from './svg-vector-fill'

/** The id a pattern's `<pattern>` element carries. */
export const patternElementId = (id: string): string => `dt-${id}`

/** The `<pattern>` of a tile. */
export function patternDef(t: PatternTile): string {
  const turn = t.angle ? ` patternTransform="rotate(${t.angle})"` : ''
  const ink = `fill="${t.ink}"${t.opacity < 1 ? ` fill-opacity="${t.opacity}"` : ''}`
  const shapes = t.shapes
    .map((s) =>
      s.kind === 'rect'
        ? `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" ${ink}/>`
        : `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" ${ink}/>`,
    )
    .join('')
  return `<pattern id="${patternElementId(t.id)}" patternUnits="userSpaceOnUse" width="${t.size}" height="${t.size}"${turn}>${shapes}</pattern>`
}

/** The gradient open ends fade along, in each mask's own box: opaque to clear. */
const FADE_GRADIENT =
  '<linearGradient id="dt-fade"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient>'

function metaAttrs(meta: Meta | undefined): string {
  if (!meta) return ''
  let s = meta.cls ? ` class="${escapeXml(meta.cls)}"` : ''
  if (meta.data)
    for (const [k, v] of Object.entries(meta.data))
      s += ` data-${k}="${escapeXml(typeof v === 'number' ? String(v) : v)}"`
  return s
}

const titleOf = (meta: Meta | undefined) =>
  meta?.title ? `<title>${escapeXml(meta.title)}</title>` : ''

/** An element, with its tooltip title as a child when it has one. */
function element(name: string, attrs: string, meta: Meta | undefined, content = ''): string {
  const title = titleOf(meta)
  const inner = title + content
  return inner === ''
    ? `<${name}${metaAttrs(meta)}${attrs}/>`
    : `<${name}${metaAttrs(meta)}${attrs}>${inner}</${name}>`
}

const opacityAttr = (a: number) => (a < 1 ? ` opacity="${num(a)}"` : '')

function textAttrs(t: TextItem): string {
  const f = t.font
  return (
    ` x="${num(t.x)}" y="${num(t.y)}" font-size="${num(f.size)}"` +
    (f.weight !== 'normal' && f.weight !== 400 ? ` font-weight="${f.weight}"` : '') +
    (t.anchor !== 'start' ? ` text-anchor="${t.anchor}"` : '') +
    (t.baseline === 'middle' ? ' dominant-baseline="central"' : '') +
    ` fill="${t.fill}"`
  )
}

/**
 * A heat strip as one path per shade, each run of equal columns one
 * rectangle of it: vector, and a few hundred bytes where a rect per column
 * would take tens of kB. Whole-px edges, as the canvas paints them.
 */
export function stripPaths(s: StripItem, alpha: number): string {
  const runs = new Map<number, string>()
  const cols = s.columns
  for (let i = 0; i < cols.length;) {
    const v = cols[i]!
    let j = i + 1
    while (j < cols.length && cols[j] === v) j++
    if (v !== 0 && s.shades[v])
      runs.set(v, `${runs.get(v) ?? ''}M${num(s.x + i)} ${num(s.y)}h${j - i}v${num(s.h)}h${i - j}z`)
    i = j
  }
  let out = ''
  for (const [v, d] of runs) {
    const shade = s.shades[v]!
    out += `<path d="${d}" fill="${shade.fill}"${opacityAttr(alpha * shade.opacity)}/>`
  }
  return s.meta ? element('g', '', s.meta, out) : out
}

/** SVG markup for a list, and the defs (patterns, masks, clips) it refers to. */
export interface SvgMarkup {
  readonly defs: string
  readonly body: string
}

/**
 * Writes `list` as SVG elements. `patterns` must hold every pattern the list
 * names; `fontFamily`, when given, is left out of text elements that use it
 * (the root element sets it once). With `vectorPatterns`, pattern fills are
 * written as clipped shapes instead of `<pattern>`s (`svg-vector-fill.ts`),
 * which a PDF printer keeps as vectors.
 */
export function writeDisplayList(
  list: DisplayList,
  patterns: ReadonlyArray<PatternTile>,
  fontFamily: string | null = null,
  vectorPatterns = false,
): SvgMarkup {
  const tiles = new Map(patterns.map((t) => [t.id as string, t]))
  const defs: string[] = vectorPatterns ? [] : patterns.map(patternDef)
  let fills = 0
  const body: string[] = []
  let alpha = 1
  let masks = 0
  let clips = 0
  const open: number[] = []
  for (const it of list) {
    switch (it.kind) {
      case 'rect': {
        const geometry =
          ` x="${num(it.x)}" y="${num(it.y)}" width="${num(it.w)}" height="${num(it.h)}"` +
          (it.radius > 0 ? ` rx="${num(it.radius)}"` : '')
        const a = alpha * it.opacity
        const stroke = it.stroke
          ? ` stroke="${it.stroke}" stroke-width="${num(it.lineWidth)}"` +
            (it.dash.length > 0 ? ` stroke-dasharray="${it.dash.join(' ')}"` : '')
          : ''
        const tile = vectorPatterns && it.pattern ? tiles.get(it.pattern) : undefined
        if (tile) {
          // The fill (with meta), the pattern as shapes over it, then the outline on top.
          body.push(
            element('rect', `${geometry} fill="${it.fill ?? 'none'}"${opacityAttr(a)}`, it.meta),
          )
          body.push(vectorPatternFill(tile, it, a, `dt-fill-${fills++}`, defs))
          if (stroke) body.push(`<rect${geometry} fill="none"${stroke}${opacityAttr(a)}/>`)
          break
        }
        // The fill and the pattern over it: two rects, the first carrying meta and the outline.
        body.push(
          element(
            'rect',
            `${geometry} fill="${it.fill ?? (it.pattern ? `url(#${patternElementId(it.pattern)})` : 'none')}"${stroke}${opacityAttr(a)}`,
            it.meta,
          ),
        )
        if (it.fill && it.pattern)
          body.push(
            `<rect${geometry} fill="url(#${patternElementId(it.pattern)})"${opacityAttr(a)}/>`,
          )
        break
      }
      case 'line':
        body.push(
          element(
            'line',
            ` x1="${num(it.x1)}" x2="${num(it.x2)}" y1="${num(it.y1)}" y2="${num(it.y2)}" stroke="${it.stroke}" stroke-width="${num(it.lineWidth)}"${opacityAttr(alpha)}`,
            it.meta,
          ),
        )
        break
      case 'polygon': {
        let d = ''
        for (let i = 0; i + 1 < it.points.length; i += 2)
          d += `${i === 0 ? 'M' : 'L'}${num(it.points[i]!)} ${num(it.points[i + 1]!)}`
        body.push(element('path', ` d="${d}Z" fill="${it.fill}"${opacityAttr(alpha)}`, it.meta))
        break
      }
      case 'text': {
        const family =
          fontFamily !== null && it.font.family === fontFamily
            ? ''
            : ` font-family="${escapeXml(it.font.family)}"`
        body.push(
          element(
            'text',
            `${textAttrs(it)}${family}${opacityAttr(alpha)}`,
            it.meta,
            escapeXml(it.text),
          ),
        )
        break
      }
      case 'strip':
        body.push(stripPaths(it, alpha))
        break
      case 'group': {
        let attrs = ''
        if (it.fade) {
          // Opaque up to x0, clear from x1: the canvas erases the same span.
          const f = it.fade
          const id = `dt-mask-${masks++}`
          const far = 1e5
          // The mask covers only the faded bar's band (a mask the size of the world made
          // Chromium rasterise each one over the whole figure: a PNG export took 5× longer).
          // The opaque part runs a px under the ramp (white there too), so no seam shows at x0.
          const band = `y="${num(f.y0)}" height="${num(f.y1 - f.y0)}"`
          defs.push(
            `<mask id="${id}" maskUnits="userSpaceOnUse" x="${-far}" width="${num(f.x1 + far)}" ${band}><rect x="${-far}" width="${num(f.x0 + far + 1)}" ${band} fill="#fff"/><rect x="${num(f.x0)}" width="${num(f.x1 - f.x0)}" ${band} fill="url(#dt-fade)"/></mask>`,
          )
          attrs += ` mask="url(#${id})"`
        }
        if (it.clip) {
          const id = `dt-clip-${clips++}`
          const c = it.clip
          defs.push(
            `<clipPath id="${id}"><rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.w)}" height="${num(c.h)}"/></clipPath>`,
          )
          attrs += ` clip-path="url(#${id})"`
        }
        body.push(`<g${metaAttrs(it.meta)}${attrs}>${titleOf(it.meta)}`)
        open.push(alpha)
        alpha *= it.opacity
        break
      }
      case 'end':
        if (open.length === 0) break
        alpha = open.pop()!
        body.push('</g>')
        break
    }
  }
  for (; open.length > 0; open.pop()) body.push('</g>')
  if (masks > 0) defs.push(FADE_GRADIENT)
  return { defs: defs.join(''), body: body.join('') }
}

/**
 * A standalone SVG document of `width`×`height` px drawing `list` over an
 * optional background colour.
 */
export function displayListSvg(
  list: DisplayList,
  patterns: ReadonlyArray<PatternTile>,
  size: { readonly width: number; readonly height: number },
  background: string | null = null,
): string {
  const { defs, body } = writeDisplayList(list, patterns)
  const bg = background
    ? `<rect width="${num(size.width)}" height="${num(size.height)}" fill="${background}"/>`
    : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(size.width)}" height="${num(size.height)}" viewBox="0 0 ${num(size.width)} ${num(size.height)}"><defs>${defs}</defs>${bg}${body}</svg>`
}

/**
 * Paints a laid-out scene on the bar canvas: family fills, role patterns and
 * outlines (so roles survive greyscale and colour blindness), open ends,
 * overlap marks, selection and search marks, labels.
 *
 * Bars are pixels, not vis-timeline items: vis drew and measured a few DOM
 * nodes per bar on every zoom, pan and keystroke, and no bar styling could
 * bring a frame under 16.7 ms. Colours come from `shared/chart-style`, as in
 * the SVG export and the legend.
 */
import {
  familyColour,
  OPEN_END_STYLE,
  OVERLAP_STYLE,
  ROLE_STYLES,
  type FamilyColour,
  type RolePattern,
  type ThemeName,
} from '../../shared/chart-style'
import type { VehicleFamily, VehicleRole } from '../../shared/model'
import { highlightSegments } from '../../shared/query/highlight'
import type { DrawnItem, SceneLayout } from './bar-scene'

/** Colours read from the page's theme, and patterns built once per theme. */
export interface Palette {
  readonly theme: ThemeName
  readonly fg: string
  readonly bg: string
  readonly focus: string
  readonly match: string
  readonly matchFg: string
  readonly runFill: string
  readonly font: string
  readonly family: (f: VehicleFamily) => FamilyColour
  readonly rolePattern: (r: VehicleRole) => CanvasPattern | null
  readonly runTicks: CanvasPattern | null
  readonly hatch: CanvasPattern | null
}

/** What besides the layout decides how bars look. */
export interface PaintState {
  readonly selectedId: number | string | null
  /**
   * The search terms, marked in labels. While there are any, every bar shown
   * is a match (search also filters), so each gets the match outline.
   */
  readonly terms: ReadonlyArray<string>
}

/** A pattern tile: `draw` paints one repeat in a size×size canvas. */
function tile(
  size: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
  angle: number,
): CanvasPattern | null {
  const c = document.createElement('canvas')
  c.width = size
  c.height = size
  const ctx = c.getContext('2d')
  if (!ctx) return null
  draw(ctx)
  const p = ctx.createPattern(c, 'repeat')
  if (p && angle) p.setTransform(new DOMMatrix().rotate(angle))
  return p
}

/** A role's pattern: white ink at the role's opacity, as the CSS and SVG export draw it. */
function rolePattern(p: RolePattern): CanvasPattern | null {
  const ink = `rgba(255,255,255,${p.opacity})`
  switch (p.kind) {
    case 'solid':
      return null
    case 'stripes':
    case 'crosshatch':
      // One line per tile, or two at right angles; the tile is turned to the pattern's angle.
      return tile(
        p.spacing,
        (ctx) => {
          ctx.fillStyle = ink
          ctx.fillRect(0, 0, p.spacing, p.size)
          if (p.kind === 'crosshatch') ctx.fillRect(0, p.size, p.size, p.spacing - p.size)
        },
        p.angle,
      )
    case 'dots':
      return tile(
        p.spacing,
        (ctx) => {
          ctx.fillStyle = ink
          ctx.beginPath()
          ctx.arc(p.spacing / 2, p.spacing / 2, p.size / 2 + 0.5, 0, 2 * Math.PI)
          ctx.fill()
        },
        0,
      )
  }
}

/** Reads a CSS colour as the page resolves it (custom properties, light-dark(), color-mix()). */
function resolveColours(
  host: HTMLElement,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const probe = document.createElement('span')
  probe.style.display = 'none'
  host.appendChild(probe)
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(values)) {
    probe.style.color = v
    out[k] = getComputedStyle(probe).color
  }
  probe.remove()
  return out
}

/** The palette for the theme `host` is shown in. */
export function readPalette(host: HTMLElement, theme: ThemeName): Palette {
  const c = resolveColours(host, {
    fg: 'var(--fg)',
    bg: 'var(--bg)',
    focus: 'var(--focus)',
    match: 'var(--match, #ffd54f)',
    matchFg: 'var(--match-fg, #1b1f24)',
    runFill: 'color-mix(in srgb, var(--fg) 60%, var(--bg))',
    tick: 'color-mix(in srgb, var(--bg) 40%, transparent)',
  })
  const style = getComputedStyle(host)
  const families = new Map<VehicleFamily, FamilyColour>()
  const patterns = new Map<VehicleRole, CanvasPattern | null>()
  const overlap = OVERLAP_STYLE.colour[theme]
  return {
    theme,
    fg: c.fg!,
    bg: c.bg!,
    focus: c.focus!,
    match: c.match!,
    matchFg: c.matchFg!,
    runFill: c.runFill!,
    font: `${style.fontWeight === '400' ? '' : `${style.fontWeight} `}13px ${style.fontFamily}`,
    family: (f) => {
      let v = families.get(f)
      if (!v) families.set(f, (v = familyColour(f, theme)))
      return v
    },
    rolePattern: (r) => {
      if (!patterns.has(r)) patterns.set(r, rolePattern(ROLE_STYLES[r].pattern))
      return patterns.get(r) ?? null
    },
    runTicks: tile(
      4,
      (ctx) => {
        ctx.fillStyle = c.tick!
        ctx.fillRect(3, 0, 1, 4)
      },
      0,
    ),
    hatch: tile(
      OVERLAP_STYLE.spacing,
      (ctx) => {
        ctx.fillStyle = overlap
        ctx.fillRect(0, 0, OVERLAP_STYLE.spacing, OVERLAP_STYLE.size)
      },
      OVERLAP_STYLE.angle,
    ),
  }
}

const RADIUS = 3

function boxPath(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  ctx.beginPath()
  ctx.roundRect(x, y, w, h, w > 2 * RADIUS ? RADIUS : 0)
}

/** The outline of a bar in its role's line style. */
function strokeRole(ctx: CanvasRenderingContext2D, d: DrawnItem, role: VehicleRole, ink: string) {
  const s = ROLE_STYLES[role]
  const w = d.x1 - d.x0
  ctx.strokeStyle = ink
  ctx.lineWidth = 1
  if (s.outline === 'dashed') ctx.setLineDash([4, 3])
  boxPath(ctx, d.x0 + 0.5, d.top + 0.5, w - 1, d.height - 1)
  ctx.stroke()
  if (s.outline === 'double' && w > 6) {
    boxPath(ctx, d.x0 + 2.5, d.top + 2.5, w - 5, d.height - 5)
    ctx.stroke()
  }
  ctx.setLineDash([])
}

function ring(
  ctx: CanvasRenderingContext2D,
  d: DrawnItem,
  ink: string,
  width: number,
  gap: number,
) {
  const o = gap + width / 2
  ctx.strokeStyle = ink
  ctx.lineWidth = width
  boxPath(ctx, d.x0 - o, d.top - o, d.x1 - d.x0 + 2 * o, d.height + 2 * o)
  ctx.stroke()
}

/** A label, with the search terms marked, on a chip of `chip` when given. */
function paintLabel(
  ctx: CanvasRenderingContext2D,
  d: DrawnItem,
  text: string,
  ink: string,
  chip: string | null,
  palette: Palette,
  terms: ReadonlyArray<string>,
) {
  const y = d.top + d.height / 2
  if (chip) {
    ctx.fillStyle = chip
    ctx.fillRect(d.labelX - 4, d.top + 2, d.labelWidth + 8, d.height - 4)
  }
  // Nothing to mark: one string, no per-segment measuring on every frame.
  if (terms.length === 0) {
    ctx.fillStyle = ink
    ctx.fillText(text, d.labelX, y)
    return
  }
  let x = d.labelX
  for (const seg of highlightSegments(text, terms)) {
    const w = ctx.measureText(seg.text).width
    if (seg.isMatch) {
      ctx.fillStyle = palette.match
      ctx.fillRect(x, d.top + 3, w, d.height - 6)
    }
    ctx.fillStyle = seg.isMatch ? palette.matchFg : ink
    ctx.fillText(seg.text, x, y)
    x += w
  }
}

function paintBar(
  ctx: CanvasRenderingContext2D,
  d: DrawnItem,
  palette: Palette,
  state: PaintState,
): void {
  const it = d.item
  if (it.kind !== 'bar') return
  const colour = palette.family(it.family)
  const w = d.x1 - d.x0
  ctx.globalAlpha = it.isSummary ? 0.7 : 1
  ctx.fillStyle = colour.fill
  boxPath(ctx, d.x0, d.top, w, d.height)
  ctx.fill()
  const pattern = palette.rolePattern(it.role)
  if (pattern) {
    ctx.fillStyle = pattern
    ctx.fill()
  }
  strokeRole(ctx, d, it.role, colour.stroke)
  if (it.isOpen) {
    // Still docked: the bar fades out over its last px instead of closing.
    const fade = Math.min(OPEN_END_STYLE.fadePx, w)
    const g = ctx.createLinearGradient(d.x1 - fade, 0, d.x1, 0)
    g.addColorStop(0, 'rgba(0,0,0,0)')
    g.addColorStop(1, 'rgba(0,0,0,1)')
    ctx.globalCompositeOperation = 'destination-out'
    ctx.fillStyle = g
    ctx.fillRect(d.x1 - fade, d.top - 1, fade + 1, d.height + 2)
    ctx.globalCompositeOperation = 'source-over'
  }
  ctx.globalAlpha = 1
  if (it.hasOverlap) ring(ctx, d, OVERLAP_STYLE.colour[palette.theme], 2, 0)
  else if (state.terms.length > 0 && !it.isSummary) ring(ctx, d, palette.match, 2, 0)
  if (d.labelMode === 'inside')
    paintLabel(ctx, d, it.label, colour.text, colour.fill, palette, state.terms)
  else if (d.labelMode === 'outside')
    paintLabel(ctx, d, it.label, palette.fg, null, palette, state.terms)
}

function paintRun(ctx: CanvasRenderingContext2D, d: DrawnItem, palette: Palette): void {
  const it = d.item
  if (it.kind !== 'run') return
  const w = d.x1 - d.x0
  ctx.globalAlpha = it.isSummary ? 0.7 : 1
  ctx.fillStyle = palette.runFill
  ctx.fillRect(d.x0, d.top, w, d.height)
  if (palette.runTicks) {
    ctx.fillStyle = palette.runTicks
    ctx.fillRect(d.x0, d.top, w, d.height)
  }
  ctx.strokeStyle = palette.fg
  ctx.lineWidth = 1
  ctx.strokeRect(d.x0 + 0.5, d.top + 0.5, w - 1, d.height - 1)
  ctx.globalAlpha = 1
  if (d.labelMode === 'inside')
    paintLabel(ctx, d, it.label, palette.bg, palette.runFill, palette, [])
  else if (d.labelMode === 'outside') paintLabel(ctx, d, it.label, palette.fg, null, palette, [])
}

function paintHatch(ctx: CanvasRenderingContext2D, d: DrawnItem, palette: Palette): void {
  const w = d.x1 - d.x0
  ctx.globalAlpha = 0.55
  if (palette.hatch) {
    ctx.fillStyle = palette.hatch
    ctx.fillRect(d.x0, d.top, w, d.height)
  }
  ctx.strokeStyle = OVERLAP_STYLE.colour[palette.theme]
  ctx.lineWidth = 1
  ctx.strokeRect(d.x0 + 0.5, d.top + 0.5, w - 1, d.height - 1)
  ctx.globalAlpha = 1
}

/** Paints `layout` over a cleared canvas of `width`×`height` CSS px. */
export function paintScene(
  ctx: CanvasRenderingContext2D,
  layout: SceneLayout,
  size: { readonly width: number; readonly height: number; readonly dpr: number },
  palette: Palette,
  state: PaintState,
): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0)
  ctx.clearRect(0, 0, size.width, size.height)
  ctx.font = palette.font
  ctx.textBaseline = 'middle'
  for (const d of layout.hatches) paintHatch(ctx, d, palette)
  let selected: DrawnItem | null = null
  for (const d of layout.items) {
    if (d.item.kind === 'run') paintRun(ctx, d, palette)
    else paintBar(ctx, d, palette, state)
    if (d.item.id === state.selectedId) selected = d
  }
  // Last, so neighbours never cover it.
  if (selected) ring(ctx, selected, palette.focus, 3, 1)
}

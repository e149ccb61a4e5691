/**
 * The bars of a placed scene as drawing primitives: family fills, role
 * patterns and outlines (so roles survive greyscale and colour blindness),
 * open ends fading out, overlap hatches and rings, heat strips of dense bars,
 * labels with search marks, and the selection ring.
 *
 * One builder for the screen and the export: the canvas paints this list and
 * the SVG writer writes it, so a figure shows what the screen shows. Only
 * what is placed (the visible window's items) is built, once per frame.
 */
import {
  familyColour,
  FLAG_STYLE,
  OPEN_END_STYLE,
  OVERLAP_STYLE,
  REFERENCE_STYLE,
  ROLE_STYLES,
  UNKNOWN_END_STYLE,
  VISIT_STYLE,
  type ThemeName,
} from './style'
import type { FamilyColour } from './style'
import type { VehicleFamily, VehicleRole } from '../domain/model'
import { VEHICLE_FAMILIES } from '../domain/vehicle-family'
import { highlightSegments } from '../query/highlight'
import type { DrawnItem, SceneLayout } from './bar-scene'
import {
  END,
  group,
  rect,
  type DisplayItem,
  type Font,
  type Meta,
  type Shade,
} from './display-list'
import { rolePatternId } from './patterns'
import { HEAT_LEVELS, sampleColumns, shadeIndex, type HeatCell } from './heat-strip'

/** The colours around the bars, from the theme the chart is drawn in. */
export interface BarInk {
  readonly theme: ThemeName
  /** Text and strip outlines. */
  readonly fg: string
  /** The page behind the chart; label colour on a strip. */
  readonly bg: string
  /** The selection ring. */
  readonly focus: string
  /** Search matches: outline and marked text's background… */
  readonly match: string
  /** …and marked text. */
  readonly matchFg: string
  /** A strip label's chip. */
  readonly runFill: string
}

/** How big things are drawn. */
export interface BarLook {
  readonly font: Font
  /** Corner radius of bars, px. */
  readonly radius: number
}

/** What besides the layout decides how bars look. */
export interface BarMarks {
  readonly selectedId: number | string | null
  /**
   * The search terms, marked in labels. While there are any, every bar shown
   * is a match (search also filters), so each gets the match outline.
   */
  readonly terms: ReadonlyArray<string>
}

/** Everything the builder reads besides the layout. */
export interface BarDrawing {
  readonly ink: BarInk
  readonly look: BarLook
  readonly marks: BarMarks
  /** A text's width in `look.font`, px (for search marks inside labels). */
  readonly measure: (text: string) => number
  /** What the SVG says about an item (class, data, tooltip); the screen passes none. */
  readonly describe?: (d: DrawnItem) => Meta | undefined
  /** What the SVG says about a label (so a reader of the file can tell whose it is). */
  readonly describeLabel?: (d: DrawnItem) => Meta
}

/** Dash and gap of a dashed outline, px. */
const DASH: ReadonlyArray<number> = [4, 3]
/** A summary bar (collapsed station) is drawn see-through. */
const SUMMARY_OPACITY = 0.7
/** An overlap hatch is drawn see-through, so the bars under it show. */
const HATCH_OPACITY = 0.55

/** Family colours per theme, worked out once rather than per bar and frame. */
const COLOURS: Readonly<Record<ThemeName, (f: VehicleFamily) => FamilyColour>> = {
  light: cachedColours('light'),
  dark: cachedColours('dark'),
}

function cachedColours(theme: ThemeName): (f: VehicleFamily) => FamilyColour {
  const cache = new Map<VehicleFamily, FamilyColour>()
  return (f) => {
    let c = cache.get(f)
    if (!c) cache.set(f, (c = familyColour(f, theme)))
    return c
  }
}

/** From the em box's centre down to the alphabetic baseline, in em (DejaVu Sans, system-ui here). */
const EM_CENTRE_TO_BASELINE = 0.35

const cornerOf = (w: number, radius: number) => (w > 2 * radius ? radius : 0)

/** A ring round an item, `gap` px outside its box. */
function ring(
  out: DisplayItem[],
  d: DrawnItem,
  ink: string,
  width: number,
  gap: number,
  r: number,
) {
  const o = gap + width / 2
  const w = d.x1 - d.x0 + 2 * o
  out.push(
    rect(d.x0 - o, d.top - o, w, d.height + 2 * o, {
      radius: cornerOf(w, r),
      stroke: ink,
      lineWidth: width,
    }),
  )
}

/** A label, with the search terms marked, on a chip of `chip` when given. */
function label(
  out: DisplayItem[],
  d: DrawnItem,
  text: string,
  ink: string,
  chip: string | null,
  drawing: BarDrawing,
  terms: ReadonlyArray<string>,
) {
  const f = drawing.look.font
  // An alphabetic baseline, placed so the em box is centred in the bar: canvas
  // `middle` and SVG `central` centre text differently, alphabetic is the same in both.
  const y = d.top + d.height / 2 + f.size * EM_CENTRE_TO_BASELINE
  if (chip) out.push(rect(d.labelX - 4, d.top + 2, d.labelWidth + 8, d.height - 4, { fill: chip }))
  // Nothing to mark: one string, no per-segment measuring on every frame.
  if (terms.length === 0) {
    const meta = drawing.describeLabel?.(d)
    out.push({
      kind: 'text',
      x: d.labelX,
      y,
      text,
      anchor: 'start',
      baseline: 'alphabetic',
      font: f,
      fill: ink,
      ...(meta ? { meta } : {}),
    })
    return
  }
  let x = d.labelX
  for (const seg of highlightSegments(text, terms)) {
    const w = drawing.measure(seg.text)
    if (seg.isMatch) out.push(rect(x, d.top + 3, w, d.height - 6, { fill: drawing.ink.match }))
    out.push({
      kind: 'text',
      x,
      y,
      text: seg.text,
      anchor: 'start',
      baseline: 'alphabetic',
      font: f,
      fill: seg.isMatch ? drawing.ink.matchFg : ink,
    })
    x += w
  }
}

/**
 * A bar's box in its role's look: the family fill, the role's pattern over
 * it and its outline (solid, dashed, or double). The legend's swatches are
 * drawn with it too.
 */
export function barShape(
  out: DisplayItem[],
  x: number,
  y: number,
  w: number,
  h: number,
  colour: { readonly fill: string; readonly stroke: string },
  role: VehicleRole,
  radius: number,
): void {
  const style = ROLE_STYLES[role]
  out.push(
    rect(x, y, w, h, {
      radius: cornerOf(w, radius),
      fill: colour.fill,
      pattern: rolePatternId(role),
    }),
    rect(x + 0.5, y + 0.5, w - 1, h - 1, {
      radius: cornerOf(w - 1, radius),
      stroke: colour.stroke,
      dash: style.outline === 'dashed' ? DASH : undefined,
    }),
  )
  // A double outline: a second, inset rule, as CSS `border-style: double` draws it.
  if (style.outline === 'double' && w > 6)
    out.push(
      rect(x + 2.5, y + 2.5, w - 5, h - 5, {
        radius: cornerOf(w - 5, radius),
        stroke: colour.stroke,
      }),
    )
}

function bar(
  out: DisplayItem[],
  labels: DisplayItem[],
  d: DrawnItem,
  drawing: BarDrawing,
  colour: (f: VehicleFamily) => FamilyColour,
) {
  const it = d.item
  if (it.kind !== 'bar') return
  const { ink, look, marks } = drawing
  const c = colour(it.family)
  const w = d.x1 - d.x0
  const meta = drawing.describe?.(d)
  // Still docked: the bar fades out over its last px instead of closing.
  const fadeWidth = Math.min(OPEN_END_STYLE.fadePx, w)
  const grouped = it.isSummary || it.isOpen || meta !== undefined
  if (grouped)
    out.push(
      group({
        opacity: it.isSummary ? SUMMARY_OPACITY : 1,
        fade: it.isOpen
          ? { x0: d.x1 - fadeWidth, x1: d.x1, y0: d.top - 1, y1: d.top + d.height + 1 }
          : null,
        ...(meta ? { meta } : {}),
      }),
    )
  barShape(out, d.x0, d.top, w, d.height, c, it.role, look.radius)
  if (grouped) out.push(END)
  if (it.isEndUnknown) unknownEnd(out, d, ink.fg)
  if (it.isFlagged) flagMark(out, d, ink.theme)
  if (it.hasOverlap) ring(out, d, OVERLAP_STYLE.colour[ink.theme], 2, 0, look.radius)
  else if (marks.terms.length > 0 && !it.isSummary) ring(out, d, ink.match, 2, 0, look.radius)
  if (d.labelMode === 'inside') label(labels, d, d.labelText, c.text, c.fill, drawing, marks.terms)
  else if (d.labelMode === 'outside')
    label(labels, d, d.labelText, ink.fg, null, drawing, marks.terms)
}

/** The closing rule at a bar whose departure is unknown: it stops there, it does not fade. */
export function unknownEnd(out: DisplayItem[], d: DrawnItem, ink: string): void {
  const w = UNKNOWN_END_STYLE.rulePx
  out.push(rect(d.x1 - w / 2, d.top - 2, w, d.height + 4, { fill: ink }))
}

/** The corner triangle on a flagged bar, top left, where no end mark goes. */
export function flagMark(out: DisplayItem[], d: DrawnItem, theme: ThemeName): void {
  const a = Math.min(FLAG_STYLE.size, d.height, Math.max(d.x1 - d.x0, 4))
  out.push({
    kind: 'polygon',
    points: [d.x0, d.top, d.x0 + a, d.top, d.x0, d.top + a],
    fill: FLAG_STYLE.colour[theme],
  })
}

/**
 * Lines joining each drawn bar to the next leg of its visit: from the
 * earlier leg's end to the later leg's start, across the rows between. Both
 * legs must be laid out (a leg scrolled out of the rows has no place).
 */
function connectors(out: DisplayItem[], items: ReadonlyArray<DrawnItem>, ink: string) {
  let byId: Map<number | string, DrawnItem> | null = null
  for (const d of items) {
    const it = d.item
    if (it.kind !== 'bar' || it.nextLeg === null) continue
    byId ??= new Map(items.map((x) => [x.item.id, x]))
    const next = byId.get(it.nextLeg)
    if (!next) continue
    out.push({
      kind: 'line',
      x1: d.x1,
      y1: d.top + d.height / 2,
      x2: next.x0,
      y2: next.top + next.height / 2,
      stroke: ink,
      lineWidth: VISIT_STYLE.lineWidth,
      meta: { cls: 'visit-connector', data: { from: it.id, to: it.nextLeg } },
    })
  }
}

const FAMILY_INDEX = new Map(VEHICLE_FAMILIES.map((f, i) => [f, i]))

/** Every shade a heat strip's column may take in a theme, by `shadeIndex`: worked out once. */
const SHADES: Readonly<Record<ThemeName, ReadonlyArray<Shade | null>>> = {
  light: heatShades('light'),
  dark: heatShades('dark'),
}

function heatShades(theme: ThemeName): ReadonlyArray<Shade | null> {
  const out: Array<Shade | null> = [null]
  VEHICLE_FAMILIES.forEach((f, i) => {
    for (let level = 1; level <= HEAT_LEVELS; level++)
      out[shadeIndex(i, level)] = {
        fill: COLOURS[theme](f).fill,
        opacity: level / HEAT_LEVELS,
      }
  })
  return out
}

const shadeOf = (c: HeatCell): number => shadeIndex(FAMILY_INDEX.get(c.family) ?? 0, c.level)

/**
 * A strip's heat cells as one strip primitive: each whole px of it on the
 * canvas in the family colour, as strong as the docked share of the cell
 * under it. A zoomed-in strip may hold thousands of cells off the canvas;
 * only the px on it are sampled.
 */
function heat(
  out: DisplayItem[],
  d: DrawnItem,
  cells: ReadonlyArray<HeatCell>,
  width: number,
  theme: ThemeName,
) {
  const it = d.item
  if (it.kind !== 'run' || !(it.end > it.start) || !(d.x1 > d.x0)) return
  const x0 = Math.max(Math.round(d.x0), 0)
  const x1 = Math.min(Math.round(d.x1), Math.ceil(width))
  if (x1 <= x0) return
  const msPerPx = (it.end - it.start) / (d.x1 - d.x0)
  const y = Math.round(d.top)
  out.push({
    kind: 'strip',
    x: x0,
    y,
    h: Math.round(d.top + d.height) - y,
    columns: sampleColumns(cells, x0, x1 - x0, (px) => it.start + (px - d.x0) * msPerPx, shadeOf),
    shades: SHADES[theme],
  })
}

function run(
  out: DisplayItem[],
  labels: DisplayItem[],
  d: DrawnItem,
  drawing: BarDrawing,
  width: number,
) {
  const it = d.item
  if (it.kind !== 'run') return
  const { ink } = drawing
  const w = d.x1 - d.x0
  const meta = drawing.describe?.(d)
  const grouped = it.isSummary || meta !== undefined
  if (grouped)
    out.push(group({ opacity: it.isSummary ? SUMMARY_OPACITY : 1, ...(meta ? { meta } : {}) }))
  heat(out, d, it.run.heat, width, ink.theme)
  out.push(rect(d.x0 + 0.5, d.top + 0.5, w - 1, d.height - 1, { stroke: ink.fg, opacity: 0.6 }))
  if (grouped) out.push(END)
  if (d.labelMode === 'inside') label(labels, d, d.labelText, ink.bg, ink.runFill, drawing, [])
  else if (d.labelMode === 'outside') label(labels, d, d.labelText, ink.fg, null, drawing, [])
}

function hatch(out: DisplayItem[], d: DrawnItem, drawing: BarDrawing) {
  const w = d.x1 - d.x0
  const meta = drawing.describe?.(d)
  out.push(
    rect(d.x0, d.top, w, d.height, {
      pattern: 'overlap',
      opacity: HATCH_OPACITY,
      ...(meta ? { meta } : {}),
    }),
    rect(d.x0 + 0.5, d.top + 0.5, w - 1, d.height - 1, {
      stroke: OVERLAP_STYLE.colour[drawing.ink.theme],
      opacity: HATCH_OPACITY,
    }),
  )
}

/** A reference stay's line, in the colour of whether it disagrees with LL2. */
function referenceLine(out: DisplayItem[], d: DrawnItem, drawing: BarDrawing) {
  const it = d.item
  if (it.kind !== 'reference') return
  const palette = it.line.hasConflict ? REFERENCE_STYLE.conflictColour : REFERENCE_STYLE.colour
  const meta = drawing.describe?.(d)
  out.push(
    rect(d.x0, d.top, d.x1 - d.x0, d.height, {
      fill: palette[drawing.ink.theme],
      opacity: it.line.isSummary ? SUMMARY_OPACITY : 1,
      ...(meta ? { meta } : {}),
    }),
  )
}

/**
 * The primitives that draw `layout`: hatches behind, then bars and strips
 * in order, the reference lines under them (over a bar's edge where the
 * row has no room below it), then the connectors between a visit's legs,
 * then the labels, then the selection ring (last, so no neighbour covers it).
 * Appends to `out` when given, so a caller can put a frame around them.
 */
export function buildBarDisplayList(
  layout: SceneLayout,
  drawing: BarDrawing,
  out: DisplayItem[] = [],
): DisplayItem[] {
  const colour = COLOURS[drawing.ink.theme]
  for (const d of layout.hatches) hatch(out, d, drawing)
  let selected: DrawnItem | null = null
  // Labels go over every bar, so a stay overlapping another on its port
  // (a data error) does not hide the other's name under its box and ring.
  const labels: DisplayItem[] = []
  for (const d of layout.items) {
    if (d.item.kind === 'run') run(out, labels, d, drawing, layout.width)
    else bar(out, labels, d, drawing, colour)
    if (d.item.id === drawing.marks.selectedId) selected = d
  }
  for (const d of layout.references) referenceLine(out, d, drawing)
  connectors(out, layout.items, drawing.ink.fg)
  for (const l of labels) out.push(l)
  if (selected) ring(out, selected, drawing.ink.focus, 3, 1, drawing.look.radius)
  return out
}

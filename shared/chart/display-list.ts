/**
 * The chart as drawing primitives: rectangles, lines, polygons, text and heat
 * strips in px, with groups for opacity, clipping and an open end's fade.
 *
 * The screen's canvas (`renderer/timeline/canvas/bar-painter.ts`) and the SVG
 * writer (`shared/export/svg-writer.ts`) only interpret this list, so an
 * exported figure is drawn by the same decisions as the screen. The list is
 * flat (a group is a `group` item, its children, then an `end`), so building
 * and walking it per frame costs one small object per primitive.
 */
import type { PatternId } from './patterns'

/** A font, with its CSS shorthand computed once (canvas `ctx.font`). */
export interface Font {
  readonly family: string
  readonly size: number
  readonly weight: 'normal' | 'bold' | number
  /** `[weight ]<size>px <family>`, what canvas and CSS read. */
  readonly css: string
}

/** A font from its parts. */
export function font(family: string, size: number, weight: Font['weight'] = 'normal'): Font {
  const w = weight === 'normal' || weight === 400 ? '' : `${weight} `
  return { family, size, weight, css: `${w}${size}px ${family}` }
}

/**
 * What only the SVG keeps of a primitive: its class, data attributes and a
 * tooltip title, so a reader of the file (or a test) can tell a bar from a
 * rule. The canvas ignores it.
 */
export interface Meta {
  readonly cls?: string
  readonly data?: Readonly<Record<string, string | number>>
  readonly title?: string
}

/** A rectangle: filled, patterned (over the fill), stroked, or any of these. */
export interface RectItem {
  readonly kind: 'rect'
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  /** Corner radius, px; 0 for square corners. */
  readonly radius: number
  readonly fill: string | null
  /** A pattern from `patterns.ts` painted over the fill. */
  readonly pattern: PatternId | null
  readonly stroke: string | null
  readonly lineWidth: number
  /** Stroke dash and gap lengths, px; empty for a solid line. */
  readonly dash: ReadonlyArray<number>
  /** Alpha of the whole rectangle, 0–1. */
  readonly opacity: number
  readonly meta?: Meta
}

/** A straight line. */
export interface LineItem {
  readonly kind: 'line'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  readonly stroke: string
  readonly lineWidth: number
  readonly meta?: Meta
}

/** A filled polygon, `points` as x0, y0, x1, y1, … (arrowheads). */
export interface PolygonItem {
  readonly kind: 'polygon'
  readonly points: ReadonlyArray<number>
  readonly fill: string
  readonly meta?: Meta
}

/** One line of text; `x` is where `anchor` sits, `y` where `baseline` sits. */
export interface TextItem {
  readonly kind: 'text'
  readonly x: number
  readonly y: number
  readonly text: string
  readonly anchor: 'start' | 'middle' | 'end'
  /** `middle`: the em box's centre (canvas `middle`, SVG `central`). */
  readonly baseline: 'middle' | 'alphabetic'
  readonly font: Font
  readonly fill: string
  readonly meta?: Meta
}

/** A colour at an alpha: one shade a strip's columns may take. */
export interface Shade {
  readonly fill: string
  readonly opacity: number
}

/**
 * A heat strip: a row of 1 px columns from `x` (a whole px), `h` px tall,
 * column i filled with `shades[columns[i]]` (index 0: left clear). One
 * primitive for a whole strip rather than a rectangle per cell, so the
 * canvas paints it as one image and the SVG as one path per shade; whole px
 * keep the two pixel for pixel alike.
 */
export interface StripItem {
  readonly kind: 'strip'
  readonly x: number
  readonly y: number
  readonly h: number
  readonly columns: Uint8Array
  /** Shared by every strip of a theme, so a painter can keep what it derives from them. */
  readonly shades: ReadonlyArray<Shade | null>
  readonly meta?: Meta
}

/** A box, px. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/**
 * Starts a group: what follows until its `end` is drawn at `opacity` (which
 * multiplies each primitive's own), inside `clip`, and faded out to nothing
 * from `fade.x0` to `fade.x1` (a still-docked bar's open end; clear beyond x1).
 */
export interface GroupItem {
  readonly kind: 'group'
  readonly opacity: number
  readonly clip: Box | null
  readonly fade: {
    readonly x0: number
    readonly x1: number
    readonly y0: number
    readonly y1: number
  } | null
  readonly meta?: Meta
}

/** Ends the innermost open group. */
export interface EndItem {
  readonly kind: 'end'
}

/** One drawing primitive. */
export type DisplayItem =
  RectItem | LineItem | PolygonItem | TextItem | StripItem | GroupItem | EndItem

/** Primitives in paint order (later ones on top). */
export type DisplayList = ReadonlyArray<DisplayItem>

/** The one `end` item, shared: it carries nothing. */
export const END: EndItem = { kind: 'end' }

const NO_DASH: ReadonlyArray<number> = []

/** A rectangle with defaults for what it leaves out. */
export function rect(
  x: number,
  y: number,
  w: number,
  h: number,
  paint: {
    readonly radius?: number
    readonly fill?: string | null
    readonly pattern?: PatternId | null
    readonly stroke?: string | null
    readonly lineWidth?: number
    readonly dash?: ReadonlyArray<number>
    readonly opacity?: number
    readonly meta?: Meta
  },
): RectItem {
  return {
    kind: 'rect',
    x,
    y,
    w,
    h,
    radius: paint.radius ?? 0,
    fill: paint.fill ?? null,
    pattern: paint.pattern ?? null,
    stroke: paint.stroke ?? null,
    lineWidth: paint.lineWidth ?? 1,
    dash: paint.dash ?? NO_DASH,
    opacity: paint.opacity ?? 1,
    ...(paint.meta ? { meta: paint.meta } : {}),
  }
}

/** A group start with defaults (opaque, unclipped, no fade). */
export function group(options: {
  readonly opacity?: number
  readonly clip?: Box | null
  readonly fade?: GroupItem['fade']
  readonly meta?: Meta
}): GroupItem {
  return {
    kind: 'group',
    opacity: options.opacity ?? 1,
    clip: options.clip ?? null,
    fade: options.fade ?? null,
    ...(options.meta ? { meta: options.meta } : {}),
  }
}

/**
 * What the chart draws, and where: bars, strips of dense bars and overlap
 * hatches measured and placed for a time window and row bands, with each
 * label placed inside its bar, beside it or nowhere.
 *
 * Plain data and arithmetic (no DOM), so placement and hit testing are unit
 * tested. Labels' texts and where each goes are `bar-labels.ts`'s. `bar-display-list.ts` turns a placed scene into drawing primitives,
 * which the screen's canvas and the SVG export both draw.
 */
import type { BarRun, ThinnedBars } from './lod'
import {
  barLabel,
  chooseLabel,
  labelXOf,
  LABEL_PADDING,
  runLabel,
  shortBarLabel,
} from './bar-labels'
import type { LabelMode, RowMarks } from './bar-labels'
import type { Overlap, PlacedBar } from './chart-model'
import { groupBy } from './group-by'
import type { ReferenceLine } from './reference-lines'
import { REFERENCE_STYLE } from './style'
import type { VehicleFamily, VehicleRole } from '../domain/model'

/** One thing drawn in a row. */
export type SceneItem =
  | {
      readonly kind: 'bar'
      readonly id: number
      readonly rowId: string
      readonly start: number
      readonly end: number
      readonly label: string
      /** The label without the vehicle's dedication, for want of room; null when the same. */
      readonly shortLabel: string | null
      readonly family: VehicleFamily
      readonly role: VehicleRole
      readonly isOpen: boolean
      /** The departure is unknown: the bar ends at its station's re-entry. */
      readonly isEndUnknown: boolean
      readonly hasOverlap: boolean
      readonly isFlagged: boolean
      /** The next leg of the bar's visit, joined to it by a connector. */
      readonly nextLeg: number | null
      readonly isSummary: boolean
    }
  | {
      readonly kind: 'run'
      readonly id: string
      readonly rowId: string
      readonly start: number
      readonly end: number
      readonly label: string
      readonly isSummary: boolean
      readonly run: BarRun
    }
  | {
      readonly kind: 'overlap'
      readonly id: string
      readonly rowId: string
      readonly start: number
      readonly end: number
      readonly overlap: Overlap
    }
  | {
      readonly kind: 'reference'
      readonly id: string
      readonly rowId: string
      readonly start: number
      readonly end: number
      readonly line: ReferenceLine
    }

/** What one row draws. */
export interface SceneRow {
  /** Bars and strips, by start time. */
  readonly items: ReadonlyArray<SceneItem>
  /** Overlap hatches, drawn behind the bars. */
  readonly hatches: ReadonlyArray<SceneItem>
  /** Reference lines, drawn under the bars; empty while the layer is off. */
  readonly references: ReadonlyArray<SceneItem>
}

/** Per row: bars and strips, overlap hatches and reference lines. */
export interface Scene {
  readonly rows: ReadonlyMap<string, SceneRow>
  readonly size: number
}

/**
 * Builds the scene from the bars and strips to draw, the overlaps between
 * bars and the reference lines (none while the layer is off).
 */
export function buildScene(
  thin: ThinnedBars,
  overlaps: ReadonlyArray<Overlap>,
  placed: ReadonlyArray<PlacedBar>,
  references: ReadonlyArray<ReferenceLine> = [],
): Scene {
  const items: SceneItem[] = thin.bars.map((p) => ({
    kind: 'bar',
    id: p.bar.eventId,
    rowId: p.rowId,
    start: p.bar.start,
    end: p.bar.end,
    label: barLabel(p.bar),
    shortLabel: shortBarLabel(p.bar),
    family: p.bar.family,
    role: p.bar.role,
    isOpen: p.bar.endState === 'docked',
    isEndUnknown: p.bar.endState === 'unknown',
    hasOverlap: p.bar.hasOverlap,
    isFlagged: p.bar.isFlagged,
    nextLeg: p.bar.nextLeg,
    isSummary: p.isSummary,
  }))
  for (const r of thin.runs)
    items.push({
      kind: 'run',
      id: r.id,
      rowId: r.rowId,
      start: r.start,
      end: r.end,
      label: runLabel(r),
      isSummary: r.isSummary,
      run: r,
    })
  // Overlaps are rare data errors: only they need every bar's row looked up.
  const rowOf =
    overlaps.length > 0
      ? new Map(placed.map((p) => [p.bar.eventId as number, p.rowId]))
      : new Map<number, string>()
  const hatches: SceneItem[] = []
  for (const o of overlaps) {
    const rowId = rowOf.get(o.eventIds[0])
    if (rowId)
      hatches.push({
        kind: 'overlap',
        id: `overlap-${o.eventIds[0]}-${o.eventIds[1]}`,
        rowId,
        start: o.start,
        end: Math.max(o.end, o.start + 1),
        overlap: o,
      })
  }
  const lines: SceneItem[] = references.map((line) => ({
    kind: 'reference',
    id: line.id,
    rowId: line.rowId,
    start: line.start,
    end: line.end,
    line,
  }))
  const byRow = groupBy(items, (i) => i.rowId)
  const hatchesByRow = groupBy(hatches, (i) => i.rowId)
  const linesByRow = groupBy(lines, (i) => i.rowId)
  const rows = new Map<string, SceneRow>()
  for (const id of new Set([...byRow.keys(), ...hatchesByRow.keys(), ...linesByRow.keys()])) {
    const list = byRow.get(id) ?? []
    list.sort((a, b) => a.start - b.start || a.end - b.end)
    rows.set(id, {
      items: list,
      hatches: hatchesByRow.get(id) ?? [],
      references: linesByRow.get(id) ?? [],
    })
  }
  return { rows, size: items.length + hatches.length + lines.length }
}

/** A row's band on the canvas, px from the canvas top. */
export interface RowBand {
  readonly id: string
  readonly top: number
  readonly height: number
}

/** The visible window and the canvas it maps onto. */
export interface Viewport {
  readonly start: number
  readonly end: number
  readonly width: number
  readonly height: number
  readonly rows: ReadonlyArray<RowBand>
  /** Bar height, px (default `BAR_HEIGHT`); a figure's rows are sized to its page. */
  readonly barHeight?: number
  /**
   * True where nothing lies past the right edge to pan to (a figure): a name
   * beside a row's last bar must end inside it, else none is written (the
   * figure's key numbers the bar). On screen a name may run off the edge,
   * whole once the chart is panned.
   */
  readonly edgeEndsLabels?: boolean
}

/** Bar height, px; rows are taller (timeline.css sets their height). */
export const BAR_HEIGHT = 22
/** Narrow bars are hit as if this wide, px, so a one-pixel bar can be hovered. */
const MIN_HIT_PX = 5
/** Items this far off the canvas are still laid out (their labels may reach in), px. */
const MARGIN_PX = 200

/** One item laid out on the canvas. */
export interface DrawnItem {
  readonly item: SceneItem
  /** The item's box, px; x0 and x1 may lie off the canvas. */
  readonly x0: number
  readonly x1: number
  readonly top: number
  readonly height: number
  readonly labelMode: LabelMode
  /** The text written: the item's label, or a bar's short label where only that has room. */
  readonly labelText: string
  /** Left edge of the label text, px (for 'none', where it would be). */
  readonly labelX: number
  readonly labelWidth: number
}

/** The layout of one frame: hatches first (drawn behind), reference lines, then bars and strips. */
export interface SceneLayout {
  readonly hatches: ReadonlyArray<DrawnItem>
  readonly items: ReadonlyArray<DrawnItem>
  /** The width laid out for, px: what lies beyond is not drawn. */
  readonly width: number
  readonly references: ReadonlyArray<DrawnItem>
}

/**
 * Lays out the scene's items in the visible rows and window. `measure`
 * gives a label's width in px.
 */
export function layoutScene(
  scene: Scene,
  view: Viewport,
  measure: (text: string) => number,
): SceneLayout {
  const span = view.end - view.start
  const hatches: DrawnItem[] = []
  const items: DrawnItem[] = []
  const references: DrawnItem[] = []
  if (!(span > 0) || view.width <= 0)
    return { hatches, items, references, width: Math.max(0, view.width) }
  const scale = view.width / span
  const barHeight = view.barHeight ?? BAR_HEIGHT
  const xOf = (t: number) => (t - view.start) * scale
  const edge = view.edgeEndsLabels ? view.width : Number.POSITIVE_INFINITY
  // A hatch or a reference line: no label, at least `minPx` wide so a short
  // one stays visible; null when it lies off the canvas.
  const unlabelled = (
    item: SceneItem,
    start: number,
    end: number,
    minPx: number,
    top: number,
    height: number,
  ): DrawnItem | null => {
    const x0 = xOf(start)
    const x1 = Math.max(xOf(end), x0 + minPx)
    if (x1 < 0 || x0 > view.width) return null
    return {
      item,
      x0,
      x1,
      top,
      height,
      labelMode: 'none',
      labelText: '',
      labelX: x0,
      labelWidth: 0,
    }
  }
  for (const band of view.rows) {
    if (band.top + band.height <= 0 || band.top >= view.height) continue
    const row = scene.rows.get(band.id)
    if (!row) continue
    for (const h of row.hatches) {
      const drawn = unlabelled(h, h.start, h.end, 1, band.top, band.height)
      if (drawn) hatches.push(drawn)
    }
    const top = band.top + Math.max(0, (band.height - barHeight) / 2)
    const height = Math.min(barHeight, band.height)
    // Under the bar, inside the band: below it when the band has room.
    const lineHeight = REFERENCE_STYLE.heightPx
    const lineTop = Math.min(top + height + 1, band.top + band.height - lineHeight)
    for (const r of row.references) {
      const drawn = unlabelled(r, r.start, r.end, 2, lineTop, lineHeight)
      if (drawn) references.push(drawn)
    }
    const list = row.items
    const marks: RowMarks = {
      coverEnd: Number.NEGATIVE_INFINITY,
      labelEnd: Number.NEGATIVE_INFINITY,
    }
    for (let i = 0; i < list.length; i++) {
      const it = list[i]!
      const x0 = xOf(it.start)
      const x1 = Math.max(xOf(it.end), x0 + 1)
      if (x1 < -MARGIN_PX || x0 > view.width + MARGIN_PX) continue
      const next = list[i + 1]
      const label =
        it.kind !== 'overlap' &&
        it.kind !== 'reference' &&
        !it.isSummary &&
        x1 > 0 &&
        x0 < view.width
          ? chooseLabel(
              it.label,
              it.kind === 'bar' ? it.shortLabel : null,
              { x0, x1, nextX: next ? xOf(next.start) : null, width: view.width, edge },
              marks,
              measure,
            )
          : null
      if (it.kind !== 'overlap' && it.kind !== 'reference')
        marks.coverEnd = Math.max(marks.coverEnd, x1)
      items.push({
        item: it,
        x0,
        x1,
        top,
        height,
        labelMode: label?.mode ?? 'none',
        labelText: label?.text ?? '',
        labelX: label ? labelXOf(label.mode, x0, x1) : x0 + LABEL_PADDING,
        labelWidth: label?.width ?? 0,
      })
    }
  }
  return { hatches, items, references, width: view.width }
}

/** The item under a point of the canvas: a bar or strip first, else an overlap hatch. */
export function hitTest(layout: SceneLayout, x: number, y: number): DrawnItem | null {
  const inside = (d: DrawnItem, pad: number) =>
    y >= d.top && y < d.top + d.height && x >= d.x0 - pad && x <= d.x1 + pad
  let best: DrawnItem | null = null
  let bestDistance = Number.POSITIVE_INFINITY
  for (const d of layout.items) {
    const width = d.x1 - d.x0
    const pad = width < MIN_HIT_PX ? (MIN_HIT_PX - width) / 2 : 0
    if (!inside(d, pad)) continue
    if (x >= d.x0 && x <= d.x1) return d
    // Within a narrow bar's widened reach: the nearest one wins.
    const distance = Math.min(Math.abs(x - d.x0), Math.abs(x - d.x1))
    if (distance < bestDistance) {
      best = d
      bestDistance = distance
    }
  }
  if (best) return best
  for (const d of layout.hatches) if (inside(d, 0)) return d
  return null
}

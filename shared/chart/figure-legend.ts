/** The legend of an exported figure: only the families, roles and marks it shows. */
import { barShape } from './bar-display-list'
import { findOverlaps } from './chart-model'
import { END, group, rect, type DisplayItem, type Meta } from './display-list'
import type { FigureRow } from './figure-rows'
import { PAD, SMALL_SIZE, text, textWidth, type Frame } from './figure-text'
import type { TimeRange } from './figure-types'
import {
  familyColour,
  FLAG_STYLE,
  OPEN_END_STYLE,
  OVERLAP_STYLE,
  REFERENCE_STYLE,
  ROLE_STYLES,
  UNKNOWN_END_STYLE,
  VISIT_STYLE,
} from './style'
import type { VehicleFamily, VehicleRole } from '../domain/model'
import { toIsoUtc } from '../domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../domain/vehicle-family'

const LEGEND_LINE = 18

/** The marks a figure's legend explains when the figure shows any. */
export interface FigureMarks {
  /** A still-docked bar ends inside the range (its fade and arrowhead are drawn). */
  readonly anyOpen: boolean
  /** Two bars on one port overlap inside the range (a hatch is drawn). */
  readonly anyOverlap: boolean
  /** Reference lines are drawn: agreeing ones, and ones that disagree with LL2. */
  readonly references: { readonly agree: boolean; readonly disagree: boolean }
  /** A bar's departure is unknown (it stops at its station's re-entry with a rule). */
  readonly anyUnknownEnd: boolean
  /** A data check flags a bar (its corner is marked). */
  readonly anyFlagged: boolean
  /** A visit's legs are joined by a connector. */
  readonly anyVisit: boolean
}

/** Whether the figure's range shows an open end or an overlap. */
export function figureMarks(rows: ReadonlyArray<FigureRow>, range: TimeRange): FigureMarks {
  const bars = rows.flatMap((r) => r.bars.map((p) => p.bar))
  const lines = rows.flatMap((r) => r.references)
  const shown = new Set<number>(bars.map((b) => b.eventId))
  return {
    anyOpen: bars.some((b) => b.endState === 'docked' && b.end <= range.end),
    anyOverlap: findOverlaps(bars).some((o) => o.end > range.start && o.start < range.end),
    references: {
      agree: lines.some((l) => !l.hasConflict),
      disagree: lines.some((l) => l.hasConflict),
    },
    anyUnknownEnd: bars.some((b) => b.endState === 'unknown' && b.end <= range.end),
    anyFlagged: bars.some((b) => b.isFlagged),
    anyVisit: bars.some((b) => b.nextLeg !== null && shown.has(b.nextLeg)),
  }
}

interface LegendItem {
  readonly width: number
  readonly draw: (out: DisplayItem[], x: number, y: number) => void
}

/** The families, roles and marks this figure actually uses; returns the y below. */
export function drawLegend(
  f: Frame,
  rows: ReadonlyArray<FigureRow>,
  marks: FigureMarks,
  out: DisplayItem[],
  top: number,
): number {
  const { input, pal, width } = f
  const theme = input.theme
  const drawn = rows.flatMap((r) => r.bars.map((p) => p.bar))
  const families = new Set<VehicleFamily>(drawn.map((b) => b.family))
  const roles = new Set<VehicleRole>(drawn.map((b) => b.role))
  const { anyOpen, anyOverlap, anyUnknownEnd, anyFlagged, anyVisit } = marks
  const item = (
    label: string,
    meta: Meta,
    swatch: (out: DisplayItem[], x: number, y: number) => void,
  ): LegendItem => ({
    width: 28 + textWidth(label, SMALL_SIZE),
    draw: (o, x, y) => {
      o.push(group({ meta }))
      swatch(o, x, y)
      o.push(text(x + 20, y + 9, label, SMALL_SIZE, pal.text), END)
    },
  })
  const openLabel = `${OPEN_END_STYLE.label} at export, ${toIsoUtc(input.now)} UTC`
  const referenceItem = (label: string, colour: string, cls: string) =>
    item(label, { cls }, (o, x, y) =>
      o.push(rect(x, y + 4, 14, REFERENCE_STYLE.heightPx, { fill: colour })),
    )
  const groups: Array<{ heading: string; items: LegendItem[] }> = [
    {
      heading: 'Vehicle family',
      items: VEHICLE_FAMILIES.filter((fam) => families.has(fam)).map((fam) =>
        item(fam, { cls: 'legend-family', data: { family: fam } }, (o, x, y) =>
          barShape(o, x, y, 14, 11, familyColour(fam, theme), 'crew', 1.5),
        ),
      ),
    },
    {
      heading: 'Role',
      items: [
        ...VEHICLE_ROLES.filter((r) => roles.has(r)).map((r) =>
          item(ROLE_STYLES[r].label, { cls: 'legend-role', data: { role: r } }, (o, x, y) =>
            barShape(o, x, y, 14, 11, { fill: pal.mutedText, stroke: pal.text }, r, 1.5),
          ),
        ),
        ...(anyOpen
          ? [
              item(openLabel, { cls: 'legend-open' }, (o, x, y) =>
                o.push(rect(x, y, 8, 11, { fill: pal.mutedText }), {
                  kind: 'polygon',
                  points: [x + 8, y, x + 14, y + 5.5, x + 8, y + 11],
                  fill: pal.openMarker,
                }),
              ),
            ]
          : []),
        ...(anyUnknownEnd
          ? [
              item(UNKNOWN_END_STYLE.label, { cls: 'legend-unknown-end' }, (o, x, y) =>
                o.push(
                  rect(x, y, 12, 11, { fill: pal.mutedText }),
                  rect(x + 11, y - 2, UNKNOWN_END_STYLE.rulePx, 15, { fill: pal.text }),
                ),
              ),
            ]
          : []),
        ...(anyFlagged
          ? [
              item(FLAG_STYLE.label, { cls: 'legend-flagged' }, (o, x, y) =>
                o.push(rect(x, y, 14, 11, { fill: pal.mutedText }), {
                  kind: 'polygon',
                  points: [x, y, x + 8, y, x, y + 8],
                  fill: FLAG_STYLE.colour[theme],
                }),
              ),
            ]
          : []),
        ...(anyVisit
          ? [
              item(VISIT_STYLE.label, { cls: 'legend-visit' }, (o, x, y) =>
                o.push({
                  kind: 'line',
                  x1: x,
                  y1: y + 2,
                  x2: x + 14,
                  y2: y + 9,
                  stroke: pal.text,
                  lineWidth: VISIT_STYLE.lineWidth,
                }),
              ),
            ]
          : []),
        ...(anyOverlap
          ? [
              item(OVERLAP_STYLE.label, { cls: 'legend-overlap' }, (o, x, y) =>
                o.push(
                  rect(x, y, 14, 11, { pattern: 'overlap', stroke: OVERLAP_STYLE.colour[theme] }),
                ),
              ),
            ]
          : []),
      ],
    },
    {
      heading: 'Reference',
      items: [
        ...(marks.references.agree
          ? [
              referenceItem(
                REFERENCE_STYLE.label,
                REFERENCE_STYLE.colour[theme],
                'legend-reference',
              ),
            ]
          : []),
        ...(marks.references.disagree
          ? [
              referenceItem(
                REFERENCE_STYLE.conflictLabel,
                REFERENCE_STYLE.conflictColour[theme],
                'legend-reference-conflict',
              ),
            ]
          : []),
      ],
    },
  ]
  let y = top
  for (const g of groups) {
    if (g.items.length === 0) continue
    const headingWidth = textWidth(g.heading, SMALL_SIZE, true) + 12
    out.push(text(PAD, y + 13, g.heading, SMALL_SIZE, pal.text, { bold: true }))
    let x = PAD + headingWidth
    y += 4
    for (const it of g.items) {
      if (x + it.width > width - PAD && x > PAD + headingWidth) {
        x = PAD + headingWidth
        y += LEGEND_LINE
      }
      it.draw(out, x, y)
      x += it.width + 8
    }
    y += LEGEND_LINE
  }
  return y
}

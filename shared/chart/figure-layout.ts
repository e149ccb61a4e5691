/**
 * An exported figure laid out as display-list primitives: title, row bands
 * and labels, the bars (by the screen's own builder, `bar-display-list.ts`),
 * axis and grid, legend and footer. `shared/export/svg-export.ts` sizes it to
 * a width or a page and writes it with `svg-writer.ts`.
 */
import type {
  ExportBarGeometry,
  ExportRowGeometry,
  SvgExportInput,
  TimeRange,
} from '../export/svg-export'
import { EXPORT_PALETTES, type ExportPalette } from '../export/export-palette'
import { num } from '../export/svg-escape'
import { type AxisTicks, niceUtcTicks, type TimeScale, timeScale } from '../export/time-axis'
import { findOverlaps } from './chart-model'
import { familyColour, familySlug, OPEN_END_STYLE, OVERLAP_STYLE, ROLE_STYLES } from './style'
import type { VehicleFamily, VehicleRole } from '../domain/model'
import { toIsoUtc } from '../domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../domain/vehicle-family'
import { barShape, buildBarDisplayList } from './bar-display-list'
import type { DrawnItem } from './bar-scene'
import {
  END,
  font,
  group,
  rect,
  type Box,
  type DisplayItem,
  type Font,
  type LineItem,
  type Meta,
  type TextItem,
} from './display-list'
import { layoutFigureBars, type FigureRow } from './figure-rows'

// Layout at the base size; fonts in px.
/** Page padding, px. */
export const PAD = 16
/** The figure's font stack; the SVG root sets it once. */
export const FONT = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif"
const TITLE_SIZE = 18
const TEXT_SIZE = 11
const SMALL_SIZE = 10
const BAR_TEXT_SIZE = 10
const AXIS_HEIGHT = 24
/** Row height of a width-sized figure, px. */
export const DEFAULT_ROW = 20
/** The smallest row a page squeezes to, px. */
export const MIN_ROW = 12
/** The tallest row a page with few rows grows to, px. */
export const MAX_PAPER_ROW = 40
const LEGEND_LINE = 18

/**
 * Estimated width of text in px.
 *
 * No DOM to measure with; DejaVu Sans, the widest of the fonts asked for,
 * averages about 0.6 em per character, so estimates err on the roomy side.
 */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.66 : 0.6)
}

/** Splits text into lines of at most `width` px at `size`, breaking at spaces. */
export function wrapText(text: string, width: number, size: number): ReadonlyArray<string> {
  const maxChars = Math.max(10, Math.floor(width / (size * 0.6)))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
    // A single word longer than a line (a URL) is cut rather than overflowing the page.
    while (line.length > maxChars) {
      lines.push(line.slice(0, maxChars))
      line = line.slice(maxChars)
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A figure laid out at one width and row height. */
export interface FigureLayout {
  readonly width: number
  readonly height: number
  readonly rowHeight: number
  /** The figure as primitives, written once the size is settled. */
  readonly list: ReadonlyArray<DisplayItem>
  readonly scale: TimeScale
  readonly ticks: AxisTicks
  readonly rows: ReadonlyArray<ExportRowGeometry>
  readonly bars: ReadonlyArray<ExportBarGeometry>
}

/** What every part of the frame needs: the input, its palette and fonts, and the page width. */
interface Frame {
  readonly input: SvgExportInput
  readonly pal: ExportPalette
  readonly width: number
  /** Width between the page's side paddings. */
  readonly inner: number
}

const fontOf = (size: number, bold = false): Font => font(FONT, size, bold ? 'bold' : 'normal')

/** Text on an alphabetic baseline at (x, y). */
function text(
  x: number,
  y: number,
  content: string,
  size: number,
  fill: string,
  options: { bold?: boolean; anchor?: TextItem['anchor']; meta?: Meta } = {},
): TextItem {
  return {
    kind: 'text',
    x,
    y,
    text: content,
    anchor: options.anchor ?? 'start',
    baseline: 'alphabetic',
    font: fontOf(size, options.bold),
    fill,
    ...(options.meta ? { meta: options.meta } : {}),
  }
}

const line = (x1: number, y1: number, x2: number, y2: number, stroke: string): LineItem => ({
  kind: 'line',
  x1,
  y1,
  x2,
  y2,
  stroke,
  lineWidth: 1,
})

/** The title (when given) and the line saying what the figure shows; returns the y below. */
function drawHead(
  f: Frame,
  rows: ReadonlyArray<FigureRow>,
  out: DisplayItem[],
  top: number,
): number {
  const { input, pal, inner } = f
  let y = top
  const title = input.title?.trim() ?? ''
  if (title !== '') {
    for (const l of wrapText(title, inner, TITLE_SIZE)) {
      y += TITLE_SIZE + 4
      out.push(text(PAD, y - 4, l, TITLE_SIZE, pal.text, { bold: true, meta: { cls: 'title' } }))
    }
    y += 4
  }
  const barCount = rows.reduce((n, r) => n + r.bars.length, 0)
  const rangeText = `${toIsoUtc(input.range.start).slice(0, 10)} to ${toIsoUtc(input.range.end).slice(0, 10)}`
  const subtitle = `Docking events by station and port, ${rangeText} · ${barCount} ${barCount === 1 ? 'docking' : 'dockings'} · all times UTC`
  for (const l of wrapText(subtitle, inner, TEXT_SIZE)) {
    y += TEXT_SIZE + 4
    out.push(text(PAD, y - 3, l, TEXT_SIZE, pal.mutedText, { meta: { cls: 'subtitle' } }))
  }
  return y + 6
}

/** Row bands, their labels and where each row went; rows start at `top`. */
function placeRows(
  f: Frame,
  rows: ReadonlyArray<FigureRow>,
  rowHeight: number,
  top: number,
  bands: DisplayItem[],
  labels: DisplayItem[],
): ReadonlyArray<ExportRowGeometry> {
  const { pal, inner, width } = f
  const labelSize = Math.min(TEXT_SIZE, rowHeight - 2)
  const geoms: ExportRowGeometry[] = []
  let rowY = top
  let portIndex = 0
  for (const r of rows) {
    // Station headers only carry a name; they stay compact when paper rows grow.
    const h = r.kind === 'station' ? Math.min(rowHeight, DEFAULT_ROW) + 2 : rowHeight
    geoms.push({
      kind: r.kind,
      stationId: r.stationId,
      portId: r.portId,
      label: r.label,
      top: rowY,
      height: h,
    })
    const baseline = rowY + h / 2 + labelSize * 0.35
    if (r.kind === 'port') {
      if (portIndex++ % 2 === 1) bands.push(rect(PAD, rowY, inner, h, { fill: pal.rowStripe }))
      labels.push(
        text(PAD + 12, baseline, r.label, labelSize, pal.text, {
          meta: { cls: 'row-label', data: { kind: 'port', 'port-id': r.portId ?? '' } },
        }),
      )
    } else {
      portIndex = 0
      bands.push(
        rect(PAD, rowY, inner, h, { fill: pal.stationBand }),
        line(PAD, rowY, width - PAD, rowY, pal.rule),
      )
      labels.push(
        text(PAD + 2, baseline, r.label, labelSize, pal.text, {
          bold: true,
          meta: { cls: 'row-label', data: { kind: r.kind, 'station-id': r.stationId } },
        }),
      )
    }
    rowY += h
  }
  return geoms
}

/** The bars, hatches and labels, drawn by the screen's own builder inside the plot. */
function drawBars(
  f: Frame,
  rows: ReadonlyArray<FigureRow>,
  geoms: ReadonlyArray<ExportRowGeometry>,
  scale: TimeScale,
  rowHeight: number,
  plot: Box,
  out: DisplayItem[],
  markers: DisplayItem[],
): ReadonlyArray<ExportBarGeometry> {
  const { input, pal } = f
  const bands = geoms.map((g, i) => ({ id: rows[i]!.id, top: g.top, height: g.height }))
  const placed = layoutFigureBars(
    rows,
    {
      start: scale.start,
      end: scale.end,
      width: plot.w,
      rows: bands,
      barHeight: Math.round(rowHeight * 0.7),
    },
    (t) => textWidth(t, BAR_TEXT_SIZE),
  )
  // Plot px to page px.
  const shift = (d: DrawnItem): DrawnItem => ({
    ...d,
    x0: d.x0 + plot.x,
    x1: d.x1 + plot.x,
    labelX: d.labelX + plot.x,
  })
  const layout = { hatches: placed.hatches.map(shift), items: placed.items.map(shift) }
  const events = new Map(rows.flatMap((r) => r.bars.map((p) => [p.bar.eventId as number, p.bar])))
  out.push(group({ clip: plot, meta: { cls: 'bars' } }))
  buildBarDisplayList(
    layout,
    {
      ink: {
        theme: input.theme,
        fg: pal.text,
        bg: pal.background,
        focus: pal.text,
        match: pal.text,
        matchFg: pal.background,
        runFill: pal.mutedText,
      },
      look: { font: fontOf(BAR_TEXT_SIZE), radius: 1.5 },
      marks: { selectedId: null, terms: [] },
      measure: (t) => textWidth(t, BAR_TEXT_SIZE),
      describe: (d): Meta | undefined => {
        const it = d.item
        if (it.kind === 'overlap')
          return {
            cls: 'overlap',
            data: { 'event-ids': it.overlap.eventIds.join(' ') },
            title: `${OVERLAP_STYLE.label}: ${it.overlap.labels[0]} and ${it.overlap.labels[1]}`,
          }
        const b = it.kind === 'bar' ? events.get(it.id) : undefined
        if (!b) return undefined
        const when = `${toIsoUtc(b.start)} to ${b.isOpen ? `still docked at ${toIsoUtc(input.now)}` : toIsoUtc(b.end)}`
        return {
          cls: `bar family-${familySlug(b.family)} role-${b.role}${b.isOpen ? ' is-open' : ''}${b.hasOverlap ? ' has-overlap' : ''}`,
          data: { 'event-id': b.eventId, 'port-id': b.portId, start: b.start, end: b.end },
          title: `${b.label}: ${when} (UTC)`,
        }
      },
    },
    out,
  )
  out.push(END)
  const right = plot.x + plot.w
  return layout.items.flatMap((d) => {
    const it = d.item
    if (it.kind !== 'bar') return []
    const clippedStart = d.x0 < plot.x
    const clippedEnd = d.x1 > right
    const x = Math.max(d.x0, plot.x)
    // The arrowhead past an open end says "still docked" on paper, where no fade survives a photocopy.
    if (it.isOpen && !clippedEnd) {
      const yc = d.top + d.height / 2
      const a = d.height / 2
      markers.push({
        kind: 'polygon',
        points: [d.x1, yc - a, d.x1 + a, yc, d.x1, yc + a],
        fill: pal.openMarker,
        meta: { cls: 'open-marker', data: { 'event-id': it.id } },
      })
    }
    const b = events.get(it.id)!
    return [
      {
        eventId: b.eventId,
        portId: b.portId,
        x,
        y: d.top,
        width: Math.min(d.x1, right) - x,
        height: d.height,
        isOpen: b.isOpen,
        clippedStart,
        clippedEnd,
      },
    ]
  })
}

/** Grid lines through the plot and tick labels above it (and below a tall plot). */
function drawAxis(
  f: Frame,
  scale: TimeScale,
  ticks: AxisTicks,
  plot: Box,
  grid: DisplayItem[],
  axis: DisplayItem[],
): boolean {
  const { pal, width } = f
  const plotTop = plot.y
  const plotBottom = plot.y + plot.h
  const bottomAxis = plot.h > 360
  const tickText = (x: number, y: number, label: string) => {
    const w = textWidth(label, SMALL_SIZE)
    return text(x, y, label, SMALL_SIZE, pal.text, {
      anchor: x + w / 2 > width - 2 ? 'end' : 'middle',
    })
  }
  for (const t of ticks.ticks) {
    const x = scale.xOf(t.t)
    grid.push(line(x, plotTop, x, plotBottom, pal.grid))
    axis.push(
      group({ meta: { cls: 'tick', data: { t: t.t, x: num(x) } } }),
      line(x, plotTop - 5, x, plotTop, pal.axis),
      tickText(x, plotTop - 8, t.label),
    )
    if (bottomAxis)
      axis.push(
        line(x, plotBottom, x, plotBottom + 5, pal.axis),
        tickText(x, plotBottom + 16, t.label),
      )
    axis.push(END)
  }
  axis.push(
    line(plot.x, plotTop, plot.x + plot.w, plotTop, pal.axis),
    line(plot.x, plotBottom, plot.x + plot.w, plotBottom, pal.axis),
    text(PAD + 2, plotTop - 8, 'Time (UTC)', SMALL_SIZE, pal.mutedText),
  )
  return bottomAxis
}

/** The marks a figure's legend explains when the figure shows any. */
export interface FigureMarks {
  /** A still-docked bar ends inside the range (its fade and arrowhead are drawn). */
  readonly anyOpen: boolean
  /** Two bars on one port overlap inside the range (a hatch is drawn). */
  readonly anyOverlap: boolean
}

/** Whether the figure's range shows an open end or an overlap. */
export function figureMarks(rows: ReadonlyArray<FigureRow>, range: TimeRange): FigureMarks {
  const bars = rows.flatMap((r) => r.bars.map((p) => p.bar))
  return {
    anyOpen: bars.some((b) => b.isOpen && b.end <= range.end),
    anyOverlap: findOverlaps(bars).some((o) => o.end > range.start && o.start < range.end),
  }
}

interface LegendItem {
  readonly width: number
  readonly draw: (out: DisplayItem[], x: number, y: number) => void
}

/** The families, roles and marks this figure actually uses; returns the y below. */
function drawLegend(
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
  const { anyOpen, anyOverlap } = marks
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

/** Provenance, freshness and filters: what a reader needs to trust and reproduce the figure. */
function drawFooter(f: Frame, out: DisplayItem[], top: number): number {
  const { input, pal, inner, width } = f
  const ft = input.footer
  const lines = [
    ...wrapText(`Source: ${ft.provenance}`, inner, SMALL_SIZE),
    `${ft.dataAsOf === null ? 'Data not yet synced with Launch Library 2' : `Data as of ${toIsoUtc(ft.dataAsOf)} UTC`} · exported ${toIsoUtc(input.now)} UTC by Docking Timeline ${ft.appVersion}`,
    ...wrapText(`Filters: ${ft.filters}`, inner, SMALL_SIZE),
  ]
  let y = top + 6
  out.push(line(PAD, y, width - PAD, y, pal.rule))
  for (const l of lines) {
    y += SMALL_SIZE + 4
    out.push(text(PAD, y, l, SMALL_SIZE, pal.mutedText))
  }
  return y
}

/** A section of the figure: its primitives in a group of its own class. */
function section(
  cls: string,
  items: ReadonlyArray<DisplayItem>,
  data?: Meta['data'],
): DisplayItem[] {
  return [group({ meta: { cls, ...(data ? { data } : {}) } }), ...items, END]
}

/**
 * Lays the figure out at a width and row height as display-list primitives.
 *
 * With `drawsBars` false only the frame is drawn: enough to measure the
 * height while a page size is being fitted.
 */
export function layoutFigure(
  input: SvgExportInput,
  rows: ReadonlyArray<FigureRow>,
  marks: FigureMarks,
  width: number,
  rowHeight: number,
  drawsBars: boolean,
): FigureLayout {
  const f: Frame = { input, pal: EXPORT_PALETTES[input.theme], width, inner: width - 2 * PAD }
  const head: DisplayItem[] = []
  const y0 = drawHead(f, rows, head, PAD)
  // Label column as wide as the widest label, within reason.
  const labelWidth = Math.min(
    Math.max(90, ...rows.map((r) => textWidth(r.label, TEXT_SIZE, r.kind !== 'port') + 24)),
    f.inner * 0.32,
  )
  const plotLeft = PAD + labelWidth
  const plotRight = width - PAD
  const scale = timeScale(input.range.start, input.range.end, plotLeft, plotRight)
  const ticks = niceUtcTicks(scale, (label) => textWidth(label, SMALL_SIZE))
  const plotTop = y0 + AXIS_HEIGHT
  const bands: DisplayItem[] = []
  const labels: DisplayItem[] = []
  const geoms = placeRows(f, rows, rowHeight, plotTop, bands, labels)
  const last = geoms[geoms.length - 1]
  const plotBottom = last ? last.top + last.height : plotTop
  const plot: Box = { x: plotLeft, y: plotTop, w: plotRight - plotLeft, h: plotBottom - plotTop }
  const bars: DisplayItem[] = []
  const markers: DisplayItem[] = []
  const barGeoms = drawsBars ? drawBars(f, rows, geoms, scale, rowHeight, plot, bars, markers) : []
  const grid: DisplayItem[] = []
  const axis: DisplayItem[] = []
  const bottomAxis = drawAxis(f, scale, ticks, plot, grid, axis)
  const legend: DisplayItem[] = []
  const legendBottom = drawLegend(f, rows, marks, legend, plotBottom + (bottomAxis ? 24 : 8))
  const footer: DisplayItem[] = []
  const height = Math.ceil(drawFooter(f, footer, legendBottom) + PAD)
  const list: DisplayItem[] = [
    rect(0, 0, width, height, { fill: f.pal.background, meta: { cls: 'background' } }),
    ...section('head', head),
    ...section('rows', bands),
    ...section('grid', grid),
    ...section('axis', axis, { unit: ticks.unit, step: ticks.step }),
    ...section('labels', labels),
    ...bars,
    ...section('open-markers', markers),
    ...section('legend', legend),
    ...section('footer', footer),
  ]
  return { width, height, rowHeight, list, scale, ticks, rows: geoms, bars: barGeoms }
}

/**
 * An exported figure laid out as display-list primitives: the head, row bands
 * and labels, the bars (`figure-bars.ts`), axis and grid (`figure-axis.ts`),
 * legend (`figure-legend.ts`) and footer (`figure-captions.ts`), stacked top
 * to bottom. `shared/export/svg-export.ts` sizes it to a width or a page and
 * writes it with `svg-writer.ts`.
 */
import { EXPORT_PALETTES } from '../export/export-palette'
import { type AxisTicks, niceUtcTicks, type TimeScale, timeScale } from '../export/time-axis'
import { END, group, rect, type Box, type DisplayItem, type Meta } from './display-list'
import { drawAxis } from './figure-axis'
import { drawBars, placeFigureBars } from './figure-bars'
import { drawFooter, drawHead } from './figure-captions'
import { drawKeyList, drawKeyMarks, KEY_LANE, keyEntries } from './figure-key'
import { drawLegend, type FigureMarks } from './figure-legend'
import type { FigureRow } from './figure-rows'
import {
  barTextWidth,
  line,
  PAD,
  SMALL_SIZE,
  text,
  TEXT_SIZE,
  textWidth,
  type Frame,
} from './figure-text'
import { labelTails, withLabelRoom } from './label-room'
import type { ExportBarGeometry, ExportRowGeometry, FigureInput } from './figure-types'
import type { UtcMillis } from '../domain/units'

// Row heights and the axis band, px.
const AXIS_HEIGHT = 24
/** Row height of a width-sized figure, px. */
export const DEFAULT_ROW = 20
/** The smallest row a page squeezes to, px. */
export const MIN_ROW = 12
/** The tallest row a page with few rows grows to, px. */
export const MAX_PAPER_ROW = 40

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

/** Row bands, their labels and where each row went; rows start at `top`. */
function placeRows(
  f: Frame,
  rows: ReadonlyArray<FigureRow>,
  rowHeight: number,
  top: number,
  bands: DisplayItem[],
  labels: DisplayItem[],
  laned: ReadonlySet<string>,
): ReadonlyArray<ExportRowGeometry> {
  const { pal, inner, width } = f
  const labelSize = Math.min(TEXT_SIZE, rowHeight - 2)
  const geoms: ExportRowGeometry[] = []
  let rowY = top
  let portIndex = 0
  for (const r of rows) {
    // Station headers only carry a name; they stay compact when paper rows grow.
    const barBand = r.kind === 'station' ? Math.min(rowHeight, DEFAULT_ROW) + 2 : rowHeight
    const keyLane = laned.has(r.id) ? KEY_LANE : 0
    const h = barBand + keyLane
    geoms.push({
      kind: r.kind,
      stationId: r.stationId,
      portId: r.portId,
      label: r.label,
      top: rowY,
      height: h,
      keyLane,
    })
    const baseline = rowY + barBand / 2 + labelSize * 0.35
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

/** Where the axis ends: the range's end, moved on for the last names where `roomForNames`. */
function drawnEnd(
  input: FigureInput,
  rows: ReadonlyArray<FigureRow>,
  plotWidth: number,
): UtcMillis {
  const { range } = input
  if (!input.roomForNames) return range.end
  const tails = labelTails(
    rows.flatMap((r) => r.bars),
    barTextWidth,
  )
  return withLabelRoom(range, { widthPx: plotWidth, tails }).end
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
  input: FigureInput,
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
  const scale = timeScale(
    input.range.start,
    drawnEnd(input, rows, plotRight - plotLeft),
    plotLeft,
    plotRight,
  )
  const ticks = niceUtcTicks(scale, (label) => textWidth(label, SMALL_SIZE))
  const plotTop = y0 + AXIS_HEIGHT
  const plotBox = (geoms: ReadonlyArray<ExportRowGeometry>): Box => {
    const last = geoms[geoms.length - 1]
    const bottom = last ? last.top + last.height : plotTop
    return { x: plotLeft, y: plotTop, w: plotRight - plotLeft, h: bottom - plotTop }
  }
  const place = (laned: ReadonlySet<string>) => {
    const bands: DisplayItem[] = []
    const labels: DisplayItem[] = []
    const geoms = placeRows(f, rows, rowHeight, plotTop, bands, labels, laned)
    const barBands = geoms.map((g, i) => ({
      id: rows[i]!.id,
      top: g.top,
      height: g.height - g.keyLane,
    }))
    const plot = plotBox(geoms)
    const layout = placeFigureBars(rows, barBands, scale, rowHeight, plot)
    return { bands, labels, geoms, plot, layout }
  }
  // Labels are placed by x alone, so the first pass tells which rows need a key lane.
  let placed = place(new Set())
  const entries = keyEntries(placed.layout, plotLeft, plotRight)
  if (entries.length > 0) placed = place(new Set(entries.map((e) => e.rowId)))
  const { bands, labels, geoms, plot, layout } = placed
  const plotBottom = plot.y + plot.h
  const bars: DisplayItem[] = []
  const markers: DisplayItem[] = []
  const barGeoms = drawsBars ? drawBars(f, rows, layout, plot, bars, markers) : []
  const keyMarks: DisplayItem[] = []
  if (drawsBars) {
    const laneTop = new Map<string, number>()
    geoms.forEach((g, i) => {
      if (g.keyLane > 0) laneTop.set(rows[i]!.id, g.top + g.height - g.keyLane)
    })
    drawKeyMarks(f, layout, entries, laneTop, plot, keyMarks)
  }
  const grid: DisplayItem[] = []
  const axis: DisplayItem[] = []
  const bottomAxis = drawAxis(f, scale, ticks, plot, grid, axis)
  const legend: DisplayItem[] = []
  const legendBottom = drawLegend(f, rows, marks, legend, plotBottom + (bottomAxis ? 24 : 8))
  const key: DisplayItem[] = []
  const keyBottom = drawKeyList(f, entries, key, legendBottom)
  const footer: DisplayItem[] = []
  const height = Math.ceil(drawFooter(f, footer, keyBottom) + PAD)
  const list: DisplayItem[] = [
    rect(0, 0, width, height, { fill: f.pal.background, meta: { cls: 'background' } }),
    ...section('head', head),
    ...section('rows', bands),
    ...section('grid', grid),
    ...section('axis', axis, { unit: ticks.unit, step: ticks.step }),
    ...section('labels', labels),
    ...bars,
    ...section('open-markers', markers),
    ...keyMarks,
    ...section('legend', legend),
    ...section('key', key),
    ...section('footer', footer),
  ]
  return { width, height, rowHeight, list, scale, ticks, rows: geoms, bars: barGeoms }
}

/**
 * The export renderer: the chart as a self-contained SVG string.
 *
 * vis-timeline cannot export (it draws only what is on screen, visjs/vis
 * #2117, #2867), so figures are drawn here from the same view model as the
 * chart (`ChartRow`s and `Bar`s): `shared/chart/figure-layout.ts` lays the
 * figure out as display-list primitives (the bars by the screen's own layout
 * and builder, framed by our own axis, legend and footer), this file fits it
 * to a width or a page and `svg-writer.ts` writes it. Pure:
 * no DOM, no clock; text stays text so the SVG is searchable and a PDF printed
 * from it has vector text. The SVG is also what the renderer rasterises to
 * PNG and what main prints to PDF.
 */
import {
  DEFAULT_ROW,
  layoutFigure,
  MAX_PAPER_ROW,
  MIN_ROW,
  type FigureLayout,
} from '../chart/figure-layout'
import { figureMarks } from '../chart/figure-legend'
import { FONT } from '../chart/figure-text'
import type {
  ExportBarGeometry,
  ExportRowGeometry,
  FigureInput,
  TimeRange,
} from '../chart/figure-types'
import { planFigureRows } from '../chart/figure-rows'
import type { ReferenceLine } from '../chart/reference-lines'
import { chartPatterns } from '../chart/patterns'
import type { Bar, ChartRow } from '../chart/chart-model'
import { toIsoUtc, type UtcMillis } from '../domain/units'
import { escapeXml, num } from './svg-escape'
import { writeDisplayList } from './svg-writer'
import type { AxisTicks, TimeScale } from './time-axis'

/** Paper sizes a PDF export can take. */
export type PaperSize = 'A4' | 'Letter' | 'A3'

/** Every paper size, for menus and validation. */
export const PAPER_SIZES: ReadonlyArray<PaperSize> = ['A4', 'Letter', 'A3']

/** Landscape page sizes in millimetres (ISO 216 and US Letter). */
export const PAPER_MM: Readonly<
  Record<PaperSize, { readonly width: number; readonly height: number }>
> = {
  A4: { width: 297, height: 210 },
  Letter: { width: 279.4, height: 215.9 },
  A3: { width: 420, height: 297 },
}

/** Page margin on every side, in mm; the PDF printer uses the same (`@page { margin: 10mm }`). */
export const PAGE_MARGIN_MM = 10

/** CSS pixels per millimetre (96 dpi), the unit SVG user space is drawn in. */
export const PX_PER_MM = 96 / 25.4

/** Narrowest and widest image an export accepts, in pixels. */
export const MIN_EXPORT_WIDTH = 400
/** Widest image an export accepts, in pixels; a 4x PNG of it is 32,000 px, near canvas limits. */
export const MAX_EXPORT_WIDTH = 8000

/** How big the figure is: a width in pixels (height follows the rows), or a landscape page. */
export type ExportSize =
  | { readonly kind: 'width'; readonly width: number }
  | { readonly kind: 'paper'; readonly paper: PaperSize }

/** Everything the renderer needs; all of it plain data. */
export interface SvgExportInput extends FigureInput {
  /** Rows as the chart lays them out (`layoutRows`: collapsed stations hold their ports' bars). */
  readonly rows: ReadonlyArray<ChartRow>
  /** Bars of the filtered events (`buildBars` output, built with the same `now`). */
  readonly bars: ReadonlyArray<Bar>
  /**
   * Leave out rows with no bar inside the range (default true): a figure for a
   * paper shows the ports that were used, not every port the station had.
   */
  readonly hideEmptyRows?: boolean
  readonly size: ExportSize
  /**
   * Write pattern fills as clipped vector shapes rather than `<pattern>`s, for
   * printing to PDF, where Chromium rasterises patterns (default false).
   */
  readonly vectorPatterns?: boolean
  /**
   * The "Compare with reference" layer's lines, placed in `rows`
   * (`referenceLines`); none when the layer is off.
   */
  readonly references?: ReadonlyArray<ReferenceLine>
}

/** The SVG and its geometry, so callers and tests can check positions. */
export interface SvgExport {
  readonly svg: string
  /** Size in SVG user units (CSS px); a PNG at scale s is `width*s` × `height*s`. */
  readonly width: number
  readonly height: number
  /** Printed size in mm for paper exports; null for pixel-sized ones. */
  readonly physical: { readonly widthMm: number; readonly heightMm: number } | null
  readonly scale: TimeScale
  readonly ticks: AxisTicks
  readonly rows: ReadonlyArray<ExportRowGeometry>
  readonly bars: ReadonlyArray<ExportBarGeometry>
}

/**
 * Renders the chart as an SVG document.
 *
 * Rows: every station with a bar in the range, each followed by its ports that
 * have one (a collapsed station is one row holding all its bars). Bars are cut
 * at the range's edges; a bar shorter than a pixel is drawn a pixel wide so it
 * stays visible. Width-sized figures take the width given and as much height
 * as the rows need. Paper-sized figures are drawn to fit one landscape page
 * inside `PAGE_MARGIN_MM`: rows shrink to `MIN_ROW` px, and if that is not
 * enough the drawing is laid out wider and scaled down to the page.
 */
export function renderTimelineSvg(input: SvgExportInput): SvgExport {
  const planned = planFigureRows(
    input.rows,
    input.bars,
    input.range,
    input.hideEmptyRows ?? true,
    input.references,
  )
  const marks = figureMarks(planned, input.range)
  // Trial layouts only measure; the bars are drawn once the size is settled.
  const measure = (width: number, row: number) =>
    layoutFigure(input, planned, marks, width, row, false)
  let result: FigureLayout
  let physical: SvgExport['physical'] = null
  if (input.size.kind === 'width') {
    const width = Math.round(
      Math.min(MAX_EXPORT_WIDTH, Math.max(MIN_EXPORT_WIDTH, input.size.width)),
    )
    result = measure(width, DEFAULT_ROW)
  } else {
    const page = PAPER_MM[input.size.paper]
    const widthMm = page.width - 2 * PAGE_MARGIN_MM
    const heightMm = page.height - 2 * PAGE_MARGIN_MM
    const pageWidth = widthMm * PX_PER_MM
    const pageHeight = heightMm * PX_PER_MM
    // Few rows: taller rows fill the page instead of leaving it mostly blank.
    let row = MAX_PAPER_ROW
    result = measure(pageWidth, row)
    while (result.height > pageHeight && row > DEFAULT_ROW) {
      row -= 2
      result = measure(pageWidth, row)
    }
    // Many rows: shrink them, which keeps text at its printed size.
    while (result.height > pageHeight && row > MIN_ROW) {
      row -= 2
      result = measure(pageWidth, row)
    }
    // Still too tall: widen the drawing to the page's proportions, so scaling it
    // to the page width also fits its height. Twice, as wider text wraps less.
    for (let i = 0; i < 3 && result.height > pageHeight + 0.5; i++) {
      result = measure((result.height / pageHeight) * pageWidth, MIN_ROW)
    }
    const scaleToMm = widthMm / result.width
    physical = { widthMm, heightMm: Math.min(heightMm, result.height * scaleToMm) }
  }
  result = layoutFigure(input, planned, marks, result.width, result.rowHeight, true)
  const markup = writeDisplayList(
    result.list,
    chartPatterns(input.theme),
    FONT,
    input.vectorPatterns ?? false,
  )
  const size = physical
    ? `width="${num(physical.widthMm)}mm" height="${num(physical.heightMm)}mm"`
    : `width="${result.width}" height="${result.height}"`
  // Centred on the page when a printer lays it out with no margins of its own.
  const style = physical ? 'display:block;margin:0 auto' : 'display:block'
  const title = input.title?.trim() || 'Docking timeline'
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ${size} viewBox="0 0 ${num(result.width)} ${result.height}" preserveAspectRatio="xMidYMin meet" font-family="${FONT}" role="img" aria-labelledby="dt-svg-title" style="${style}" data-range-start="${result.scale.start}" data-range-end="${result.scale.end}" data-theme="${input.theme}">` +
    `<title id="dt-svg-title">${escapeXml(title)}</title>` +
    `<desc>${escapeXml(`Docking events by station and port from ${toIsoUtc(input.range.start)} to ${toIsoUtc(input.range.end)} (UTC). Source: ${input.footer.credit}`)}</desc>` +
    `<defs>${markup.defs}</defs>` +
    markup.body +
    '</svg>'
  return {
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`,
    width: result.width,
    height: result.height,
    physical,
    scale: result.scale,
    ticks: result.ticks,
    rows: result.rows,
    bars: result.bars,
  }
}

/**
 * The range "whole filtered range" means: first docking to last departure
 * (or `now` for vehicles still docked), with 2 % of air on each side.
 *
 * Null when there are no bars.
 */
export function wholeRange(bars: ReadonlyArray<Bar>): TimeRange | null {
  if (bars.length === 0) return null
  let start = Number.POSITIVE_INFINITY
  let end = Number.NEGATIVE_INFINITY
  for (const b of bars) {
    if (b.start < start) start = b.start
    if (b.end > end) end = b.end
  }
  const pad = Math.max((end - start) * 0.02, 3_600_000)
  // Whole minutes: the range is printed in footers and file names.
  const minute = 60_000
  return {
    start: (Math.floor((start - pad) / minute) * minute) as UtcMillis,
    end: (Math.ceil((end + pad) / minute) * minute) as UtcMillis,
  }
}

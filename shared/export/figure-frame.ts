/**
 * An analysis chart as a figure to publish: its SVG (drawn by the charting
 * library in the renderer) framed with a title above and the same reader
 * footer as the timeline figures below (`footerLines`), in one standalone SVG.
 */
import { rect, type DisplayItem } from '../chart/display-list'
import { footerLines } from '../chart/figure-captions'
import {
  FONT,
  line,
  PAD,
  SMALL_SIZE,
  text,
  textWidth,
  TITLE_SIZE,
  wrapText,
} from '../chart/figure-text'
import type { ExportFooter } from '../chart/figure-types'
import type { ThemeName } from '../chart/style'
import type { UtcMillis } from '../domain/units'
import { EXPORT_PALETTES } from './export-palette'
import { escapeXml, num } from './svg-escape'
import { writeDisplayList } from './svg-writer'

/** A chart to frame: its own SVG document and size, in px. */
export interface FramedChart {
  readonly svg: string
  readonly width: number
  readonly height: number
  readonly title: string
  /** One sentence under the title: what the chart answers. */
  readonly subtitle: string
  readonly theme: ThemeName
  /** The colour key, drawn under the chart (the library's own legend is HTML, not SVG). */
  readonly legend: ReadonlyArray<{ readonly label: string; readonly colour: string }>
  readonly footer: ExportFooter
  readonly now: UtcMillis
}

/** The framed figure: SVG text and its size, px. */
export interface FramedFigure {
  readonly svg: string
  readonly width: number
  readonly height: number
}

/** Frames `chart` as a standalone SVG document. */
export function frameFigure(chart: FramedChart): FramedFigure {
  const pal = EXPORT_PALETTES[chart.theme]
  const width = Math.ceil(chart.width + 2 * PAD)
  const inner = width - 2 * PAD
  const head: DisplayItem[] = []
  let y = PAD
  for (const l of wrapText(chart.title, inner, TITLE_SIZE)) {
    y += TITLE_SIZE + 4
    head.push(text(PAD, y - 4, l, TITLE_SIZE, pal.text, { bold: true, meta: { cls: 'title' } }))
  }
  for (const l of wrapText(chart.subtitle, inner, SMALL_SIZE + 1)) {
    y += SMALL_SIZE + 6
    head.push(text(PAD, y - 3, l, SMALL_SIZE + 1, pal.mutedText, { meta: { cls: 'subtitle' } }))
  }
  const chartTop = y + 8
  const foot: DisplayItem[] = []
  let fy = chartTop + chart.height + 6
  let lx = PAD
  if (chart.legend.length > 0) fy += 14
  for (const item of chart.legend) {
    const w = 18 + textWidth(item.label, SMALL_SIZE) + 12
    if (lx + w > width - PAD && lx > PAD) {
      lx = PAD
      fy += 16
    }
    foot.push(
      rect(lx, fy - 9, 12, 10, { fill: item.colour, meta: { cls: 'legend-swatch' } }),
      text(lx + 16, fy, item.label, SMALL_SIZE, pal.text, { meta: { cls: 'legend-label' } }),
    )
    lx += w
  }
  fy += 8
  foot.push(line(PAD, fy, width - PAD, fy, pal.rule))
  for (const l of footerLines(chart.footer, chart.now, inner)) {
    fy += SMALL_SIZE + 4
    foot.push(text(PAD, fy, l, SMALL_SIZE, pal.mutedText))
  }
  const height = Math.ceil(fy + PAD)
  const headMarkup = writeDisplayList(head, [], FONT)
  const footMarkup = writeDisplayList(foot, [], FONT)
  // The chart's own document, placed as a nested <svg> (its XML declaration dropped).
  const body = chart.svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<svg\b/, `<svg x="${PAD}" y="${num(chartTop)}"`)
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-labelledby="dt-fig-title">` +
    `<title id="dt-fig-title">${escapeXml(chart.title)}</title>` +
    `<desc>${escapeXml(chart.subtitle)}</desc>` +
    `<rect width="${width}" height="${height}" fill="${pal.background}"/>` +
    `<g class="head">${headMarkup.body}</g>${body}<g class="footer">${footMarkup.body}</g></svg>`
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height }
}

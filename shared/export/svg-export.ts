/**
 * The export renderer: the chart as a self-contained SVG string.
 *
 * vis-timeline cannot export (it draws only what is on screen, visjs/vis
 * #2117, #2867), so figures are drawn here from the same view model as the
 * chart (`StationRow`s and `Bar`s) with our own axis, legend and footer. Pure:
 * no DOM, no clock; text stays text so the SVG is searchable and a PDF printed
 * from it has vector text. The SVG is also what the renderer rasterises to
 * PNG and what main prints to PDF.
 */
import { type Bar, type ChartRow, findOverlaps, placeBars } from '../chart-model'
import {
  familyColour,
  familySlug,
  OPEN_END_STYLE,
  OVERLAP_STYLE,
  ROLE_STYLES,
  type RoleStyle,
  type ThemeName,
} from '../chart-style'
import { groupBy } from '../group-by'
import type { VehicleFamily, VehicleRole } from '../model'
import { type EventId, type PortId, type StationId, toIsoUtc, type UtcMillis } from '../units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../vehicle-family'
import { EXPORT_PALETTES, type ExportPalette } from './export-palette'
import { escapeXml, num } from './svg-escape'
import { type AxisTicks, niceUtcTicks, type TimeScale, timeScale } from './time-axis'

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

/** A span of time to draw. */
export interface TimeRange {
  readonly start: UtcMillis
  readonly end: UtcMillis
}

/** What the footer says about the data. */
export interface ExportFooter {
  /** Where the data came from, e.g. `DataInfo.provenance`. */
  readonly provenance: string
  /** Last sync or snapshot load; null when never synced. */
  readonly dataAsOf: UtcMillis | null
  /** The filters in words (`describeQuery`). */
  readonly filters: string
  /** App version, written next to the export time. */
  readonly appVersion: string
}

/** Everything the renderer needs; all of it plain data. */
export interface SvgExportInput {
  /** Rows as the chart lays them out (`layoutRows`: collapsed stations hold their ports' bars). */
  readonly rows: ReadonlyArray<ChartRow>
  /** Bars of the filtered events (`buildBars` output, built with the same `now`). */
  readonly bars: ReadonlyArray<Bar>
  /**
   * Leave out rows with no bar inside the range (default true): a figure for a
   * paper shows the ports that were used, not every port the station had.
   */
  readonly hideEmptyRows?: boolean
  readonly range: TimeRange
  readonly size: ExportSize
  readonly theme: ThemeName
  /** Optional heading; blank means none. */
  readonly title?: string | null
  readonly footer: ExportFooter
  /** Export time: open bars are "still docked" as of this instant. */
  readonly now: UtcMillis
}

/** Where a row was drawn. */
export interface ExportRowGeometry {
  /** `station`: a header row; `port`: a port's bars; `collapsed`: a station holding all its bars. */
  readonly kind: 'station' | 'port' | 'collapsed'
  readonly stationId: StationId
  readonly portId: PortId | null
  readonly label: string
  readonly top: number
  readonly height: number
}

/** Where a bar was drawn, in SVG user units. */
export interface ExportBarGeometry {
  readonly eventId: EventId
  readonly portId: PortId
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly isOpen: boolean
  /** True when the bar runs past the range's start or end and was cut at the edge. */
  readonly clippedStart: boolean
  readonly clippedEnd: boolean
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

// Layout at the base size; fonts in px.
const PAD = 16
const FONT = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif"
const TITLE_SIZE = 18
const TEXT_SIZE = 11
const SMALL_SIZE = 10
const BAR_TEXT_SIZE = 10
const AXIS_HEIGHT = 24
const DEFAULT_ROW = 20
const MIN_ROW = 12
const MAX_PAPER_ROW = 40
const MIN_BAR_WIDTH = 1
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

interface PlannedRow {
  readonly kind: ExportRowGeometry['kind']
  readonly stationId: StationId
  readonly portId: PortId | null
  readonly label: string
  readonly bars: ReadonlyArray<Bar>
}

/**
 * Rows to draw, with their bars: the chart's rows in its order, each bar in
 * its port's row or its collapsed station's row (`placeBars`), only bars
 * overlapping the range. With `hideEmpty`, rows without such a bar go, and so
 * do station headers left without ports.
 */
function planRows(
  rows: ReadonlyArray<ChartRow>,
  bars: ReadonlyArray<Bar>,
  range: TimeRange,
  hideEmpty: boolean,
): ReadonlyArray<PlannedRow> {
  const inRange = bars.filter((b) => b.end >= range.start && b.start <= range.end)
  const byRow = groupBy(placeBars(inRange, rows), (p) => p.rowId)
  const planned: PlannedRow[] = []
  let header: PlannedRow | null = null
  for (const row of rows) {
    const rowBars = (byRow.get(row.id) ?? []).map((p) => p.bar)
    if (row.kind === 'station') {
      header = null
      if (row.collapsed) {
        if (hideEmpty && rowBars.length === 0) continue
        planned.push({
          kind: 'collapsed',
          stationId: row.stationId,
          portId: null,
          label: `${row.label} (all ports)`,
          bars: rowBars,
        })
      } else {
        header = {
          kind: 'station',
          stationId: row.stationId,
          portId: null,
          label: row.label,
          bars: [],
        }
        // A header is written when its first port is, so an emptied station leaves no trace.
        if (!hideEmpty) {
          planned.push(header)
          header = null
        }
      }
      continue
    }
    if (hideEmpty && rowBars.length === 0) continue
    if (header) {
      planned.push(header)
      header = null
    }
    planned.push({
      kind: 'port',
      stationId: row.stationId,
      portId: row.portId,
      label: row.label,
      bars: rowBars,
    })
  }
  return planned
}

interface Layout {
  readonly width: number
  readonly height: number
  readonly svg: string
  readonly scale: TimeScale
  readonly ticks: AxisTicks
  readonly rows: ReadonlyArray<ExportRowGeometry>
  readonly bars: ReadonlyArray<ExportBarGeometry>
}

interface LegendItem {
  readonly width: number
  readonly draw: (x: number, y: number) => string
}

/** The `<pattern>` that draws a role's texture, or '' for plain fills. */
function rolePatternDef(style: RoleStyle): string {
  const { kind, size, spacing, angle, opacity } = style.pattern
  const ink = `fill="#ffffff" fill-opacity="${opacity}"`
  const head = `<pattern id="dt-role-${style.role}" patternUnits="userSpaceOnUse" width="${spacing}" height="${spacing}"${angle ? ` patternTransform="rotate(${angle})"` : ''}>`
  switch (kind) {
    case 'solid':
      return ''
    case 'stripes':
      return `${head}<rect width="${size}" height="${spacing}" ${ink}/></pattern>`
    case 'crosshatch':
      return `${head}<rect width="${size}" height="${spacing}" ${ink}/><rect y="${(spacing - size) / 2}" width="${spacing}" height="${size}" ${ink}/></pattern>`
    case 'dots':
      return `${head}<circle cx="${spacing / 2}" cy="${spacing / 2}" r="${size / 2}" ${ink}/></pattern>`
  }
}

/** A bar's (or legend swatch's) rectangle with its role's pattern and outline. */
function barShape(
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string,
  stroke: string,
  style: RoleStyle,
): string {
  const dash = style.outline === 'dashed' ? ' stroke-dasharray="3 2"' : ''
  const shape = `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="1.5" fill="${fill}" stroke="${stroke}" stroke-width="${style.outline === 'double' ? 1 : style.outlineWidth}"${dash}/>`
  const texture =
    style.pattern.kind === 'solid'
      ? ''
      : `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="url(#dt-role-${style.role})"/>`
  // A double outline: a second, inset rule, as the screen's CSS `border-style: double` draws.
  const inner =
    style.outline === 'double' && w > 4 && h > 4
      ? `<rect x="${num(x + 2)}" y="${num(y + 2)}" width="${num(w - 4)}" height="${num(h - 4)}" fill="none" stroke="${stroke}" stroke-width="0.75"/>`
      : ''
  return shape + texture + inner
}

/** Lays the figure out at a width and row height, and writes it. */
function layout(
  input: SvgExportInput,
  planned: ReadonlyArray<PlannedRow>,
  width: number,
  rowHeight: number,
): Layout {
  const theme = input.theme
  const pal: ExportPalette = EXPORT_PALETTES[theme]
  const out: string[] = []
  const inner = width - 2 * PAD
  let y = PAD

  // Title and the line saying what the figure shows.
  const title = input.title?.trim() ?? ''
  const head: string[] = []
  if (title !== '') {
    for (const line of wrapText(title, inner, TITLE_SIZE)) {
      y += TITLE_SIZE + 4
      head.push(
        `<text class="title" x="${PAD}" y="${num(y - 4)}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${pal.text}">${escapeXml(line)}</text>`,
      )
    }
    y += 4
  }
  const barCount = planned.reduce((n, r) => n + r.bars.length, 0)
  const rangeText = `${toIsoUtc(input.range.start).slice(0, 10)} to ${toIsoUtc(input.range.end).slice(0, 10)}`
  const subtitle = `Docking events by station and port, ${rangeText} · ${barCount} ${barCount === 1 ? 'docking' : 'dockings'} · all times UTC`
  for (const line of wrapText(subtitle, inner, TEXT_SIZE)) {
    y += TEXT_SIZE + 4
    head.push(
      `<text class="subtitle" x="${PAD}" y="${num(y - 3)}" font-size="${TEXT_SIZE}" fill="${pal.mutedText}">${escapeXml(line)}</text>`,
    )
  }
  y += 6

  // Label column as wide as the widest label, within reason.
  const labelWidth = Math.min(
    Math.max(90, ...planned.map((r) => textWidth(r.label, TEXT_SIZE, r.kind !== 'port') + 24)),
    inner * 0.32,
  )
  const plotLeft = PAD + labelWidth
  const plotRight = width - PAD
  const scale = timeScale(input.range.start, input.range.end, plotLeft, plotRight)
  const ticks = niceUtcTicks(scale, (label) => textWidth(label, SMALL_SIZE))
  const plotTop = y + AXIS_HEIGHT

  // Rows.
  const rowGeoms: ExportRowGeometry[] = []
  const barGeoms: ExportBarGeometry[] = []
  const bands: string[] = []
  const labels: string[] = []
  const barsSvg: string[] = []
  const overlapsSvg: string[] = []
  const markers: string[] = []
  const barHeight = Math.round(rowHeight * 0.7)
  const labelSize = Math.min(TEXT_SIZE, rowHeight - 2)
  const clampX = (x: number) => Math.min(plotRight, Math.max(plotLeft, x))
  let rowY = plotTop
  let portIndex = 0
  let anyOverlap = false
  for (const r of planned) {
    // Station headers only carry a name; they stay compact when paper rows grow.
    const h = r.kind === 'station' ? Math.min(rowHeight, DEFAULT_ROW) + 2 : rowHeight
    rowGeoms.push({
      kind: r.kind,
      stationId: r.stationId,
      portId: r.portId,
      label: r.label,
      top: rowY,
      height: h,
    })
    const baseline = rowY + h / 2 + labelSize * 0.35
    if (r.kind === 'port') {
      if (portIndex++ % 2 === 1) {
        bands.push(
          `<rect x="${PAD}" y="${num(rowY)}" width="${num(inner)}" height="${num(h)}" fill="${pal.rowStripe}"/>`,
        )
      }
      labels.push(
        `<text class="row-label" x="${PAD + 12}" y="${num(baseline)}" font-size="${labelSize}" fill="${pal.text}" data-kind="port" data-port-id="${r.portId}">${escapeXml(r.label)}</text>`,
      )
    } else {
      portIndex = 0
      bands.push(
        `<rect x="${PAD}" y="${num(rowY)}" width="${num(inner)}" height="${num(h)}" fill="${pal.stationBand}"/>`,
        `<line x1="${PAD}" x2="${num(width - PAD)}" y1="${num(rowY)}" y2="${num(rowY)}" stroke="${pal.rule}" stroke-width="1"/>`,
      )
      labels.push(
        `<text class="row-label" x="${PAD + 2}" y="${num(baseline)}" font-size="${labelSize}" font-weight="bold" fill="${pal.text}" data-kind="${r.kind}" data-station-id="${r.stationId}">${escapeXml(r.label)}</text>`,
      )
    }
    const barY = rowY + (h - barHeight) / 2
    for (const b of r.bars) {
      const rawX0 = scale.xOf(b.start)
      const rawX1 = scale.xOf(b.end)
      const clippedStart = rawX0 < plotLeft
      const clippedEnd = rawX1 > plotRight
      const x0 = clippedStart ? plotLeft : rawX0
      const w = Math.max((clippedEnd ? plotRight : rawX1) - x0, MIN_BAR_WIDTH)
      const c = familyColour(b.family, theme)
      const style = ROLE_STYLES[b.role]
      const when = `${toIsoUtc(b.start)} to ${b.isOpen ? `still docked at ${toIsoUtc(input.now)}` : toIsoUtc(b.end)}`
      const fits = textWidth(b.label, BAR_TEXT_SIZE) + 8 <= w && barHeight >= BAR_TEXT_SIZE
      const text = fits
        ? `<text x="${num(x0 + 4)}" y="${num(barY + barHeight / 2 + BAR_TEXT_SIZE * 0.35)}" font-size="${BAR_TEXT_SIZE}" fill="${c.text}">${escapeXml(b.label)}</text>`
        : ''
      // The open end fades out, as on screen; the arrowhead says why in print.
      const fadeWidth = Math.min(OPEN_END_STYLE.fadePx, w)
      const fade =
        b.isOpen && !clippedEnd
          ? `<rect x="${num(x0 + w - fadeWidth)}" y="${num(barY)}" width="${num(fadeWidth)}" height="${barHeight}" fill="url(#dt-open-fade)"/>`
          : ''
      barsSvg.push(
        `<g class="bar family-${familySlug(b.family)} role-${b.role}${b.isOpen ? ' is-open' : ''}${b.hasOverlap ? ' has-overlap' : ''}" data-event-id="${b.eventId}" data-port-id="${b.portId}" data-start="${b.start}" data-end="${b.end}"><title>${escapeXml(`${b.label}: ${when} (UTC)`)}</title>${barShape(x0, barY, w, barHeight, c.fill, c.stroke, style)}${fade}${text}</g>`,
      )
      if (b.isOpen && !clippedEnd) {
        const xe = x0 + w
        const yc = barY + barHeight / 2
        const a = barHeight / 2
        markers.push(
          `<path class="open-marker" data-event-id="${b.eventId}" d="M${num(xe)} ${num(yc - a)}L${num(xe + a)} ${num(yc)}L${num(xe)} ${num(yc + a)}Z" fill="${pal.openMarker}"/>`,
        )
      }
      barGeoms.push({
        eventId: b.eventId,
        portId: b.portId,
        x: x0,
        y: barY,
        width: w,
        height: barHeight,
        isOpen: b.isOpen,
        clippedStart,
        clippedEnd,
      })
    }
    // Two dockings on one port at once cannot be: hatch the clash, as the screen does.
    if (r.kind === 'port') {
      for (const o of findOverlaps(r.bars)) {
        const x0 = clampX(scale.xOf(o.start))
        const x1 = clampX(scale.xOf(o.end))
        if (x1 <= x0) continue
        anyOverlap = true
        overlapsSvg.push(
          `<rect class="overlap" data-event-ids="${o.eventIds.join(' ')}" x="${num(x0)}" y="${num(rowY + 1)}" width="${num(Math.max(x1 - x0, MIN_BAR_WIDTH))}" height="${num(h - 2)}" fill="url(#dt-overlap)" stroke="${OVERLAP_STYLE.colour[theme]}" stroke-width="1"><title>${escapeXml(`${OVERLAP_STYLE.label}: ${o.labels[0]} and ${o.labels[1]}`)}</title></rect>`,
        )
      }
    }
    rowY += h
  }
  const plotBottom = rowY

  // Axis: tick labels above the plot, grid lines through it; repeated below tall plots.
  const axis: string[] = []
  const grid: string[] = []
  const bottomAxis = plotBottom - plotTop > 360
  const tickText = (x: number, yText: number, label: string) => {
    const w = textWidth(label, SMALL_SIZE)
    const anchor = x + w / 2 > width - 2 ? 'end' : 'middle'
    return `<text x="${num(x)}" y="${num(yText)}" font-size="${SMALL_SIZE}" text-anchor="${anchor}" fill="${pal.text}">${escapeXml(label)}</text>`
  }
  for (const t of ticks.ticks) {
    const x = scale.xOf(t.t)
    grid.push(
      `<line x1="${num(x)}" x2="${num(x)}" y1="${num(plotTop)}" y2="${num(plotBottom)}" stroke="${pal.grid}" stroke-width="1"/>`,
    )
    axis.push(
      `<g class="tick" data-t="${t.t}" data-x="${num(x)}"><line x1="${num(x)}" x2="${num(x)}" y1="${num(plotTop - 5)}" y2="${num(plotTop)}" stroke="${pal.axis}" stroke-width="1"/>${tickText(x, plotTop - 8, t.label)}${
        bottomAxis
          ? `<line x1="${num(x)}" x2="${num(x)}" y1="${num(plotBottom)}" y2="${num(plotBottom + 5)}" stroke="${pal.axis}" stroke-width="1"/>${tickText(x, plotBottom + 16, t.label)}`
          : ''
      }</g>`,
    )
  }
  axis.push(
    `<line x1="${num(plotLeft)}" x2="${num(plotRight)}" y1="${num(plotTop)}" y2="${num(plotTop)}" stroke="${pal.axis}" stroke-width="1"/>`,
    `<line x1="${num(plotLeft)}" x2="${num(plotRight)}" y1="${num(plotBottom)}" y2="${num(plotBottom)}" stroke="${pal.axis}" stroke-width="1"/>`,
    `<text x="${PAD + 2}" y="${num(plotTop - 8)}" font-size="${SMALL_SIZE}" fill="${pal.mutedText}">Time (UTC)</text>`,
  )
  y = plotBottom + (bottomAxis ? 24 : 8)

  // Legend: the families, roles and marks this figure actually uses.
  const drawn = planned.flatMap((r) => r.bars)
  const families = new Set<VehicleFamily>(drawn.map((b) => b.family))
  const roles = new Set<VehicleRole>(drawn.map((b) => b.role))
  const anyOpen = barGeoms.some((b) => b.isOpen && !b.clippedEnd)
  const legend: string[] = []
  const swatchText = (x: number, yy: number, label: string) =>
    `<text x="${num(x + 20)}" y="${num(yy + 9)}" font-size="${SMALL_SIZE}" fill="${pal.text}">${escapeXml(label)}</text>`
  const item = (label: string, draw: (x: number, yy: number) => string): LegendItem => ({
    width: 28 + textWidth(label, SMALL_SIZE),
    draw,
  })
  const openLabel = `${OPEN_END_STYLE.label} at export, ${toIsoUtc(input.now)} UTC`
  const groups: Array<{ heading: string; items: LegendItem[] }> = [
    {
      heading: 'Vehicle family',
      items: VEHICLE_FAMILIES.filter((f) => families.has(f)).map((f) => {
        const c = familyColour(f, theme)
        return item(
          f,
          (x, yy) =>
            `<g class="legend-family" data-family="${escapeXml(f)}">${barShape(x, yy, 14, 11, c.fill, c.stroke, ROLE_STYLES.crew)}${swatchText(x, yy, f)}</g>`,
        )
      }),
    },
    {
      heading: 'Role',
      items: [
        ...VEHICLE_ROLES.filter((r) => roles.has(r)).map((r) => {
          const style = ROLE_STYLES[r]
          return item(
            style.label,
            (x, yy) =>
              `<g class="legend-role" data-role="${r}">${barShape(x, yy, 14, 11, pal.mutedText, pal.text, style)}${swatchText(x, yy, style.label)}</g>`,
          )
        }),
        ...(anyOpen
          ? [
              item(
                openLabel,
                (x, yy) =>
                  `<g class="legend-open"><rect x="${num(x)}" y="${num(yy)}" width="8" height="11" fill="${pal.mutedText}"/><path d="M${num(x + 8)} ${num(yy)}L${num(x + 14)} ${num(yy + 5.5)}L${num(x + 8)} ${num(yy + 11)}Z" fill="${pal.openMarker}"/>${swatchText(x, yy, openLabel)}</g>`,
              ),
            ]
          : []),
        ...(anyOverlap
          ? [
              item(
                OVERLAP_STYLE.label,
                (x, yy) =>
                  `<g class="legend-overlap"><rect x="${num(x)}" y="${num(yy)}" width="14" height="11" fill="url(#dt-overlap)" stroke="${OVERLAP_STYLE.colour[theme]}" stroke-width="1"/>${swatchText(x, yy, OVERLAP_STYLE.label)}</g>`,
              ),
            ]
          : []),
      ],
    },
  ]
  for (const g of groups) {
    if (g.items.length === 0) continue
    const headingWidth = textWidth(g.heading, SMALL_SIZE, true) + 12
    legend.push(
      `<text x="${PAD}" y="${num(y + 13)}" font-size="${SMALL_SIZE}" font-weight="bold" fill="${pal.text}">${escapeXml(g.heading)}</text>`,
    )
    let x = PAD + headingWidth
    y += 4
    for (const it of g.items) {
      if (x + it.width > width - PAD && x > PAD + headingWidth) {
        x = PAD + headingWidth
        y += LEGEND_LINE
      }
      legend.push(it.draw(x, y))
      x += it.width + 8
    }
    y += LEGEND_LINE
  }

  // Footer: provenance, freshness, filters; what a reader needs to trust and reproduce the figure.
  const f = input.footer
  const footerLines = [
    ...wrapText(`Source: ${f.provenance}`, inner, SMALL_SIZE),
    `${f.dataAsOf === null ? 'Data not yet synced with Launch Library 2' : `Data as of ${toIsoUtc(f.dataAsOf)} UTC`} · exported ${toIsoUtc(input.now)} UTC by Docking Timeline ${f.appVersion}`,
    ...wrapText(`Filters: ${f.filters}`, inner, SMALL_SIZE),
  ]
  y += 6
  const footer = [
    `<line x1="${PAD}" x2="${num(width - PAD)}" y1="${num(y)}" y2="${num(y)}" stroke="${pal.rule}" stroke-width="1"/>`,
  ]
  for (const line of footerLines) {
    y += SMALL_SIZE + 4
    footer.push(
      `<text x="${PAD}" y="${num(y)}" font-size="${SMALL_SIZE}" fill="${pal.mutedText}">${escapeXml(line)}</text>`,
    )
  }
  const height = Math.ceil(y + PAD)

  // Patterns and gradients, once per figure.
  const overlapInk = OVERLAP_STYLE.colour[theme]
  const defs =
    '<defs>' +
    VEHICLE_ROLES.map((r) => rolePatternDef(ROLE_STYLES[r])).join('') +
    `<pattern id="dt-overlap" patternUnits="userSpaceOnUse" width="${OVERLAP_STYLE.spacing}" height="${OVERLAP_STYLE.spacing}" patternTransform="rotate(${OVERLAP_STYLE.angle})"><rect width="${OVERLAP_STYLE.size}" height="${OVERLAP_STYLE.spacing}" fill="${overlapInk}" fill-opacity="0.8"/></pattern>` +
    `<linearGradient id="dt-open-fade" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="${pal.background}" stop-opacity="0"/><stop offset="1" stop-color="${pal.background}" stop-opacity="0.75"/></linearGradient>` +
    '</defs>'

  out.push(
    defs,
    `<rect class="background" x="0" y="0" width="${num(width)}" height="${height}" fill="${pal.background}"/>`,
    `<g class="head">${head.join('')}</g>`,
    `<g class="rows">${bands.join('')}</g>`,
    `<g class="grid">${grid.join('')}</g>`,
    `<g class="axis" data-unit="${ticks.unit}" data-step="${ticks.step}">${axis.join('')}</g>`,
    `<g class="labels">${labels.join('')}</g>`,
    `<g class="bars">${barsSvg.join('')}</g>`,
    `<g class="overlaps">${overlapsSvg.join('')}</g>`,
    `<g class="open-markers">${markers.join('')}</g>`,
    `<g class="legend">${legend.join('')}</g>`,
    `<g class="footer">${footer.join('')}</g>`,
  )
  return {
    width,
    height,
    svg: out.join(''),
    scale,
    ticks,
    rows: rowGeoms,
    bars: barGeoms,
  }
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
  const planned = planRows(input.rows, input.bars, input.range, input.hideEmptyRows ?? true)
  let result: Layout
  let physical: SvgExport['physical'] = null
  if (input.size.kind === 'width') {
    const width = Math.round(
      Math.min(MAX_EXPORT_WIDTH, Math.max(MIN_EXPORT_WIDTH, input.size.width)),
    )
    result = layout(input, planned, width, DEFAULT_ROW)
  } else {
    const page = PAPER_MM[input.size.paper]
    const widthMm = page.width - 2 * PAGE_MARGIN_MM
    const heightMm = page.height - 2 * PAGE_MARGIN_MM
    const pageWidth = widthMm * PX_PER_MM
    const pageHeight = heightMm * PX_PER_MM
    // Few rows: taller rows fill the page instead of leaving it mostly blank.
    let row = MAX_PAPER_ROW
    result = layout(input, planned, pageWidth, row)
    while (result.height > pageHeight && row > DEFAULT_ROW) {
      row -= 2
      result = layout(input, planned, pageWidth, row)
    }
    // Many rows: shrink them, which keeps text at its printed size.
    while (result.height > pageHeight && row > MIN_ROW) {
      row -= 2
      result = layout(input, planned, pageWidth, row)
    }
    // Still too tall: widen the drawing to the page's proportions, so scaling it
    // to the page width also fits its height. Twice, as wider text wraps less.
    for (let i = 0; i < 3 && result.height > pageHeight + 0.5; i++) {
      result = layout(input, planned, (result.height / pageHeight) * pageWidth, MIN_ROW)
    }
    const scaleToMm = widthMm / result.width
    physical = { widthMm, heightMm: Math.min(heightMm, result.height * scaleToMm) }
  }
  const size = physical
    ? `width="${num(physical.widthMm)}mm" height="${num(physical.heightMm)}mm"`
    : `width="${result.width}" height="${result.height}"`
  // Centred on the page when a printer lays it out with no margins of its own.
  const style = physical ? 'display:block;margin:0 auto' : 'display:block'
  const title = input.title?.trim() || 'Docking timeline'
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ${size} viewBox="0 0 ${num(result.width)} ${result.height}" preserveAspectRatio="xMidYMin meet" font-family="${FONT}" role="img" aria-labelledby="dt-svg-title" style="${style}" data-range-start="${result.scale.start}" data-range-end="${result.scale.end}" data-theme="${input.theme}">` +
    `<title id="dt-svg-title">${escapeXml(title)}</title>` +
    `<desc>${escapeXml(`Docking events by station and port from ${toIsoUtc(input.range.start)} to ${toIsoUtc(input.range.end)} (UTC). Source: ${input.footer.provenance}`)}</desc>` +
    result.svg +
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

/**
 * The words around an exported figure: the head (title and what the figure
 * shows) and the footer (provenance, freshness and filters).
 */
import type { DisplayItem } from './display-list'
import type { FigureRow } from './figure-rows'
import {
  line,
  PAD,
  SMALL_SIZE,
  text,
  TEXT_SIZE,
  TITLE_SIZE,
  wrapText,
  type Frame,
} from './figure-text'
import { toIsoUtc, type UtcMillis } from '../domain/units'
import type { ExportFooter } from './figure-types'
import { countNoun } from '../format/count-noun'

/** The title (when given) and the line saying what the figure shows; returns the y below. */
export function drawHead(
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
  const subtitle = `Docking events by station and port, ${rangeText} · ${countNoun(barCount, 'docking')} · all times UTC`
  for (const l of wrapText(subtitle, inner, TEXT_SIZE)) {
    y += TEXT_SIZE + 4
    out.push(text(PAD, y - 3, l, TEXT_SIZE, pal.mutedText, { meta: { cls: 'subtitle' } }))
  }
  return y + 6
}

/**
 * The footer's lines for readers: source, filters, data time and app, wrapped
 * to `width` px. Analysis charts print the same lines (`export/figure-frame.ts`).
 */
export function footerLines(
  footer: ExportFooter,
  now: UtcMillis,
  width: number,
): ReadonlyArray<string> {
  const asOf =
    footer.dataAsOf === null ? 'Data never synced' : `Data as of ${toIsoUtc(footer.dataAsOf)} UTC`
  return [
    ...wrapText(`Source: ${footer.credit}`, width, SMALL_SIZE),
    ...wrapText(`Filters: ${footer.filters}`, width, SMALL_SIZE),
    `${asOf} · made with Docking Timeline ${footer.appVersion} on ${toIsoUtc(now).slice(0, 10)}`,
  ]
}

/** Source, query, freshness and app: what a reader needs to trust and reproduce the figure. */
export function drawFooter(f: Frame, out: DisplayItem[], top: number): number {
  const { input, pal, inner, width } = f
  let y = top + 6
  out.push(line(PAD, y, width - PAD, y, pal.rule))
  for (const l of footerLines(input.footer, input.now, inner)) {
    y += SMALL_SIZE + 4
    out.push(text(PAD, y, l, SMALL_SIZE, pal.mutedText))
  }
  return y
}

/**
 * Text in an exported figure: its font and sizes, width estimates and
 * wrapping (there is no DOM to measure with), the primitives that place text
 * and rules, and the frame (input, palette, page width) every part draws in.
 */
import { font, type Font, type LineItem, type Meta, type TextItem } from './display-list'
import type { FigureInput } from './figure-types'
import type { ExportPalette } from '../export/export-palette'

/** Page padding, px. */
export const PAD = 16
/** The figure's font stack; the SVG root sets it once. */
export const FONT = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif"
// Fonts in px, at the base size.
export const TITLE_SIZE = 18
export const TEXT_SIZE = 11
export const SMALL_SIZE = 10
export const BAR_TEXT_SIZE = 10

/**
 * Estimated width of text in px.
 *
 * No DOM to measure with; DejaVu Sans, the widest of the fonts asked for,
 * averages about 0.6 em per character, so estimates err on the roomy side.
 */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.66 : 0.6)
}

/** A bar label's width in a figure, px: what its layout and its room for names measure. */
export const barTextWidth = (text: string): number => textWidth(text, BAR_TEXT_SIZE)

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

/** What every part of the frame needs: the input, its palette and fonts, and the page width. */
export interface Frame {
  readonly input: FigureInput
  readonly pal: ExportPalette
  readonly width: number
  /** Width between the page's side paddings. */
  readonly inner: number
}

export const fontOf = (size: number, bold = false): Font =>
  font(FONT, size, bold ? 'bold' : 'normal')

/** Text on an alphabetic baseline at (x, y). */
export function text(
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

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string): LineItem => ({
  kind: 'line',
  x1,
  y1,
  x2,
  y2,
  stroke,
  lineWidth: 1,
})

/**
 * A figure's numbered key: every bar too narrow and too crowded for its name
 * gets a number, written in a lane under its row with a leader line up to
 * the bar, and the numbers are listed with names under the legend.
 *
 * The screen can leave a short bar unnamed (its tooltip names it); paper has
 * no tooltip, so a figure names every bar: inside it, beside it, or here.
 */
import type { DrawnItem, SceneLayout } from './bar-scene'
import { END, group, type DisplayItem } from './display-list'
import { line, PAD, SMALL_SIZE, text, textWidth, type Frame } from './figure-text'
import { toIsoUtc } from '../domain/units'

/** Height of the lane under a row that holds key numbers, px. */
export const KEY_LANE = 12
/** Size of a key number, px. */
const MARK_SIZE = 9
/** Space between two numbers in a lane, px. */
const MARK_GAP = 3
const KEY_LINE = 15

/** A bar the figure names by number. */
export interface KeyEntry {
  readonly n: number
  readonly eventId: number
  readonly rowId: string
  /** The bar's label (vehicle name, with ▸ when still docked). */
  readonly label: string
  readonly docking: number
}

/**
 * The bars left without a label, numbered in reading order (rows top to
 * bottom, then by time). Only bars that show between `left` and `right` (page px) count.
 */
export function keyEntries(
  layout: SceneLayout,
  left: number,
  right: number,
): ReadonlyArray<KeyEntry> {
  const unnamed = layout.items.filter(
    (d) => d.item.kind === 'bar' && d.labelMode === 'none' && d.x1 > left && d.x0 < right,
  )
  unnamed.sort((a, b) => a.top - b.top || a.item.start - b.item.start)
  return unnamed.map((d, i) => ({
    n: i + 1,
    eventId: d.item.id as number,
    rowId: d.item.rowId,
    label: d.item.kind === 'bar' ? d.item.label : '',
    docking: d.item.start,
  }))
}

/** Where a key number went: its centre x and the bar it points at. */
interface PlacedMark {
  readonly entry: KeyEntry
  readonly x: number
  readonly width: number
  readonly bar: DrawnItem
}

/**
 * Places a row's numbers left to right under their bars, each pushed right
 * just enough to clear the one before; then, if the last ran past the plot,
 * pulled back left the same way.
 */
function placeRowMarks(
  marks: ReadonlyArray<{ entry: KeyEntry; bar: DrawnItem }>,
  left: number,
  right: number,
): PlacedMark[] {
  const placed: PlacedMark[] = []
  let edge = left
  for (const m of marks) {
    const width = textWidth(String(m.entry.n), MARK_SIZE)
    const centre = Math.max((Math.max(m.bar.x0, left) + Math.min(m.bar.x1, right)) / 2, left)
    const x = Math.max(centre, edge + width / 2)
    placed.push({ entry: m.entry, x, width, bar: m.bar })
    edge = x + width / 2 + MARK_GAP
  }
  let limit = right
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i]!
    if (p.x + p.width / 2 <= limit) break
    placed[i] = { ...p, x: limit - p.width / 2 }
    limit = placed[i]!.x - p.width / 2 - MARK_GAP
  }
  return placed
}

/**
 * Draws the numbers in each row's lane (`laneTop` of a row's lane by row id),
 * with a leader line from each number up to the middle of its bar's visible part.
 * `layout` is in page px.
 */
export function drawKeyMarks(
  f: Frame,
  layout: SceneLayout,
  entries: ReadonlyArray<KeyEntry>,
  laneTop: ReadonlyMap<string, number>,
  plot: { readonly x: number; readonly w: number },
  out: DisplayItem[],
): void {
  const bars = new Map(layout.items.map((d) => [d.item.id as number, d]))
  const byRow = new Map<string, Array<{ entry: KeyEntry; bar: DrawnItem }>>()
  for (const e of entries) {
    const bar = bars.get(e.eventId)
    if (!bar) continue
    const list = byRow.get(e.rowId) ?? []
    list.push({ entry: e, bar })
    byRow.set(e.rowId, list)
  }
  out.push(group({ meta: { cls: 'key-marks' } }))
  for (const [rowId, marks] of byRow) {
    const top = laneTop.get(rowId)
    if (top === undefined) continue
    marks.sort((a, b) => a.bar.x0 - b.bar.x0)
    for (const m of placeRowMarks(marks, plot.x + 2, plot.x + plot.w - 2)) {
      const barX = (Math.max(m.bar.x0, plot.x) + Math.min(m.bar.x1, plot.x + plot.w)) / 2
      out.push(
        { ...line(barX, m.bar.top + m.bar.height, m.x, top + 2, f.pal.mutedText), lineWidth: 0.6 },
        text(m.x, top + MARK_SIZE + 1, String(m.entry.n), MARK_SIZE, f.pal.text, {
          anchor: 'middle',
          meta: { cls: 'key-mark', data: { 'event-id': m.entry.eventId, n: m.entry.n } },
        }),
      )
    }
  }
  out.push(END)
}

/** The text of a key entry: number, name and docking date. */
export const keyEntryText = (e: KeyEntry): string =>
  `${e.n} ${e.label}, ${toIsoUtc(e.docking).slice(0, 10)}`

/** Lists the numbered bars under the legend, flowing across the page; returns the y below. */
export function drawKeyList(
  f: Frame,
  entries: ReadonlyArray<KeyEntry>,
  out: DisplayItem[],
  top: number,
): number {
  if (entries.length === 0) return top
  const { pal, width } = f
  const heading = 'Key to numbered bars'
  out.push(text(PAD, top + 13, heading, SMALL_SIZE, pal.text, { bold: true }))
  let y = top + 13 + KEY_LINE
  const cell = Math.max(...entries.map((e) => textWidth(keyEntryText(e), SMALL_SIZE))) + 16
  const columns = Math.max(1, Math.floor((width - 2 * PAD) / cell))
  entries.forEach((e, i) => {
    const col = i % columns
    if (col === 0 && i > 0) y += KEY_LINE
    out.push(
      text(PAD + col * cell, y, keyEntryText(e), SMALL_SIZE, pal.text, {
        meta: { cls: 'key-entry', data: { 'event-id': e.eventId, n: e.n } },
      }),
    )
  })
  return y + 6
}

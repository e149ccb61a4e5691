/**
 * Keeps bar labels readable on short bars.
 *
 * A label that does not fit inside its bar moves outside, to the right, when
 * there is room before the next bar in the row; otherwise it is hidden (the
 * tooltip and the table still name the vehicle). Letting every label overflow
 * (`.vis-item-overflow{overflow:visible}`) makes labels overlap each other
 * (vis#3441, vis#2067), hence the check for room.
 *
 * Runs after vis-timeline redraws. It reads widths from the inline styles
 * vis-timeline writes and measures text on a canvas, so it forces no layout.
 */
import type { ThinnedBars } from '../../shared/chart-lod'
import { groupBy } from '../../shared/group-by'
import { barLabel, runLabel } from './vis-items'

/** Where a bar's label goes. */
export type LabelMode = 'inside' | 'outside' | 'none'

/** Padding inside a bar around its label, px (matches timeline.css). */
const INSIDE_PADDING = 10
/** Gap between a bar and its outside label, plus the label's own padding, px. */
const OUTSIDE_PADDING = 12

/**
 * Decides where a label goes.
 *
 * `room` is the px from the bar's right end to the next bar in its row
 * (Infinity when none follows).
 */
export function labelMode(barWidth: number, labelWidth: number, room: number): LabelMode {
  if (labelWidth + INSIDE_PADDING <= barWidth) return 'inside'
  if (labelWidth + OUTSIDE_PADDING <= room) return 'outside'
  return 'none'
}

/** What the placer needs from the chart each pass. */
export interface PlacementInput {
  readonly container: HTMLElement
  /** Visible window start and end (ms) and the centre panel's width (px). */
  readonly window: { readonly start: number; readonly end: number }
  readonly panelWidth: number
  /** For each item id (as vis writes it in `data-id`): start of the next item in its row, or Infinity. */
  readonly nextStart: ReadonlyMap<string, number>
  /** For each item id: its end time (ms). */
  readonly endOf: ReadonlyMap<string, number>
  /** For each item id: the label text. */
  readonly labelOf: ReadonlyMap<string, string>
}

let canvas: HTMLCanvasElement | null = null
let font = ''
const widthCache = new Map<string, number>()

function textWidth(text: string, sample: Element): number {
  if (!font) {
    const style = getComputedStyle(sample)
    font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
  }
  const cached = widthCache.get(text)
  if (cached !== undefined) return cached
  canvas ??= document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) return text.length * 7
  ctx.font = font
  const w = Math.ceil(ctx.measureText(text).width)
  widthCache.set(text, w)
  return w
}

/** Sets `data-label` on every drawn bar; touches the DOM only where the mode changes. */
export function placeLabels(input: PlacementInput): void {
  const span = input.window.end - input.window.start
  if (span <= 0 || input.panelWidth <= 0) return
  const pxPerMs = input.panelWidth / span
  const boxes = input.container.querySelectorAll<HTMLElement>('.vis-item.vis-range[data-id]')
  for (const box of boxes) {
    const id = box.dataset.id ?? ''
    const label = input.labelOf.get(id)
    if (label === undefined) continue
    const width = Number.parseFloat(box.style.width) || 0
    const next = input.nextStart.get(id) ?? Number.POSITIVE_INFINITY
    const end = input.endOf.get(id) ?? 0
    const room = Number.isFinite(next) ? (next - end) * pxPerMs : Number.POSITIVE_INFINITY
    const mode = labelMode(width, textWidth(label, box), room)
    if (box.dataset.label !== mode) box.dataset.label = mode
  }
}

/** An item the label placer lays out: a bar or a run of bars. */
interface Labelled {
  readonly id: string
  readonly rowId: string
  readonly start: number
  readonly end: number
  readonly label: string
}

/** Per item (keyed as vis writes `data-id`): the next item's start in its row, its end and its label. */
export function labelNeighbours(
  thin: ThinnedBars,
): Pick<PlacementInput, 'nextStart' | 'endOf' | 'labelOf'> {
  const items: Labelled[] = thin.bars.map((p) => ({
    id: String(p.bar.eventId),
    rowId: p.rowId,
    start: p.bar.start,
    end: p.bar.end,
    label: barLabel(p.bar),
  }))
  for (const r of thin.runs)
    items.push({ id: r.id, rowId: r.rowId, start: r.start, end: r.end, label: runLabel(r) })
  const nextStart = new Map<string, number>()
  const endOf = new Map<string, number>()
  const labelOf = new Map<string, string>()
  for (const list of groupBy(items, (p) => p.rowId).values()) {
    list.sort((a, b) => a.start - b.start)
    list.forEach((p, i) => {
      nextStart.set(p.id, list[i + 1]?.start ?? Number.POSITIVE_INFINITY)
      endOf.set(p.id, p.end)
      labelOf.set(p.id, p.label)
    })
  }
  return { nextStart, endOf, labelOf }
}

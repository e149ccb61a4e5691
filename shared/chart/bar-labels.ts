/**
 * Bar and strip labels: their texts, and where each goes, inside its bar,
 * beside it or nowhere, clear of its row's other labels. `bar-scene.ts` lays
 * a frame out with them; a fit leaves room for them (`label-room.ts`).
 */
import type { Bar } from './chart-model'
import type { BarRun } from './lod'
import { withoutDedication } from '../domain/vehicle-name'
import { countNoun } from '../format/count-noun'

/**
 * A bar's label text: its vehicle, with an arrow when it is still docked and
 * a question mark when its departure is unknown.
 */
export const barLabel = (b: Bar): string => withEndMark(b.label, b)

const withEndMark = (name: string, b: Pick<Bar, 'endState'>) =>
  b.endState === 'docked' ? `${name} ▸` : b.endState === 'unknown' ? `${name} ?` : name

/**
 * A bar's label with its vehicle's dedication left out ("Cygnus CRS NG-24 ▸"),
 * written where the whole label has no room; null for a name without one.
 */
export function shortBarLabel(b: Bar): string | null {
  const short = withoutDedication(b.label)
  return short === null ? null : withEndMark(short, b)
}

/** A strip's label text: how many dockings it stands for. */
export const runLabel = (r: BarRun): string => countNoun(r.count, 'docking')

/** Where a label goes. */
export type LabelMode = 'inside' | 'outside' | 'none'

/** Padding inside a bar on each side of its label, px. */
export const LABEL_PADDING = 5
/** Gap between a bar and its outside label, px. */
export const OUTSIDE_GAP = 3

/**
 * Decides where a label goes: inside when it fits in the bar's visible
 * width, else to the right when there is `room` (px) before the next item in
 * the row, else nowhere (the tooltip and the table still name the vehicle).
 * Letting every label overflow makes labels overlap each other (vis#3441).
 */
export function labelMode(visibleWidth: number, labelWidth: number, room: number): LabelMode {
  if (roomInside(labelWidth) <= visibleWidth) return 'inside'
  if (roomBeside(labelWidth) <= room) return 'outside'
  return 'none'
}

/** The width a bar needs to hold a label `labelWidth` px wide inside it, px. */
export const roomInside = (labelWidth: number) => labelWidth + 2 * LABEL_PADDING

/** The room a label `labelWidth` px wide needs beside its bar, px. */
export const roomBeside = (labelWidth: number) => OUTSIDE_GAP + roomInside(labelWidth)

/** Least gap between two labels in a row, px. */
const LABEL_GAP = 6

/** What the items of a row placed so far leave for the next one's label, px. */
export interface RowMarks {
  /** Right edge of the longest bar so far: an outside label before it would lie on that bar. */
  coverEnd: number
  /** Right edge of the last label placed. */
  labelEnd: number
}

/** Left edge of a label's text, px: beside the bar, or inside its visible part (where it would be, for 'none'). */
export const labelXOf = (mode: LabelMode, x0: number, x1: number) =>
  // A bar that starts left of the window keeps its label in view, as vis did.
  mode === 'outside' ? x1 + OUTSIDE_GAP + LABEL_PADDING : Math.max(x0, 0) + LABEL_PADDING

/** Where a label may go: its bar's ends, the next item's start, the canvas's width and where labels stop, px. */
export interface LabelSpot {
  readonly x0: number
  readonly x1: number
  readonly nextX: number | null
  readonly width: number
  /** Where a label beside its bar must end: the canvas's edge in a figure, nowhere on screen. */
  readonly edge: number
}

/**
 * Where one bar's label goes (`labelMode`), clear of its row's other labels:
 * outside only where no earlier bar runs on past this one (an overlap on one
 * port: the label would lie on that bar, where no chip sets it off), and
 * nowhere that would touch the label before it. An inside label may lie over
 * a later bar: labels are written over every bar, each on a chip of its own.
 */
function placeLabel(labelWidth: number, spot: LabelSpot, marks: RowMarks): LabelMode {
  const { x0, x1, nextX, width, edge } = spot
  const room = marks.coverEnd > x1 ? 0 : (nextX ?? edge) - x1
  const mode = labelMode(Math.min(x1, width) - Math.max(x0, 0), labelWidth, room)
  if (mode === 'none') return mode
  const labelX = labelXOf(mode, x0, x1)
  if (labelX - LABEL_PADDING < marks.labelEnd + LABEL_GAP) return 'none'
  marks.labelEnd = labelX + labelWidth
  return mode
}

/** Whether a label beside a bar ending at `x1` runs past a canvas `width` wide. */
const endsPast = (x1: number, labelWidth: number, width: number) =>
  x1 + OUTSIDE_GAP + LABEL_PADDING + labelWidth > width

/**
 * The label a bar or strip gets, and where (`placeLabel`): the whole label,
 * else its short form, a bar's (`shortBarLabel`) where the whole has no room, or
 * would run past the canvas (on screen, where nothing stops it at the edge)
 * and the short one would not.
 */
export function chooseLabel(
  label: string,
  short: string | null,
  spot: LabelSpot,
  marks: RowMarks,
  measure: (text: string) => number,
): { mode: LabelMode; text: string; width: number } {
  const { x1, width } = spot
  const before = marks.labelEnd
  const whole = { text: label, width: measure(label), mode: 'none' as LabelMode }
  whole.mode = placeLabel(whole.width, spot, marks)
  const cut = whole.mode === 'outside' && endsPast(x1, whole.width, width)
  if (!short || (whole.mode !== 'none' && !cut)) return whole
  const placed = marks.labelEnd
  marks.labelEnd = before
  const shortWidth = measure(short)
  const mode = placeLabel(shortWidth, spot, marks)
  if (mode !== 'none' && !(cut && endsPast(x1, shortWidth, width)))
    return { mode, text: short, width: shortWidth }
  marks.labelEnd = placed
  return whole
}

/**
 * Room after the last bars for their names: "Fit all" widens its window so
 * the name written beside each row's last bar ends inside the chart.
 *
 * The last bars are, most often, the spacecraft docked now: a fit that cut
 * their names at the chart's edge ("Cargo D", "Progres") hid what the
 * opening view is most asked for. A share of the data's length
 * (`FIT_MARGIN`) cannot know the names' widths in px; this can.
 */
import { barLabel, roomBeside, roomInside, shortBarLabel } from './bar-labels'
import type { PlacedBar } from './chart-model'
import { MAX_SPAN, type TimeWindow } from './window'

/** A row's last bar and its name's width: where the name goes beside it. */
export interface LabelTail {
  readonly start: number
  readonly end: number
  /** The name's width, px, as the chart measures it. */
  readonly labelPx: number
  /** Its short form's (`shortBarLabel`), written when the whole has no room; null without one. */
  readonly shortPx: number | null
}

/** The chart's width and its rows' last names: what a fit leaves room for. */
export interface LabelRoom {
  /** The width the bars are drawn across, px. */
  readonly widthPx: number
  readonly tails: ReadonlyArray<LabelTail>
}

/**
 * A name wider than this share of the chart is left to be cut at its edge:
 * making room for it would squeeze every bar into the rest.
 */
export const MAX_LABEL_SHARE = 0.3

/**
 * Each port row's last bar (the one starting last), with its name's width:
 * the bar whose name `layoutScene` may write beside it with nothing after.
 * A row whose last bar another bar runs past (an overlap) writes no name
 * there, so needs no room. Bars in a collapsed station's row have no names.
 */
export function labelTails(
  placed: ReadonlyArray<PlacedBar>,
  measure: (text: string) => number,
): LabelTail[] {
  const last = new Map<string, { bar: PlacedBar['bar']; coverEnd: number }>()
  for (const p of placed) {
    if (p.isSummary) continue
    const seen = last.get(p.rowId)
    if (!seen) last.set(p.rowId, { bar: p.bar, coverEnd: Number.NEGATIVE_INFINITY })
    else {
      const later = p.bar.start > seen.bar.start
      const coverEnd = Math.max(seen.coverEnd, later ? seen.bar.end : p.bar.end)
      last.set(p.rowId, { bar: later ? p.bar : seen.bar, coverEnd })
    }
  }
  const tails: LabelTail[] = []
  for (const { bar, coverEnd } of last.values()) {
    // `coverEnd` is every other bar's end: one past this one's hides its name.
    if (coverEnd > bar.end) continue
    const short = shortBarLabel(bar)
    tails.push({
      start: bar.start,
      end: bar.end,
      labelPx: measure(barLabel(bar)),
      shortPx: short === null ? null : measure(short),
    })
  }
  return tails
}

/**
 * The room a tail's name needs beside its bar in a chart `width` px wide: the
 * whole name's, else its short form's (0 if that fits inside the bar at
 * `pxPerMs`), or null when neither is narrower than `MAX_LABEL_SHARE`.
 */
function needOf(t: LabelTail, width: number, pxPerMs: number): number | null {
  const most = width * MAX_LABEL_SHARE
  if (roomBeside(t.labelPx) <= most) return roomBeside(t.labelPx)
  if (t.shortPx === null || roomBeside(t.shortPx) > most) return null
  return (t.end - t.start) * pxPerMs >= roomInside(t.shortPx) ? 0 : roomBeside(t.shortPx)
}

/**
 * `fit` with its end moved on until every tail's name fits between its bar
 * and the chart's right edge, the start kept. A name that fits inside its bar
 * needs no room; one wider than `MAX_LABEL_SHARE` of the chart gets room for
 * its short form, if that is narrower than the share, else none.
 * Again until nothing moves (a few passes at most): a widening narrows the
 * bars, which can push a name that fitted inside out beside its bar.
 */
export function withLabelRoom(fit: TimeWindow, room: LabelRoom): TimeWindow {
  const width = room.widthPx
  if (!(width > 0) || room.tails.length === 0) return fit
  let end: number = fit.end
  for (let pass = 0; pass < 4; pass++) {
    const pxPerMs = width / (end - fit.start)
    let next = end
    for (const t of room.tails) {
      if ((t.end - t.start) * pxPerMs >= roomInside(t.labelPx)) continue
      const need = needOf(t, width, pxPerMs)
      if (!need) continue
      // The end at which the bar's right edge lies `need` px short of the
      // chart's: its end's, or its start's 1 px on (the narrowest bar drawn).
      const byEnd = ((t.end - fit.start) * width) / (width - need)
      const byStart = ((t.start - fit.start) * width) / (width - need - 1)
      next = Math.max(next, fit.start + Math.max(byEnd, byStart))
    }
    if (next === end) break
    end = Math.min(next, fit.start + MAX_SPAN)
  }
  return end === fit.end ? fit : { start: fit.start, end: end as TimeWindow['end'] }
}

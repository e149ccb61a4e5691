/**
 * Bringing rows into view when the app, not the user, moves the chart.
 *
 * A "Show" in a panel, N/P, Z or a fit to search results moves the time
 * window; with forty rows and room for fifteen, the docking it is about can
 * still sit below the fold, and the user sees an empty stretch of chart. A
 * reveal says what must be on screen after the move; the chart scrolls its
 * rows as little as it takes, and not at all when it is already there.
 */
import type { EventId, PortId, StationId } from '../domain/units'
import { isStationRowId, type PlacedBar } from './chart-model'
import type { RowBand } from './bar-scene'

/** What a window request must also bring into view. */
export type Reveal =
  /** The row of one docking's bar (or its station's row, when folded). */
  | { readonly event: EventId }
  /** A row of this port, or of this station, with a bar in the new window: an analysis mark's. */
  | { readonly port: PortId }
  | { readonly station: StationId }
  /** Some row with a bar in the new window: a search's or a period's results. */
  | 'results'
  /** The rows as they stood: this row at the top, scrolled past by as much (Back, Forward). */
  | { readonly top: RowsTop }

/** Where the rows stood: the row at the top of the view, and the px of it scrolled past. */
export interface RowsTop {
  readonly row: string
  readonly offset: number
}

/** The rows as drawn: each band's top relative to the visible area, and that area's height. */
export interface RowsView {
  readonly height: number
  readonly rows: ReadonlyArray<RowBand>
}

/** Rows the reveal is satisfied by: ids of rows holding a target bar. */
export function revealRows(
  reveal: Reveal,
  placed: ReadonlyArray<PlacedBar>,
  window: { readonly start: number; readonly end: number },
): ReadonlySet<string> {
  if (isTopReveal(reveal)) return new Set([reveal.top.row])
  const rows = new Set<string>()
  for (const p of placed) {
    if (isEventReveal(reveal)) {
      if (p.bar.eventId === reveal.event) rows.add(p.rowId)
      continue
    }
    const inWindow = p.bar.start < window.end && p.bar.end > window.start
    const mine =
      reveal === 'results'
        ? true
        : 'port' in reveal
          ? p.bar.portId === reveal.port
          : p.bar.stationId === reveal.station
    if (inWindow && mine) rows.add(p.rowId)
  }
  return rows
}

/** Is this the reveal of one docking? */
export const isEventReveal = (r: Reveal): r is { readonly event: EventId } =>
  r !== 'results' && 'event' in r

/** Is this the rows as they stood? */
export const isTopReveal = (r: Reveal): r is { readonly top: RowsTop } =>
  r !== 'results' && 'top' in r

/** The row at the top of `view` and how far it is scrolled past; null with no rows. */
export function rowsTop(view: RowsView): RowsTop | null {
  let top: RowBand | null = null
  for (const b of view.rows) if (b.top + b.height > 0 && (top === null || b.top < top.top)) top = b
  return top && { row: top.id, offset: Math.max(0, -top.top) }
}

/** The same place (either may be null: only two nulls are the same). */
export function sameRowsTop(a: RowsTop | null, b: RowsTop | null): boolean {
  return a === b || (!!a && !!b && a.row === b.row && a.offset === b.offset)
}

/**
 * The reveal to carry out in `view`: the rows as they stood, when their top
 * row is gone (filtered away, its station folded), bring the results instead.
 */
export function effectiveReveal(reveal: Reveal, view: RowsView): Reveal {
  return isTopReveal(reveal) && !view.rows.some((b) => b.id === reveal.top.row) ? 'results' : reveal
}

/**
 * How far to scroll the rows, px (positive moves the content up), so that one
 * of `targets` is wholly in view; 0 when one already is or none is drawn.
 *
 * A docking's row comes to the middle of the view, with its neighbours around
 * it; other reveals bring their topmost row to the top, so the rest read on
 * below, under its station's name when that row is the station's first.
 */
export function revealScroll(view: RowsView, targets: ReadonlySet<string>, reveal: Reveal): number {
  if (isTopReveal(reveal)) {
    // Exactly where they stood, even when the row is in view already.
    const band = view.rows.find((b) => b.id === reveal.top.row)
    return band ? band.top + reveal.top.offset : 0
  }
  const bands = view.rows.filter((b) => targets.has(b.id))
  if (bands.some((b) => b.top >= 0 && b.top + b.height <= view.height)) return 0
  const first = bands.reduce<RowBand | null>((a, b) => (a === null || b.top < a.top ? b : a), null)
  if (!first) return 0
  if (isEventReveal(reveal)) return Math.round(first.top + first.height / 2 - view.height / 2)
  const above = view.rows.find((b) => b.top + b.height === first.top)
  return above && isStationRowId(above.id) && !targets.has(above.id) ? above.top : first.top
}

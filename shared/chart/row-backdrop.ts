/**
 * What the chart shows under its bars: the page's background, the time
 * grid's lines, the station rows' bands and the rules between rows, as
 * drawing primitives for the bar canvas.
 *
 * vis-timeline drew these as page elements under a see-through canvas, and
 * its grid lines moved on every frame of a zoom or pan: each frame Chromium
 * repainted and re-rasterised the page under the whole chart and blended
 * the canvas over it, on the same two cores as the frame itself. With all
 * of it painted on the canvas, the canvas is opaque: the page under it is
 * neither rasterised nor composited.
 */
import type { RowBand, Viewport } from './bar-scene'
import { isStationRowId } from './chart-model'
import { rect, type DisplayItem } from './display-list'

/** A vertical grid line where vis's time axis placed one: `x` in the chart's px. */
export interface GridLine {
  readonly x: number
  readonly major: boolean
}

/** The backdrop's colours, from the theme the chart is drawn in. */
export interface BackdropInk {
  /** The page behind the chart. */
  readonly page: string
  readonly minorGrid: string
  readonly majorGrid: string
  /** The rule under each row but the last. */
  readonly rowRule: string
  /** A station row's band. */
  readonly stationBand: string
}

/**
 * The backdrop of `view`, bottom first: the page, grid lines, then station
 * bands (see through, over the lines), then row rules. Each line is a whole-px, 1 px
 * wide box, where the page put vis's border (at `x - 0.5`, snapped), so it
 * is as sharp as it was. Rows off the canvas are left out.
 */
export function buildBackdrop(
  view: Viewport,
  grid: ReadonlyArray<GridLine>,
  ink: BackdropInk,
): DisplayItem[] {
  const out: DisplayItem[] = [rect(0, 0, view.width, view.height, { fill: ink.page })]
  for (const g of grid) {
    const x = Math.round(g.x - 0.5)
    if (x < 0 || x >= view.width) continue
    out.push(rect(x, 0, 1, view.height, { fill: g.major ? ink.majorGrid : ink.minorGrid }))
  }
  const shown = view.rows.filter((r) => r.top < view.height && r.top + r.height > 0)
  for (const r of shown)
    if (isStationRowId(r.id))
      out.push(rect(0, r.top, view.width, r.height, { fill: ink.stationBand }))
  const last = lastRow(view.rows)
  for (const r of shown)
    if (r !== last) out.push(rect(0, r.top + r.height - 1, view.width, 1, { fill: ink.rowRule }))
  return out
}

/** The bottom row, which (as in vis) has no rule under it. */
function lastRow(rows: ReadonlyArray<RowBand>): RowBand | undefined {
  let last: RowBand | undefined
  for (const r of rows) if (!last || r.top > last.top) last = r
  return last
}

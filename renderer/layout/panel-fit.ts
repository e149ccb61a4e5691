/**
 * How wide the side panels may be in a window of a given width, so the
 * chart stays the dominant region (issue #15): its plot area, the part
 * right of the row labels, keeps at least `PLOT_SHARE` of the window.
 *
 * Pure: widths in, widths out; the app measures and applies them.
 */
import type { SidePanelId } from '../state/layout-slice'

/** Share of the window the chart's plot area keeps with any panel open. */
export const PLOT_SHARE = 0.6
/** A collapsed panel's strip with its expand button, px. */
export const RAIL_WIDTH = 32
/** The drag handle beside an open panel, px. */
export const SEPARATOR_WIDTH = 6
/** The chart's own borders and vertical scrollbar, px. */
export const CHART_CHROME = 22
/** Narrowest a panel is squeezed to by a small window before it collapses instead, px. */
export const SQUEEZE_MIN = 220
/**
 * Row labels get this share of the window, within the bounds below, then
 * ellipsis; at 1920 px, enough for the longest station name, "International
 * Space Station", on one line.
 */
const LABEL_SHARE = 0.125
const LABEL_MIN = 120
const LABEL_MAX = 240

/** One side panel as the user left it. */
export interface PanelWish {
  /** The width the user chose, px. */
  readonly width: number
  /** The user folded it away. */
  readonly collapsed: boolean
  /** It has something to show (the details panel is absent with nothing selected). */
  readonly present: boolean
}

/** One side panel as drawn. */
export interface PanelFit {
  /** px of the open panel, excluding its separator; 0 when folded or absent. */
  readonly width: number
  /** Drawn open. */
  readonly open: boolean
  /** Drawn as a rail although the user left it open: the window is too narrow for both. */
  readonly squeezedShut: boolean
}

/** Both panels and the row label cap for one window width. */
export interface WorkspaceFit {
  readonly filters: PanelFit
  readonly details: PanelFit
  /** Widest a row label may be before it is cut with an ellipsis, px. */
  readonly labelMax: number
}

/** The row label cap for a window `windowWidth` wide. */
export function labelMaxFor(windowWidth: number): number {
  return Math.round(Math.min(LABEL_MAX, Math.max(LABEL_MIN, windowWidth * LABEL_SHARE)))
}

/** The most the side panels (with rails and separators) may take together, px. */
export function panelBudget(windowWidth: number): number {
  const chart = Math.ceil(windowWidth * PLOT_SHARE) + labelMaxFor(windowWidth) + CHART_CHROME
  return Math.max(0, windowWidth - chart)
}

const closed = (squeezedShut: boolean): PanelFit => ({ width: 0, open: false, squeezedShut })

/**
 * Fits the panels into `windowWidth`. Open panels keep their chosen widths
 * when they fit; otherwise they shrink toward `SQUEEZE_MIN` in proportion to
 * what they have above it; when even that does not fit, the panel other than
 * `priority` (the one the user turned to last) folds to its rail, and if the
 * one left still cannot fit it folds too.
 */
export function fitPanels(
  windowWidth: number,
  wishes: { readonly filters: PanelWish; readonly details: PanelWish },
  priority: SidePanelId,
): WorkspaceFit {
  const budget = panelBudget(windowWidth)
  const labelMax = labelMaxFor(windowWidth)
  const wantsOpen = (id: SidePanelId) => wishes[id].present && !wishes[id].collapsed
  const railOf = (id: SidePanelId) => (wishes[id].present ? RAIL_WIDTH : 0)
  let open = (['filters', 'details'] as const).filter(wantsOpen)
  const shut = new Set<SidePanelId>()

  for (;;) {
    const rails = (['filters', 'details'] as const)
      .filter((id) => !open.includes(id))
      .reduce((n, id) => n + railOf(id), 0)
    const room = budget - rails - open.length * SEPARATOR_WIDTH
    const widths = shrinkToFit(
      open.map((id) => wishes[id].width),
      room,
    )
    if (widths) {
      const fit = (id: SidePanelId): PanelFit => {
        const i = open.indexOf(id)
        return i < 0 ? closed(shut.has(id)) : { width: widths[i]!, open: true, squeezedShut: false }
      }
      return { filters: fit('filters'), details: fit('details'), labelMax }
    }
    // Fold the panel the user did not turn to last, then the other.
    const yielding = open.find((id) => id !== priority) ?? open[0]!
    shut.add(yielding)
    open = open.filter((id) => id !== yielding)
  }
}

/** Widths shrunk toward SQUEEZE_MIN to fit `room` together, or null when they cannot. */
function shrinkToFit(wanted: ReadonlyArray<number>, room: number): number[] | null {
  if (wanted.length === 0) return []
  const total = wanted.reduce((a, b) => a + b, 0)
  if (total <= room) return [...wanted]
  const floor = wanted.map((w) => Math.min(w, SQUEEZE_MIN))
  const floorTotal = floor.reduce((a, b) => a + b, 0)
  if (floorTotal > room) return null
  const slack = total - floorTotal
  const keep = (room - floorTotal) / slack
  return wanted.map((w, i) => Math.floor(floor[i]! + (w - floor[i]!) * keep))
}

/**
 * How vis-timeline is set up for the chart, and what we read back from its
 * internals to lay the bar canvas over its centre panel.
 */
import moment from 'moment'
import type { DataSet } from 'vis-data/peer'
import type { DataGroup, Timeline, TimelineOptions } from 'vis-timeline/peer'

import type { RowBand, Viewport } from '../../../shared/chart/bar-scene'
import { MAX_SPAN, MIN_SPAN, type TimeWindow } from '../../../shared/chart/window'
import { utcMillis } from '../../../shared/domain/units'
import type { TimeZoneMode } from '../../../shared/time/time-format'

/** The vis-timeline internals the bar canvas is laid out from (typed in no declaration). */
export interface VisInternals {
  readonly props: {
    readonly center: { readonly width: number }
    readonly centerContainer: { readonly height: number }
  }
  readonly itemSet?: {
    readonly groups: Record<string, { readonly top?: number; readonly height?: number } | undefined>
  }
  _getScrollTop(): number
  /** Sets vis's row scroll (0 at the top, negative further down) within its range. */
  _setScrollTop(scrollTop: number): number
  _redraw(): void
  initialFitDone: boolean
}

/** vis's `moment` option: axis labels and the cursor in the zone `zone()` names. */
export const zonedMoment =
  (zone: () => TimeZoneMode) =>
  (date: moment.MomentInput): moment.Moment =>
    zone() === 'utc' ? moment(date).utc() : moment(date)

/**
 * vis's major (upper) axis labels per scale, as moment formats. Only the
 * Timeline's own scales: it has no "quarter" (Graph2d's option has), and an
 * unknown key makes vis log an options error at every start.
 */
export const ISO_MAJOR_LABELS = {
  millisecond: 'YYYY-MM-DD HH:mm:ss',
  second: 'YYYY-MM-DD HH:mm',
  minute: 'YYYY-MM-DD',
  hour: 'YYYY-MM-DD',
  weekday: 'YYYY-MM',
  day: 'YYYY-MM',
  week: 'YYYY-MM',
  month: 'YYYY',
  year: '',
} as const

/** The options the chart's Timeline is created with. */
export function timelineOptions(zone: () => TimeZoneMode): TimelineOptions {
  return {
    stack: false,
    // Rows from the top; with a fixed height vis would otherwise stack them at the bottom.
    orientation: { axis: 'top', item: 'top' },
    height: '100%',
    // Group order must be a numeric comparator (vis-timeline #101).
    groupOrder: (a: { order: number }, b: { order: number }) => a.order - b.order,
    zoomMin: MIN_SPAN,
    zoomMax: MAX_SPAN,
    // Wheel zooms over the chart; over the row labels it scrolls rows (vis-timeline #66).
    verticalScroll: true,
    preferZoom: true,
    horizontalScroll: false,
    // Bars are ours (on the canvas), and so is their selection.
    selectable: false,
    showCurrentTime: true,
    // The cursor answers "what was docked at this instant": no snapping to axis steps.
    snap: null,
    // Room for five characters a label (vis's default is seven): enough for
    // "HH:mm", and a month at 1024 px wide gets day ticks rather than month
    // ones (vis has no step between two days and a month).
    maxMinorChars: 5,
    // The labels over the ticks say the date in ISO form, year and all: vis's
    // own read "July 1982" and, zoomed to hours, "Thu 1 July" with no year.
    format: { majorLabels: ISO_MAJOR_LABELS },
    moment: zonedMoment(zone),
  }
}

/** The window vis shows. */
export const windowOf = (t: Timeline): TimeWindow => {
  const w = t.getWindow()
  return { start: utcMillis(w.start.valueOf()), end: utcMillis(w.end.valueOf()) }
}

/** The window and row bands as vis last drew them, or null before its item set exists. */
export function readViewport(
  t: Timeline,
  vis: VisInternals,
  groups: DataSet<DataGroup>,
): Viewport | null {
  const sets = vis.itemSet?.groups
  if (!sets) return null
  const w = t.getWindow()
  const scroll = vis._getScrollTop()
  const bands: RowBand[] = []
  for (const id of groups.getIds()) {
    const g = sets[String(id)]
    if (g?.top === undefined || g.height === undefined) continue
    bands.push({ id: String(id), top: g.top + scroll, height: g.height })
  }
  return {
    start: w.start.valueOf(),
    end: w.end.valueOf(),
    width: vis.props.center.width,
    height: vis.props.centerContainer.height,
    rows: bands,
  }
}

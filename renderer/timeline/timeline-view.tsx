import 'vis-timeline/styles/vis-timeline-graph2d.min.css'

import { useEffect, useRef } from 'react'

import { selectChartRows, selectOverlaps, selectPlacedBars } from '../state/selectors'
import { selectFilteredEvents, selectSearchMatches } from '../state/filter-selectors'
import { eventFacts } from '../state/quality-selectors'
import { selectReferenceLines } from '../state/reference-selectors'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { selectFitWindow } from '../state/fit-selectors'
import { markBarsPainted } from './perf-marks'
import { TimelineController } from './vis/timeline-controller'

/**
 * The chart: a TimelineController (vis-timeline and the bar canvas) fed from
 * zustand selectors, created once and destroyed on unmount. What the user
 * does on the chart comes back as store actions.
 */
export function TimelineView() {
  const appStore = useAppStoreApi()
  const rows = useAppStore(selectChartRows)
  const placed = useAppStore(selectPlacedBars)
  const overlaps = useAppStore(selectOverlaps)
  const matches = useAppStore(selectSearchMatches)
  const events = useAppStore(selectFilteredEvents)
  const references = useAppStore(selectReferenceLines)
  const { timeZone, selectedEventId, cursor, theme, now } = useAppStore(
    useShallow((s) => ({
      timeZone: s.timeZone,
      now: s.now,
      selectedEventId: s.selectedEventId,
      cursor: s.cursor,
      theme: s.theme,
    })),
  )

  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<TimelineController | null>(null)
  const hasFitted = useRef(false)

  useEffect(() => {
    const el = container.current
    if (!el) return
    const store = appStore.getState
    const c = new TimelineController(el, {
      rows,
      placed,
      overlaps,
      window: (widthPx) => (placed.length > 0 ? selectFitWindow(store(), widthPx) : null),
      timeZone,
      now: store().now,
      theme,
      barContext: (e) => eventFacts(store(), e, appStore.clock.now()),
      thin: (p, view) => store().memo.thin(p, view),
    })
    chart.current = c
    hasFitted.current = placed.length > 0
    c.on('window-change', (w) => store().setVisibleWindow(w))
    c.on('select', (id) => store().selectEvent(id))
    c.on('strip-click', (w) => store().jumpTo(w))
    c.on('cursor-move', (t) => store().setCursor(t))
    c.on('station-toggle', (id) => store().toggleStation(id))
    c.on('scene-view', (view) => store().setDrawnView(view))
    c.on('rows-top', (top) => store().setRowsTop(top))
    c.on('bars-painted', markBarsPainted)
    store().setVisibleWindow(c.getWindow())
    // A window asked for (navigator brush, keys, a fit) goes to the chart as it
    // is asked, outside React: a brush drag asks every frame, and a render of
    // this view per frame was a millisecond of each.
    const request = store().windowRequest
    if (request) c.setWindow(request.window, request.reveal)
    // The chart opened on a fit: the store keeps it, to fit again if the width changes.
    else if (hasFitted.current) store().requestWindow(c.getWindow(), undefined, true, c.widthPx())
    const stop = appStore.subscribe((s, prev) => {
      if (s.windowRequest && s.windowRequest !== prev.windowRequest)
        c.setWindow(s.windowRequest.window, s.windowRequest.reveal)
    })
    return () => {
      stop()
      c.destroy()
      chart.current = null
      hasFitted.current = false
    }
  }, [])

  useEffect(() => chart.current?.setTimeZone(timeZone), [timeZone])
  useEffect(() => chart.current?.setNow(now), [now])
  useEffect(() => chart.current?.setTheme(theme), [theme])
  useEffect(() => chart.current?.setEvents(events), [events])
  useEffect(() => chart.current?.setSearchTerms(matches.isActive ? matches.terms : []), [matches])
  useEffect(() => chart.current?.setRows(rows), [rows])
  useEffect(() => chart.current?.setReferences(references), [references])

  useEffect(() => {
    chart.current?.setScene(placed, overlaps)
    // Open on the whole data set, not vis-timeline's default of "this week".
    if (placed.length > 0 && !hasFitted.current) {
      const widthPx = chart.current?.widthPx()
      const w = selectFitWindow(appStore.getState(), widthPx)
      if (w) appStore.getState().requestWindow(w, undefined, true, widthPx)
      hasFitted.current = true
    }
  }, [placed, overlaps])

  // Selection made elsewhere (table, cursor list, overlap list) shows on the chart.
  useEffect(() => chart.current?.setSelection(selectedEventId), [selectedEventId])
  useEffect(() => chart.current?.setCursor(cursor), [cursor])

  return (
    <div
      ref={container}
      className="timeline"
      data-testid="timeline"
      role="region"
      aria-label={`Docking timeline, times in ${timeZone === 'utc' ? 'UTC' : 'local time'}`}
    />
  )
}

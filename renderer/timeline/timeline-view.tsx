import 'vis-timeline/styles/vis-timeline-graph2d.min.css'

import moment from 'moment'
import { useEffect, useRef } from 'react'
import { DataSet } from 'vis-data/peer'
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer'

import {
  openRun,
  RUN_ID_PREFIX,
  thinDenseRows,
  type BarRun,
  type LodView,
  type ThinnedBars,
} from '../../shared/chart-lod'
import type { ChartRow, Overlap, PlacedBar, StationChartRow } from '../../shared/chart-model'
import { MAX_SPAN, MIN_SPAN } from '../../shared/chart-window'
import type { DockingEvent } from '../../shared/model'
import { formatInstant, type TimeZoneMode } from '../../shared/time-format'
import { utcMillis, type EventId } from '../../shared/units'
import {
  selectChartRows,
  selectFilteredEvents,
  selectOverlaps,
  selectPlacedBars,
  selectSearchMatches,
} from '../state/selectors'
import { useAppStore, useShallow } from '../state/store'
import { installChartStyles } from './chart-css'
import { diffKeys, itemKey } from './item-diff'
import { withoutItemSetRedraws } from './vis-batch'
import { markLabels } from './label-marks'
import { labelNeighbours, placeLabels } from './label-placement'
import { markBarsPainted } from './perf-marks'
import { fitAll } from './shortcuts'
import {
  escapeHtml,
  toBarItems,
  toGroups,
  toOverlapItems,
  toRunItems,
  tooltipHtml,
  type GroupSpec,
} from './vis-items'

const CURSOR_ID = 'cursor'

const isStationButton = (el: HTMLElement) => el.classList.contains('station-toggle')

/** Station label buttons, kept per station so focus survives a regroup. */
type LabelButtons = Map<number, HTMLButtonElement>

function stationButton(
  buttons: LabelButtons,
  row: StationChartRow,
  onToggle: (id: number) => void,
): HTMLButtonElement {
  let b = buttons.get(row.stationId)
  if (!b) {
    b = document.createElement('button')
    b.type = 'button'
    b.className = 'station-toggle'
    b.addEventListener('click', (e) => {
      e.stopPropagation()
      onToggle(row.stationId)
    })
    buttons.set(row.stationId, b)
  }
  // textContent, never innerHTML: the name is an API string.
  b.textContent = row.label
  b.setAttribute('aria-expanded', String(!row.collapsed))
  b.dataset.ports = String(row.totalPorts)
  b.dataset.events = String(row.eventCount)
  b.title = `${row.collapsed ? 'Expand' : 'Collapse'} ${row.label} (${row.totalPorts} ${
    row.totalPorts === 1 ? 'port' : 'ports'
  }, ${row.eventCount} dockings)`
  return b
}

/**
 * The vis-timeline island: created once, fed by DataSet diffs from zustand
 * selectors, destroyed on unmount (vis-timeline #183 and #1606 leak otherwise).
 *
 * Collapsing is ours: the group DataSet is regenerated from the store rather
 * than using nested groups, which cannot be collapsed reliably from code and
 * are not keyboard reachable (vis-timeline #1993, #1915).
 */
export function TimelineView() {
  const rows = useAppStore(selectChartRows)
  const placed = useAppStore(selectPlacedBars)
  const overlaps = useAppStore(selectOverlaps)
  const matches = useAppStore(selectSearchMatches)
  const events = useAppStore(selectFilteredEvents)
  const { timeZone, selectedEventId, cursor, windowRequest } = useAppStore(
    useShallow((s) => ({
      timeZone: s.timeZone,
      selectedEventId: s.selectedEventId,
      cursor: s.cursor,
      windowRequest: s.windowRequest,
    })),
  )

  const container = useRef<HTMLDivElement>(null)
  const timeline = useRef<Timeline | null>(null)
  const groups = useRef(new DataSet<DataGroup>())
  const items = useRef(new DataSet<DataItem>())
  const groupKeys = useRef(new Map<string | number, string>())
  const itemKeys = useRef(new Map<string | number, string>())
  const buttons = useRef<LabelButtons>(new Map())
  const hasFitted = useRef(false)
  const eventsById = useRef(new Map<number, DockingEvent>())
  const zoneRef = useRef<TimeZoneMode>(timeZone)
  zoneRef.current = timeZone
  const layout = useRef(labelNeighbours({ bars: [], runs: [] }))
  const schedulePlacement = useRef<() => void>(() => undefined)
  const refocus = useRef<HTMLElement | null>(null)
  /** What the items were last built from, to rebuild them when the zoom settles. */
  const shown = useRef<{
    placed: ReadonlyArray<PlacedBar>
    overlaps: ReadonlyArray<Overlap>
    view: LodView | null
  }>({ placed: [], overlaps: [], view: null })
  const runs = useRef(new Map<string, BarRun>())
  /** The centre panel's width, px, as last measured (reading it on a keystroke would force a layout). */
  const panelWidth = useRef(0)
  /** The search terms marked in bar labels. */
  const terms = useRef<ReadonlyArray<string>>([])

  /** The window and width bars are drawn at, or the window the chart is about to open on. */
  const lodView = (opening?: Pick<LodView, 'start' | 'end'> | null): LodView | null => {
    const shownWindow = timeline.current?.getWindow()
    const w =
      opening ??
      (shownWindow ? { start: shownWindow.start.valueOf(), end: shownWindow.end.valueOf() } : null)
    return w && panelWidth.current > 0
      ? { start: w.start, end: w.end, widthPx: panelWidth.current }
      : null
  }

  /** Brings the group DataSet in line with the drawn rows, touching only changed groups. */
  const syncGroups = (next: ReadonlyArray<ChartRow>) => {
    const toggle = (id: number) => useAppStore.getState().toggleStation(id)
    const specs = toGroups(next)
    const byId = new Map<string, ChartRow>(next.map((r) => [r.id, r]))
    const focused = document.activeElement
    const { changed, gone } = diffKeys(groupKeys.current, specs, (g: GroupSpec) => g.key)
    if (gone.length) groups.current.remove(gone)
    if (changed.length)
      groups.current.update(
        changed.map((g): DataGroup => {
          const row = byId.get(g.id)
          return {
            id: g.id,
            content:
              row?.kind === 'station' ? stationButton(buttons.current, row, toggle) : g.content,
            className: g.className,
            order: g.order,
          } as DataGroup
        }),
      )
    if (focused instanceof HTMLElement && isStationButton(focused)) {
      refocus.current = focused
      if (focused.isConnected && document.activeElement !== focused) focused.focus()
    }
  }

  /**
   * The chart's selection follows the store's: the selected bar, or the strip
   * it is drawn in while its row is too dense to draw it apart.
   */
  const showSelection = () => {
    const t = timeline.current
    if (!t) return
    const id = useAppStore.getState().selectedEventId
    let want: Array<string | number> = []
    if (id !== null) {
      if (items.current.get(id)) want = [id]
      else
        for (const r of runs.current.values())
          if (r.eventIds.includes(id as EventId)) {
            want = [r.id]
            break
          }
    }
    const current = t.getSelection()
    if (want.length !== current.length || want[0] !== current[0]) t.setSelection(want)
  }

  /**
   * Brings the item DataSet in line with the bars and overlap hatches; rows
   * too dense for `view` draw runs of bars as strips (shared/chart-lod).
   */
  const syncItems = (
    nextPlaced: ReadonlyArray<PlacedBar>,
    nextOverlaps: ReadonlyArray<Overlap>,
    zone: TimeZoneMode,
    view: LodView | null,
  ) => {
    shown.current = { placed: nextPlaced, overlaps: nextOverlaps, view }
    const t = timeline.current
    // The effect that creates vis hands it the bars once the window is set.
    if (!t) return
    const thin: ThinnedBars = view
      ? thinDenseRows(nextPlaced, view)
      : { bars: nextPlaced, runs: [] }
    runs.current = new Map(thin.runs.map((r) => [r.id, r]))
    const specs = [
      ...toBarItems(thin.bars),
      ...toRunItems(thin.runs, zone),
      ...toOverlapItems(nextOverlaps, nextPlaced, zone),
    ]
    layout.current = labelNeighbours(thin)
    const { changed, gone, isNew } = diffKeys(itemKeys.current, specs, itemKey)
    if (gone.length || changed.length) {
      // vis draws an item that arrives (or changes) inside the window at
      // once, measuring it: one forced layout per item, a quarter of a second
      // for a few hundred. Items that move into the window are drawn on its
      // next frame in one batch. So changed items leave, come back parked
      // before the window, then move into place.
      const stale = changed.filter((x) => !isNew(x.id)).map((x) => x.id)
      withoutItemSetRedraws(t, () => {
        if (gone.length || stale.length) items.current.remove([...gone, ...stale])
        if (changed.length) {
          const w = t.getWindow()
          const parked = w.start.valueOf() - 2 * (w.end.valueOf() - w.start.valueOf())
          items.current.add(
            changed.map((x) => ({ ...x, start: parked, end: parked + 1 })) as unknown as DataItem[],
          )
          items.current.update(changed as unknown as DataItem[])
        }
      })
    }
    useAppStore.getState().setDenseRuns(thin.runs.length)
    showSelection()
  }

  useEffect(() => {
    const el = container.current
    if (!el) return
    performance.mark('dt:timeline-mount')
    installChartStyles()
    const store = useAppStore.getState
    const options: TimelineOptions = {
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
      selectable: true,
      multiselect: false,
      showCurrentTime: true,
      showTooltips: true,
      dataAttributes: ['id'],
      // The cursor answers "what was docked at this instant": no snapping to axis steps.
      snap: null,
      margin: { item: { horizontal: 0, vertical: 6 } },
      tooltip: {
        followMouse: true,
        overflowMethod: 'cap',
        delay: 250,
        // Built on hover, not for every item up front; escaped, and vis's XSS filter stays on.
        template: (item: { id: number | string; title?: string }) => {
          if (typeof item.id !== 'number') return item.title ?? ''
          const e = eventsById.current.get(item.id)
          return e ? tooltipHtml(e, zoneRef.current, Date.now()) : ''
        },
      } as TimelineOptions['tooltip'],
      moment: (date: moment.MomentInput) =>
        zoneRef.current === 'utc' ? moment(date).utc() : moment(date),
    }
    // Rows first, then the window, then the bars, all before vis draws its
    // first frame. Bars handed to the constructor would each be drawn and
    // measured on the spot wherever vis's default window shows them, and
    // every row would scan every bar for its own (ItemSet._onAddGroups).
    syncGroups(rows)
    const initial = placed.length > 0 ? fitAll(store()) : null
    // vis has not laid out its label column yet: guess it, and correct once drawn.
    panelWidth.current = Math.max(0, el.clientWidth - 200)
    const t = new Timeline(el, items.current, groups.current, options)
    timeline.current = t
    performance.mark('dt:timeline-created')
    // Not as start/end options: with those vis keeps the chart hidden until a
    // later 'rangechanged' (vis-timeline 8.5 Core initialDrawDone).
    if (initial) {
      t.setWindow(initial.start, initial.end, { animation: false })
      hasFitted.current = true
      // Without start/end, vis fits the window itself after its first draw,
      // drawing and measuring every item, shown or not (Timeline.getItemRange):
      // a third of the first paint, for a window we have just set.
      ;(t as unknown as { initialFitDone: boolean }).initialFitDone = true
    }
    syncItems(placed, overlaps, timeZone, lodView(initial))
    performance.mark('dt:timeline-filled')

    // The visible window, mirrored on the element for context and e2e checks.
    const mirrorWindow = () => {
      const w = t.getWindow()
      el.setAttribute('data-window-start', String(w.start.valueOf()))
      el.setAttribute('data-window-end', String(w.end.valueOf()))
    }
    let placementFrame = 0
    const runPlacement = () => {
      placementFrame = 0
      const shownWindow = t.getWindow()
      const w = { start: shownWindow.start.valueOf(), end: shownWindow.end.valueOf() }
      const panel = el.querySelector<HTMLElement>('.vis-panel.vis-center')
      panelWidth.current = panel?.clientWidth ?? 0
      // Once a zoom settles (or the first draw tells the real width), dense
      // rows are thinned for it; the diff leaves unchanged items alone.
      const drawn = shown.current.view
      const now = lodView(w)
      if (
        now &&
        (!drawn ||
          drawn.start !== now.start ||
          drawn.end !== now.end ||
          drawn.widthPx !== now.widthPx)
      ) {
        syncItems(shown.current.placed, shown.current.overlaps, zoneRef.current, now)
      }
      placeLabels({
        container: el,
        window: w,
        panelWidth: panelWidth.current,
        ...layout.current,
      })
      // After placement: a label it hides gets no marks.
      markLabels(el, terms.current)
    }
    schedulePlacement.current = () => {
      if (!placementFrame) placementFrame = requestAnimationFrame(runPlacement)
    }
    t.on('select', (props: { items: Array<number | string>; event?: Event }) => {
      const id = props.items[0]
      // A strip of dense bars opens up: zoom in on it, where its bars draw one by one.
      const run =
        typeof id === 'string' && id.startsWith(RUN_ID_PREFIX) ? runs.current.get(id) : null
      if (run) {
        t.setSelection([])
        const at = props.event ? t.getEventProperties(props.event).time?.valueOf() : undefined
        store().requestWindow(openRun(run, panelWidth.current, at))
        return
      }
      store().selectEvent(typeof id === 'number' ? id : null)
    })
    // The store follows the window every frame, not only on 'rangechanged'
    // (debounced 200 ms in vis), so a key pressed right after a zoom starts
    // from what is on screen.
    let windowFrame = 0
    const syncWindow = () => {
      windowFrame = 0
      const w = t.getWindow()
      store().setVisibleWindow({
        start: utcMillis(w.start.valueOf()),
        end: utcMillis(w.end.valueOf()),
      })
    }
    // While the user drags or wheels, labels are placed once the gesture
    // settles, not on every frame: re-placing them restyles every bar.
    let moving = false
    t.on('rangechange', () => {
      moving = true
      if (!windowFrame) windowFrame = requestAnimationFrame(syncWindow)
    })
    t.on('rangechanged', () => {
      moving = false
      mirrorWindow()
      syncWindow()
      schedulePlacement.current()
    })
    t.on('changed', () => {
      mirrorWindow()
      // vis re-attaches a station's label when groups change and again when it
      // reorders them, a redraw or two later, and each time the button just
      // pressed loses focus: give it back until the user acts again.
      const f = refocus.current
      if (f && f.isConnected && document.activeElement !== f) f.focus()
      if (!moving) schedulePlacement.current()
      if (items.current.length > 0) markBarsPainted()
    })
    // Dragging the cursor: update the side list at most once a frame.
    let cursorFrame = 0
    let dragged = 0
    t.on('timechange', (props: { id: string; time: Date }) => {
      if (props.id !== CURSOR_ID) return
      dragged = props.time.valueOf()
      if (!cursorFrame)
        cursorFrame = requestAnimationFrame(() => {
          cursorFrame = 0
          store().setCursor(dragged)
        })
    })
    t.on('timechanged', (props: { id: string; time: Date }) => {
      if (props.id === CURSOR_ID) store().setCursor(props.time.valueOf())
    })
    // vis polls its size once a second; side panels opening or the table tab
    // closing resize the chart at once, so redraw when the box changes.
    // The observer also fires once on observe(); vis has just drawn at this
    // size, so only a real change of size earns a redraw.
    let size = `${el.clientWidth}x${el.clientHeight}`
    const resize = new ResizeObserver(() => {
      const next = `${el.clientWidth}x${el.clientHeight}`
      if (next === size) return
      size = next
      if (el.clientWidth > 0) t.redraw()
    })
    resize.observe(el)
    const w = t.getWindow()
    store().setVisibleWindow({
      start: utcMillis(w.start.valueOf()),
      end: utcMillis(w.end.valueOf()),
    })
    const userActs = () => {
      refocus.current = null
    }
    document.addEventListener('pointerdown', userActs, true)
    document.addEventListener('keydown', userActs, true)
    return () => {
      document.removeEventListener('pointerdown', userActs, true)
      document.removeEventListener('keydown', userActs, true)
      cancelAnimationFrame(placementFrame)
      cancelAnimationFrame(windowFrame)
      resize.disconnect()
      cancelAnimationFrame(cursorFrame)
      markLabels(el, [])
      schedulePlacement.current = () => undefined
      t.destroy()
      timeline.current = null
      groupKeys.current.clear()
      itemKeys.current.clear()
      groups.current.clear()
      items.current.clear()
      hasFitted.current = false
    }
  }, [])

  // Axis labels follow the zone; tooltips read zoneRef when shown.
  useEffect(() => {
    timeline.current?.setOptions({
      moment: (date: moment.MomentInput) =>
        timeZone === 'utc' ? moment(date).utc() : moment(date),
    })
  }, [timeZone])

  useEffect(() => {
    eventsById.current = new Map(events.map((e) => [e.id as number, e]))
  }, [events])

  // A keystroke may change the terms and not the bars ("prog" → "progr").
  useEffect(() => {
    terms.current = matches.isActive ? matches.terms : []
    schedulePlacement.current()
  }, [matches])

  useEffect(() => syncGroups(rows), [rows])

  useEffect(() => {
    syncItems(placed, overlaps, timeZone, lodView())
    schedulePlacement.current()
    // Open on the whole data set, not vis-timeline's default of "this week".
    if (items.current.length > 0 && !hasFitted.current) {
      const w = fitAll(useAppStore.getState())
      if (w) useAppStore.getState().requestWindow(w)
      hasFitted.current = true
    }
  }, [placed, overlaps, timeZone])

  // Selection made elsewhere (table, cursor list, overlap list) shows on the chart.
  useEffect(() => showSelection(), [selectedEventId, placed])

  useEffect(() => {
    const t = timeline.current
    if (!t) return
    const has = (() => {
      try {
        t.getCustomTime(CURSOR_ID)
        return true
      } catch {
        return false
      }
    })()
    if (cursor === null) {
      if (has) t.removeCustomTime(CURSOR_ID)
      return
    }
    if (!has) t.addCustomTime(new Date(cursor), CURSOR_ID)
    else if (t.getCustomTime(CURSOR_ID).valueOf() !== cursor)
      t.setCustomTime(new Date(cursor), CURSOR_ID)
    // Typed in vis's class declaration only on the interface (PR #77: types "may be incomplete").
    ;(
      t as unknown as { setCustomTimeMarker(title: string, id: string, editable: boolean): void }
    ).setCustomTimeMarker(escapeHtml(formatInstant(cursor, timeZone, 'minute')), CURSOR_ID, false)
    t.setCustomTimeTitle(`Time cursor: drag to move`, CURSOR_ID)
  }, [cursor, timeZone])

  useEffect(() => {
    if (!windowRequest) return
    timeline.current?.setWindow(windowRequest.window.start, windowRequest.window.end, {
      animation: false,
    })
    const w = timeline.current?.getWindow()
    if (w)
      useAppStore.getState().setVisibleWindow({
        start: utcMillis(w.start.valueOf()),
        end: utcMillis(w.end.valueOf()),
      })
  }, [windowRequest])

  return (
    <div
      ref={container}
      // While searching, every shown bar is a match (search also filters), so
      // the highlight is one class on the chart, not a class on each of
      // thousands of items: restyling them through vis cost a second.
      className={matches.isActive ? 'timeline is-searching' : 'timeline'}
      data-testid="timeline"
      role="region"
      aria-label={`Docking timeline, times in ${timeZone === 'utc' ? 'UTC' : 'local time'}`}
    />
  )
}

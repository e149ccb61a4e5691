import 'vis-timeline/styles/vis-timeline-graph2d.min.css'

import moment from 'moment'
import { useEffect, useRef } from 'react'
import { DataSet } from 'vis-data/peer'
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer'

import {
  openRun,
  thinDenseRows,
  type BarRun,
  type LodView,
  type ThinnedBars,
} from '../../shared/chart-lod'
import type { ThemeName } from '../../shared/chart-style'
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
import { BarLayer } from './bar-layer'
import {
  buildScene,
  type DrawnItem,
  type RowBand,
  type Viewport,
} from '../../shared/chart/bar-scene'
import { installChartStyles } from './chart-css'
import { createTooltip, placeTooltip, setTooltipContent } from './chart-tooltip'
import { diffKeys } from './item-diff'
import { markBarsPainted } from './perf-marks'
import { fitAll } from './shortcuts'
import {
  barTooltip,
  escapeHtml,
  overlapTooltip,
  runTooltip,
  toGroups,
  type GroupSpec,
  type TooltipContent,
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

/** The vis-timeline internals the bar canvas is laid out from (typed in no declaration). */
interface VisInternals {
  readonly props: {
    readonly center: { readonly width: number }
    readonly centerContainer: { readonly height: number }
  }
  readonly itemSet?: {
    readonly groups: Record<string, { readonly top?: number; readonly height?: number } | undefined>
  }
  _getScrollTop(): number
  initialFitDone: boolean
}

/** The theme the page is drawn in: the user's choice, or the system's. */
function resolvedTheme(choice: string): ThemeName {
  if (choice === 'light' || choice === 'dark') return choice
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

/**
 * The chart: vis-timeline draws rows, axis, now line and cursor and handles
 * zoom and pan; bars are painted on a canvas over its centre panel
 * (bar-layer.ts), fed from zustand selectors. vis is created once and
 * destroyed on unmount (vis-timeline #183 and #1606 leak otherwise).
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
  const { timeZone, selectedEventId, cursor, windowRequest, theme } = useAppStore(
    useShallow((s) => ({
      timeZone: s.timeZone,
      selectedEventId: s.selectedEventId,
      cursor: s.cursor,
      windowRequest: s.windowRequest,
      theme: s.theme,
    })),
  )

  const container = useRef<HTMLDivElement>(null)
  const timeline = useRef<Timeline | null>(null)
  const layer = useRef<BarLayer | null>(null)
  const groups = useRef(new DataSet<DataGroup>())
  const groupKeys = useRef(new Map<string | number, string>())
  const buttons = useRef<LabelButtons>(new Map())
  const hasFitted = useRef(false)
  const eventsById = useRef(new Map<number, DockingEvent>())
  const zoneRef = useRef<TimeZoneMode>(timeZone)
  zoneRef.current = timeZone
  const refocus = useRef<HTMLElement | null>(null)
  /** What the scene was last built from, to rebuild it when the zoom settles. */
  const shown = useRef<{
    placed: ReadonlyArray<PlacedBar>
    overlaps: ReadonlyArray<Overlap>
    view: LodView | null
  }>({ placed: [], overlaps: [], view: null })
  const runs = useRef(new Map<string, BarRun>())
  /** Events drawn one by one (the rest are inside strips). */
  const barIds = useRef(new Set<number>())
  /** The centre panel's width, px, as vis last measured it. */
  const panelWidth = useRef(0)
  /** The search terms marked in bar labels; empty when not searching. */
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
   * What the canvas marks: the selected bar, or the strip it is drawn in
   * while its row is too dense to draw it apart; and the search.
   */
  const updatePaintState = () => {
    const id = useAppStore.getState().selectedEventId
    let selectedId: number | string | null = null
    if (id !== null) {
      if (barIds.current.has(id)) selectedId = id
      else
        for (const r of runs.current.values())
          if (r.eventIds.includes(id as EventId)) {
            selectedId = r.id
            break
          }
    }
    layer.current?.setState({ selectedId, terms: terms.current })
    layer.current?.request()
  }

  /** Rebuilds the scene from the bars and overlaps; rows too dense for `view` draw strips (shared/chart-lod). */
  const syncItems = (
    nextPlaced: ReadonlyArray<PlacedBar>,
    nextOverlaps: ReadonlyArray<Overlap>,
    view: LodView | null,
  ) => {
    shown.current = { placed: nextPlaced, overlaps: nextOverlaps, view }
    if (!layer.current) return
    const thin: ThinnedBars = view
      ? thinDenseRows(nextPlaced, view)
      : { bars: nextPlaced, runs: [] }
    runs.current = new Map(thin.runs.map((r) => [r.id, r]))
    barIds.current = new Set(thin.bars.map((p) => p.bar.eventId as number))
    layer.current.setScene(buildScene(thin, nextOverlaps, nextPlaced))
    useAppStore.getState().setDenseRuns(thin.runs.length)
    updatePaintState()
  }

  /** What the tooltip says about an item drawn on the canvas. */
  const tooltipOf = (d: DrawnItem): TooltipContent | null => {
    const it = d.item
    if (it.kind === 'run') return runTooltip(it.run, zoneRef.current)
    if (it.kind === 'overlap') return overlapTooltip(it.overlap, zoneRef.current)
    const e = eventsById.current.get(it.id)
    return e ? barTooltip(e, zoneRef.current, Date.now()) : null
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
      // Bars are ours (on the canvas), and so is their selection.
      selectable: false,
      showCurrentTime: true,
      // The cursor answers "what was docked at this instant": no snapping to axis steps.
      snap: null,
      moment: (date: moment.MomentInput) =>
        zoneRef.current === 'utc' ? moment(date).utc() : moment(date),
    }
    // Rows first, then the window, both before vis draws its first frame.
    syncGroups(rows)
    const initial = placed.length > 0 ? fitAll(store()) : null
    // vis has not laid out its label column yet: guess it, and correct once drawn.
    panelWidth.current = Math.max(0, el.clientWidth - 200)
    const t = new Timeline(el, new DataSet<DataItem>(), groups.current, options)
    timeline.current = t
    const vis = t as unknown as VisInternals
    performance.mark('dt:timeline-created')
    // Not as start/end options: with those vis keeps the chart hidden until a
    // later 'rangechanged' (vis-timeline 8.5 Core initialDrawDone).
    if (initial) {
      t.setWindow(initial.start, initial.end, { animation: false })
      hasFitted.current = true
      // Without start/end, vis fits its (empty) items after its first draw and
      // would move the window we have just set.
      vis.initialFitDone = true
    }

    const panel = el.querySelector<HTMLElement>('.vis-panel.vis-center')!
    /** The window and row bands as vis last drew them. */
    const readView = (): Viewport | null => {
      const w = t.getWindow()
      const sets = vis.itemSet?.groups
      if (!sets) return null
      const scroll = vis._getScrollTop()
      const bands: RowBand[] = []
      for (const id of groups.current.getIds()) {
        const g = sets[String(id)]
        if (g?.top === undefined || g.height === undefined) continue
        bands.push({ id: String(id), top: g.top + scroll, height: g.height })
      }
      panelWidth.current = vis.props.center.width
      return {
        start: w.start.valueOf(),
        end: w.end.valueOf(),
        width: vis.props.center.width,
        height: vis.props.centerContainer.height,
        rows: bands,
      }
    }
    const bars = new BarLayer(panel, readView, (frame) => {
      if (frame.layout.items.length > 0) markBarsPainted()
    })
    layer.current = bars
    // The e2e specs read where bars were painted, then check those pixels and point at them.
    Object.defineProperty(bars.canvas, 'painted', { get: () => bars.last })
    bars.setTheme(resolvedTheme(store().theme))
    syncItems(placed, overlaps, lodView(initial))
    performance.mark('dt:timeline-filled')

    // The visible window, mirrored on the element for context and e2e checks.
    const mirrorWindow = () => {
      const w = t.getWindow()
      el.setAttribute('data-window-start', String(w.start.valueOf()))
      el.setAttribute('data-window-end', String(w.end.valueOf()))
    }
    // Once a zoom settles (or the first draw tells the real width), dense
    // rows are thinned for it.
    let lodFrame = 0
    const updateLod = () => {
      lodFrame = 0
      const drawn = shown.current.view
      const now = lodView()
      if (
        now &&
        (!drawn ||
          drawn.start !== now.start ||
          drawn.end !== now.end ||
          drawn.widthPx !== now.widthPx)
      )
        syncItems(shown.current.placed, shown.current.overlaps, now)
    }
    const scheduleLod = () => {
      if (!lodFrame) lodFrame = requestAnimationFrame(updateLod)
    }

    // Hover: the tooltip of what is under the pointer.
    const tip = createTooltip(el)
    let hovered: string | number | null = null
    let pointer = ''
    const setPointer = (cursor: string) => {
      if (cursor !== pointer) panel.style.cursor = pointer = cursor
    }
    const hideTip = () => {
      hovered = null
      tip.hidden = true
      setPointer('')
    }
    const onMove = (e: PointerEvent) => {
      const d = e.buttons === 0 ? bars.hit(e.clientX, e.clientY) : null
      const content = d && d.item.id !== hovered ? tooltipOf(d) : null
      if (!d || (d.item.id !== hovered && !content)) return hideTip()
      if (content) {
        setTooltipContent(tip, content)
        hovered = d.item.id
      }
      setPointer(d.item.kind === 'run' ? 'zoom-in' : d.item.kind === 'bar' ? 'pointer' : '')
      placeTooltip(tip, el, e.clientX, e.clientY)
    }
    el.addEventListener('pointermove', onMove)
    el.addEventListener('pointerleave', hideTip)

    // A tap on a bar selects it; on a strip, zooms in where its bars draw one by one.
    t.on('click', (props: { what: string | null; x: number; y: number; time: Date }) => {
      if (props.what !== 'background' && props.what !== 'current-time') return
      // vis gives the point from the centre panel's border edge; the canvas starts inside it.
      const d = bars.hitLocal(props.x - panel.clientLeft, props.y - panel.clientTop)
      if (d?.item.kind === 'run') {
        store().requestWindow(openRun(d.item.run, panelWidth.current, props.time.valueOf()))
        return
      }
      store().selectEvent(d?.item.kind === 'bar' ? d.item.id : null)
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
    // While the user drags or wheels, dense rows are re-thinned once the
    // gesture settles, not on every frame.
    let moving = false
    t.on('rangechange', () => {
      moving = true
      hideTip()
      if (!windowFrame) windowFrame = requestAnimationFrame(syncWindow)
    })
    t.on('rangechanged', () => {
      moving = false
      mirrorWindow()
      syncWindow()
      scheduleLod()
    })
    t.on('changed', () => {
      // vis redraws on every wheel and pointer event, several times a frame;
      // the bars are painted once, in that frame's animation callbacks.
      bars.request()
      mirrorWindow()
      // vis re-attaches a station's label when groups change and again when it
      // reorders them, a redraw or two later, and each time the button just
      // pressed loses focus: give it back until the user acts again.
      const f = refocus.current
      if (f && f.isConnected && document.activeElement !== f) f.focus()
      if (!moving) scheduleLod()
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
    // The system theme may change under a 'system' choice.
    const scheme =
      typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
    const onScheme = () => {
      bars.setTheme(resolvedTheme(store().theme))
      bars.request()
    }
    scheme?.addEventListener('change', onScheme)
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
      scheme?.removeEventListener('change', onScheme)
      el.removeEventListener('pointermove', onMove)
      el.removeEventListener('pointerleave', hideTip)
      tip.remove()
      cancelAnimationFrame(lodFrame)
      cancelAnimationFrame(windowFrame)
      resize.disconnect()
      cancelAnimationFrame(cursorFrame)
      bars.destroy()
      layer.current = null
      t.destroy()
      timeline.current = null
      groupKeys.current.clear()
      groups.current.clear()
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

  // Painted after the app applies the theme to the page, on the next frame.
  useEffect(() => {
    layer.current?.setTheme(resolvedTheme(theme))
    layer.current?.request()
  }, [theme])

  useEffect(() => {
    eventsById.current = new Map(events.map((e) => [e.id as number, e]))
  }, [events])

  // A keystroke may change the terms and not the bars ("prog" → "progr").
  useEffect(() => {
    terms.current = matches.isActive ? matches.terms : []
    updatePaintState()
  }, [matches])

  useEffect(() => syncGroups(rows), [rows])

  useEffect(() => {
    syncItems(placed, overlaps, lodView())
    // Open on the whole data set, not vis-timeline's default of "this week".
    if (placed.length > 0 && !hasFitted.current) {
      const w = fitAll(useAppStore.getState())
      if (w) useAppStore.getState().requestWindow(w)
      hasFitted.current = true
    }
  }, [placed, overlaps])

  // Selection made elsewhere (table, cursor list, overlap list) shows on the chart.
  useEffect(() => updatePaintState(), [selectedEventId])

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
      className="timeline"
      data-testid="timeline"
      role="region"
      aria-label={`Docking timeline, times in ${timeZone === 'utc' ? 'UTC' : 'local time'}`}
    />
  )
}

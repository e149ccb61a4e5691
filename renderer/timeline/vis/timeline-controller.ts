/**
 * The chart, without React: vis-timeline draws rows, axis, now line and
 * cursor and handles zoom and pan; bars are painted on a canvas over its
 * centre panel (bar-layer.ts). The view hands this class selector output
 * through its setters and hears what the user does through `on`.
 *
 * Collapsing is ours: the group DataSet is regenerated from the rows rather
 * than using nested groups, which cannot be collapsed reliably from code and
 * are not keyboard reachable (vis-timeline #1993, #1915). vis is destroyed in
 * `destroy` (vis-timeline #183 and #1606 leak otherwise).
 */
import moment from 'moment'
import { DataSet } from 'vis-data/peer'
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer'

import { openRun, thinDenseRows, type LodView, type ThinnedBars } from '../../../shared/chart/lod'
import type { ChartRow, Overlap, PlacedBar } from '../../../shared/chart/chart-model'
import type { ThemeName } from '../../../shared/chart/style'
import { MAX_SPAN, MIN_SPAN, type TimeWindow } from '../../../shared/chart/window'
import type { DockingEvent } from '../../../shared/domain/model'
import { formatInstant, type TimeZoneMode } from '../../../shared/time/time-format'
import { utcMillis } from '../../../shared/domain/units'
import { BarLayer, type PaintedFrame } from '../canvas/bar-layer'
import {
  buildScene,
  type DrawnItem,
  type RowBand,
  type Viewport,
} from '../../../shared/chart/bar-scene'
import {
  barTooltip,
  overlapTooltip,
  runTooltip,
  type TooltipContent,
} from '../tooltip/tooltip-text'
import { createTooltip, placeTooltip, setTooltipContent } from '../tooltip/chart-tooltip'
import { diffKeys } from './group-diff'
import { selectionMark } from './selection-mark'
import { isStationToggle, stationButton, type StationButtons } from './station-toggle'
import { exposePaintedFrame } from './test-seam'
import { TypedEmitter } from './typed-emitter'
import { escapeHtml, toGroups, type GroupSpec } from './vis-groups'

const CURSOR_ID = 'cursor'

/** What the chart tells its owner, by event name. */
export interface TimelineEvents {
  /** The visible window: every frame while it moves, when it settles, and after `setWindow`. */
  'window-change': TimeWindow
  /** A tap on a bar (its event id) or on empty chart (null). */
  select: number | null
  /** A tap on a strip of dense bars: the window that draws them one by one. */
  'strip-click': TimeWindow
  /** The time cursor dragged to an instant: at most once a frame, and where it was dropped. */
  'cursor-move': number
  /** A station's fold button pressed (its station id). */
  'station-toggle': number
  /** The scene was rebuilt for this view (null: before vis knows its width); strips follow from it. */
  'scene-view': LodView | null
  /** A frame with bars (or strips) on it was painted. */
  'bars-painted': PaintedFrame
}

/** What the chart opens with: drawn before vis's first frame. */
export interface TimelineStart {
  readonly rows: ReadonlyArray<ChartRow>
  readonly placed: ReadonlyArray<PlacedBar>
  readonly overlaps: ReadonlyArray<Overlap>
  /** The window to open on, or null for vis's default. */
  readonly window: TimeWindow | null
  readonly timeZone: TimeZoneMode
  /** The user's choice: one of the two themes, or the system's. */
  readonly theme: ThemeName | 'system'
  /** The clock a still-docked bar's tooltip counts its stay to. */
  readonly now: () => number
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
function resolvedTheme(choice: ThemeName | 'system'): ThemeName {
  if (choice === 'light' || choice === 'dark') return choice
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

const windowOf = (t: Timeline): TimeWindow => {
  const w = t.getWindow()
  return { start: utcMillis(w.start.valueOf()), end: utcMillis(w.end.valueOf()) }
}

export class TimelineController {
  private readonly events = new TypedEmitter<TimelineEvents>()
  private readonly groups = new DataSet<DataGroup>()
  private readonly groupKeys = new Map<string | number, string>()
  private readonly buttons: StationButtons = new Map()
  private readonly timeline: Timeline
  private readonly vis: VisInternals
  private readonly panel: HTMLElement
  private readonly layer: BarLayer
  private readonly tip: HTMLDivElement
  private readonly resize: ResizeObserver
  private readonly scheme: MediaQueryList | null
  private readonly now: () => number

  private zone: TimeZoneMode
  private theme: ThemeName | 'system'
  private cursor: number | null = null
  private selectedId: number | null = null
  /** The search terms marked in bar labels; empty when not searching. */
  private terms: ReadonlyArray<string> = []
  private dockings: ReadonlyArray<DockingEvent> = []
  private dockingsById: Map<number, DockingEvent> | null = null
  /** What the scene was last built from, to rebuild it when the zoom settles. */
  private shown: {
    placed: ReadonlyArray<PlacedBar>
    overlaps: ReadonlyArray<Overlap>
    view: LodView | null
  } = { placed: [], overlaps: [], view: null }
  private thin: ThinnedBars = { bars: [], runs: [] }
  /** Events drawn one by one (the rest are inside strips). */
  private barIds = new Set<number>()
  /** The centre panel's width, px, as vis last measured it. */
  private panelWidth = 0
  /** The station button to give focus back to after vis re-attaches it. */
  private refocus: HTMLElement | null = null
  private hovered: string | number | null = null
  private pointer = ''
  /** True while the user drags or wheels: dense rows are re-thinned once the gesture settles. */
  private moving = false
  private lodFrame = 0
  private windowFrame = 0
  private cursorFrame = 0
  private dragged = 0
  private size: string

  constructor(
    private readonly el: HTMLElement,
    start: TimelineStart,
  ) {
    performance.mark('dt:timeline-mount')
    this.zone = start.timeZone
    this.theme = start.theme
    this.now = start.now
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
        this.zone === 'utc' ? moment(date).utc() : moment(date),
    }
    // Rows first, then the window, both before vis draws its first frame.
    this.setRows(start.rows)
    // vis has not laid out its label column yet: guess it, and correct once drawn.
    this.panelWidth = Math.max(0, el.clientWidth - 200)
    const t = new Timeline(el, new DataSet<DataItem>(), this.groups, options)
    this.timeline = t
    this.vis = t as unknown as VisInternals
    performance.mark('dt:timeline-created')
    // Not as start/end options: with those vis keeps the chart hidden until a
    // later 'rangechanged' (vis-timeline 8.5 Core initialDrawDone).
    if (start.window) {
      t.setWindow(start.window.start, start.window.end, { animation: false })
      // Without start/end, vis fits its (empty) items after its first draw and
      // would move the window we have just set.
      this.vis.initialFitDone = true
    }

    this.panel = el.querySelector<HTMLElement>('.vis-panel.vis-center')!
    this.layer = new BarLayer(this.panel, this.readView, (frame) => {
      if (frame.layout.items.length > 0) this.events.emit('bars-painted', frame)
    })
    const layer = this.layer
    exposePaintedFrame(layer.canvas, () => layer.last)
    layer.setTheme(resolvedTheme(this.theme))
    this.syncScene(start.placed, start.overlaps, this.lodView(start.window))
    performance.mark('dt:timeline-filled')

    this.tip = createTooltip(el)
    el.addEventListener('pointermove', this.onPointerMove)
    el.addEventListener('pointerleave', this.hideTip)
    t.on('click', this.onClick)
    t.on('rangechange', this.onRangeChange)
    t.on('rangechanged', this.onRangeChanged)
    t.on('changed', this.onRedraw)
    t.on('timechange', this.onCursorDrag)
    t.on('timechanged', this.onCursorDrop)
    // vis polls its size once a second; side panels opening or the table tab
    // closing resize the chart at once, so redraw when the box changes.
    // The observer also fires once on observe(); vis has just drawn at this
    // size, so only a real change of size earns a redraw.
    this.size = `${el.clientWidth}x${el.clientHeight}`
    this.resize = new ResizeObserver(this.onResize)
    this.resize.observe(el)
    // The system theme may change under a 'system' choice.
    this.scheme =
      typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
    this.scheme?.addEventListener('change', this.onScheme)
    document.addEventListener('pointerdown', this.onUserActs, true)
    document.addEventListener('keydown', this.onUserActs, true)
  }

  /** Listens to `name` until the returned function is called. */
  on<K extends keyof TimelineEvents>(
    name: K,
    listener: (payload: TimelineEvents[K]) => void,
  ): () => void {
    return this.events.on(name, listener)
  }

  /** The visible window. */
  getWindow(): TimeWindow {
    return windowOf(this.timeline)
  }

  /** Brings the group DataSet in line with the drawn rows, touching only changed groups. */
  setRows(rows: ReadonlyArray<ChartRow>): void {
    const specs = toGroups(rows)
    const byId = new Map<string, ChartRow>(rows.map((r) => [r.id, r]))
    const focused = document.activeElement
    const { changed, gone } = diffKeys(this.groupKeys, specs, (g: GroupSpec) => g.key)
    if (gone.length) this.groups.remove(gone)
    if (changed.length)
      this.groups.update(
        changed.map((g): DataGroup => {
          const row = byId.get(g.id)
          return {
            id: g.id,
            content:
              row?.kind === 'station' ? stationButton(this.buttons, row, this.onToggle) : g.content,
            className: g.className,
            order: g.order,
          } as DataGroup
        }),
      )
    if (focused instanceof HTMLElement && isStationToggle(focused)) {
      this.refocus = focused
      if (focused.isConnected && document.activeElement !== focused) focused.focus()
    }
  }

  /** The bars and overlaps to draw; rows too dense for the window draw strips (shared/chart-lod). */
  setScene(placed: ReadonlyArray<PlacedBar>, overlaps: ReadonlyArray<Overlap>): void {
    this.syncScene(placed, overlaps, this.lodView())
  }

  /** The selected docking, marked on its bar or on the strip it is drawn in. */
  setSelection(id: number | null): void {
    this.selectedId = id
    this.updatePaintState()
  }

  /** The search terms to mark in labels (a keystroke may change them and not the bars). */
  setSearchTerms(terms: ReadonlyArray<string>): void {
    this.terms = terms
    this.updatePaintState()
  }

  /** The dockings the bars stand for, which tooltips describe. */
  setEvents(events: ReadonlyArray<DockingEvent>): void {
    if (events === this.dockings) return
    this.dockings = events
    this.dockingsById = null
  }

  /** Axis labels and the cursor's marker follow the zone; tooltips read it when shown. */
  setTimeZone(zone: TimeZoneMode): void {
    const changed = zone !== this.zone
    this.zone = zone
    this.timeline.setOptions({
      moment: (date: moment.MomentInput) => (zone === 'utc' ? moment(date).utc() : moment(date)),
    })
    if (changed) this.showCursor()
  }

  /** The time cursor's instant, or null to hide it. */
  setCursor(cursor: number | null): void {
    this.cursor = cursor
    this.showCursor()
  }

  /** Moves the visible window there, and reports the window vis settled on. */
  setWindow(w: TimeWindow): void {
    this.timeline.setWindow(w.start, w.end, { animation: false })
    this.events.emit('window-change', this.getWindow())
  }

  /** Painted on the next frame, after the app applies the theme to the page. */
  setTheme(theme: ThemeName | 'system'): void {
    this.theme = theme
    this.layer.setTheme(resolvedTheme(theme))
    this.layer.request()
  }

  destroy(): void {
    document.removeEventListener('pointerdown', this.onUserActs, true)
    document.removeEventListener('keydown', this.onUserActs, true)
    this.scheme?.removeEventListener('change', this.onScheme)
    this.el.removeEventListener('pointermove', this.onPointerMove)
    this.el.removeEventListener('pointerleave', this.hideTip)
    this.tip.remove()
    cancelAnimationFrame(this.lodFrame)
    cancelAnimationFrame(this.windowFrame)
    this.resize.disconnect()
    cancelAnimationFrame(this.cursorFrame)
    this.layer.destroy()
    this.timeline.destroy()
    this.groupKeys.clear()
    this.groups.clear()
    this.events.clear()
  }

  /** The window and width bars are drawn at, or the window the chart is about to open on. */
  private lodView(opening?: Pick<LodView, 'start' | 'end'> | null): LodView | null {
    const w = opening ?? this.getWindow()
    return w && this.panelWidth > 0
      ? { start: w.start, end: w.end, widthPx: this.panelWidth }
      : null
  }

  private syncScene(
    placed: ReadonlyArray<PlacedBar>,
    overlaps: ReadonlyArray<Overlap>,
    view: LodView | null,
  ): void {
    this.shown = { placed, overlaps, view }
    const thin: ThinnedBars = view ? thinDenseRows(placed, view) : { bars: placed, runs: [] }
    this.thin = thin
    this.barIds = new Set(thin.bars.map((p) => p.bar.eventId as number))
    this.layer.setScene(buildScene(thin, overlaps, placed))
    this.events.emit('scene-view', view)
    this.updatePaintState()
  }

  /** What the canvas marks: the selection and the search. */
  private updatePaintState(): void {
    this.layer.setState({
      selectedId: selectionMark(this.selectedId, this.barIds, this.thin.runs),
      terms: this.terms,
    })
    this.layer.request()
  }

  private showCursor(): void {
    const t = this.timeline
    const cursor = this.cursor
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
    ).setCustomTimeMarker(escapeHtml(formatInstant(cursor, this.zone, 'minute')), CURSOR_ID, false)
    t.setCustomTimeTitle(`Time cursor: drag to move`, CURSOR_ID)
  }

  /** What the tooltip says about an item drawn on the canvas. */
  private tooltipOf(d: DrawnItem): TooltipContent | null {
    const it = d.item
    if (it.kind === 'run') return runTooltip(it.run, this.zone)
    if (it.kind === 'overlap') return overlapTooltip(it.overlap, this.zone)
    this.dockingsById ??= new Map(this.dockings.map((e) => [e.id as number, e]))
    const e = this.dockingsById.get(it.id)
    return e ? barTooltip(e, this.zone, this.now()) : null
  }

  /** The window and row bands as vis last drew them. */
  private readonly readView = (): Viewport | null => {
    const vis = this.vis
    const sets = vis.itemSet?.groups
    if (!sets) return null
    const w = this.timeline.getWindow()
    const scroll = vis._getScrollTop()
    const bands: RowBand[] = []
    for (const id of this.groups.getIds()) {
      const g = sets[String(id)]
      if (g?.top === undefined || g.height === undefined) continue
      bands.push({ id: String(id), top: g.top + scroll, height: g.height })
    }
    this.panelWidth = vis.props.center.width
    return {
      start: w.start.valueOf(),
      end: w.end.valueOf(),
      width: vis.props.center.width,
      height: vis.props.centerContainer.height,
      rows: bands,
    }
  }

  /** The visible window, mirrored on the element for context and e2e checks. */
  private mirrorWindow(): void {
    const w = this.timeline.getWindow()
    this.el.setAttribute('data-window-start', String(w.start.valueOf()))
    this.el.setAttribute('data-window-end', String(w.end.valueOf()))
  }

  // Once a zoom settles (or the first draw tells the real width), dense
  // rows are thinned for it.
  private readonly updateLod = () => {
    this.lodFrame = 0
    const drawn = this.shown.view
    const now = this.lodView()
    if (
      now &&
      (!drawn ||
        drawn.start !== now.start ||
        drawn.end !== now.end ||
        drawn.widthPx !== now.widthPx)
    )
      this.syncScene(this.shown.placed, this.shown.overlaps, now)
  }

  private scheduleLod(): void {
    if (!this.lodFrame) this.lodFrame = requestAnimationFrame(this.updateLod)
  }

  private setPointer(cursor: string): void {
    if (cursor !== this.pointer) this.panel.style.cursor = this.pointer = cursor
  }

  private readonly hideTip = () => {
    this.hovered = null
    this.tip.hidden = true
    this.setPointer('')
  }

  // Hover: the tooltip of what is under the pointer.
  private readonly onPointerMove = (e: PointerEvent) => {
    const d = e.buttons === 0 ? this.layer.hit(e.clientX, e.clientY) : null
    const content = d && d.item.id !== this.hovered ? this.tooltipOf(d) : null
    if (!d || (d.item.id !== this.hovered && !content)) return this.hideTip()
    if (content) {
      setTooltipContent(this.tip, content)
      this.hovered = d.item.id
    }
    this.setPointer(d.item.kind === 'run' ? 'zoom-in' : d.item.kind === 'bar' ? 'pointer' : '')
    placeTooltip(this.tip, this.el, e.clientX, e.clientY)
  }

  // A tap on a bar selects it; on a strip, zooms in where its bars draw one by one.
  private readonly onClick = (props: { what: string | null; x: number; y: number; time: Date }) => {
    if (props.what !== 'background' && props.what !== 'current-time') return
    // vis gives the point from the centre panel's border edge; the canvas starts inside it.
    const d = this.layer.hitLocal(props.x - this.panel.clientLeft, props.y - this.panel.clientTop)
    if (d?.item.kind === 'run') {
      this.events.emit('strip-click', openRun(d.item.run, this.panelWidth, props.time.valueOf()))
      return
    }
    this.events.emit('select', d?.item.kind === 'bar' ? d.item.id : null)
  }

  // The owner follows the window every frame, not only on 'rangechanged'
  // (debounced 200 ms in vis), so a key pressed right after a zoom starts
  // from what is on screen.
  private readonly syncWindow = () => {
    this.windowFrame = 0
    this.events.emit('window-change', this.getWindow())
  }

  private readonly onRangeChange = () => {
    this.moving = true
    this.hideTip()
    if (!this.windowFrame) this.windowFrame = requestAnimationFrame(this.syncWindow)
  }

  private readonly onRangeChanged = () => {
    this.moving = false
    this.mirrorWindow()
    this.syncWindow()
    this.scheduleLod()
  }

  private readonly onRedraw = () => {
    // vis redraws on every wheel and pointer event, several times a frame;
    // the bars are painted once, in that frame's animation callbacks.
    this.layer.request()
    this.mirrorWindow()
    // vis re-attaches a station's label when groups change and again when it
    // reorders them, a redraw or two later, and each time the button just
    // pressed loses focus: give it back until the user acts again.
    const f = this.refocus
    if (f && f.isConnected && document.activeElement !== f) f.focus()
    if (!this.moving) this.scheduleLod()
  }

  // Dragging the cursor: report it at most once a frame.
  private readonly onCursorDrag = (props: { id: string; time: Date }) => {
    if (props.id !== CURSOR_ID) return
    this.dragged = props.time.valueOf()
    if (!this.cursorFrame)
      this.cursorFrame = requestAnimationFrame(() => {
        this.cursorFrame = 0
        this.events.emit('cursor-move', this.dragged)
      })
  }

  private readonly onCursorDrop = (props: { id: string; time: Date }) => {
    if (props.id === CURSOR_ID) this.events.emit('cursor-move', props.time.valueOf())
  }

  private readonly onResize = () => {
    const next = `${this.el.clientWidth}x${this.el.clientHeight}`
    if (next === this.size) return
    this.size = next
    if (this.el.clientWidth > 0) this.timeline.redraw()
  }

  private readonly onScheme = () => {
    this.layer.setTheme(resolvedTheme(this.theme))
    this.layer.request()
  }

  private readonly onToggle = (stationId: number) => this.events.emit('station-toggle', stationId)

  private readonly onUserActs = () => {
    this.refocus = null
  }
}

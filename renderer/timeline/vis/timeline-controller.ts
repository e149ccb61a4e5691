/**
 * The chart, without React: vis-timeline draws rows, axis, now line and
 * cursor and handles zoom and pan; bars are painted on a canvas over its
 * centre panel (bar-layer.ts). The view hands this class selector output
 * through its setters and hears what the user does through `on`. It
 * coordinates the rooms beside it: vis's set-up (vis-options.ts), the rows
 * and their fold buttons (row-groups.ts), what the canvas shows
 * (bar-scene-sync.ts) and its theme (canvas-theme.ts), the pointer over it
 * (chart-pointer.ts), the time cursor (time-cursor.ts) and the rows a
 * window request brings into view (row-reveal.ts).
 *
 * Collapsing is ours: the group DataSet is regenerated from the rows rather
 * than using nested groups, which cannot be collapsed reliably from code and
 * are not keyboard reachable (vis-timeline #1993, #1915). vis is destroyed in
 * `destroy` (vis-timeline #183 and #1606 leak otherwise).
 */
import { DataSet } from 'vis-data/peer'
import { Timeline, type DataItem } from 'vis-timeline/peer'

import type { Viewport } from '../../../shared/chart/bar-scene'
import type { ChartRow, Overlap, PlacedBar } from '../../../shared/chart/chart-model'
import type { ReferenceLine } from '../../../shared/chart/reference-lines'
import type { LodView, ThinnedBars } from '../../../shared/chart/lod'
import { rowsTop, sameRowsTop, type Reveal, type RowsTop } from '../../../shared/chart/reveal'
import type { ThemeName } from '../../../shared/chart/style'
import type { TimeWindow } from '../../../shared/chart/window'
import type { DockingEvent } from '../../../shared/domain/model'
import type { TimeZoneMode } from '../../../shared/time/time-format'
import { BarLayer, type PaintedFrame } from '../canvas/bar-layer'
import { BarSceneSync } from './bar-scene-sync'
import { CanvasTheme } from './canvas-theme'
import { ChartPointer } from './chart-pointer'
import type { BarContext } from '../tooltip/tooltip-text'
import { RowGroups } from './row-groups'
import { RowReveal } from './row-reveal'
import { AxisRedraw, type TimeAxisInternals } from './axis-redraw'
import { GridLines } from './grid-lines'
import { HorizontalRedraw, type ItemSetInternals } from './horizontal-redraw'
import { DragCursor } from './drag-cursor'
import { NowLine } from './now-line'
import { CursorDrag, showCursor } from './time-cursor'
import { TypedEmitter } from './typed-emitter'
import {
  readViewport,
  timelineOptions,
  windowOf,
  zonedMoment,
  type VisInternals,
} from './vis-options'

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
  /** The row at the top of the view changed, or how far it is scrolled past (for Back). */
  'rows-top': RowsTop | null
}

/** What the chart opens with: drawn before vis's first frame. */
export interface TimelineStart {
  readonly rows: ReadonlyArray<ChartRow>
  readonly placed: ReadonlyArray<PlacedBar>
  readonly overlaps: ReadonlyArray<Overlap>
  /**
   * The window to open on, for bars drawn `widthPx` wide (asked once vis has
   * laid out its label column), or null for vis's default.
   */
  readonly window: (widthPx: number) => TimeWindow | null
  readonly timeZone: TimeZoneMode
  /** The store's now, where the now line stands. */
  readonly now: number
  /** The user's choice: one of the two themes, or the system's. */
  readonly theme: ThemeName | 'system'
  /** What a bar's tooltip says besides its record: its end, visit and flags. */
  readonly barContext: (e: DockingEvent) => BarContext
  /** Thins dense rows for a view (shared/chart/lod.ts), remembering its last answer. */
  readonly thin: (placed: ReadonlyArray<PlacedBar>, view: LodView) => ThinnedBars
}

export class TimelineController {
  private readonly events = new TypedEmitter<TimelineEvents>()
  private readonly rows = new RowGroups((stationId) =>
    this.events.emit('station-toggle', stationId),
  )
  private readonly timeline: Timeline
  private readonly vis: VisInternals
  private readonly panel: HTMLElement
  private readonly layer: BarLayer
  private readonly scene: BarSceneSync
  private readonly pointer: ChartPointer
  private readonly cursorDrag: CursorDrag
  private readonly dragCursor: DragCursor
  private readonly nowLine: NowLine
  private readonly theme: CanvasTheme
  private readonly resize: ResizeObserver
  private readonly rowLayout: HorizontalRedraw
  private readonly axisLayout: AxisRedraw
  private readonly reveal: RowReveal

  private zone: TimeZoneMode
  private cursor: number | null = null
  /** The centre panel's width, px, as vis last measured it. */
  private panelWidth = 0
  /** True while the user drags or wheels: dense rows are re-thinned once the gesture settles. */
  private moving = false
  private windowFrame = 0
  /** The rows' top as last told. */
  private toldTop: RowsTop | null = null
  private placed: ReadonlyArray<PlacedBar>
  private size: string
  /**
   * The chart's height as the resize observer last saw it (0 while its tab
   * is hidden), for checks made every painted frame, where reading
   * clientHeight would force a layout.
   */
  private height: number

  constructor(
    private readonly el: HTMLElement,
    start: TimelineStart,
  ) {
    performance.mark('dt:timeline-mount')
    this.zone = start.timeZone
    this.placed = start.placed
    // Rows first, then the window, both before vis draws its first frame.
    this.setRows(start.rows)
    // vis has not laid out its label column yet: guess it, and correct once drawn.
    this.panelWidth = Math.max(0, el.clientWidth - 200)
    const t = new Timeline(
      el,
      new DataSet<DataItem>(),
      this.rows.groups,
      timelineOptions(() => this.zone),
    )
    this.timeline = t
    this.vis = t as unknown as VisInternals
    this.rowLayout = new HorizontalRedraw(
      this.vis.itemSet as unknown as ItemSetInternals,
      this.rows.groups,
    )
    const axis = (t as unknown as { timeAxis: TimeAxisInternals }).timeAxis
    this.axisLayout = new AxisRedraw(axis)
    const grid = new GridLines(axis)
    performance.mark('dt:timeline-created')
    // vis drew its first frame as it was made: its label column has its width.
    if (this.vis.props.center.width > 0) this.panelWidth = this.vis.props.center.width
    const opening = start.window(this.panelWidth)
    // Not as start/end options: with those vis keeps the chart hidden until a
    // later 'rangechanged' (vis-timeline 8.5 Core initialDrawDone).
    if (opening) {
      t.setWindow(opening.start, opening.end, { animation: false })
      // Without start/end, vis fits its (empty) items after its first draw and
      // would move the window we have just set.
      this.vis.initialFitDone = true
    }

    this.panel = el.querySelector<HTMLElement>('.vis-panel.vis-center')!
    this.layer = new BarLayer(
      this.panel,
      this.readView,
      () => grid.lines,
      (frame) => {
        // Where the rows stand, read off the frame just painted: once a frame, not once a redraw.
        this.tellTop(frame.view)
        if (frame.layout.items.length > 0) this.events.emit('bars-painted', frame)
      },
    )
    const layer = this.layer
    this.theme = new CanvasTheme(layer, start.theme)
    this.scene = new BarSceneSync(
      layer,
      () => this.lodView(),
      (view) => this.events.emit('scene-view', view),
      start.thin,
    )
    this.scene.sync(start.placed, start.overlaps, this.lodView(opening))
    performance.mark('dt:timeline-filled')

    this.pointer = new ChartPointer({
      el,
      panel: this.panel,
      layer,
      timeline: t,
      zone: () => this.zone,
      barContext: start.barContext,
      panelWidth: () => this.panelWidth,
      select: (id) => this.events.emit('select', id),
      stripClick: (w) => this.events.emit('strip-click', w),
    })
    this.reveal = new RowReveal({
      el,
      readView: this.readView,
      placed: () => this.placed,
      window: () => this.getWindow(),
      scrollRows: (px) => {
        this.vis._setScrollTop(this.vis._getScrollTop() - px)
        this.vis._redraw()
      },
    })
    t.on('rangechange', this.onRangeChange)
    t.on('rangechanged', this.onRangeChanged)
    t.on('changed', this.onRedraw)
    this.cursorDrag = new CursorDrag(t, (instant) => this.events.emit('cursor-move', instant), el)
    this.dragCursor = new DragCursor(el.querySelector<HTMLElement>('.vis-timeline')!)
    this.nowLine = new NowLine(t, el, () => this.zone)
    this.nowLine.set(start.now)
    // vis polls its size once a second; side panels opening or the table tab
    // closing resize the chart at once, so redraw when the box changes.
    // The observer also fires once on observe(); vis has just drawn at this
    // size, so only a real change of size earns a redraw.
    this.size = `${el.clientWidth}x${el.clientHeight}`
    this.height = el.clientHeight
    this.resize = new ResizeObserver(this.onResize)
    this.resize.observe(el)
  }

  /** The width the bars are drawn across, px, as vis last measured it (a guess before its first draw). */
  widthPx(): number {
    return this.panelWidth
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
    this.rows.setRows(rows)
  }

  /** The bars and overlaps to draw; rows too dense for the window draw strips (shared/chart-lod). */
  setScene(placed: ReadonlyArray<PlacedBar>, overlaps: ReadonlyArray<Overlap>): void {
    this.placed = placed
    this.scene.sync(placed, overlaps, this.lodView())
    // A docking just let through by the filters may be the one waiting to be shown.
    this.reveal.retry()
  }

  /** The "Compare with reference" layer's lines; empty while it is off. */
  setReferences(lines: ReadonlyArray<ReferenceLine>): void {
    this.scene.setReferences(lines)
  }

  /** The selected docking, marked on its bar or on the strip it is drawn in. */
  setSelection(id: number | null): void {
    this.reveal.selected(id)
    this.scene.setSelection(id)
  }

  /** The search terms to mark in labels (a keystroke may change them and not the bars). */
  setSearchTerms(terms: ReadonlyArray<string>): void {
    this.scene.setSearchTerms(terms)
  }

  /** The dockings the bars stand for, which tooltips describe. */
  setEvents(events: ReadonlyArray<DockingEvent>): void {
    this.pointer.setEvents(events)
  }

  /** Axis labels and the cursor's marker follow the zone; tooltips read it when shown. */
  setTimeZone(zone: TimeZoneMode): void {
    const changed = zone !== this.zone
    this.zone = zone
    this.rowLayout.invalidate()
    this.axisLayout.invalidate()
    this.timeline.setOptions({ moment: zonedMoment(() => zone) })
    if (changed) showCursor(this.timeline, this.cursor, this.zone, this.el)
    this.nowLine.retitle()
  }

  /** Where the now line stands: the store's clock, which open bars run to. */
  setNow(now: number): void {
    this.nowLine.set(now)
  }

  /** The time cursor's instant, or null to hide it. */
  setCursor(cursor: number | null): void {
    this.cursor = cursor
    showCursor(this.timeline, cursor, this.zone, this.el)
  }

  /**
   * Moves the visible window there, and reports the window vis settled on;
   * then scrolls the rows, if need be, to show what `reveal` names.
   */
  setWindow(w: TimeWindow, reveal: Reveal | null = null): void {
    const now = this.getWindow()
    // A fit to results that fit already asks only for the reveal: vis would redraw for nothing.
    if (w.start !== now.start || w.end !== now.end) {
      this.timeline.setWindow(w.start, w.end, { animation: false })
      this.events.emit('window-change', this.getWindow())
    }
    this.reveal.request(reveal)
  }

  /** Painted on the next frame, after the app applies the theme to the page. */
  setTheme(theme: ThemeName | 'system'): void {
    this.rowLayout.invalidate()
    this.axisLayout.invalidate()
    this.theme.set(theme)
  }

  destroy(): void {
    this.rows.detach()
    this.theme.destroy()
    this.pointer.destroy()
    this.scene.destroy()
    cancelAnimationFrame(this.windowFrame)
    this.reveal.destroy()
    this.resize.disconnect()
    this.rowLayout.destroy()
    this.cursorDrag.destroy()
    this.nowLine.destroy()
    this.dragCursor.destroy()
    this.layer.destroy()
    this.timeline.destroy()
    this.rows.clear()
    this.events.clear()
  }

  /** The window and width bars are drawn at, or the window the chart is about to open on. */
  private lodView(opening?: Pick<LodView, 'start' | 'end'> | null): LodView | null {
    const w = opening ?? this.getWindow()
    return w && this.panelWidth > 0
      ? { start: w.start, end: w.end, widthPx: this.panelWidth }
      : null
  }

  /** The window and row bands as vis last drew them; keeps the panel width vis measured. */
  private readonly readView = (): Viewport | null => {
    const view = readViewport(this.timeline, this.vis, this.rows.groups)
    if (!view) return view
    // A new width is news the store needs now (a fit it still shows is made
    // again for it), even while vis counts the window as moving: after a jump
    // vis says it has settled only 200 ms later. The label column's width
    // changes it too, with no resize of the chart's element.
    if (view.width !== this.panelWidth) this.scene.scheduleLod()
    this.panelWidth = view.width
    return view
  }

  /** Says where the rows of a painted `view` stand when that changed; nothing while hidden. */
  private tellTop(view: Viewport): void {
    if (this.height === 0 || view.height === 0) return
    const top = rowsTop(view)
    if (sameRowsTop(top, this.toldTop)) return
    this.toldTop = top
    this.events.emit('rows-top', top)
  }

  /** The visible window, mirrored on the element for context and e2e checks. */
  private mirrorWindow(): void {
    const w = this.timeline.getWindow()
    this.el.setAttribute('data-window-start', String(w.start.valueOf()))
    this.el.setAttribute('data-window-end', String(w.end.valueOf()))
  }

  // The owner follows the window every frame, not only on 'rangechanged'
  // (debounced 200 ms in vis), so a key pressed right after a zoom starts
  // from what is on screen.
  private readonly syncWindow = () => {
    this.windowFrame = 0
    this.events.emit('window-change', this.getWindow())
  }

  private readonly onRangeChange = (props?: { readonly byUser?: boolean }) => {
    // The user has moved on: what was to be shown no longer is.
    if (props?.byUser) this.reveal.drop()
    this.moving = true
    this.pointer.hideTip()
    if (!this.windowFrame) this.windowFrame = requestAnimationFrame(this.syncWindow)
  }

  private readonly onRangeChanged = () => {
    this.moving = false
    this.mirrorWindow()
    this.syncWindow()
    this.scene.scheduleLod()
  }

  private readonly onRedraw = () => {
    // vis redraws on every wheel and pointer event, several times a frame;
    // the bars are painted once, in that frame's animation callbacks.
    this.layer.request()
    this.reveal.retry()
    this.mirrorWindow()
    this.rows.restoreFocus()
    if (!this.moving) this.scene.scheduleLod()
  }

  private readonly onResize = () => {
    this.height = this.el.clientHeight
    const next = `${this.el.clientWidth}x${this.height}`
    if (next === this.size) return
    this.size = next
    this.rowLayout.invalidate()
    this.axisLayout.invalidate()
    if (this.el.clientWidth > 0) this.timeline.redraw()
  }
}

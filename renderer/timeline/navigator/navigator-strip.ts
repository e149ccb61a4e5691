/**
 * The navigator's strip, without React: a canvas of vehicles docked over the
 * whole range, and the visible window as a brush over it that mouse and keys
 * drag (its body moves the window, its edges resize it). It asks for windows
 * through `request` and is told the chart's window through `setWindow`, so
 * the two stay in step both ways.
 *
 * The occupancy is drawn only when the data, size or theme change; a zoom or
 * pan only moves the brush's two styles, so the strip costs the chart's
 * frames next to nothing.
 */
import type { OccupancySeries } from '../../../shared/analysis/occupancy-series'
import {
  brushBox,
  brushKey,
  dragBrush,
  navigatorRange,
  occupancyColumns,
  type BrushPart,
} from '../../../shared/chart/navigator'
import { sameWindow, type TimeWindow } from '../../../shared/chart/window'
import { formatInstant, type TimeZoneMode } from '../../../shared/time/time-format'
import { measureNavigator } from '../perf-marks'
import { paintOccupancy, readNavigatorInk, type NavigatorInk } from './navigator-paint'

interface Drag {
  readonly part: BrushPart
  readonly x: number
  readonly from: TimeWindow
  readonly pointerId: number
}

const PART_LABELS: Readonly<Record<BrushPart, string>> = {
  body: 'Visible window',
  start: 'Start of the visible window',
  end: 'End of the visible window',
}

export class NavigatorStrip {
  private readonly canvas: HTMLCanvasElement
  private readonly parts: Readonly<Record<BrushPart, HTMLElement>>
  private readonly resize: ResizeObserver
  private series: OccupancySeries | null = null
  private data: TimeWindow | null = null
  private window: TimeWindow | null = null
  private range: TimeWindow | null = null
  private zone: TimeZoneMode = 'utc'
  private drag: Drag | null = null
  private pending: TimeWindow | null = null
  private frame = 0
  private width = 0
  /** The theme's colours, read on the first draw and again on `redraw()`. */
  private ink: NavigatorInk | null = null

  constructor(
    private readonly host: HTMLElement,
    private readonly request: (w: TimeWindow) => void,
  ) {
    this.canvas = host.querySelector('canvas')!
    const part = (p: BrushPart) => host.querySelector<HTMLElement>(`[data-part="${p}"]`)!
    this.parts = { body: part('body'), start: part('start'), end: part('end') }
    host.addEventListener('pointerdown', this.onPointerDown)
    host.addEventListener('pointermove', this.onPointerMove)
    host.addEventListener('pointerup', this.onPointerUp)
    host.addEventListener('pointercancel', this.onPointerUp)
    host.addEventListener('keydown', this.onKey)
    this.resize = new ResizeObserver(() => this.draw())
    this.resize.observe(host)
  }

  /** The occupancy to draw and the data's own window (null: no data). */
  setData(series: OccupancySeries | null, data: TimeWindow | null): void {
    this.series = series
    this.data = data
    this.draw()
  }

  /** The chart's visible window: moves the brush, and widens the range if it lies outside. */
  setWindow(w: TimeWindow | null): void {
    this.window = w
    const range = navigatorRange(this.data, w)
    if (!sameWindow(range, this.range)) this.draw()
    else this.placeBrush()
  }

  setZone(zone: TimeZoneMode): void {
    this.zone = zone
    this.placeBrush()
  }

  /** Redraws with the page's current theme colours. */
  redraw(): void {
    this.ink = null
    this.draw()
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.resize.disconnect()
    this.host.removeEventListener('pointerdown', this.onPointerDown)
    this.host.removeEventListener('pointermove', this.onPointerMove)
    this.host.removeEventListener('pointerup', this.onPointerUp)
    this.host.removeEventListener('pointercancel', this.onPointerUp)
    this.host.removeEventListener('keydown', this.onKey)
  }

  private draw(): void {
    measureNavigator(() => this.paint())
  }

  private paint(): void {
    this.range = navigatorRange(this.data, this.window)
    this.width = this.canvas.clientWidth
    const height = this.canvas.clientHeight
    const dpr = window.devicePixelRatio || 1
    // Setting a canvas's size reallocates it, even to the same size: only on a change.
    const w = Math.round(this.width * dpr)
    const h = Math.round(height * dpr)
    if (this.canvas.width !== w) this.canvas.width = w
    if (this.canvas.height !== h) this.canvas.height = h
    const ctx = this.canvas.getContext('2d')
    if (ctx && this.range) {
      const columns = this.series
        ? occupancyColumns(this.series, this.range, this.width)
        : new Float64Array(0)
      this.ink ??= readNavigatorInk(this.host)
      paintOccupancy(ctx, columns, this.range, { width: this.width, height, dpr }, this.ink)
    }
    this.placeBrush()
  }

  private placeBrush(): void {
    const { range, window: w } = this
    const hidden = !range || !w || this.width <= 0
    for (const el of Object.values(this.parts)) el.hidden = hidden
    if (hidden) return
    const box = brushBox(range, w, this.width)
    const { body, start, end } = this.parts
    body.style.transform = `translateX(${box.left}px)`
    body.style.width = `${box.width}px`
    start.style.transform = `translateX(${box.left}px)`
    end.style.transform = `translateX(${box.left + box.width}px)`
    const text = (t: number) => formatInstant(t, this.zone, 'minute')
    for (const [p, el] of Object.entries(this.parts) as Array<[BrushPart, HTMLElement]>) {
      const value = p === 'end' ? w.end : w.start
      el.setAttribute('aria-valuemin', String(range.start))
      el.setAttribute('aria-valuemax', String(range.end))
      el.setAttribute('aria-valuenow', String(Math.round(value)))
      el.setAttribute(
        'aria-valuetext',
        p === 'body' ? `${text(w.start)} to ${text(w.end)}` : text(value),
      )
      el.setAttribute('aria-label', PART_LABELS[p])
    }
  }

  /** Asks for `w` once this frame (a drag moves many times a frame). */
  private ask(w: TimeWindow): void {
    this.pending = w
    if (!this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0
        if (this.pending) this.request(this.pending)
        this.pending = null
      })
  }

  private timeAt(clientX: number): number | null {
    const r = this.range
    if (!r || this.width <= 0) return null
    const x = clientX - this.canvas.getBoundingClientRect().left
    return r.start + (x / this.width) * (r.end - r.start)
  }

  private readonly onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !this.window || !this.range) return
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-part]')
    let part = (el?.dataset.part as BrushPart | undefined) ?? null
    let from = this.window
    if (!part) {
      // A press beside the brush centres the window there, then drags it.
      const t = this.timeAt(e.clientX)
      if (t === null) return
      from = dragBrush(from, 'body', t - (from.start + from.end) / 2)
      this.ask(from)
      part = 'body'
    }
    e.preventDefault()
    this.parts[part].focus()
    this.host.setPointerCapture(e.pointerId)
    this.drag = { part, x: e.clientX, from, pointerId: e.pointerId }
  }

  private readonly onPointerMove = (e: PointerEvent) => {
    const d = this.drag
    const r = this.range
    if (!d || e.pointerId !== d.pointerId || !r || this.width <= 0) return
    const dt = ((e.clientX - d.x) / this.width) * (r.end - r.start)
    this.ask(dragBrush(d.from, d.part, dt))
  }

  private readonly onPointerUp = (e: PointerEvent) => {
    if (this.drag?.pointerId !== e.pointerId) return
    this.drag = null
    if (this.host.hasPointerCapture(e.pointerId)) this.host.releasePointerCapture(e.pointerId)
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const part = (e.target as HTMLElement).dataset.part as BrushPart | undefined
    if (!part || !this.window || !this.range || e.ctrlKey || e.metaKey || e.altKey) return
    const next = brushKey(part, e.key, e.shiftKey, this.window, this.range)
    if (!next) return
    // Handled here: the chart's own arrow keys must not pan as well.
    e.preventDefault()
    this.request(next)
  }
}

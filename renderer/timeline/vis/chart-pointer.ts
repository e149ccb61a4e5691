/**
 * The pointer over the bar canvas: hovering shows what is under it in a
 * tooltip, a tap on a bar selects it and a tap on a strip opens the window
 * that draws its bars one by one.
 */
import type { Timeline } from 'vis-timeline/peer'

import type { DrawnItem } from '../../../shared/chart/bar-scene'
import { openRun } from '../../../shared/chart/lod'
import type { TimeWindow } from '../../../shared/chart/window'
import type { DockingEvent } from '../../../shared/domain/model'
import type { TimeZoneMode } from '../../../shared/time/time-format'
import type { BarLayer } from '../canvas/bar-layer'
import { createTooltip, placeTooltip, setTooltipContent } from '../tooltip/chart-tooltip'
import {
  barTooltip,
  overlapTooltip,
  type BarContext,
  runTooltip,
  type TooltipContent,
} from '../tooltip/tooltip-text'

/** A strip's tooltip measures this many px either side of the pointer. */
const HERE_PX = 3
/**
 * A press that travels further than this (px) before its release is a drag
 * (a pan), not a tap: vis reports the DOM click of any press and release on
 * the chart, so a pan ending over a strip used to zoom into it.
 */
const TAP_SLOP_PX = 5

/** What the pointer needs from the chart, and whom it tells about taps. */
export interface PointerHost {
  readonly el: HTMLElement
  readonly panel: HTMLElement
  readonly layer: BarLayer
  readonly timeline: Timeline
  /** The zone tooltips are written in, read when one is shown. */
  zone(): TimeZoneMode
  /** What a bar's tooltip says besides its record: its end, visit and flags. */
  barContext(e: DockingEvent): BarContext
  /** The centre panel's width, px, as vis last measured it. */
  panelWidth(): number
  select(id: number | null): void
  stripClick(window: TimeWindow): void
}

export class ChartPointer {
  private readonly tip: HTMLDivElement
  private dockings: ReadonlyArray<DockingEvent> = []
  private dockingsById: Map<number, DockingEvent> | null = null
  private hovered: string | number | null = null
  /** The element under the pointer that carries the hover cursor, and that cursor. */
  private pointer: { readonly el: HTMLElement; readonly cursor: string } | null = null
  /** Where the last press went down, client px. */
  private press: { readonly x: number; readonly y: number } | null = null

  constructor(private readonly host: PointerHost) {
    this.tip = createTooltip(host.el)
    host.el.addEventListener('pointermove', this.onPointerMove)
    host.el.addEventListener('pointerleave', this.hideTip)
    host.el.addEventListener('pointerdown', this.onPointerDown, true)
    host.timeline.on('click', this.onClick)
  }

  /** The dockings the bars stand for, which tooltips describe. */
  setEvents(events: ReadonlyArray<DockingEvent>): void {
    if (events === this.dockings) return
    this.dockings = events
    this.dockingsById = null
  }

  destroy(): void {
    this.host.el.removeEventListener('pointermove', this.onPointerMove)
    this.host.el.removeEventListener('pointerleave', this.hideTip)
    this.host.el.removeEventListener('pointerdown', this.onPointerDown, true)
    this.tip.remove()
  }

  readonly hideTip = (): void => {
    this.hovered = null
    this.tip.hidden = true
    this.setPointer('', null)
  }

  /**
   * Shows `cursor` over what is under the pointer, on the element there (a
   * row of vis's, under the canvas) rather than on the centre panel: the
   * cursor is inherited, and each change of it on the panel restyled every
   * row in it, 200 at 200 ports, which took the most of a frame.
   */
  private setPointer(cursor: string, target: EventTarget | null): void {
    const el = cursor && target instanceof HTMLElement ? target : null
    const was = this.pointer
    if (was?.el === el && was?.cursor === cursor) return
    if (was) was.el.style.cursor = ''
    this.pointer = el ? { el, cursor } : null
    if (el) el.style.cursor = cursor
  }

  /** The time a few px either side of a client x spans on the last frame, within `d`. */
  private spanAt(d: DrawnItem, clientX: number): { from: number; to: number } | undefined {
    const p = this.host.layer.last
    if (!p || d.item.kind !== 'run' || !(p.view.width > 0)) return undefined
    const x = clientX - this.host.layer.canvas.getBoundingClientRect().left
    const msPerPx = (p.view.end - p.view.start) / p.view.width
    const at = p.view.start + x * msPerPx
    return {
      from: Math.max(d.item.start, at - HERE_PX * msPerPx),
      to: Math.min(d.item.end, at + HERE_PX * msPerPx),
    }
  }

  /** What the tooltip says about an item drawn on the canvas (a strip's: at `clientX`). */
  private tooltipOf(d: DrawnItem, clientX: number): TooltipContent | null {
    const it = d.item
    const zone = this.host.zone()
    if (it.kind === 'run') return runTooltip(it.run, zone, this.spanAt(d, clientX))
    if (it.kind === 'overlap') return overlapTooltip(it.overlap, zone)
    // Reference lines are not hit (hitTest looks at bars, strips and hatches).
    if (it.kind !== 'bar') return null
    this.dockingsById ??= new Map(this.dockings.map((e) => [e.id as number, e]))
    const e = this.dockingsById.get(it.id)
    return e ? barTooltip(e, zone, this.host.barContext(e)) : null
  }

  // Hover: the tooltip of what is under the pointer.
  private readonly onPointerMove = (e: PointerEvent) => {
    const d = e.buttons === 0 ? this.host.layer.hit(e.clientX, e.clientY) : null
    // A strip's tooltip follows the pointer along it; a bar's says the same all along.
    const fresh = d && (d.item.id !== this.hovered || d.item.kind === 'run')
    const content = fresh ? this.tooltipOf(d, e.clientX) : null
    if (!d || (d.item.id !== this.hovered && !content)) return this.hideTip()
    if (content) {
      setTooltipContent(this.tip, content)
      this.hovered = d.item.id
    }
    this.setPointer(
      d.item.kind === 'run' ? 'zoom-in' : d.item.kind === 'bar' ? 'pointer' : '',
      e.target,
    )
    placeTooltip(this.tip, this.host.el, e.clientX, e.clientY)
  }

  private readonly onPointerDown = (e: PointerEvent) => {
    this.press = { x: e.clientX, y: e.clientY }
  }

  // A tap on a bar selects it; on a strip, zooms in where its bars draw one by one.
  private readonly onClick = (props: {
    what: string | null
    x: number
    y: number
    time: Date
    event: Event
  }) => {
    if (props.what !== 'background' && props.what !== 'current-time') return
    const e = props.event as MouseEvent
    const p = this.press
    if (p && Math.hypot(e.clientX - p.x, e.clientY - p.y) > TAP_SLOP_PX) return
    const { panel, layer } = this.host
    // vis gives the point from the centre panel's border edge; the canvas starts inside it.
    const d = layer.hitLocal(props.x - panel.clientLeft, props.y - panel.clientTop)
    if (d?.item.kind === 'run') {
      this.host.stripClick(openRun(d.item.run, this.host.panelWidth(), props.time.valueOf()))
      return
    }
    this.host.select(d?.item.kind === 'bar' ? d.item.id : null)
  }
}

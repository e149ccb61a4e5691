/**
 * The canvas the bars are painted on, laid over vis-timeline's centre panel
 * (vis keeps the rows, axis, now line, cursor, zoom and pan), and the hit
 * testing that gives the pixels back their events.
 */
import { buildBarDisplayList, type BarMarks } from '../../../shared/chart/bar-display-list'
import {
  hitTest,
  layoutScene,
  type DrawnItem,
  type Scene,
  type SceneLayout,
  type Viewport,
} from '../../../shared/chart/bar-scene'
import type { DisplayList } from '../../../shared/chart/display-list'
import type { PatternTile } from '../../../shared/chart/patterns'
import type { ThemeName } from '../../../shared/chart/style'
import { BAR_RADIUS, paintDisplayList, readPalette, type Palette } from './bar-painter'
import { PatternSheets } from './pattern-sheets'

/** What the canvas marks besides the bars: the selection and the search. */
export type PaintState = BarMarks

/** What a test or the view may read back about the last paint. */
export interface PaintedFrame {
  readonly view: Viewport
  readonly layout: SceneLayout
  readonly state: PaintState
  /** What was painted, as primitives; the SVG writer draws the same list. */
  readonly list: DisplayList
  /** The patterns `list` names, as data. */
  readonly patterns: ReadonlyArray<PatternTile>
  readonly theme: ThemeName
}

const EMPTY_SCENE: Scene = { rows: new Map(), size: 0 }

export class BarLayer {
  readonly canvas: HTMLCanvasElement
  private readonly ctx: CanvasRenderingContext2D | null
  private readonly sheets: PatternSheets | null
  private scene: Scene = EMPTY_SCENE
  private state: PaintState = { selectedId: null, terms: [] }
  private palette: Palette | null = null
  private theme: ThemeName = 'light'
  private frame = 0
  private painted: PaintedFrame | null = null
  private readonly widths = new Map<string, number>()
  private widthFont = ''
  private readonly onPaint: (frame: PaintedFrame) => void

  /**
   * `panel` is vis's centre panel; `readView` gives the window and row bands
   * as vis last drew them, or null before its first draw.
   */
  constructor(
    private readonly panel: HTMLElement,
    private readonly readView: () => Viewport | null,
    onPaint: (frame: PaintedFrame) => void,
  ) {
    this.onPaint = onPaint
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'bar-canvas'
    this.canvas.dataset.testid = 'bar-canvas'
    // The pixels carry no meaning for assistive tech: the table view is the accessible path.
    this.canvas.setAttribute('aria-hidden', 'true')
    this.ctx = this.canvas.getContext('2d')
    this.sheets = this.ctx && new PatternSheets(this.ctx)
    panel.appendChild(this.canvas)
  }

  setScene(scene: Scene): void {
    this.scene = scene
  }

  setState(state: PaintState): void {
    this.state = state
  }

  setTheme(theme: ThemeName): void {
    if (theme === this.theme && this.palette) return
    this.theme = theme
    this.palette = null
  }

  /** The last frame painted. */
  get last(): PaintedFrame | null {
    return this.painted
  }

  /** Paints on the next animation frame (several requests, one paint). */
  request(): void {
    if (!this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0
        this.paint()
      })
  }

  /** Paints now: called right after vis redraws, so rows and bars move in the same frame. */
  paint(): void {
    const view = this.readView()
    if (!view || !this.ctx) return
    this.palette ??= readPalette(this.panel, this.theme)
    const palette = this.palette
    if (palette.font.css !== this.widthFont) {
      this.widths.clear()
      this.widthFont = palette.font.css
    }
    const dpr = window.devicePixelRatio || 1
    const w = Math.max(0, Math.round(view.width))
    const h = Math.max(0, Math.round(view.height))
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr)
      this.canvas.height = Math.round(h * dpr)
      this.canvas.style.width = `${w}px`
      this.canvas.style.height = `${h}px`
    }
    const ctx = this.ctx
    const measure = (text: string) => {
      let width = this.widths.get(text)
      if (width === undefined) {
        ctx.font = palette.font.css
        width = Math.ceil(ctx.measureText(text).width)
        this.widths.set(text, width)
      }
      return width
    }
    const layout = layoutScene(this.scene, view, measure)
    const list = buildBarDisplayList(layout, {
      ink: palette.ink,
      look: { font: palette.font, radius: BAR_RADIUS },
      marks: this.state,
      measure,
    })
    const size = { width: w, height: h, dpr }
    paintDisplayList(ctx, list, size, this.sheets?.use(palette.patterns, size) ?? palette.patterns)
    this.painted = {
      view,
      layout,
      state: this.state,
      list,
      patterns: palette.tiles,
      theme: this.theme,
    }
    this.onPaint(this.painted)
  }

  /** The item under a client-px point, or null. */
  hit(clientX: number, clientY: number): DrawnItem | null {
    const box = this.canvas.getBoundingClientRect()
    return this.hitLocal(clientX - box.left, clientY - box.top)
  }

  /** The item under a point in canvas px, or null (also off the canvas). */
  hitLocal(x: number, y: number): DrawnItem | null {
    const p = this.painted
    if (!p || x < 0 || y < 0 || x > p.view.width || y > p.view.height) return null
    return hitTest(p.layout, x, y)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.canvas.remove()
  }
}

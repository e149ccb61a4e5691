/**
 * The canvas the rows' backdrop and the bars are painted on, opaque, laid
 * over vis-timeline's centre panel (vis keeps the rows' labels and heights,
 * the axis, now line, cursor, zoom and pan), and the hit testing that gives
 * the pixels back their events.
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
import { buildBackdrop, type GridLine } from '../../../shared/chart/row-backdrop'
import type { ThemeName } from '../../../shared/chart/style'
import { exposeSeam } from './test-seam'
import {
  PagePainter,
  spawnPaintWorker,
  WorkerPainter,
  type CanvasPainter,
  type PainterHost,
  type PaintJob,
} from './canvas-painter'
import { LabelRuler } from './label-ruler'
import { bitmapSize, sameSize, type CanvasSize } from './paint-messages'
import { BAR_RADIUS, readPalette, type Palette } from './palette'

/** What the canvas marks besides the bars: the selection and the search. */
export type PaintState = BarMarks

/** What a test or the view may read back about the last paint. */
export interface PaintedFrame {
  readonly view: Viewport
  readonly layout: SceneLayout
  readonly state: PaintState
  /** What was painted, as primitives, the backdrop under the bars first; the SVG writer draws the same list. */
  readonly list: DisplayList
  /** The patterns `list` names, as data. */
  readonly patterns: ReadonlyArray<PatternTile>
  readonly theme: ThemeName
}

const EMPTY_SCENE: Scene = { rows: new Map(), size: 0 }
/** Frames the worker's canvas may take to show a frame it has painted (two seconds) before the page stops waiting. */
const TAKE_OVER_WAIT_FRAMES = 120

/** A frame as sent to the painter, with what the frame was made of. */
interface Job extends PaintJob {
  readonly frame: PaintedFrame
}

export class BarLayer {
  /** Whose canvas is shown. */
  private painter: CanvasPainter<Job>
  /**
   * The paint worker while it takes over (when it has started, and after a
   * new theme or size): sent every frame, its canvas hidden until it has
   * painted the newest, so no frame shown is out of date.
   */
  private incoming: CanvasPainter<Job> | null = null
  /** The paint worker while it starts (null once started, or where none can); unset before. */
  private spawning: Worker | null | undefined = undefined
  private readonly ruler = new LabelRuler()
  private scene: Scene = EMPTY_SCENE
  private state: PaintState = { selectedId: null, terms: [] }
  private palette: Palette | null = null
  private theme: ThemeName = 'light'
  private frame = 0
  /**
   * The last frame laid out and sent to the painter: what hits are tested
   * against, and what the seam gives tests (its pixels are read after it).
   */
  private laidOut: PaintedFrame | null = null
  /** The theme's tiles and the canvas size of the last frame sent. */
  private sent: { tiles: ReadonlyArray<PatternTile>; size: CanvasSize } | null = null
  /** Frames the painters have put on the canvas. */
  private framesPainted = 0
  private readonly onPaint: (frame: PaintedFrame) => void

  /**
   * `panel` is vis's centre panel; `readView` gives the window and row bands
   * as vis last drew them, or null before its first draw; `readGrid` the
   * grid lines vis's axis last placed.
   */
  constructor(
    private readonly panel: HTMLElement,
    private readonly readView: () => Viewport | null,
    private readonly readGrid: () => ReadonlyArray<GridLine>,
    onPaint: (frame: PaintedFrame) => void,
  ) {
    this.onPaint = onPaint
    // The page paints until the worker has started: the first bars need not wait for it.
    this.painter = this.mount(new PagePainter(this.host))
  }

  /** Starts the paint worker, once: after the first frame, so as not to slow the opening. */
  private spawn(): void {
    if (this.spawning !== undefined) return
    this.spawning = spawnPaintWorker((worker) => {
      this.spawning = null
      const incoming: CanvasPainter<Job> = new WorkerPainter(worker, {
        painted: (job) => {
          if (this.incoming !== incoming) return this.host.painted(job)
          // The page painted this frame already; the worker's canvas shows once it has caught up.
          if (job.frame === this.laidOut) this.takeOverWhenShown(incoming, job)
        },
        failed: (error) => {
          if (this.incoming !== incoming) return this.host.failed(error)
          this.incoming = null
          console.warn('Bar canvas painted on the page: the paint worker failed.', error)
        },
      })
      this.incoming = this.mount(incoming)
      this.hide(incoming)
      this.request()
    })
  }

  /**
   * A new theme or canvas size costs the worker a slow frame (it redraws its
   * patterns), and its canvas would show the old theme or size meanwhile: so
   * the page paints on a canvas of its own, over the worker's hidden one,
   * until the worker has caught up again.
   */
  private bridge(tiles: ReadonlyArray<PatternTile>, size: CanvasSize): void {
    const last = this.sent
    this.sent = { tiles, size }
    const worker = this.painter
    if (this.incoming || !(worker instanceof WorkerPainter) || !last) return
    if (last.tiles === tiles && sameSize(last.size, size)) return
    this.hide(worker)
    this.incoming = worker
    this.painter = this.mount(new PagePainter(this.host))
  }

  /**
   * The worker says it has painted when its drawing is done, and its bitmap
   * reaches the screen a frame or so later: shown at once, its canvas still
   * showed the frame before, squeezed to the new size (an e2e screenshot
   * caught strips a tenth off their rows just after the legend opened). So
   * the swap waits two animation frames and then until the canvas's bitmap
   * has the size it was painted at (a busy CI showed a 674 px bitmap in a
   * 618 px box two frames on), and happens only if no newer frame was laid
   * out meanwhile (the worker reports that one in turn).
   */
  private takeOverWhenShown(incoming: CanvasPainter<Job>, job: Job): void {
    const { width, height } = bitmapSize(job.size)
    let frames = 0
    const check = () => {
      if (this.incoming !== incoming || this.laidOut !== job.frame) return
      frames++
      const landed = incoming.canvas.width === width && incoming.canvas.height === height
      if (frames >= 2 && landed) this.takeOver(incoming)
      // Past that the page goes on painting; the next frame the worker paints tries again.
      else if (frames < TAKE_OVER_WAIT_FRAMES) requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  }

  /** The worker's canvas, now as new as the page's, replaces it. */
  private takeOver(incoming: CanvasPainter<Job>): void {
    const page = this.painter
    this.incoming = null
    this.painter = incoming
    incoming.canvas.style.visibility = ''
    incoming.canvas.dataset.testid = 'bar-canvas'
    page.destroy()
  }

  /** Hides a canvas while it catches up; the test id stays with the one shown. */
  private hide(painter: CanvasPainter<Job>): void {
    painter.canvas.style.visibility = 'hidden'
    delete painter.canvas.dataset.testid
  }

  /** The canvas the bars are on. */
  get canvas(): HTMLCanvasElement {
    return this.painter.canvas
  }

  private readonly host: PainterHost<Job> = {
    painted: (job) => {
      this.framesPainted++
      this.onPaint(job.frame)
      this.spawn()
    },
    failed: (error) => {
      console.error('Bar canvas: the paint worker failed; the page paints it from now on.', error)
      this.painter = this.mount(new PagePainter(this.host))
      this.request()
    },
  }

  private mount(painter: CanvasPainter<Job>): CanvasPainter<Job> {
    exposeSeam(painter.canvas, {
      painted: () => this.laidOut,
      pixels: (rect) => this.painter.pixels(rect),
      framesPainted: () => this.framesPainted,
    })
    this.panel.appendChild(painter.canvas)
    return painter
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

  /** The last frame laid out, painted or about to be. */
  get last(): PaintedFrame | null {
    return this.laidOut
  }

  /** Paints on the next animation frame (several requests, one paint). */
  request(): void {
    if (!this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0
        this.paint()
      })
  }

  /**
   * Lays out and sends a frame to the painter now: called right after vis
   * redraws, so rows and bars move in the same frame (the worker paints
   * while the page finishes it).
   */
  paint(): void {
    const view = this.readView()
    if (!view) return
    this.palette ??= readPalette(this.panel, this.theme)
    const palette = this.palette
    const dpr = window.devicePixelRatio || 1
    const w = Math.max(0, Math.round(view.width))
    const h = Math.max(0, Math.round(view.height))
    const size = { width: w, height: h, dpr }
    this.bridge(palette.tiles, size)
    for (const painter of [this.painter, this.incoming]) {
      const style = painter?.canvas.style
      if (style && (style.width !== `${w}px` || style.height !== `${h}px`)) {
        style.width = `${w}px`
        style.height = `${h}px`
      }
    }
    const measure = this.ruler.measurer(palette.font)
    const layout = layoutScene(this.scene, view, measure)
    const list = buildBackdrop(view, this.readGrid(), palette.backdrop)
    for (const item of buildBarDisplayList(layout, {
      ink: palette.ink,
      look: { font: palette.font, radius: BAR_RADIUS },
      marks: this.state,
      measure,
    }))
      list.push(item)
    const frame: PaintedFrame = {
      view,
      layout,
      state: this.state,
      list,
      patterns: palette.tiles,
      theme: this.theme,
    }
    this.laidOut = frame
    const job = { list, size, tiles: palette.tiles, frame }
    this.painter.paint(job)
    this.incoming?.paint(job)
  }

  /** The item under a client-px point, or null. */
  hit(clientX: number, clientY: number): DrawnItem | null {
    const box = this.canvas.getBoundingClientRect()
    return this.hitLocal(clientX - box.left, clientY - box.top)
  }

  /** The item under a point in canvas px, or null (also off the canvas). */
  hitLocal(x: number, y: number): DrawnItem | null {
    const p = this.laidOut
    if (!p || x < 0 || y < 0 || x > p.view.width || y > p.view.height) return null
    return hitTest(p.layout, x, y)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.spawning?.terminate()
    this.incoming?.destroy()
    this.painter.destroy()
  }
}

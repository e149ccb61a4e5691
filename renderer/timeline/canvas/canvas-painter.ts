/**
 * Who puts the bar canvas's pixels down: the page itself until the paint
 * worker has started, then the worker, on a canvas of its own; the page
 * again if the worker fails. The layer sends frames and reads pixels the
 * same way through either.
 */
import type { DisplayList } from '../../../shared/chart/display-list'
import type { PatternTile } from '../../../shared/chart/patterns'
import type { CanvasSize, FromWorker, PixelRect, ToWorker } from './paint-messages'
import { encodeDisplayList, wireTransfer } from './display-list-wire'
import { PaintOutbox } from './paint-outbox'
import { PaintSurface } from './paint-surface'
import { OPAQUE } from './context-2d'

/** One frame to paint. */
export interface PaintJob {
  readonly list: DisplayList
  readonly size: CanvasSize
  /** The theme's tiles; the same array for every frame of a theme. */
  readonly tiles: ReadonlyArray<PatternTile>
}

/** What a painter tells its layer. */
export interface PainterHost<J extends PaintJob> {
  /** `job` is on the canvas. */
  painted(job: J): void
  /** The painter can paint no more (its worker failed); the layer takes over with another. */
  failed(error: unknown): void
}

export interface CanvasPainter<J extends PaintJob> {
  readonly canvas: HTMLCanvasElement
  paint(job: J): void
  /** Device px of the canvas as painted once every frame sent before has been. */
  pixels(rect: PixelRect): Promise<ImageData | null>
  destroy(): void
}

function newCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  // Opaque until painted (black): no size, so nothing shows until the first frame sizes it.
  canvas.width = 0
  canvas.height = 0
  canvas.className = 'bar-canvas'
  canvas.dataset.testid = 'bar-canvas'
  // The pixels carry no meaning for assistive tech: the table view is the accessible path.
  canvas.setAttribute('aria-hidden', 'true')
  return canvas
}

/** Paints on the page's main thread. */
export class PagePainter<J extends PaintJob> implements CanvasPainter<J> {
  readonly canvas = newCanvas()
  private readonly surface: PaintSurface | null

  constructor(private readonly host: PainterHost<J>) {
    const ctx = this.canvas.getContext('2d', OPAQUE)
    this.surface = ctx && new PaintSurface(this.canvas, ctx)
  }

  paint(job: J): void {
    if (!this.surface) return
    this.surface.setTiles(job.tiles)
    this.surface.paint(job.list, job.size)
    this.host.painted(job)
  }

  pixels(rect: PixelRect): Promise<ImageData | null> {
    return Promise.resolve(this.surface?.pixels(rect) ?? null)
  }

  destroy(): void {
    this.canvas.remove()
  }
}

/** Paints in the paint worker (started by `spawnPaintWorker`), on the canvas handed over to it. */
export class WorkerPainter<J extends PaintJob> implements CanvasPainter<J> {
  readonly canvas = newCanvas()
  private readonly outbox: PaintOutbox<J, { seq: number; rect: PixelRect }>
  private readonly reads = new Map<number, (image: ImageData | null) => void>()
  private seq = 0
  private sentTiles: ReadonlyArray<PatternTile> | null = null

  constructor(
    private readonly worker: Worker,
    private readonly host: PainterHost<J>,
  ) {
    const offscreen = this.canvas.transferControlToOffscreen()
    this.post({ kind: 'canvas', canvas: offscreen }, [offscreen])
    this.outbox = new PaintOutbox(
      (job) => {
        const tiles = job.tiles === this.sentTiles ? null : (this.sentTiles = job.tiles)
        const list = encodeDisplayList(job.list)
        this.post(
          { kind: 'paint', seq: ++this.seq, list, size: job.size, tiles },
          wireTransfer(list),
        )
      },
      (read) => this.post({ kind: 'pixels', ...read }),
    )
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data
      if (m.kind === 'ready') return
      if (m.kind === 'pixels') {
        this.reads.get(m.seq)?.(m.image)
        this.reads.delete(m.seq)
        return
      }
      const job = this.outbox.painted()
      if (job) host.painted(job)
    }
    worker.onerror = (e) => {
      e.preventDefault()
      this.fail(new Error(`the paint worker failed: ${e.message || 'it did not load'}`))
    }
    worker.onmessageerror = () => this.fail(new Error('the paint worker could not read a message'))
  }

  paint(job: J): void {
    this.outbox.frame(job)
  }

  pixels(rect: PixelRect): Promise<ImageData | null> {
    return new Promise((resolve) => {
      const seq = ++this.seq
      this.reads.set(seq, resolve)
      this.outbox.read({ seq, rect })
    })
  }

  destroy(): void {
    this.worker.terminate()
    this.canvas.remove()
    for (const resolve of this.reads.values()) resolve(null)
    this.reads.clear()
  }

  private post(m: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(m, transfer)
  }

  private fail(error: Error): void {
    this.destroy()
    this.host.failed(error)
  }
}

/**
 * Starts the paint worker and calls `ready` once its script runs, or never
 * (it could not start: the page goes on painting). Returns the worker, for
 * a layer gone before it is ready to end it, or null where none can start.
 */
export function spawnPaintWorker(ready: (worker: Worker) => void): Worker | null {
  if (
    typeof Worker !== 'function' ||
    !('transferControlToOffscreen' in HTMLCanvasElement.prototype)
  )
    return null
  let worker: Worker
  try {
    // Written out in full so that Vite bundles the worker's script apart, as a
    // classic script (Vite's default worker format): it imports nothing at run time.
    worker = new Worker(new URL('./paint-worker.ts', import.meta.url), { name: 'bar-paint' })
  } catch (error) {
    console.warn('Bar canvas painted on the page: the paint worker cannot start.', error)
    return null
  }
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    if (e.data.kind === 'ready') ready(worker)
  }
  worker.onerror = (e: Event) => {
    e.preventDefault()
    worker.terminate()
    // A script that fails to load fires a plain Event, with no message to pass on.
    const why = e instanceof ErrorEvent && e.message ? e.message : 'its script did not load'
    console.warn(`Bar canvas painted on the page: the paint worker did not start (${why}).`)
  }
  return worker
}

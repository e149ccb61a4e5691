/**
 * The page's side of the paint worker's queue: one frame in flight at a time.
 *
 * The worker paints each frame it is sent. A frame sent while it is still
 * rasterising the last would wait in its queue behind frames already out of
 * date, and a slow stretch (a zoomed-out chart, a busy machine) would build
 * a lag it never makes up. So the page sends a frame only once the worker
 * has said the previous one is painted, and a newer frame replaces one still
 * waiting. (Letting two be in flight, so that the worker need not wait for
 * the round trip, painted no more frames of the benchmark's zoom and pan:
 * all of its 144 window changes either way.) A request for pixels goes after
 * the frame waiting, so it reads what the page last asked to be painted.
 */
export class PaintOutbox<F, P> {
  private inFlight: F | null = null
  private waiting: F | null = null
  private readonly reads: P[] = []

  constructor(
    private readonly sendFrame: (frame: F) => void,
    private readonly sendRead: (read: P) => void,
  ) {}

  /** Queues a frame: sent now if none is in flight, else when the one in flight is painted. */
  frame(frame: F): void {
    if (this.inFlight === null) this.send(frame)
    else this.waiting = frame
  }

  /** Queues a pixel read behind any frame not yet sent. */
  read(read: P): void {
    if (this.waiting === null) this.sendRead(read)
    else this.reads.push(read)
  }

  /** The worker painted the frame in flight: it is returned, and the next one goes. */
  painted(): F | null {
    const done = this.inFlight
    this.inFlight = null
    const next = this.waiting
    this.waiting = null
    if (next !== null) this.send(next)
    for (const r of this.reads.splice(0)) this.sendRead(r)
    return done
  }

  private send(frame: F): void {
    this.inFlight = frame
    this.sendFrame(frame)
  }
}

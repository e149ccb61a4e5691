/**
 * The paint worker: paints the bar canvas off the page's main thread.
 *
 * Without a GPU, Chromium rasterises a canvas on the thread that draws on it,
 * and the bars' rounded, outlined, patterned shapes were most of a zoom
 * frame's main-thread time at 10,000 dockings. Here they are rasterised on
 * the worker's thread while the page finishes its frame. The page
 * still builds the display list (it measures text and owns the scene); the
 * worker only paints what it is sent, and says when it has.
 */
import { OPAQUE, type Context2D } from './context-2d'
import { decodeDisplayList } from './display-list-wire'
import type { FromWorker, ToWorker } from './paint-messages'
import { PaintSurface } from './paint-surface'

let surface: PaintSurface | null = null

const reply = (m: FromWorker) => self.postMessage(m)

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data
  switch (m.kind) {
    case 'canvas': {
      const ctx: Context2D | null = m.canvas.getContext('2d', OPAQUE)
      // With no context the page hears nothing back and its frames wait: throw so it falls back.
      if (!ctx) throw new Error('the paint worker has no 2D context for the bar canvas')
      surface = new PaintSurface(m.canvas, ctx)
      break
    }
    case 'paint':
      if (!surface) throw new Error('the paint worker was sent a frame before its canvas')
      if (m.tiles) surface.setTiles(m.tiles)
      surface.paint(decodeDisplayList(m.list), m.size)
      reply({ kind: 'painted', seq: m.seq })
      break
    case 'pixels':
      reply({ kind: 'pixels', seq: m.seq, image: surface?.pixels(m.rect) ?? null })
      break
  }
}

reply({ kind: 'ready' })

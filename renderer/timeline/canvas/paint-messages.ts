/**
 * What the page and the paint worker say to each other (paint-worker.ts).
 * The worker owns the bar canvas once the page has handed it over; the page
 * sends each frame's display list and, for tests, asks for pixels back.
 */
import type { PatternTile } from '../../../shared/chart/patterns'
import type { WireList } from './display-list-wire'

/** The canvas's size in CSS px and its device pixel ratio. */
export interface CanvasSize {
  readonly width: number
  readonly height: number
  readonly dpr: number
}

/** Whether two canvas sizes are the same (a new one means patterns redrawn). */
export function sameSize(a: CanvasSize, b: CanvasSize): boolean {
  return a.width === b.width && a.height === b.height && a.dpr === b.dpr
}

/** The bitmap a frame of `size` is painted on, device px. */
export function bitmapSize(size: CanvasSize): { readonly width: number; readonly height: number } {
  return { width: Math.round(size.width * size.dpr), height: Math.round(size.height * size.dpr) }
}

/** A rectangle of the canvas in device px. */
export interface PixelRect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export type ToWorker =
  | { readonly kind: 'canvas'; readonly canvas: OffscreenCanvas }
  | {
      readonly kind: 'paint'
      readonly seq: number
      /** The frame's display list, in transit form (display-list-wire.ts). */
      readonly list: WireList
      readonly size: CanvasSize
      /** Sent with the first frame of a theme only: the worker keeps its patterns till the next. */
      readonly tiles: ReadonlyArray<PatternTile> | null
    }
  | { readonly kind: 'pixels'; readonly seq: number; readonly rect: PixelRect }

export type FromWorker =
  /** The worker's script has run: it can take the canvas. */
  | { readonly kind: 'ready' }
  | { readonly kind: 'painted'; readonly seq: number }
  | { readonly kind: 'pixels'; readonly seq: number; readonly image: ImageData | null }

/**
 * The chart's one test seam: where the last frame put each bar, and its pixels.
 *
 * Bars are pixels on a canvas, with no element, role or text a test could
 * find them by. So the bar canvas carries three read-only properties, named
 * below:
 * - one returns the last frame laid out and sent to the painter
 *   (`PaintedFrame`: the window and size it was painted for, every bar,
 *   strip and overlap hatch with its box and label placement, and the
 *   selection and search terms it marked), or null before the first; it is
 *   the frame clicks are hit-tested against;
 * - one reads the canvas's pixels back. The canvas is usually the paint
 *   worker's (canvas-painter.ts), so the page cannot read it with a 2D
 *   context of its own; the read waits until every frame sent before it is
 *   painted, so it sees the frame the first property returned;
 * - one counts the frames painted.
 *
 * The e2e page object (tests/e2e/support/timeline-page.ts) reads the frame to
 * know where to look, then checks the pixels there and points and clicks at
 * them as a user would; the search benchmark reads it to know when bars are
 * on screen, and the timeline benchmark counts the frames painted during a
 * gesture. All are over what the layer keeps anyway, so they cost nothing
 * until read, and they are on in every build: the app under test is the app
 * that ships. Nothing in the app reads them.
 */
import type { PaintedFrame } from './bar-layer'
import type { PixelRect } from './paint-messages'

/** The bar canvas's property holding the last frame laid out and sent to the painter. */
export const PAINTED_FRAME_PROPERTY = 'painted'

/**
 * The bar canvas's method reading its pixels back: `(rect) => Promise<ImageData | null>`,
 * device px, as painted once every frame laid out before the call has been.
 */
export const READ_PIXELS_PROPERTY = 'readPixels'

/**
 * The bar canvas's count of frames the painter has put on it so far: how
 * often the bars the user sees changed, which with a paint worker can be
 * less often than the page's frames (the benchmark compares the two).
 */
export const FRAMES_PAINTED_PROPERTY = 'framesPainted'

/** What the seam reads from the bar layer. */
export interface SeamSource {
  readonly painted: () => PaintedFrame | null
  readonly pixels: (rect: PixelRect) => Promise<ImageData | null>
  readonly framesPainted: () => number
}

/** Puts the seam's read-only properties on `canvas`. */
export function exposeSeam(canvas: HTMLCanvasElement, source: SeamSource): void {
  Object.defineProperty(canvas, PAINTED_FRAME_PROPERTY, { get: source.painted })
  Object.defineProperty(canvas, READ_PIXELS_PROPERTY, { value: source.pixels })
  Object.defineProperty(canvas, FRAMES_PAINTED_PROPERTY, { get: source.framesPainted })
}

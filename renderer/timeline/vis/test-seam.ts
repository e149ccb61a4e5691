/**
 * The chart's one test seam: where the last frame put each bar.
 *
 * Bars are pixels on a canvas, with no element, role or text a test could
 * find them by. So the bar canvas carries one read-only property, named
 * below, that returns the bar layer's last painted frame (`PaintedFrame`:
 * the window and size it was painted for, every bar, strip and overlap
 * hatch with its box and label placement, and the selection and search
 * terms it marked), or null before the first paint.
 *
 * The e2e page object (tests/e2e/support/timeline-page.ts) reads it to know
 * where to look, then checks the pixels there and points and clicks at them
 * as a user would; the search benchmark reads it to know when bars are on
 * screen. It is a getter over what the layer keeps anyway for hit testing,
 * so it costs nothing until read, and it is on in every build: the app under
 * test is the app that ships. Nothing in the app reads it.
 */
import type { PaintedFrame } from '../canvas/bar-layer'

/** The bar canvas's property holding the last painted frame. */
export const PAINTED_FRAME_PROPERTY = 'painted'

/** Exposes `last()` on `canvas` as the read-only painted frame property. */
export function exposePaintedFrame(
  canvas: HTMLCanvasElement,
  last: () => PaintedFrame | null,
): void {
  Object.defineProperty(canvas, PAINTED_FRAME_PROPERTY, { get: last })
}

/** A 2D context the painter can draw on: the page's canvas, or an offscreen one in the paint worker. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * The bar canvas's context options. Every pixel is painted (the backdrop
 * comes first, row-backdrop.ts), and an opaque canvas lets Chromium skip
 * the page under it: it neither rasterises nor composites it each frame.
 */
export const OPAQUE: CanvasRenderingContext2DSettings = { alpha: false }

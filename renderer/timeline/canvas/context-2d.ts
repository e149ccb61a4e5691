/** A 2D context the painter can draw on: the page's canvas, or an offscreen one in the paint worker. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

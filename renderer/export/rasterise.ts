/**
 * SVG → PNG in the renderer: decode the SVG as an image, draw it on a canvas
 * at N×, encode as PNG.
 *
 * Self-contained on purpose (no imports, no outer variables): the benchmark
 * runs this very function in headless Chromium through `toString()`, as the
 * e2e bridge does with `buildAppApi`.
 */

/** A rasterised PNG: base64 bytes and pixel size. */
export interface RasterPng {
  readonly base64: string
  readonly width: number
  readonly height: number
}

/**
 * Rasterises an SVG document of `width`×`height` user units at `scale`.
 *
 * Rejects with a plain-words error when the canvas would be larger than
 * Chromium allows (32,767 px a side, 268 million pixels) or decoding fails.
 */
export async function rasteriseSvg(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<RasterPng> {
  const w = Math.round(width * scale)
  const h = Math.round(height * scale)
  if (w > 32_767 || h > 32_767 || w * h > 268_000_000) {
    throw new Error(
      `A ${w}×${h} px image is larger than the renderer can draw; choose a smaller width or scale.`,
    )
  }
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const img = new Image()
    img.src = url
    try {
      await img.decode()
    } catch {
      throw new Error('The figure could not be drawn as an image (the SVG did not decode).')
    }
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const g = canvas.getContext('2d')
    if (!g) throw new Error('No 2D canvas is available to draw the image.')
    g.imageSmoothingQuality = 'high'
    g.drawImage(img, 0, 0, w, h)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('The image could not be encoded as PNG.')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    // btoa takes a binary string; build it in chunks so large images do not overflow the stack.
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    }
    return { base64: btoa(binary), width: w, height: h }
  } finally {
    URL.revokeObjectURL(url)
  }
}

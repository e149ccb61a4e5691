/**
 * Reading the bar canvas's colours. The canvas is opaque (the rows' backdrop
 * is painted under the bars), so how much of a colour lies on a pixel is
 * read against what is under it, not from an alpha channel.
 */

/** `#rrggbb` as [r, g, b]. */
export const rgbOf = (hex: string): number[] =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

/** The largest difference between two colours' channels, 0–255. */
export const channelGap = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number =>
  Math.max(...[0, 1, 2].map((i) => Math.abs(a[i]! - b[i]!)))

/**
 * How much of `ink` lies on `pixel` over `under` (0: none, 1: all), read on
 * the channel where the two differ most.
 */
export function coverage(
  pixel: ReadonlyArray<number>,
  under: ReadonlyArray<number>,
  ink: ReadonlyArray<number>,
): number {
  let best = 0
  for (let i = 1; i < 3; i++)
    if (Math.abs(ink[i]! - under[i]!) > Math.abs(ink[best]! - under[best]!)) best = i
  return (pixel[best]! - under[best]!) / (ink[best]! - under[best]!)
}

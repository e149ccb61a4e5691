/**
 * The bar canvas is painted by a worker, off the page's main thread, once
 * the worker has started (the page paints until then); where the worker
 * cannot start, the page paints it itself and the chart looks the same.
 */
import type { Page } from '@playwright/test'

import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'
import { channelGap } from './support/pixels'

/** What the page gets when it asks the bar canvas for a 2D context of its own. */
async function pageContext(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="bar-canvas"]')!
    try {
      return canvas.getContext('2d') ? 'a context' : 'no context'
    } catch (e) {
      return (e as Error).name
    }
  })
}

/** The colour at the middle of the first few bars on screen: filled, and not all the same. */
async function barColours(ui: ChartControls): Promise<string[]> {
  const bars = (await ui.timeline.bars()).slice(0, 6)
  expect(bars.length).toBeGreaterThan(0)
  const colours: string[] = []
  for (const bar of bars) {
    const at = await ui.timeline.pointOn(bar)
    const [r, g, b] = await ui.timeline.pixelAt(at.x, at.y)
    // The row's backdrop shows just above the bar: the bar is painted over it.
    const above = await ui.timeline.pixelAt(at.x, bar.top - 3)
    expect(channelGap([r, g, b], above), `bar ${bar.id} is painted`).toBeGreaterThan(30)
    colours.push(`${r},${g},${b}`)
  }
  return colours
}

test('the bars are painted by a worker: the page holds no context of the canvas', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  expect(page.workers().map((w) => w.url())).toContainEqual(
    expect.stringMatching(/paint-worker[^/]*\.js$/),
  )
  // The canvas was handed to the worker: the page can no longer draw on it.
  await expect.poll(() => pageContext(page)).toBe('InvalidStateError')
  await expect(page.getByTestId('bar-canvas')).toHaveCount(1)
  const colours = await barColours(ui)

  // Zoomed in, the worker paints the new window: the bars there are painted too.
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  await ui.timeline.waitForBars()
  expect((await barColours(ui)).length).toBeGreaterThan(0)
  expect(new Set(colours).size).toBeGreaterThan(1)
})

test('without its worker the page paints the bars itself, and they look the same', async ({
  launch,
}) => {
  const withWorker = await launch()
  const a = new ChartControls(withWorker.page)
  await a.timeline.waitForBars()
  const expected = await barColours(a)

  const { page } = await launch({
    block: ['**/paint-worker*.js'],
    expectConsole: [
      /^Bar canvas painted on the page: the paint worker did not start \(its script did not load\)\.$/,
    ],
  })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  expect(page.workers()).toHaveLength(0)
  // The page kept the canvas: it paints on it with a context of its own.
  expect(await pageContext(page)).toBe('a context')
  await expect(page.getByTestId('bar-canvas')).toHaveCount(1)
  expect(await barColours(ui)).toEqual(expected)
})

test('a resize never shows a canvas stretched: on every frame its bitmap fits its box', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // The worker has taken the canvas over (the page holds no context of the one shown).
  await expect.poll(() => pageContext(page)).toBe('InvalidStateError')
  // And its bitmap's size has reached the page: a canvas handed to a worker learns the size the
  // worker gave it only when the worker's frame lands, a busy moment after the takeover.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="bar-canvas"]')!
        const r = c.getBoundingClientRect()
        const dpr = window.devicePixelRatio
        return c.width === Math.round(r.width * dpr) && c.height === Math.round(r.height * dpr)
      }),
    )
    .toBe(true)
  // Each animation frame: the canvas shown, its bitmap's size and its box's, in device px.
  await page.evaluate(() => {
    const seen: Array<{ bitmap: string; box: string }> = []
    ;(window as unknown as { __fit: typeof seen }).__fit = seen
    const dpr = window.devicePixelRatio
    const tick = () => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="bar-canvas"]')
      if (c) {
        const r = c.getBoundingClientRect()
        seen.push({
          bitmap: `${c.width}x${c.height}`,
          box: `${Math.round(r.width * dpr)}x${Math.round(r.height * dpr)}`,
        })
      }
      if (seen.length < 90) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  // Opening the legend takes height from the chart: the canvas is resized.
  await ui.openSummary(/^Legend/)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __fit: unknown[] }).__fit.length))
    .toBe(90)
  const frames = await page.evaluate(
    () => (window as unknown as { __fit: Array<{ bitmap: string; box: string }> }).__fit,
  )
  expect(new Set(frames.map((f) => f.box)).size, 'the canvas was resized').toBeGreaterThan(1)
  expect(frames.filter((f) => f.bitmap !== f.box)).toEqual([])
  // The page painted the new size meanwhile; the worker's canvas shows again once it has caught up.
  await expect.poll(() => pageContext(page)).toBe('InvalidStateError')
})

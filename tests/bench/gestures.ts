/**
 * The scripted gestures the timeline benchmark times: a wheel zoom and drag
 * pan over the chart, and a drag and resize of the navigator's brush.
 */
import type { Page } from '@playwright/test'

/** A scripted gesture on an open app. */
export type Gesture = (page: Page) => Promise<void>

/** The chart's centre panel, where wheel and drag zoom and pan. */
const CHART = '.vis-panel.vis-center'

/**
 * `wheelSteps` wheel steps in, two drags, as many steps out. A dozen steps
 * take the chart from the whole range to a few years; two keep dense rows
 * too dense to draw apart, so every frame draws heat strips.
 */
export function zoomAndPan(wheelSteps = 12): Gesture {
  return async (page) => {
    const panel = (await page.locator(CHART).first().boundingBox())!
    const x = panel.x + panel.width / 2
    const y = panel.y + Math.min(panel.height / 2, 150)
    const wheel = async (dy: number) => {
      await page.mouse.move(x, y)
      for (let i = 0; i < wheelSteps; i++) {
        await page.mouse.wheel(0, dy)
        await page.waitForTimeout(30)
      }
    }
    await wheel(-120)
    for (let i = 0; i < 2; i++) {
      await page.mouse.move(x, y)
      await page.mouse.down()
      await page.mouse.move(x - 300, y, { steps: 30 })
      await page.mouse.move(x + 200, y, { steps: 30 })
      await page.mouse.up()
    }
    await wheel(120)
  }
}

/** Zooms the chart in (not timed) so the brush is narrower than the navigator. */
export async function zoomForBrush(page: Page): Promise<void> {
  const panel = (await page.locator(CHART).first().boundingBox())!
  await page.mouse.move(panel.x + panel.width / 2, panel.y + 100)
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -120)
    await page.waitForTimeout(30)
  }
  await page.waitForTimeout(500)
}

/** The navigator's brush dragged left and right, then its end handle dragged out and back. */
export const dragBrush: Gesture = async (page) => {
  const nav = page.getByTestId('navigator')
  const drag = async (part: string, dx: number[]) => {
    const box = (await nav.locator(`[data-part="${part}"]`).boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (const d of dx) await page.mouse.move(x + d, y, { steps: 30 })
    await page.mouse.up()
  }
  await drag('body', [-200, 200, 0])
  await drag('end', [150, -50])
}

/**
 * Dragging the chart pans it, with the move cursor shown for as long as the
 * drag lasts and gone after it.
 */
import type { Page } from '@playwright/test'

import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'

/** The cursor the page shows at a point: the computed cursor of the element there. */
async function cursorAt(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(
    ([px, py]) => getComputedStyle(document.elementFromPoint(px!, py!)!).cursor,
    [x, y] as const,
  )
}

test('dragging the chart pans it under the move cursor, and the cursor goes with the drag', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  const box = (await page.locator('.vis-panel.vis-center').first().boundingBox())!
  // Between rows' bars is as good as on one: the whole chart drags.
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  const before = await ui.window()
  expect(await cursorAt(page, x, y)).not.toBe('move')

  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x - 150, y, { steps: 10 })
  expect(await cursorAt(page, x - 150, y)).toBe('move')
  await page.mouse.move(x - 300, y, { steps: 10 })
  await page.mouse.up()

  const after = await ui.windowChangedFrom(before)
  // Dragged leftwards by 300 px: the window moved later by as much time, its span unchanged.
  const msPerPx = (before.end - before.start) / box.width
  expect(after.end - after.start).toBeCloseTo(before.end - before.start, -3)
  expect((after.start - before.start) / msPerPx).toBeGreaterThan(250)
  expect((after.start - before.start) / msPerPx).toBeLessThan(350)
  expect(await cursorAt(page, x - 300, y)).not.toBe('move')
})

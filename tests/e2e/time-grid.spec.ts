import { expect, test } from './support/fixtures'
import type { ChartControls } from './support/timeline-page'
import { openAt } from './support/workspace-page'

/**
 * Each time grid line the axis draws (client px, the centre of its 1 px
 * line) that lies over the chart, and whether it runs on through the rows
 * below: through the first station's band, a pixel within a px of it is
 * darker than the band 4 px either side.
 */
async function gridThroughRows(ui: ChartControls) {
  const page = ui.page
  const canvas = await ui.timeline.canvasBox()
  const axis = (
    await page
      .locator('.vis-time-axis .vis-grid')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left + 0.5))
  ).filter((x) => x > canvas.x + 6 && x < canvas.x + canvas.width - 6)
  const band = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="bar-canvas"]') as unknown as {
      painted: { view: { rows: Array<{ id: string; top: number; height: number }> } }
    }
    return c.painted.view.rows.find((r) => r.id.startsWith('s') && r.top >= 0)!
  })
  const y = canvas.y + band.top + band.height / 2
  const grey = async (x: number) => {
    const [r, g, b] = await ui.timeline.pixelAt(x, y)
    return (r + g + b) / 3
  }
  const lines = []
  for (const x of axis) {
    const beside = Math.min(await grey(x - 4), await grey(x + 4))
    const on = Math.min(await grey(x - 1), await grey(x), await grey(x + 1))
    lines.push({ x: Math.round(x), through: beside - on >= 4 })
  }
  return lines
}

test('the time grid runs on from the axis through the rows, where the axis puts it, after a pan too', async ({
  launch,
}) => {
  const { page, ui } = await openAt(launch, 1024, 700)
  await ui.goTo('1982-07-01')
  await ui.toolbar.getByRole('button', { name: '1 month' }).click()
  await ui.settled()
  const before = await gridThroughRows(ui)
  // Day lines at least: a month's worth across the chart.
  expect(before.length).toBeGreaterThanOrEqual(10)
  expect(before.filter((l) => !l.through)).toEqual([])
  // Dragged by a third of a day's width and more: every line moves with the axis.
  const panel = (await page.locator('.vis-panel.vis-center').boundingBox())!
  const from = await ui.window()
  await page.mouse.move(panel.x + panel.width / 2, panel.y + 40)
  await page.mouse.down()
  await page.mouse.move(panel.x + panel.width / 2 - 157, panel.y + 40, { steps: 8 })
  await page.mouse.up()
  await ui.windowChangedFrom(from)
  await ui.settled()
  const after = await gridThroughRows(ui)
  expect(after.filter((l) => !l.through)).toEqual([])
  expect(after.map((l) => l.x)).not.toEqual(before.map((l) => l.x))
  await page.screenshot({ path: 'test-results/time-grid-1024x700.png' })
})

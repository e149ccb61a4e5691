import type { Locator, Page } from '@playwright/test'

import { expect, test } from './support/fixtures'
import { ChartControls, type VisibleWindow } from './support/timeline-page'
import { openAt } from './support/workspace-page'

/** The navigator strip and its brush parts. */
function navigator(page: Page) {
  const root = page.getByTestId('navigator')
  return {
    root,
    body: root.getByRole('slider', { name: 'Visible window', exact: true }),
    start: root.getByRole('slider', { name: 'Start of the visible window', exact: true }),
    end: root.getByRole('slider', { name: 'End of the visible window', exact: true }),
  }
}

const box = async (l: Locator) => (await l.boundingBox())!
const span = (w: VisibleWindow) => w.end - w.start

/** Drags from the middle of `l` by `dx` px, as a user would. */
async function dragBy(page: Page, l: Locator, dx: number): Promise<void> {
  const b = await box(l)
  const x = b.x + b.width / 2
  const y = b.y + b.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + dx, y, { steps: 8 })
  await page.mouse.up()
}

test('the navigator shows docked vehicles over the whole range; its brush follows the chart and moves it', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const nav = navigator(page)
  await ui.timeline.waitForBars()
  await expect(nav.root).toBeVisible()
  // The ISS's open LL2 records with an unknown departure count at the peak,
  // to the latest they can have left: the peak is an upper bound.
  await expect(nav.root).toContainText(/Vehicles docked.*peak up to \d+/)
  const strip = await box(nav.root)

  // Fitted to all the data, the brush spans (nearly) the whole strip.
  expect((await box(nav.body)).width).toBeGreaterThan(strip.width * 0.9)

  // Zooming the chart narrows the brush, and it says which window it stands for.
  await ui.focusApp()
  const fitted = await ui.window()
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  const zoomed = await ui.windowChangedFrom(fitted)
  await expect.poll(async () => (await box(nav.body)).width).toBeLessThan(strip.width * 0.4)
  await expect(nav.body).toHaveAttribute('aria-valuetext', /^\d{4}-\d\d-\d\d .* to \d{4}-/)
  // The zoom may land in steps: read the window once it has settled.
  await expect.poll(async () => span(await ui.window())).toBeLessThan(span(zoomed) * 1.001)
  await page.waitForTimeout(300)
  const settled = await ui.window()

  // Dragging the brush's body pans the chart later, keeping its span.
  await dragBy(page, nav.body, 120)
  const panned = await ui.windowChangedFrom(settled)
  expect(panned.start).toBeGreaterThan(settled.start)
  expect(span(panned)).toBeCloseTo(span(settled), -6)

  // Dragging its end edge left narrows the window from the right.
  await dragBy(page, nav.end, -60)
  const narrowed = await ui.windowChangedFrom(panned)
  expect(narrowed.start).toBe(panned.start)
  expect(narrowed.end).toBeLessThan(panned.end)

  // Keys on the brush move it by a step of the whole range; the chart's own arrow pan does not also run.
  await nav.body.focus()
  await page.keyboard.press('ArrowLeft')
  const stepped = await ui.windowChangedFrom(narrowed)
  const range =
    Number(await nav.body.getAttribute('aria-valuemax')) -
    Number(await nav.body.getAttribute('aria-valuemin'))
  expect(narrowed.start - stepped.start).toBeCloseTo(range * 0.01, -6)
  expect(span(stepped)).toBeCloseTo(span(narrowed), -6)
  await page.keyboard.press('Home')
  const atStart = await ui.windowChangedFrom(stepped)
  // aria-valuemin is whole milliseconds; the window may carry a fraction.
  expect(atStart.start).toBeCloseTo(Number(await nav.body.getAttribute('aria-valuemin')), -1)

  // A press beside the brush centres the chart there.
  const b = await box(nav.body)
  const x = strip.x + strip.width * 0.8
  expect(x).toBeGreaterThan(b.x + b.width)
  await page.mouse.click(x, b.y + b.height / 2)
  const centred = await ui.windowChangedFrom(atStart)
  const nb = await box(nav.body)
  await expect
    .poll(async () => Math.abs((await box(nav.body)).x + nb.width / 2 - x))
    .toBeLessThan(4)
  expect(span(centred)).toBeCloseTo(span(atStart), -6)

  await page.screenshot({ path: 'test-results/screenshot-navigator.png' })
})

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
])
  test(`the navigator leaves the chart room at ${size.width}×${size.height}`, async ({
    launch,
  }) => {
    const { page, ui } = await openAt(launch, size.width, size.height)
    const chart = await box(ui.timeline.root)
    const nav = await box(navigator(page).root)
    // Under the chart, not over it, and small beside it.
    expect(nav.y).toBeGreaterThanOrEqual(chart.y + chart.height - 1)
    expect(nav.height).toBeLessThan(chart.height / 4)
    await page.screenshot({ path: `test-results/screenshot-navigator-${size.width}.png` })
  })

test("the navigator's peak is a plain count where no stay at it has an unknown departure", async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // Mir's records all have departures: its peak of 3 is exact.
  // The station's own box: its ports' names start with "Mir" too.
  await page
    .getByTestId('filter-location')
    .getByRole('checkbox', { name: /^Mir \d+ dockings$/ })
    .check()
  const root = navigator(page).root
  await expect(root).toContainText(/Vehicles docked, all shown stations · peak 3\b/)
  await expect(root).not.toContainText('up to')
})

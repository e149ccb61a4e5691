/**
 * The README's screenshots, of the app as `npm start` opens it (the bundled
 * LL2 snapshot and reference sets), written to docs/ by `npm run docs:shots`.
 * Each shot checks what it is meant to show before it is taken, so a README
 * image cannot silently show an empty or half-drawn chart.
 */
import path from 'node:path'

import { expect, test, type Launch } from '../../tests/e2e/support/fixtures'
import { ChartControls } from '../../tests/e2e/support/timeline-page'

const DOCS = path.resolve('docs')
/** A laptop-sized window: large enough to read, small enough to keep each PNG light. */
const SIZE = { width: 1400, height: 860 } as const

/** The app at the shots' size and in `theme`, once its bars are drawn. */
async function open(launch: Launch, theme: 'light' | 'dark') {
  const { page } = await launch()
  await page.setViewportSize(SIZE)
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await page.getByLabel('Theme').selectOption(theme)
  return { page, ui }
}

test('the whole history, light: every station, the newest on top, the time cursor on', async ({
  launch,
}) => {
  const { page, ui } = await open(launch, 'light')
  // The time cursor in mid-2021: what was docked at each ISS port then, listed beside the chart.
  await ui.cursorAt('2021-06-15 12:00')
  await expect(
    ui.cursorPanel.getByRole('heading', { name: /Docked at cursor: [1-9]/ }),
  ).toBeVisible()
  // "Go to" centred the view on that date; back to the whole history, the cursor stays.
  await ui.toolbar.getByRole('button', { name: 'Fit all' }).click()
  await ui.focusApp()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: path.join(DOCS, 'screenshot.png') })
})

test('Salyut 6 and 7, dark: the legend open and the reference layer on', async ({ launch }) => {
  const { page, ui } = await open(launch, 'dark')
  await page.getByLabel('Stations by').selectOption('first')
  await (await ui.moreOption('Compare with reference')).check()
  await (await ui.moreOption('Hide rows with nothing in view')).check()
  await page.getByRole('button', { name: 'Hide filters' }).click()
  await ui.goTo('1982-07-01')
  await ui.toolbar.getByRole('button', { name: '10 years' }).click()
  await ui.openSummary(/^Legend/)
  await expect(page.getByTestId('legend-reference')).toBeVisible()
  await expect.poll(async () => (await ui.timeline.rowLabels()).includes('Salyut 7')).toBe(true)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: path.join(DOCS, 'screenshot-salyut-dark.png') })
})

test('the source conflicts panel: LL2 against NASA RP-1357 and the Mir chronology', async ({
  launch,
}) => {
  const { page, ui } = await open(launch, 'light')
  await ui.openSummary(/source conflicts/)
  const panel = page.getByTestId('conflicts-panel')
  await panel
    .getByRole('group', { name: 'Conflicts by kind' })
    .getByRole('button', { name: /^Port \d+$/ })
    .click()
  await expect(panel.getByRole('row').filter({ hasText: 'Soyuz 26' })).toHaveCount(1)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: path.join(DOCS, 'screenshot-conflicts.png') })
})

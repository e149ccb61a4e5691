import type { Page } from '@playwright/test'

import { expect, test } from './support/fixtures'
import { TimelinePage } from './support/timeline-page'

/** How many reference lines the bar canvas last painted (its test seam). */
const referenceLinesPainted = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="bar-canvas"]') as unknown as {
      painted: { layout: { references: unknown[] } } | null
    }
    return canvas.painted?.layout.references.length ?? 0
  })

test('the Source conflicts panel lists LL2 record 183 against RP-1357 for Soyuz 26', async ({
  launch,
}) => {
  const app = await launch()
  const { page } = app
  await new TimelinePage(page).waitForBars()
  const panel = page.getByTestId('conflicts-panel')
  const summary = panel.locator('summary')
  await expect(summary).toContainText(/Source conflicts: \d+/)
  await summary.focus()
  await page.keyboard.press('Enter')
  const kinds = panel.getByRole('group', { name: 'Conflicts by kind' })
  await expect(kinds.getByRole('button', { name: /^Port \d+$/ })).toBeVisible()
  await kinds.getByRole('button', { name: /^Port \d+$/ }).click()
  const row = panel.getByRole('row').filter({ hasText: 'Soyuz 26' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Salyut-6 forward')
  await expect(row).toContainText('Salyut-6 aft')
  await expect(row.getByRole('link', { name: /RP1357\.pdf\/92/ })).toBeVisible()
  await panel.screenshot({ path: 'test-results/conflicts-panel.png' })
  // "Show" selects LL2's record: the detail panel opens on it.
  await row.getByRole('button', { name: /Show Soyuz 26 \(LL2 183\)/ }).click()
  await expect(page.getByRole('complementary', { name: /detail/i })).toContainText('Soyuz 26')
  await app.close()
})

test('the reference layer draws a line per reference stay only while it is on', async ({
  launch,
}) => {
  const app = await launch()
  const { page } = app
  await new TimelinePage(page).waitForBars()
  // Oldest stations first: the reference sets cover Salyut 6, 7 and Mir, not the ISS on top.
  await page.getByLabel('Stations by').selectOption('first')
  const toggle = page.getByRole('checkbox', { name: 'Compare with reference' })
  await expect(toggle).not.toBeChecked()
  expect(await referenceLinesPainted(page)).toBe(0)
  await toggle.check()
  await expect.poll(() => referenceLinesPainted(page)).toBeGreaterThan(0)
  await expect(page.getByTestId('legend-reference')).toBeVisible()
  await toggle.uncheck()
  await expect.poll(() => referenceLinesPainted(page)).toBe(0)
  await app.close()
})

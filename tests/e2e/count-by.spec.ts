import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'

test('counting by visit changes the count and groups Soyuz 31’s two legs into one table row', async ({
  launch,
}) => {
  const { page } = await launch({})
  const chart = new ChartControls(page)
  await chart.timeline.waitForBars()
  const count = page.getByTestId('result-count')
  await expect(count).toHaveText(/^\d+ dockings$/)
  const dockings = Number((await count.textContent())!.split(' ')[0])

  // By visit: fewer visits than dockings (relocations are legs), the dockings said beside.
  await page.getByLabel('Count by').selectOption('visit')
  await expect(count).toHaveText(new RegExp(`^\\d+ visits \\(${dockings} dockings\\)$`))
  const visits = Number((await count.textContent())!.split(' ')[0])
  expect(visits).toBeLessThan(dockings)

  // Soyuz 31 alone: two dockings (aft, then forward), one visit.
  await page.getByRole('searchbox').fill('"Soyuz 31"')
  await expect(count).toHaveText(`1 of ${visits} visits (2 dockings)`)
  await page.getByRole('tab', { name: 'Table' }).click()
  const table = page.getByTestId('event-table')
  const rows = table.getByRole('row').filter({ has: page.getByRole('gridcell') })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-visit-id', '189')
  await expect(rows.first().locator('.col-visit')).toHaveText('#189 · 2 legs')
  await expect(rows.first().locator('.col-port')).toHaveText(/aft.*→.*forward/i)
  await expect(table.getByRole('columnheader', { name: 'Total stay' })).toBeVisible()
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `test-results/screenshot-count-by-visit-${size.width}.png` })
  }

  // Back to dockings: the same search shows both legs as rows of their own.
  await page.getByLabel('Count by').selectOption('docking')
  await expect(count).toHaveText(`2 of ${dockings} dockings`)
  await expect(rows).toHaveCount(2)
  await expect(rows.locator('.col-visit')).toHaveText(['#189 · leg 1 of 2', '#189 · leg 2 of 2'])
})

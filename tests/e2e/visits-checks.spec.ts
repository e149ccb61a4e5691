import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { expect, test } from './support/fixtures'
import { FiltersPanel } from './support/filters-panel'
import { ChartControls } from './support/timeline-page'

// The bundled snapshot (real LL2 records and station facts) with Soyuz T-15's
// departure (LL2 223, the last docking at Salyut 7 forward) lost, as older
// LL2 captures lost departures.
function snapshotWithLostDeparture(): string {
  const body = JSON.parse(fs.readFileSync(BUNDLED_SNAPSHOT_PATH, 'utf8')) as {
    docking_events: Array<{
      id: number
      departure: string | null
      x_ll2_2_2_0?: { departure: string | null }
    }>
  }
  const t15 = body.docking_events.find((e) => e.id === 223)!
  // Lost in LL2's later word on the record too, which the app reads in its place.
  t15.departure = null
  if (t15.x_ll2_2_2_0) t15.x_ll2_2_2_0.departure = null
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-lost-')), 'snap.json')
  fs.writeFileSync(file, JSON.stringify(body))
  return file
}

/** The painted frame's connector lines between a visit's legs. */
async function connectors(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="bar-canvas"]') as unknown as {
      painted: { list: Array<{ kind: string; meta?: { cls?: string; data?: object } }> } | null
    }
    return (canvas.painted?.list ?? [])
      .filter((i) => i.kind === 'line' && i.meta?.cls === 'visit-connector')
      .map((i) => i.meta!.data)
  })
}

test("a visit's legs are joined by a connector on the chart", async ({ launch }) => {
  const { page } = await launch({})
  const chart = new ChartControls(page)
  await chart.timeline.waitForBars()
  // Oldest stations first, so the Salyut rows are on screen rather than below the ISS's.
  await page.getByLabel('Stations by').selectOption('first')
  await chart.goTo('1978-09-07')
  // Soyuz 31 moved from Salyut 6's aft port to its forward port: one visit, two legs.
  await expect.poll(() => connectors(page)).toContainEqual({ from: 189, to: 190 })
})

test("a re-entered station's open bar stops at the deorbit date, departure unknown", async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: snapshotWithLostDeparture() })
  const chart = new ChartControls(page)
  await chart.timeline.waitForBars()
  // Oldest stations first, so the Salyut rows are on screen rather than below the ISS's.
  await page.getByLabel('Stations by').selectOption('first')
  await chart.goTo('1991-01-01')
  await expect.poll(async () => (await chart.timeline.bar(223))?.label).toBe('Soyuz T-15 ?')
  const bar = (await chart.timeline.bar(223))!
  const deorbitX = await chart.timeline.xOf(Date.parse('1991-02-07T00:00:00Z'))
  expect(Math.abs(bar.right - deorbitX)).toBeLessThan(2)
  await chart.timeline.clickVisiblePart(223)
  await expect(chart.detailPanel.locator('[data-field="Departed"]')).toContainText(
    'unknown: no departure recorded, and Salyut 7 re-entered on 1991-02-07 UTC',
  )
  await expect(chart.detailPanel.getByTestId('detail-flags')).toContainText(
    'No departure after the station re-entered',
  )
  await chart.timeline.hoverItem(bar)
  await expect(chart.tooltip).toContainText('unknown: no departure recorded')
  // The data checks panel counts it, and says "0 found" for a clean kind.
  await chart.openSummary(/doubt|Data checks/)
  await expect(page.getByTestId('count-open-after-deorbit')).toHaveText('1 found')
  await expect(page.getByTestId('count-duplicate')).toHaveText('0 found')
})

test('an open docking whose port a later docking used stops there, departure unknown', async ({
  launch,
}) => {
  // The bundled LL2 data gives Soyuz MS-17 (LL2 241, Rassvet nadir, docked
  // 2020-10-14) no departure; Soyuz MS-18 docked at the same port on 2021-04-09.
  const { page } = await launch({})
  const chart = new ChartControls(page)
  await chart.timeline.waitForBars()
  await chart.goTo('2021-03-01')
  await expect.poll(async () => (await chart.timeline.bar(241))?.label).toBe('Soyuz MS-17 ?')
  const bar = (await chart.timeline.bar(241))!
  const nextX = await chart.timeline.xOf(Date.parse('2021-04-09T11:05:00Z'))
  expect(Math.abs(bar.right - nextX)).toBeLessThan(2)
  await chart.timeline.clickVisiblePart(241)
  const departed = chart.detailPanel.locator('[data-field="Departed"]')
  await expect(departed).toContainText(
    'unknown: no departure recorded, and Soyuz MS-18 docked at its port on 2021-04-09 11:05 UTC',
  )
  await expect(departed).not.toContainText('still docked')
  await expect(chart.detailPanel.getByTestId('detail-flags')).toContainText(
    'No departure, port used again',
  )
  // No longer "two vehicles at one port" with each Soyuz that came after it.
  await expect(chart.detailPanel.getByTestId('detail-flags')).not.toContainText(
    'Two vehicles at one port at once',
  )
})

test('the state filter sorts dockings with no departure into still docked and departure unknown', async ({
  launch,
}) => {
  const { page } = await launch({})
  const chart = new ChartControls(page)
  const filters = new FiltersPanel(page)
  await chart.timeline.waitForBars()
  await page.getByRole('tab', { name: 'Table' }).click()
  const vehicles = () =>
    chart.table.locator('[role="row"][data-event-id] .col-vehicle').allTextContents()
  // Soyuz MS-17: a later docking used its port. Cargo Dragon C211: the ISS's
  // record lists a later docking but no longer lists it. Neither is still docked.
  await filters.option('state', 'Departure unknown').check()
  await expect.poll(vehicles).toContain('Soyuz MS-17')
  await expect.poll(vehicles).toContain('Cargo Dragon C211')
  expect(await vehicles()).not.toContain('Soyuz MS-28')
  const departed = await chart.table
    .locator('[role="row"][data-event-id] .col-departure')
    .allTextContents()
  expect(new Set(departed)).toEqual(new Set(['unknown']))
  await filters.option('state', 'Departure unknown').uncheck()
  await filters.option('state', 'Still docked').check()
  await expect.poll(vehicles).toContain('Soyuz MS-28')
  expect(await vehicles()).not.toContain('Soyuz MS-17')
  expect(await vehicles()).not.toContain('Cargo Dragon C211')
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'

// The bundled snapshot (real LL2 records and station facts) with Soyuz T-14's
// departure (LL2 222, Salyut 7 forward) lost, as older LL2 captures had it.
function snapshotWithLostDeparture(): string {
  const body = JSON.parse(fs.readFileSync(BUNDLED_SNAPSHOT_PATH, 'utf8')) as {
    docking_events: Array<{ id: number; departure: string | null }>
  }
  const t14 = body.docking_events.find((e) => e.id === 222)!
  t14.departure = null
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
  await expect.poll(async () => (await chart.timeline.bar(222))?.label).toBe('Soyuz T-14 ?')
  const bar = (await chart.timeline.bar(222))!
  const deorbitX = await chart.timeline.xOf(Date.parse('1991-02-07T00:00:00Z'))
  expect(Math.abs(bar.right - deorbitX)).toBeLessThan(2)
  await chart.timeline.clickVisiblePart(222)
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

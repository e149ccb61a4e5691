import type { Locator } from '@playwright/test'

import { generateDataset } from '../fixtures/generate-dataset'
import { expect, test } from './support/fixtures'
import { snapshotFile } from './support/snapshot-file'
import { ChartControls } from './support/timeline-page'

// 3,000 generated dockings: the busiest ports hold well over a hundred each,
// more than the chart can draw apart when it shows all 27 years.
const dataset = generateDataset({ events: 3000, seed: 21 })

/** Items whose vertical middle falls in `row`'s band: the bars and strips of one chart row. */
async function inRow(items: Locator, row: { y: number; height: number }): Promise<number> {
  let n = 0
  for (const box of await items.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect()
      return { y: r.y, height: r.height, width: r.width }
    }),
  )) {
    const mid = box.y + box.height / 2
    if (box.width > 0 && mid >= row.y && mid <= row.y + row.height) n++
  }
  return n
}

test('a port too dense to draw apart shows strips with counts, and a click zooms in to its bars', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: snapshotFile(dataset.events) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()

  const runs = page.locator('.vis-item.bar-run')
  await expect(runs.first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText(
    'Too dense to draw apart: zoom in',
  )
  await page.screenshot({ path: 'test-results/screenshot-dense.png' })
  // Every strip counts what it stands for.
  const run = runs.first()
  const count = Number((await run.textContent())?.match(/^(\d+) dockings$/)?.[1])
  expect(count).toBeGreaterThan(1)

  // Its tooltip says how many, from when to when, and what to do.
  await run.hover()
  await expect(ui.tooltip).toContainText(`${count} dockings`)
  await expect(ui.tooltip).toContainText('zoom in')
  const [from, to] = [
    ...((await ui.tooltip.textContent()) ?? '').matchAll(/(\d{4}-\d\d-\d\d \d\d:\d\d) UTC/g),
  ].map((m) => Date.parse(`${m[1]!.replace(' ', 'T')}:00Z`))
  expect(from).toBeLessThan(to!)

  const rowBox = (await run.boundingBox())!
  const bars = page.locator('.vis-item[class*="event-"]')
  const before = await ui.window()
  await run.click()
  const after = await ui.windowChangedFrom(before)
  // The chart zooms in on the strip, around where it was clicked…
  const middle = (after.start + after.end) / 2
  expect(middle).toBeGreaterThanOrEqual(from!)
  expect(middle).toBeLessThanOrEqual(to!)
  expect(after.end - after.start).toBeLessThan((before.end - before.start) / 2)
  // …and the row draws bars one by one there.
  await expect.poll(() => inRow(bars, rowBox)).toBeGreaterThan(1)
  // No bar was selected by clicking the strip.
  await expect(ui.detailPanel).toContainText('Select a bar')

  // Fit all: back to strips.
  await page.keyboard.press('f')
  await expect(runs.first()).toBeVisible()
})

test('a search narrows dense rows until their bars draw one by one', async ({ launch }) => {
  const { page } = await launch({ snapshot: snapshotFile(dataset.events) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await expect(page.locator('.vis-item.bar-run').first()).toBeVisible()
  const search = page
    .getByRole('complementary', { name: 'Search and filters' })
    .getByRole('searchbox')
  // A single vehicle name: a few dockings, no strips, each its own bar.
  const first = dataset.events[0] as { flight_vehicle_chaser: { spacecraft: { name: string } } }
  await search.fill(first.flight_vehicle_chaser.spacecraft.name)
  await expect(page.locator('.vis-item.bar-run')).toHaveCount(0)
  await expect(page.locator('.vis-item[class*="event-"]').first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Legend' })).not.toContainText('Too dense')
})

test('an event chosen elsewhere marks the strip it is drawn in; zoom to selection shows its bar', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: snapshotFile(dataset.events) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // The strip standing for the most dockings, and an event it holds at its middle.
  const ids = await page
    .locator('.vis-item.bar-run')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
  const runs = ids
    .map((id) => id.match(/^run-(.+)-(\d+)-(\d+)-(\d+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .sort((a, b) => Number(b[4]) - Number(a[4]))
  const [, rowId, firstId, lastId] = runs[0]!
  type Rec = {
    id: number
    docking: string
    departure: string | null
    docking_location: { id: number }
    flight_vehicle_chaser: { spacecraft: { name: string } }
  }
  const records = dataset.events as unknown as Rec[]
  const byId = new Map(records.map((r) => [r.id, r]))
  const first = byId.get(Number(firstId))!
  const last = byId.get(Number(lastId))!
  const mid = (Date.parse(first.docking) + Date.parse(last.departure ?? last.docking)) / 2
  const port = first.docking_location.id
  expect(rowId).toBe(`p${port}`)
  const held = records.find(
    (r) =>
      r.docking_location.id === port &&
      Date.parse(r.docking) <= mid &&
      (r.departure === null || Date.parse(r.departure) > mid),
  )!
  const at = new Date(Math.floor(mid / 60_000) * 60_000).toISOString()
  await ui.goTo(`${at.slice(0, 10)} ${at.slice(11, 16)}`)

  // Chosen from the time cursor's list: the details open and the strip is marked.
  await ui.cursorPanel.locator(`.cursor-event[data-event-id="${held.id}"]`).click()
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(
    held.flight_vehicle_chaser.spacecraft.name,
  )
  await expect(ui.timeline.bar(held.id)).toHaveCount(0)
  await expect(page.locator('.vis-item.bar-run.vis-selected')).toHaveCount(1)

  // Zoom to selection: now the bar itself is drawn, and selected.
  await ui.toolbar.getByRole('button', { name: 'Zoom to selection' }).click()
  await expect(ui.timeline.bar(held.id)).toHaveClass(/vis-selected/)
  await expect(page.locator('.vis-item.bar-run.vis-selected')).toHaveCount(0)
})

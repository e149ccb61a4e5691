/**
 * Search, date ranges and the cursor list as a reader uses them (issue #15),
 * on the bundled snapshot. Every expected count is worked out here from the
 * app's own data by a reader's notion of the words (a vehicle name that reads
 * "Soyuz T…", a docking in 1982), never with the search code under test.
 */
import type { Page } from '@playwright/test'

import type { DockingData, DockingEvent } from '../../shared/domain/model'
import type { AppApi } from '../../shared/ipc/contract'
import { expect, test } from './support/fixtures'
import { FiltersPanel } from './support/filters-panel'
import { ChartControls } from './support/timeline-page'

/** The data the app loaded, through its own API. */
async function loadedData(page: Page): Promise<DockingData> {
  const r = await page.evaluate(() => (window as unknown as { api: AppApi }).api.getData())
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
const loadedEvents = async (page: Page) => (await loadedData(page)).events

const year = (t: number | null) => (t === null ? null : new Date(t).getUTCFullYear())
const shownText = (n: number, total: number) =>
  n === total
    ? `${total} dockings`
    : n === 0
      ? `No dockings match (of ${total})`
      : `${n} of ${total} dockings`

test('the search finds what a reader means by the words typed', async ({ launch }) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const filters = new FiltersPanel(page)
  await ui.timeline.waitForBars()
  const events = await loadedEvents(page)
  const total = events.length
  await expect(page.getByTestId('search-help')).toContainText('Word-start search (on)')

  const cases: ReadonlyArray<readonly [string, (e: DockingEvent) => boolean]> = [
    // Soyuz T-5, Soyuz-T 5, TM-2, TMA-1: not every Soyuz at "Salyut" or an "aft" port.
    ['soyuz t', (e) => /^soyuz[ -]?t/i.test(e.vehicle)],
    ['soyuz-t', (e) => /^soyuz[ -]?t/i.test(e.vehicle)],
    ['"Progress 1"', (e) => e.vehicle === 'Progress 1'],
    [
      'Salyut 7 forward',
      (e) => e.stationName === 'Salyut 7' && /\bforward\b/i.test(e.portName ?? ''),
    ],
    ['1982', (e) => year(e.docking) === 1982 || year(e.departure) === 1982],
    // In no name: found in where each record was captured (its source).
    ['colbad2', (e) => /colbad2/i.test(e.origin.xSource ?? '')],
  ]
  for (const [typed, means] of cases) {
    const expected = events.filter(means).length
    expect(expected, `${typed}: the bundled data has such dockings`).toBeGreaterThan(0)
    await filters.search.fill(typed)
    await expect(filters.resultCount, typed).toHaveText(shownText(expected, total))
  }

  await expect(page.getByTestId('search-text-only')).toContainText(
    '“colbad2” is in no name or date',
  )

  // LL2's own substring search stays as a mode: there "soyuz t" also finds Soyuz at "Salyut".
  await filters.search.fill('soyuz t')
  await filters.root.getByLabel('Match').selectOption('ll2')
  await expect(page.getByTestId('search-help')).toContainText('Launch Library 2 search (on)')
  const soyuzAtSalyut = events.filter(
    (e) => /soyuz/i.test(e.vehicle) && /salyut/i.test(e.stationName ?? ''),
  ).length
  await expect
    .poll(async () => Number((await filters.resultCount.innerText()).split(' ')[0]))
    .toBeGreaterThanOrEqual(soyuzAtSalyut)
  await filters.expectChips(['Search: “soyuz t”'])
})

test('an ISO date alone filters docking and departure, shown as typed', async ({ launch }) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const filters = new FiltersPanel(page)
  await ui.timeline.waitForBars()
  const events = await loadedEvents(page)
  const docking = filters.root.getByTestId('filter-docking')
  const departure = filters.root.getByTestId('filter-departure')

  await docking.getByRole('textbox', { name: 'Docked from' }).fill('1979')
  await docking.getByRole('textbox', { name: 'Docked to' }).fill('1979')
  const in1979 = events.filter((e) => year(e.docking) === 1979).length
  expect(in1979).toBeGreaterThan(0)
  await expect(filters.resultCount).toHaveText(shownText(in1979, events.length))
  await filters.expectChips(['Docked on or after: 1979 UTC', 'Docked on or before: 1979 UTC'])

  // Half-typed text says what is wrong and keeps the last good filter.
  await docking.getByRole('textbox', { name: 'Docked to' }).fill('1979-')
  await docking.getByRole('textbox', { name: 'Docked to' }).fill('1979-13')
  await expect(docking.getByRole('textbox', { name: 'Docked to' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expect(docking).toContainText('Not a date yet')
  await expect(filters.resultCount).toHaveText(shownText(in1979, events.length))
  await docking.getByRole('textbox', { name: 'Docked to' }).fill('1979-06')
  await expect(docking.getByRole('textbox', { name: 'Docked to' })).toHaveValue('1979-06')
  const toJune = events.filter(
    (e) => year(e.docking) === 1979 && new Date(e.docking).getUTCMonth() < 6,
  ).length
  await expect(filters.resultCount).toHaveText(shownText(toJune, events.length))

  // A departure range beside it: vehicles that left in 1979, whenever they docked.
  await filters.root.getByRole('button', { name: 'Clear all filters' }).click()
  await departure.getByRole('textbox', { name: 'Departed from' }).fill('1979-01-01')
  await departure.getByRole('textbox', { name: 'Departed to' }).fill('1979-12-31')
  const left1979 = events.filter((e) => year(e.departure) === 1979).length
  await expect(filters.resultCount).toHaveText(shownText(left1979, events.length))
})

test('Enter brings the results into view, rows and all, from the ISS at the top to Salyut 7 far below', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const filters = new FiltersPanel(page)
  await ui.timeline.waitForBars()
  const salyut7 = (await loadedEvents(page)).filter((e) => e.stationName === 'Salyut 7')
  expect(salyut7.length).toBeGreaterThan(0)
  // Before: the ISS's rows fill the view; Salyut 7's are scrolled out of it.
  const ids = new Set<number | string>(salyut7.map((e) => e.id))
  expect((await ui.timeline.barsInPlot()).some((b) => ids.has(b.id))).toBe(false)
  await filters.search.fill('"Salyut 7"')
  await filters.search.press('Enter')
  await expect
    .poll(async () => (await ui.timeline.barsInPlot()).filter((b) => ids.has(b.id)).length)
    .toBeGreaterThan(0)
  // Every bar drawn is a result; the rows were scrolled, not just the window moved.
  for (const b of await ui.timeline.bars()) expect(ids.has(b.id)).toBe(true)
})

test('the cursor lists what was docked when filters hide it, and every free port', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const filters = new FiltersPanel(page)
  await ui.timeline.waitForBars()
  const events = await loadedEvents(page)
  // An instant with at least one Soyuz and one Progress docked at one station.
  const busy = events
    .filter((e) => e.family === 'Progress' && e.departure !== null)
    .map((e) => (e.docking + e.departure!) / 2)
    .find((t) =>
      events.some(
        (o) => o.family === 'Soyuz' && o.docking <= t && (o.departure === null || t < o.departure),
      ),
    )!
  const docked = events.filter(
    (e) => e.docking <= busy && (e.departure === null || busy < e.departure),
  )
  const iso = new Date(busy).toISOString().slice(0, 16).replace('T', ' ')

  // Go to moves the view and leaves the cursor off.
  await ui.goTo(iso)
  await expect(ui.cursorPanel).toHaveCount(0)
  await filters.option('family', 'Soyuz').check()
  await ui.toolbar.getByRole('button', { name: 'Time cursor' }).click()
  await page.getByTestId('cursor-time').fill(iso)
  await page.getByTestId('cursor-time').press('Enter')

  // Everything docked is listed, the Progress marked as hidden by the filter.
  await expect(page.getByTestId('cursor-count')).toHaveText(String(docked.length))
  const hidden = docked.filter((e) => e.family !== 'Soyuz')
  await expect(page.getByTestId('cursor-hidden-count')).toContainText(`${hidden.length} hidden`)
  for (const e of hidden)
    await expect(ui.cursorPanel.locator(`[data-event-id="${e.id}"]`)).toHaveAttribute(
      'data-hidden',
      'true',
    )
  await expect(ui.cursorPanel).not.toContainText('Nothing docked')

  // Every port of the station is listed: the occupied ones and the free ones.
  const station = ui.cursorPanel.locator(`li[data-station="${docked[0]!.stationName}"]`)
  await expect(station.locator('[data-port-state="occupied"]')).toHaveCount(
    new Set(docked.filter((e) => e.stationId === docked[0]!.stationId).map((e) => e.portId)).size,
  )
  const { ports } = await loadedData(page)
  const stationPorts = ports.filter((p) => p.stationId === docked[0]!.stationId).length
  await expect(station.locator('[data-port-state]')).toHaveCount(stationPorts)
  await expect(station.locator('h3')).toContainText(
    `${stationPorts - (await station.locator('[data-port-state="occupied"]').count())} free`,
  )

  // With the cursor focused, the arrows move it (and not the chart).
  const before = await page.getByTestId('cursor-time').inputValue()
  // Let the chart finish fitting the filtered results before comparing windows.
  await page.waitForTimeout(1000)
  const windowBefore = await ui.window()
  await page.locator('.vis-custom-time.cursor').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('cursor-time')).not.toHaveValue(before)
  expect(await ui.window()).toEqual(windowBefore)
})

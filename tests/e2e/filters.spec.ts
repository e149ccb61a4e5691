import type { AppApi } from '../../shared/ipc/contract'
import { expect, test } from './support/fixtures'
import { SALYUT_FIXTURE } from './support/snapshot-file'
import { FiltersPanel } from './support/filters-panel'
import { TimelinePage, type PaintedItem } from './support/timeline-page'

// The compiled Salyut fixture: 64 Salyut 6 and 7 dockings, 35 at Salyut 6 and 29 at Salyut 7.
const barCount = async (timeline: TimelinePage) => (await timeline.bars()).length

/** The search highlight colour (light theme, filters.css `--match`). */
const MATCH = [255, 213, 79]

/** Whether a painted pixel is the match colour (give or take anti-aliasing at fractional px). */
const isMatch = (px: ReadonlyArray<number>) =>
  px[3]! > 200 && MATCH.every((c, i) => Math.abs(c - px[i]!) <= 4)

/** Whether the match colour is painted just above the edge of a bar (its match outline). */
const outlined = async (timeline: TimelinePage, b: PaintedItem) =>
  isMatch(await timeline.pixelAt((b.left + b.right) / 2, b.top - 0.5))

/** Whether the match colour is painted behind a bar's label text. */
async function labelMarked(timeline: TimelinePage, b: PaintedItem): Promise<boolean> {
  for (let x = b.labelLeft; x < b.labelRight; x += 1)
    if (isMatch(await timeline.pixelAt(x, b.top + 4.5))) return true
  return false
}

/** Bars whose shown label is marked ("id"), and bars whose shown label contains `term`, sorted. */
async function marksAndMatches(timeline: TimelinePage, term: string) {
  const marked: number[] = []
  const matching: number[] = []
  for (const b of await timeline.bars()) {
    if (b.mode === 'none') continue
    if (await labelMarked(timeline, b)) marked.push(Number(b.id))
    if (b.label.toLowerCase().includes(term)) matching.push(Number(b.id))
  }
  return { marked: marked.sort(), matching: matching.sort() }
}

test('typing a vehicle name narrows the chart, highlights the matches and Escape clears', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const timeline = new TimelinePage(page)
  const filters = new FiltersPanel(page)
  await timeline.waitForBars()
  await expect.poll(() => barCount(timeline)).toBe(64)
  await expect(filters.resultCount).toHaveText('64 dockings')

  await filters.typeSearch('cosmos')
  // Cosmos 1267, 1443, 1686 (TKS) and Cosmos 1669 (a Progress, docked twice).
  await expect.poll(() => barCount(timeline)).toBe(5)
  await expect(filters.resultCount).toHaveText('5 of 64 dockings')
  for (const id of [900035, 900044, 900060, 900061, 900063])
    expect(await outlined(timeline, (await timeline.bar(id))!), `${id} outlined`).toBe(true)
  expect(await timeline.bar(900001)).toBeNull()
  // Labels shown on the chart have the term marked, as the table does.
  const { marked, matching } = await marksAndMatches(timeline, 'cosmos')
  expect(marked).toEqual(matching)
  expect(marked.length).toBeGreaterThan(0)

  // The table shows the same five, the search term marked in each vehicle name.
  await page.getByRole('tab', { name: 'Table' }).click()
  const table = page.getByTestId('event-table')
  const rows = table.getByRole('row').filter({ has: page.getByRole('gridcell') })
  await expect(rows).toHaveCount(5)
  await expect(table.locator('mark')).toHaveText(['Cosmos', 'Cosmos', 'Cosmos', 'Cosmos', 'Cosmos'])
  await expect(rows.first()).toHaveClass(/\bis-match\b/)
  await page.getByRole('tab', { name: 'Chart' }).click()

  // One more word narrows further: every word must match.
  await filters.typeSearch(' 1669')
  await expect.poll(() => barCount(timeline)).toBe(2)

  // Enter zooms the chart to the results (July–August 1985).
  await filters.search.press('Enter')
  await expect
    .poll(async () => {
      const start = Number(await timeline.root.getAttribute('data-window-start'))
      const end = Number(await timeline.root.getAttribute('data-window-end'))
      return (
        start <= Date.parse('1985-07-21') &&
        end >= Date.parse('1985-08-28') &&
        end - start < 200 * 86_400_000
      )
    })
    .toBe(true)

  await filters.search.press('Escape')
  await expect(filters.search).toHaveValue('')
  await expect(filters.resultCount).toHaveText('64 dockings')
  // The chart stays zoomed on 1985, where Soyuz T-13 (not a match) is back and unmarked.
  await expect.poll(async () => (await timeline.bar(900058)) !== null).toBe(true)
  expect(await outlined(timeline, (await timeline.bar(900058))!)).toBe(false)
  expect((await marksAndMatches(timeline, 'cosmos')).marked).toEqual([])
})

test('a search that matches nothing says so', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const filters = new FiltersPanel(page)
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  await filters.typeSearch('dragon')
  await expect(filters.resultCount).toHaveText('No dockings match (of 64)')
  await expect.poll(() => barCount(timeline)).toBe(0)
  // The chart says so itself, with the filter in words and the way out, not just empty rows.
  const chartSays = page.getByRole('tabpanel', { name: 'Chart' }).getByRole('status')
  await expect(chartSays.getByRole('heading')).toHaveText('No dockings match the filters')
  await expect(chartSays).toContainText('Filtered by search "dragon"')
  await page.screenshot({ path: 'test-results/no-matches-chart.png' })
  // So do the table and the analysis, in the same words.
  for (const tab of ['Table', 'Analysis']) {
    await page.getByRole('tab', { name: tab }).click()
    const says = page.getByRole('tabpanel', { name: tab }).getByRole('status')
    await expect(says.getByRole('heading')).toHaveText('No dockings match the filters')
    await expect(says).toContainText('Filtered by search "dragon"')
  }
  await page.getByRole('tab', { name: 'Chart' }).click()
  await chartSays.getByRole('button', { name: 'Clear all filters' }).click()
  await expect(filters.resultCount).toHaveText('64 dockings')
  await expect(chartSays).toHaveCount(0)
  await expect.poll(() => barCount(timeline)).toBeGreaterThan(0)
})

test('a station filter removes the other station’s rows and shows option counts', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const timeline = new TimelinePage(page)
  const filters = new FiltersPanel(page)
  await timeline.waitForBars()
  await expect(filters.locationRow('Salyut 7')).toContainText('29')
  await expect(filters.locationRow('Salyut 6')).toContainText('35')

  await filters.location('Salyut 7').check()
  await expect.poll(() => barCount(timeline)).toBe(29)
  await expect
    .poll(() => timeline.rowLabels())
    .toEqual(['Salyut 7', 'Salyut-7 aft', 'Salyut-7 forward'])
  // Ports under a ticked station show ticked.
  await expect(filters.location('Salyut-7 aft')).toBeChecked()

  // Counts follow the other filters: among Salyut 7 dockings, 14 are Progress (Progress 13 to 24, Cosmos 1669 twice).
  await expect(filters.optionRow('family', 'Progress')).toContainText('14')
  // Families with no docking left at all are shown as such and cannot be ticked.
  await filters.typeSearch('soyuz t-5')
  await expect(filters.option('family', 'Progress')).toBeDisabled()
  await expect(filters.locationRow('Salyut 6')).toContainText('0')

  // Unticking one port of the station keeps the other.
  await filters.search.press('Escape')
  await filters.location('Salyut-7 aft').uncheck()
  await expect.poll(() => timeline.rowLabels()).toEqual(['Salyut 7', 'Salyut-7 forward'])
  await expect.poll(() => barCount(timeline)).toBe(8)
})

test('chips remove single filters, and clear all removes every one', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const timeline = new TimelinePage(page)
  const filters = new FiltersPanel(page)
  await timeline.waitForBars()

  await filters.typeSearch('cosmos')
  await filters.option('family', 'Progress').check()
  await expect.poll(() => barCount(timeline)).toBe(2)
  await filters.expectChips(['Search: “cosmos”', 'Family: Progress'])

  await filters.removeChip('Family').click()
  await expect.poll(() => barCount(timeline)).toBe(5)
  await expect(filters.option('family', 'Progress')).not.toBeChecked()
  await filters.expectChips(['Search: “cosmos”'])

  await filters.removeChip('Search').click()
  await expect.poll(() => barCount(timeline)).toBe(64)
  await expect(filters.search).toHaveValue('')
  await expect(filters.chips).toHaveCount(0)

  await filters.location('Salyut 6').check()
  await filters.option('role', 'Cargo vehicle').check()
  await filters.option('state', 'Departed').check()
  await expect(filters.chips).toHaveCount(3)
  await expect.poll(() => barCount(timeline)).toBe(12)
  // By keyboard, removing a chip leaves the focus on the chip that takes its place, then on the
  // one before it when it was the last.
  await filters.removeChip('Station').focus()
  await page.keyboard.press('Enter')
  await filters.expectChips(['Role: Cargo vehicle', 'State: Departed'])
  await expect(filters.removeChip('Role')).toBeFocused()
  await filters.removeChip('State').focus()
  await page.keyboard.press('Enter')
  await filters.expectChips(['Role: Cargo vehicle'])
  await expect(filters.removeChip('Role')).toBeFocused()
  // Clearing them all, by keyboard too, leaves the focus in the search box above them.
  await filters.root.getByRole('button', { name: 'Clear all filters' }).focus()
  await page.keyboard.press('Enter')
  await expect(filters.chips).toHaveCount(0)
  await expect(filters.search).toBeFocused()
  await expect.poll(() => barCount(timeline)).toBe(64)
})

test('filters and a saved view survive a restart', async ({ launch }) => {
  const first = await launch({ snapshot: SALYUT_FIXTURE })
  let filters = new FiltersPanel(first.page)
  let timeline = new TimelinePage(first.page)
  await timeline.waitForBars()

  await filters.location('Salyut 6').check()
  await filters.option('role', 'Cargo vehicle').check()
  await expect.poll(() => barCount(timeline)).toBe(12)
  await filters.saveView('Salyut 6 cargo')
  await expect(filters.openView('Salyut 6 cargo')).toBeVisible()

  // Then something else: the current filters persist too, apart from the view.
  await filters.root.getByRole('button', { name: 'Clear all filters' }).click()
  // Soyuz T-1 and T-10 to T-15: every term is a substring.
  await filters.typeSearch('soyuz t-1')
  await expect.poll(() => barCount(timeline)).toBe(8)
  // The filter preference is written shortly after the last keystroke; let it land.
  await expect
    .poll(() =>
      first.page.evaluate(() =>
        (window as unknown as { api: AppApi }).api.getPref({ key: 'filters.current' }),
      ),
    )
    .toMatchObject({ ok: true, value: { search: 'soyuz t-1' } })
  await first.close()

  const second = await launch({ userDataDir: first.userDataDir, snapshot: SALYUT_FIXTURE })
  filters = new FiltersPanel(second.page)
  timeline = new TimelinePage(second.page)
  await timeline.waitForBars()
  await expect(filters.search).toHaveValue('soyuz t-1')
  await expect.poll(() => barCount(timeline)).toBe(8)

  await filters.openView('Salyut 6 cargo').click()
  // The chart opened fitted to the Soyuz T flights, so count the results, not the drawn bars.
  await expect(filters.resultCount).toHaveText('12 of 64 dockings')
  await expect
    .poll(async () => (await timeline.bars()).filter((b) => b.family !== 'Progress').length)
    .toBe(0)
  await expect(filters.search).toHaveValue('')
  await filters.expectChips(['Station: Salyut 6', 'Role: Cargo vehicle'])

  // Rename and delete, by keyboard.
  await filters.root.getByRole('button', { name: 'Rename view Salyut 6 cargo' }).click()
  await second.page.keyboard.press('ControlOrMeta+a')
  await second.page.keyboard.type('Progress at Salyut 6')
  await second.page.keyboard.press('Enter')
  await expect(filters.openView('Progress at Salyut 6')).toBeVisible()
  await filters.root.getByRole('button', { name: 'Delete view Progress at Salyut 6' }).click()
  await second.page.keyboard.press('Enter')
  await expect(filters.openView('Progress at Salyut 6')).toHaveCount(0)
})

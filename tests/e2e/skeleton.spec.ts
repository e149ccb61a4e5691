import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { familyColour } from '../../shared/chart/style'
import type { VehicleFamily } from '../../shared/domain/model'
import { expect, test } from './support/fixtures'
import { snapshotData } from '../fixtures/docking-data'
import { channelGap, coverage, rgbOf } from './support/pixels'
import { FiltersPanel } from './support/filters-panel'
import { SALYUT_FIXTURE, snapshotFile } from './support/snapshot-file'
import { ChartControls, TimelinePage } from './support/timeline-page'

// The bundled LL2 snapshot, placed as the app places it.
const bundled = snapshotData()
// The compiled Salyut fixture: 64 ended dockings whose bars are wide enough to measure.
const snapshot = JSON.parse(fs.readFileSync(SALYUT_FIXTURE, 'utf8')) as {
  results: Array<{
    id: number
    docking: string
    departure: string | null
    docking_location: { name: string }
  }>
}

const record183 = JSON.parse(
  fs.readFileSync('tests/fixtures/ll2/docking-event-183.detailed.json', 'utf8'),
)

test('opens on the bundled LL2 snapshot, one row per port under its station', async ({
  launch,
}) => {
  const { page } = await launch()
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  await expect(page).toHaveTitle('Docking Timeline')
  // Every station with dockings, and every port with dockings, has its row.
  const labels = await timeline.rowLabels()
  const stations = [...new Set(bundled.events.map((e) => e.stationName!))]
  const ports = [...new Set(bundled.events.map((e) => e.portName!))]
  expect(stations).toEqual(
    expect.arrayContaining(['International Space Station', 'Mir', 'Salyut 6']),
  )
  for (const name of [...stations, ...ports]) expect(labels, name).toContain(name)
  const n = bundled.events.length
  await expect(new FiltersPanel(page).resultCount).toHaveText(`${n} dockings`)
  // The status bar says it in one line; the full provenance is in "Data sources".
  await expect(page.getByTestId('data-summary')).toContainText(`bundled snapshot (${n} events)`)
  await page.getByRole('button', { name: 'Data sources…' }).click()
  const sources = page.getByRole('dialog', { name: 'Data sources' })
  await expect(sources).toContainText('Launch Library 2 by The Space Devs')
  await expect(sources.getByTestId('data-provenance')).toContainText(
    `bundled snapshot (${n} events)`,
  )
  await expect(sources.getByTestId('data-provenance')).toContainText(
    'Launch Library 2 by The Space Devs',
  )
  await sources.getByRole('button', { name: 'Close' }).click()
  await expect(sources).toBeHidden()
  await page.screenshot({ path: 'test-results/screenshot-snapshot.png' })
})

test('the detail panel says which LL2 capture a bundled record comes from', async ({ launch }) => {
  const { page } = await launch()
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  // Record 183 (Soyuz 26) is in the LL2 2.1.0 dump colbad2/LaunchList committed in January 2021.
  await page.getByRole('tab', { name: 'Table' }).click()
  await page.getByRole('gridcell', { name: 'Soyuz 26', exact: true }).first().click()
  const panel = page.getByTestId('detail-panel')
  await expect(panel.locator('[data-field="Record"]')).toHaveText(
    'LL2 2.1.0 record, captured about January 2021, via colbad2/LaunchList',
  )
  await expect(panel.locator('[data-field="LL2 id"]')).toHaveText('183')
})

test('the detail panel cites the record, and copies the citation to the clipboard', async ({
  launch,
}) => {
  const app = await launch({ clock: Date.parse('2026-12-02T09:30:00Z') })
  const { page } = app
  await new TimelinePage(page).waitForBars()
  await page.getByRole('tab', { name: 'Table' }).click()
  await page.getByRole('gridcell', { name: 'Soyuz 26', exact: true }).first().click()
  const cite = page.getByTestId('detail-cite')
  const url = bundled.events.find((e) => e.id === 183)!.url!
  // UTC at the record's own precision (the departure is to the minute), then the record.
  const expected =
    'Soyuz 26 at Salyut 6, Salyut-6 forward: docked 1977-12-11 03:02:41 UTC, departed ' +
    `1978-01-16 08:08 UTC. The Space Devs, Launch Library 2, docking event 183, ${url} ` +
    '(LL2 2.1.0 record, captured about January 2021, via colbad2/LaunchList). ' +
    'Read 2026-12-02 in Docking Timeline 0.0.0-e2e.'
  await expect(cite.locator('.citation')).toHaveText(expected)
  // Local time on screen changes nothing in a citation.
  await (await new ChartControls(page).moreOption('Local')).check()
  await expect(page.getByTestId('zone-label')).toHaveText('Times in local time')
  await expect(cite.locator('.citation')).toHaveText(expected)
  await cite.getByRole('button', { name: 'Copy citation' }).click()
  await expect(cite.getByRole('status')).toHaveText('Copied to the clipboard.')
  expect(await app.clipboardText()).toBe(expected)
})

test('each bar sits in its port row from docking to departure', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  // The opening view fits the data: the window spans the first docking to the last departure.
  const first = Math.min(...snapshot.results.map((r) => Date.parse(r.docking)))
  const last = Math.max(...snapshot.results.map((r) => Date.parse(r.departure ?? r.docking)))
  const windowStart = Number(await timeline.root.getAttribute('data-window-start'))
  const windowEnd = Number(await timeline.root.getAttribute('data-window-end'))
  expect(windowStart).toBeLessThanOrEqual(first)
  expect(windowEnd).toBeGreaterThanOrEqual(last)
  expect(windowEnd - windowStart).toBeLessThan((last - first) * 1.2)

  // The five longest stays: wide enough to measure both ends to the pixel.
  const longest = [...snapshot.results]
    .sort(
      (a, b) =>
        Date.parse(b.departure!) -
        Date.parse(b.docking) -
        (Date.parse(a.departure!) - Date.parse(a.docking)),
    )
    .slice(0, 5)
  let crew = 0
  for (const r of longest) {
    const bar = await timeline.barGeometry(r.id)
    const band = await timeline.rowBand(r.docking_location.name)
    const middle = (bar.top + bar.bottom) / 2
    expect(middle, `${r.id} in row ${r.docking_location.name}`).toBeGreaterThan(band.top)
    expect(middle, `${r.id} in row ${r.docking_location.name}`).toBeLessThan(band.bottom)
    // vis rounds positions to whole pixels and role outlines are up to 2px wide.
    expect(Math.abs(bar.left - (await timeline.xOf(Date.parse(r.docking))))).toBeLessThan(3)
    expect(Math.abs(bar.right - (await timeline.xOf(Date.parse(r.departure!))))).toBeLessThan(3)
    // Painted there: inside the bar near its end (clear of the label), and
    // just above it the row's light backdrop (the page, or a grid line).
    const x = bar.right - 4
    const inside = await timeline.pixelAt(x, bar.top + 3)
    const above = await timeline.pixelAt(x, bar.top - 3)
    expect(channelGap(inside, above), `${r.id} painted`).toBeGreaterThan(30)
    expect(Math.min(...above.slice(0, 3)), `${r.id} above`).toBeGreaterThan(200)
    // A crew vehicle's bar is its family's plain fill (other roles add a pattern over it).
    const painted = (await timeline.bar(r.id))!
    if (painted.role === 'crew') {
      crew++
      expect(inside.slice(0, 3)).toEqual(
        rgbOf(familyColour(painted.family as VehicleFamily, 'light').fill),
      )
    }
  }
  expect(crew).toBeGreaterThan(0)
})

test('a still-docked vehicle runs to now with an open end', async ({ launch }) => {
  const stillDocked = {
    ...record183,
    id: 9183,
    // Long enough to draw wide, so its fading end can be seen.
    docking: '2000-01-01T00:00:00Z',
    departure: null,
    docking_location: { ...record183.docking_location, id: 5, name: 'Salyut-6 aft' },
  }
  // The page's clock starts at a known instant, a year and more from when the test runs.
  const now = Date.parse('2025-06-01T12:00:00Z')
  const { page } = await launch({ snapshot: snapshotFile([record183, stillDocked]), clock: now })
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  await expect.poll(async () => (await timeline.bar(9183))?.isOpen).toBe(true)
  expect((await timeline.bar(183))?.isOpen).toBe(false)
  const bar = await timeline.barGeometry(9183)
  // Seconds pass on the page's clock while the test runs: well under a pixel here.
  expect(Math.abs(bar.right - (await timeline.xOf(now)))).toBeLessThan(3)
  // The open end fades out: nearly the row's backdrop at the right end, the bar's fill further in.
  const y = bar.top + 3
  const under = await timeline.pixelAt(bar.right - 1, bar.top - 3)
  const fill = rgbOf(
    familyColour((await timeline.bar(9183))!.family as VehicleFamily, 'light').fill,
  )
  expect(coverage(await timeline.pixelAt(bar.right - 1, y), under, fill)).toBeLessThan(0.16)
  expect(channelGap(await timeline.pixelAt(bar.right - 40, y), under)).toBeGreaterThan(60)
  const band = await timeline.rowBand('Salyut-6 aft')
  expect((bar.top + bar.bottom) / 2).toBeGreaterThan(band.top)
  expect((bar.top + bar.bottom) / 2).toBeLessThan(band.bottom)
})

test('an empty cache shows the empty state and what to do', async ({ launch }) => {
  const { page } = await launch({ snapshot: null })
  await expect(page.getByRole('heading', { name: 'No docking events yet' })).toBeVisible()
  await expect(page.getByText('npm run cli -- import FILE')).toBeVisible()
  await expect(page.getByTestId('bar-canvas')).toHaveCount(0)
})

test('a missing snapshot file gives an empty, working app with a notice', async ({ launch }) => {
  const missing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-nosnap-')), 'gone.json')
  const { page } = await launch({ snapshot: missing })
  await expect(page.getByRole('alert')).toContainText('The bundled snapshot could not be loaded')
  await expect(page.getByRole('alert')).toContainText('gone.json')
  await expect(page.getByRole('heading', { name: 'No docking events yet' })).toBeVisible()
  // The rest of the app still works: the sync dialog opens.
  await page.getByRole('button', { name: 'Sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync with Launch Library 2' })
  await expect(dialog.getByRole('button', { name: 'Plan' })).toBeEnabled()
})

test('an unopenable cache shows the error state, not a blank window', async ({ launch }) => {
  // A file where the data folder should be: the cache cannot be created.
  const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-block-')), 'not-a-folder')
  fs.writeFileSync(blocker, 'x')
  const { page } = await launch({ userDataDir: blocker })
  await expect(page.getByRole('alert')).toContainText('The cache cannot be read')
  await expect(page.getByRole('alert')).toContainText('not-a-folder')
})

test('a corrupt cache file is moved aside and rebuilt from the snapshot', async ({ launch }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-corrupt-'))
  fs.writeFileSync(path.join(dir, 'docking-timeline.sqlite'), 'this is not a database'.repeat(200))
  const { page } = await launch({ userDataDir: dir })
  await expect(page.getByRole('alert')).toContainText('could not be read')
  await new TimelinePage(page).waitForBars()
  await expect(new FiltersPanel(page).resultCount).toHaveText(`${bundled.events.length} dockings`)
  const aside = fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'))
  expect(aside.length).toBeGreaterThan(0)
  expect(
    fs.readFileSync(
      path.join(
        dir,
        aside.find((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))!,
      ),
      'utf8',
    ),
  ).toContain('this is not a database')
})

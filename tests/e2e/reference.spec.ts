import fs from 'node:fs'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { snapshotData } from '../fixtures/docking-data'
import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'

/** The bundled snapshot's ISS dockings, by id. */
const ISS_IDS = new Set(
  snapshotData()
    .events.filter((e) => e.stationName === 'International Space Station')
    .map((e) => e.id as number),
)

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
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // The strip above the chart counts them; Enter on its entry opens the panel.
  const entry = ui.summaryButton(/source conflicts/)
  await expect(entry).toHaveText(/^\d+ source conflicts/)
  await entry.focus()
  await page.keyboard.press('Enter')
  const panel = page.getByTestId('conflicts-panel')
  await expect(panel.getByRole('heading')).toContainText(/Source conflicts: \d+/)
  const kinds = panel.getByRole('group', { name: 'Conflicts by kind' })
  await expect(kinds.getByRole('button', { name: /^Port \d+$/ })).toBeVisible()
  await kinds.getByRole('button', { name: /^Port \d+$/ }).click()
  const row = panel.getByRole('row').filter({ hasText: 'Soyuz 26' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Salyut-6 forward')
  await expect(row).toContainText('Salyut-6 aft')
  await expect(row.getByRole('link', { name: /RP1357\.pdf\/92/ })).toBeVisible()
  await panel.screenshot({ path: 'test-results/conflicts-panel.png' })
  // The kind shown exports as CSV: the same row, with the reference's sources.
  await panel.getByRole('button', { name: 'Export these as CSV…' }).click()
  await expect(panel.getByRole('status').filter({ hasText: /^Saved / })).toHaveText(
    /^Saved \d+ conflicts? to .*docking-timeline_source-conflicts_port_\d{4}-\d\d-\d\d\.csv, described in a -metadata\.json file beside it$/,
  )
  const file = fs.readdirSync(app.exportDir).find((f) => f.endsWith('.csv'))
  const csv = fs.readFileSync(path.join(app.exportDir, file!), 'utf8').split('\r\n')
  // Beside it, what a reader needs to trust it: both sides' sources and each column's meaning.
  const sidecar = JSON.parse(
    fs.readFileSync(path.join(app.exportDir, `${file!}-metadata.json`), 'utf8'),
  ) as {
    url: string
    'dc:source': string
    tableSchema: { columns: Array<{ name: string }> }
    dockingTimeline: { kind: string; count: number; reference: Array<{ stations: string }> }
  }
  expect(sidecar.url).toBe(file)
  expect(sidecar['dc:source']).toContain('Launch Library 2 by The Space Devs')
  expect(sidecar['dc:source']).toContain('RP-1357')
  expect(sidecar.tableSchema.columns.map((c) => c.name).join(',')).toBe(csv[0])
  expect(sidecar.dockingTimeline.kind).toBe('port')
  expect(sidecar.dockingTimeline.count).toBe(csv.filter((l) => l.startsWith('port,')).length)
  expect(sidecar.dockingTimeline.reference.map((r) => r.stations).join(' | ')).toMatch(/Salyut 6/)
  expect(csv[0]).toBe('kind,vehicle,station,ll2Id,referenceId,ll2,reference,sources')
  expect(csv.find((l) => l.startsWith('port,Soyuz 26,Salyut 6,183,'))).toContain('RP1357.pdf/92')
  expect(csv.filter((l) => l !== '' && !l.startsWith('port,'))).toHaveLength(1)
  // "Show" selects LL2's record: the detail panel opens on it.
  await row.getByRole('button', { name: /Show Soyuz 26 \(LL2 183\)/ }).click()
  await expect(page.getByRole('complementary', { name: /detail/i })).toContainText('Soyuz 26')
  // And the chart shows it: Salyut 6's rows sit far below the ISS's, and are
  // scrolled to, so its bar is on screen, marked as selected.
  await expect
    .poll(async () => (await ui.timeline.barsInPlot()).find((b) => b.id === 183)?.selected)
    .toBe(true)
  await app.close()
})

test('"Show" on a docking the filters hide says so in its details, and clearing them shows it', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await page.getByRole('searchbox').fill('progress')
  await ui.openSummary(/source conflicts/)
  const panel = page.getByTestId('conflicts-panel')
  await panel.getByRole('button', { name: /^Port \d+$/ }).click()
  await panel.getByRole('button', { name: /Show Soyuz 26 \(LL2 183\)/ }).click()
  const hidden = ui.detailPanel.getByTestId('detail-hidden')
  await expect(hidden).toHaveText(
    /^Not on the chart or in the table: the current filters hide it\./,
  )
  expect(await ui.timeline.bar(183)).toBeNull()
  await hidden.getByRole('button', { name: 'Clear all filters' }).click()
  // (The details opening folded the filters' panel; the bar drawn is what shows the search gone.)
  await expect(hidden).toHaveCount(0)
  await expect
    .poll(async () => (await ui.timeline.barsInPlot()).find((b) => b.id === 183)?.selected)
    .toBe(true)
})

test('the reference layer draws a line per reference stay only while it is on', async ({
  launch,
}) => {
  const app = await launch()
  const { page } = app
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // Oldest stations first: the reference sets cover Salyut 6, 7 and Mir, not the ISS on top.
  await page.getByLabel('Stations by').selectOption('first')
  const toggle = () => ui.moreOption('Compare with reference')
  await expect(await toggle()).not.toBeChecked()
  expect(await referenceLinesPainted(page)).toBe(0)
  await (await toggle()).check()
  await expect.poll(() => referenceLinesPainted(page)).toBeGreaterThan(0)
  await ui.openSummary(/^Legend/)
  await expect(page.getByTestId('legend-reference')).toBeVisible()
  await (await toggle()).uncheck()
  await expect.poll(() => referenceLinesPainted(page)).toBe(0)
  await app.close()
})

test('Back returns from a "Show" to where the chart was, its rows in view again, and Forward goes there again', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  const back = ui.toolbar.getByRole('button', { name: 'Back', exact: true })
  const forward = ui.toolbar.getByRole('button', { name: 'Forward', exact: true })
  await expect(back).toBeDisabled()
  const start = await ui.window()
  const issBars = async () =>
    (await ui.timeline.barsInPlot()).filter((b) => ISS_IDS.has(Number(b.id))).length

  // "Show" on Soyuz 26's conflict: 1977, and the Salyut 6 rows far below the ISS's.
  await ui.openSummary(/source conflicts/)
  const panel = page.getByTestId('conflicts-panel')
  await panel
    .getByRole('row')
    .filter({ hasText: 'Soyuz 26' })
    .first()
    .getByRole('button', { name: /^Show Soyuz 26/ })
    .click()
  const shown = await ui.windowChangedFrom(start)
  await expect.poll(async () => (await ui.timeline.bar(183))?.selected).toBe(true)
  await expect.poll(issBars).toBe(0)
  // The button says where it goes: the days of the window the chart left.
  const day = (t: number) => new Date(t).toISOString().slice(0, 10)
  await expect(back).toHaveAttribute(
    'title',
    `Back to ${day(start.start)} to ${day(start.end)} UTC (Alt+←)`,
  )

  await back.click()
  expect(await ui.windowChangedFrom(shown)).toEqual(start)
  // Back where it was, the rows too: the ISS's dockings are on screen again.
  await expect.poll(issBars).toBeGreaterThan(0)
  await expect(back).toBeDisabled()

  // Alt+→ and Alt+← from the keyboard, as in a browser; the page stays the app.
  await ui.focusApp()
  await page.keyboard.press('Alt+ArrowRight')
  expect(await ui.windowChangedFrom(start)).toEqual(shown)
  await expect(forward).toBeDisabled()
  await page.keyboard.press('Alt+ArrowLeft')
  expect(await ui.windowChangedFrom(shown)).toEqual(start)
  await expect(ui.timeline.root).toBeVisible()
  await expect(forward).toBeEnabled()
})

test('each overlap on one port says what the reference has of its two records, and the details say it of one', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await ui.summaryButton(/overlap/).click()
  const list = page.getByTestId('overlap-list')
  const soyuz = list
    .getByRole('listitem')
    .filter({ hasText: 'Soyuz 26 and Soyuz 27 at Salyut-6 forward' })
  await expect(soyuz.getByRole('list', { name: 'What the reference says' })).toHaveText(
    'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
  )
  // Every one of the 13 has something from the reference (Salyut 6, Salyut 7 and Mir are covered).
  await expect(list.getByRole('list', { name: 'What the reference says' })).toHaveCount(13)

  await soyuz.getByRole('button', { name: 'Soyuz 26 and Soyuz 27 at Salyut-6 forward' }).click()
  const reference = ui.detailPanel.getByRole('region', { name: 'Reference' })
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText('Soyuz 26')
  await expect(reference).toContainText(
    'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
  )
  await expect(
    reference.getByRole('link', { name: 'https://en.wikisource.org/wiki/Page:RP1357.pdf/92' }),
  ).toBeVisible()
  // N: Soyuz 27, next to dock, which RP-1357 has as LL2 does.
  await ui.focusApp()
  await page.keyboard.press('n')
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText('Soyuz 27')
  await expect(reference).toHaveText(
    /^Reference\s*A reference record of it disputes none of LL2’s port/,
  )
  // An ISS docking: no reference speaks for it, and the section is gone.
  await ui.focusApp()
  await page.keyboard.press('/')
  await page.getByRole('searchbox').fill('"Soyuz MS-18"')
  await page.getByRole('tab', { name: 'Table' }).click()
  const rows = ui.table.getByRole('row').filter({ has: page.getByRole('gridcell') })
  // Two legs (it moved ports); either will do.
  await expect(rows).toHaveCount(2)
  await rows.first().click()
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText('Soyuz MS-18')
  await expect(reference).toHaveCount(0)
})

test('each data-check doubt says what the reference has of its records, and where it has a vehicle only at other times', async ({
  launch,
}) => {
  const app = await launch()
  const { page } = app
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await ui.summaryButton(/data-check/).click()
  const checks = page.getByTestId('data-checks')
  const said = checks.getByRole('list', { name: 'What the reference says' })
  // LL2 dates Soyuz T-15's Salyut 7 stay from its Mir docking; RP-1357 has it from 6 May 1986.
  const t15 = checks.getByRole('listitem').filter({ hasText: /^Soyuz T-15 is docked at Mir/ })
  await expect(t15.getByRole('list', { name: 'What the reference says' })).toHaveText(
    'The reference has no record of Soyuz T-15 at Salyut 7 within 2 days of LL2’s, from 1986-03-15 13:38:42 UTC at Salyut-7 forward; it has Soyuz T-15 there from 1986-05-06 16:57 UTC at Salyut-7 aft.',
  )
  // The 13 overlaps and Soyuz T-15: every other doubt is on the ISS or Tiangong, where no reference speaks.
  await expect(said).toHaveCount(14)
  const tma6 = checks.getByRole('listitem').filter({ hasText: /^Soyuz TMA-6 is docked at/ })
  await expect(tma6).toHaveCount(1)
  await expect(tma6.getByRole('list')).toHaveCount(0)
  // The list exports as CSV, the reference's word in a column of its own.
  await checks.getByRole('button', { name: 'Export all as CSV…' }).click()
  await expect(checks.getByRole('status').filter({ hasText: /^Saved / })).toHaveText(
    /^Saved 25 doubts to .*docking-timeline_data-checks_\d{4}-\d\d-\d\d\.csv, described in a -metadata\.json file beside it$/,
  )
  const file = fs
    .readdirSync(app.exportDir)
    .find((f) => f.startsWith('docking-timeline_data-checks'))!
  const csv = fs.readFileSync(path.join(app.exportDir, file), 'utf8').split('\r\n')
  expect(csv[0]).toBe('kind,event_ids,message,reference')
  expect(csv.filter((l) => l !== '')).toHaveLength(26)
  expect(csv.find((l) => l.startsWith('vehicle-two-places,"9;223",'))).toMatch(
    /,"The reference has no record of Soyuz T-15 at Salyut 7 within 2 days of LL2’s, from 1986-03-15 13:38:42 UTC at Salyut-7 forward; it has Soyuz T-15 there from 1986-05-06 16:57 UTC at Salyut-7 aft\."$/,
  )
  const sidecar = JSON.parse(
    fs.readFileSync(path.join(app.exportDir, `${file}-metadata.json`), 'utf8'),
  ) as { tableSchema: { columns: Array<{ name: string }> } }
  expect(sidecar.tableSchema.columns.map((c) => c.name).join(',')).toBe(csv[0])

  // The conflicts panel's row for it names the stay the reference has instead of "no record".
  await ui.summaryButton(/source conflicts/).click()
  const panel = page.getByTestId('conflicts-panel')
  await panel
    .getByRole('group', { name: 'Conflicts by kind' })
    .getByRole('button', { name: /^Not in the reference \d+$/ })
    .click()
  const row = panel.getByRole('row').filter({ hasText: 'Soyuz T-15' })
  await expect(row).toContainText('none within 2 days; from 1986-05-06 16:57 UTC at Salyut-7 aft')
  // Its sources: LL2's record named as LL2's, then the reference's for the stay it has instead.
  await expect(row.getByRole('cell').nth(5).getByRole('listitem')).toHaveText([
    'LL2: record 223',
    'The reference, for its other stays there:',
    'http://piglix.com/piglix/Mir_EO-1',
  ])
  // And the other way: RP-1357's stay for Soyuz T-7's move to the forward port, which LL2 leaves out.
  await panel
    .getByRole('group', { name: 'Conflicts by kind' })
    .getByRole('button', { name: /^Not in LL2 records held here \d+$/ })
    .click()
  await expect(panel.getByRole('row').filter({ hasText: 'Soyuz T-7' })).toContainText(
    'none within 2 days; from 1982-08-20 18:32:00 UTC at Salyut-7 forward',
  )
  await panel
    .getByRole('group', { name: 'Conflicts by kind' })
    .getByRole('button', { name: /^Not in the reference \d+$/ })
    .click()
  // Its details say the same, citing the reference's record of that stay, not LL2's own address.
  await row.getByRole('button', { name: /Show Soyuz T-15 \(LL2 223\)/ }).click()
  const reference = ui.detailPanel.getByRole('region', { name: 'Reference' })
  await expect(reference).toContainText(
    'The reference has no record of Soyuz T-15 at Salyut 7 within 2 days of LL2’s,',
  )
  // (Plain http: shown as text, not a link.)
  await expect(reference.getByRole('listitem').last()).toHaveText(
    'http://piglix.com/piglix/Mir_EO-1',
  )
  await expect(reference).not.toContainText('thespacedevs')
})

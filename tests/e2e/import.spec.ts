import fs from 'node:fs'

import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'

type Json = Record<string, unknown> & { id: number }

/** LL2 2.3.0 record 183 (Soyuz 26 at Salyut 6) in detailed mode, as the API served it. */
const RECORD_183 = JSON.parse(
  fs.readFileSync('tests/fixtures/ll2/docking-event-183.detailed.json', 'utf8'),
) as Json
/** The bundled snapshot's records by id, as a new cache holds them. */
const SNAPSHOT_RAW = new Map(
  (
    JSON.parse(fs.readFileSync(BUNDLED_SNAPSHOT_PATH, 'utf8')) as { docking_events: Json[] }
  ).docking_events.map((r) => [r.id, JSON.stringify(r)]),
)

/**
 * A docking the snapshot lacks, in record 183's 2.3.0 shape: Progress 7 at
 * Salyut 6's aft port, 1979-06-30 to 1979-07-18 (an id of its own, far
 * above LL2's, so it is added rather than replacing one).
 */
function progress7(): Json {
  const r = structuredClone(RECORD_183) as Json & {
    docking_location: { id: number; name: string }
    flight_vehicle_chaser: {
      id: number
      spacecraft: { name: string; spacecraft_config: { name: string } }
    }
  }
  r.id = 990_007
  r.url = ''
  r.docking = '1979-06-30T09:18:00Z'
  r.departure = '1979-07-18T06:50:00Z'
  r.docking_location.id = 9
  r.docking_location.name = 'Salyut-6 aft'
  r.flight_vehicle_chaser.id = 990_007
  r.flight_vehicle_chaser.spacecraft.name = 'Progress 7'
  r.flight_vehicle_chaser.spacecraft.spacecraft_config.name = 'Progress'
  return r
}

/** A 2.3.0 list response: the new docking, record 183 as LL2 serves it now, one with no port. */
function listResponse() {
  const noPort = { ...RECORD_183, id: 990_008, docking_location: null }
  const results = [progress7(), RECORD_183, noPort]
  return {
    results,
    text: JSON.stringify({ count: results.length, next: null, previous: null, results }),
  }
}

test('importing an LL2 2.3.0 file reports what changed and draws the new docking', async ({
  launch,
}) => {
  const { page } = await launch({})
  const chart = new ChartControls(page)
  await chart.timeline.waitForBars()
  const summary = page.getByTestId('data-summary')
  const countBefore = (await page.locator('.status-bar').textContent())!.match(/(\d+) events/)![1]!

  await page.setViewportSize({ width: 1024, height: 700 })
  // Keyboard first: the status bar's Import… opens the dialog with Enter.
  await page.getByRole('button', { name: 'Import…' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Import docking events' })
  await expect(dialog).toBeVisible()
  const { results, text } = listResponse()
  await dialog.getByLabel('File to import').setInputFiles({
    name: 'll2-2.3.0.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()

  // Counted from the file against the bundled snapshot: new ids added, differing records updated.
  const placed = results.filter((r) => r.docking_location !== null)
  const added = placed.filter((r) => !SNAPSHOT_RAW.has(r.id)).length
  const updated = placed.filter(
    (r) => SNAPSHOT_RAW.has(r.id) && SNAPSHOT_RAW.get(r.id) !== JSON.stringify(r),
  ).length
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    `Imported ll2-2.3.0.json: ${added} added, ${updated} updated, 0 unchanged, 0 removed. 1 record could not be placed and was not stored: 1 without a known port.`,
  )
  await expect(dialog.getByTestId('import-unplaced')).toContainText(
    'LL2 990008 (the record names no docking port)',
  )
  await expect(dialog).toContainText(`${results.length} (${results.length} LL2 2.3.0)`)
  // The keyboard moves on from the result with a visible focus ring.
  await page.keyboard.press('Tab')
  await expect(dialog.locator(':focus-visible')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screenshot-import-1024.png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // The data reloaded: one more event, counted as imported.
  await expect(page.locator('.status-bar')).toContainText(`${Number(countBefore) + added} events`)
  await expect(summary).toContainText(`imported files (${added + updated} events)`)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.getByLabel('Stations by').selectOption('first')
  await chart.goTo('1979-07-09')
  await expect.poll(async () => (await chart.timeline.bar(990_007))?.label).toBe('Progress 7')
})

test('a file that is not LL2 docking events is refused in words, changing nothing', async ({
  launch,
}) => {
  const { page } = await launch({})
  await new ChartControls(page).timeline.waitForBars()
  const status = page.locator('.status-bar')
  const before = await status.textContent()
  await page.getByRole('button', { name: 'Data sources…' }).click()
  const sources = page.getByRole('dialog', { name: 'Data sources' })
  await sources.getByRole('button', { name: 'Import a file…' }).click()
  await expect(sources).toBeHidden()
  const dialog = page.getByRole('dialog', { name: 'Import docking events' })
  const pick = async (name: string, content: string) => {
    await dialog.getByLabel('File to import').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    })
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  }
  await pick('broken.json', '{"count": 1, "results": [')
  await expect(dialog.getByRole('alert')).toHaveText(
    /^Import failed\. broken\.json: not JSON \(.+\); nothing was imported\.$/,
  )
  await pick('stations.json', '{"stations": []}')
  await expect(dialog.getByRole('alert')).toHaveText(
    'Import failed. stations.json: expected an LL2 page, a list of docking events or one record; nothing was imported.',
  )
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'test-results/screenshot-import-error-dark.png' })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(status).toHaveText(before!)
})

test('an empty app fills from an imported file, straight from the empty state', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: null })
  const merged = JSON.parse(
    fs.readFileSync('assets/snapshot/sources/ll2-docking-events.merged.json', 'utf8'),
  ) as Array<Json & { x_api_version: string }>
  // The real LL2 2.3.0 records: vehicles docked at the ISS and Tiangong in 2026.
  const docked = merged.filter((r) => r.x_api_version === '2.3.0')
  await expect(page.getByRole('heading', { name: 'No docking events yet' })).toBeVisible()
  await page.getByRole('button', { name: 'Import a file…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import docking events' })
  await dialog.getByLabel('File to import').setInputFiles({
    name: 'docked.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(docked)),
  })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    `Imported docked.json: ${docked.length} added, 0 updated, 0 unchanged, 0 removed.`,
  )
  await dialog.getByRole('button', { name: 'Close' }).click()
  const chart = new ChartControls(page)
  await chart.timeline.waitForBars()
  await expect(page.locator('.status-bar')).toContainText(`${docked.length} events`)
})

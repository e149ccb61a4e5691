import { snapshotData } from '../fixtures/docking-data'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer, type ThrottleConfig } from '../ll2-server/server'
import { expect, test, type Launch } from './support/fixtures'
import { snapshotFile } from './support/snapshot-file'
import { ChartControls } from './support/timeline-page'

/** What the bundled snapshot puts in a new cache. */
const SNAPSHOT_TEXT = `bundled snapshot (${snapshotData().events.length} events)`

let server: Ll2TestServer | null = null
test.afterEach(async () => {
  await server?.close()
  server = null
})

test('a full sync from LL2 shows its plan and progress, and keeps the snapshot records it did not replace', async ({
  launch,
}) => {
  const dataset = generateDataset({ events: 250, seed: 11 })
  server = await startLl2Server({ dataset, throttle: { limit: 15, windowSecs: 3600 } })
  const { page } = await launch({ baseUrl: server.url })
  await expect(page.getByTestId('data-summary')).toContainText(SNAPSHOT_TEXT)

  await page.getByRole('button', { name: 'Sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync with Launch Library 2' })
  await dialog.getByLabel(/Everything/).check()
  await dialog.getByRole('button', { name: 'Plan' }).click()
  // Before any page no one knows how many events or expeditions there are: the plan is a
  // floor (a page of each, the stations, the ports), and says so.
  const expeditions = server.expeditions().length
  const pages = Math.ceil(dataset.events.length / 100) + Math.ceil(expeditions / 100)
  await expect(dialog.getByTestId('sync-plan')).toHaveText(
    /^Full sync: at least 4 requests; the first page tells how many/,
  )
  await dialog.getByRole('button', { name: 'Start sync' }).click()
  await expect(dialog.getByTestId('sync-status')).toContainText(`Sync finished`, {
    timeout: 30_000,
  })
  // The generated ids (1000 up) are new to the cache: all added, none of the snapshot's removed.
  await expect(dialog.getByTestId('sync-status')).toContainText(
    `${dataset.events.length} events and ${expeditions} expeditions stored; 0 updated, ${dataset.events.length} added, 0 removed`,
  )
  // The first page told the count: the plan shown now is the real one, with no "at least".
  await expect(dialog.getByTestId('sync-plan')).toHaveText(
    new RegExp(`^Full sync: ${pages + 2} requests; the current rate-limit budget covers them; `),
  )
  await expect(dialog.getByTestId('sync-plan')).not.toContainText('about under')
  await expect(
    dialog.getByText(/Last full sync/).locator('xpath=following-sibling::dd[1]'),
  ).toContainText('UTC')
  await dialog.getByRole('button', { name: 'Close' }).click()

  const provenance = page.getByTestId('data-summary')
  await expect(provenance).toContainText(
    `Launch Library 2 by The Space Devs (${dataset.events.length} events)`,
  )
  // The generated records have ids of their own (1000 up): none replaced a snapshot record.
  await expect(provenance).toContainText(SNAPSHOT_TEXT)
  await expect(page.getByTestId('data-as-of')).toContainText(
    /Data as of \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ UTC/,
  )
  // Requests used: one per page of 100 events or expeditions, plus stations and ports;
  // api-throttle is free.
  expect(server.countedRequests()).toBe(pages + 2)
})

test('a rate-limited sync says until when it waits, and cancelling keeps what was stored', async ({
  launch,
}) => {
  const dataset = generateDataset({ events: 250, seed: 12 })
  server = await startLl2Server({ dataset })
  server.addFault({ kind: { type: '429', retryAfterSecs: 7200 }, match: 'offset=100' })
  const { page } = await launch({ baseUrl: server.url })
  await page.getByRole('button', { name: 'Sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync with Launch Library 2' })
  await dialog.getByLabel(/Everything/).check()
  await dialog.getByRole('button', { name: 'Start sync' }).click()
  await expect(dialog.getByTestId('sync-status')).toContainText(
    // Two hours on: after midnight, the wait gives its day.
    /Waiting for the rate limit until (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC/,
    {
      timeout: 30_000,
    },
  )
  await dialog.getByRole('button', { name: 'Cancel sync' }).click()
  await expect(dialog.getByTestId('sync-status')).toContainText('Sync cancelled')
  await expect(dialog.getByTestId('sync-status')).toContainText('events stored so far are kept')
  await dialog.getByRole('button', { name: 'Close' }).click()
  // The snapshot stays; the first page is kept beside it.
  await expect(page.getByTestId('data-summary')).toContainText(SNAPSHOT_TEXT)
  await expect(page.getByTestId('data-summary')).toContainText(
    'Launch Library 2 by The Space Devs (100 events)',
  )
})

test('cancel ends a sync stuck on a server that stopped sending, within 2 s', async ({
  launch,
}) => {
  server = await startLl2Server({ dataset: generateDataset({ events: 250, seed: 13 }) })
  server.addFault({ kind: { type: 'stall' }, match: 'offset=100' })
  const { page } = await launch({ baseUrl: server.url })
  await page.getByRole('button', { name: 'Sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync with Launch Library 2' })
  await dialog.getByLabel(/Everything/).check()
  await dialog.getByRole('button', { name: 'Start sync' }).click()
  const stalled = server
  await expect
    .poll(() => stalled.requests.some((r) => r.search.includes('offset=100')), { timeout: 30_000 })
    .toBe(true)
  // The request deadline is 30 s away: only the cancel can end it this soon.
  await dialog.getByRole('button', { name: 'Cancel sync' }).click()
  await expect(dialog.getByTestId('sync-status')).toContainText('Sync cancelled', {
    timeout: 2_000,
  })
  await expect(dialog.getByTestId('sync-status')).toContainText('events stored so far are kept')
})

test('an unreachable server fails in plain words and loses nothing', async ({ launch }) => {
  const { page } = await launch({ baseUrl: 'http://127.0.0.1:9' })
  await page.getByRole('button', { name: 'Sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync with Launch Library 2' })
  await dialog.getByRole('button', { name: 'Start sync' }).click()
  await expect(dialog.getByText(/Sync failed|cannot|could not/i).first()).toBeVisible({
    timeout: 30_000,
  })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('data-summary')).toContainText(SNAPSHOT_TEXT)
})

test('the server list names each server in full at 1024x700, and says what choosing it means', async ({
  launch,
}) => {
  const { page } = await launch()
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByRole('button', { name: 'Sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync with Launch Library 2' })
  const server = dialog.getByLabel('Server')
  await expect(server).toHaveAccessibleDescription(/^15 requests an hour without an API key/)
  // Each option's text fits the closed list, its arrow aside.
  const cut = await server.evaluate((el: HTMLSelectElement) => {
    const ctx = document.createElement('canvas').getContext('2d')!
    const style = getComputedStyle(el)
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const room = el.clientWidth - 40
    return [...el.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text)
  })
  expect(cut).toEqual([])
  await server.selectOption({ label: 'Launch Library 2 development server' })
  await expect(server).toHaveAccessibleDescription(/^No request limit, but its data can lag/)
})

const detailPath = (id: number) => `/2.3.0/docking_events/${id}/`

/**
 * The app on 12 generated dockings that the LL2 test server (with `throttle`,
 * after `prepare`) also holds, so each has a detailed record to fetch.
 */
async function openOnDetailServer(
  launch: Launch,
  throttle: ThrottleConfig | null,
  prepare?: (s: Ll2TestServer, ids: ReadonlyArray<number>) => void,
) {
  const dataset = generateDataset({ events: 12, seed: 21 })
  const ids = dataset.events.map((e) => e.id as number)
  const served = await startLl2Server({ dataset, throttle })
  server = served
  prepare?.(served, ids)
  const { page } = await launch({ baseUrl: served.url, snapshot: snapshotFile(dataset.events) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  return { page, ui, status: ui.detailPanel.locator('.detail-status'), ids, served }
}

test('the details say when they fetch a docking’s detailed record from LL2, offer to try again when it fails, and leave LL2 alone on selection for a while after', async ({
  launch,
}) => {
  const { ui, status, ids, served } = await openOnDetailServer(launch, null, (s, [first]) =>
    // Slow enough for the panel to say what it waits for.
    s.addFault({ kind: { type: 'slow', delayMs: 1_500 }, match: detailPath(first!) }),
  )
  const [first, second, third, fourth] = ids as [number, number, number, number]
  const asked = (id: number) => served.requests.filter((r) => r.path === detailPath(id)).length

  await ui.timeline.clickVisiblePart(first)
  await expect(status).toHaveText(
    'Fetching the detailed record (launch, landing, mission) from Launch Library 2; it gives up after 30 s…',
  )
  // Meanwhile the panel shows what the cache holds.
  await expect(ui.detailField('Spacecraft')).not.toHaveText('—')
  await expect(ui.detailField('Launch')).toHaveText('—')
  await expect(status).toHaveText('Detailed LL2 record fetched just now and cached.')
  await expect(ui.detailField('Launch')).toContainText('Launch Successful')

  // A failing server is asked once, not three times, and the panel offers to ask again.
  served.addFault({ kind: { type: '500' }, match: detailPath(second), times: 3 })
  await ui.timeline.clickVisiblePart(second)
  await expect(status).toContainText(
    'Launch, landing and mission need the detailed LL2 record, which could not be fetched.',
  )
  await expect(status).toContainText('500')
  expect(asked(second)).toBe(1)
  served.clearFaults()
  await ui.detailPanel.getByRole('button', { name: 'Try again' }).click()
  await expect(status).toHaveText('Detailed LL2 record fetched just now and cached.')
  await expect(ui.detailField('Launch')).toContainText('Launch Successful')
  expect(asked(second)).toBe(2)

  // Chosen again, the first comes from the cache, with no request.
  await ui.timeline.clickVisiblePart(first)
  await expect(status).toHaveText(/^Detailed LL2 record from the cache, fetched \d{4}-\d\d-\d\d /)
  expect(asked(first)).toBe(1)

  // After a failure, the next docking chosen does not try LL2 on its own (offline, each would
  // wait and fail alike): it says why, and fetches when asked.
  served.addFault({ kind: { type: '500' }, match: detailPath(third), times: 1 })
  await ui.timeline.clickVisiblePart(third)
  await expect(status).toContainText('which could not be fetched.')
  await ui.timeline.clickVisiblePart(fourth)
  await expect(status).toContainText(
    'Launch, landing and mission need the detailed LL2 record, which is not in the cache.',
  )
  // The main process keeps real time here: a wait running past midnight gives its day too.
  await expect(status).toContainText(
    /Not fetched on its own: the last try, at (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC, failed \(.*500.*\)\. Dockings selected from (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC try again on their own\./,
  )
  expect(asked(fourth)).toBe(0)
  await ui.detailPanel.getByRole('button', { name: 'Fetch it from LL2' }).click()
  await expect(status).toHaveText('Detailed LL2 record fetched just now and cached.')
  expect(asked(fourth)).toBe(1)
})

test('on anonymous LL2’s 15 requests an hour, a docking’s detailed record is fetched only when asked', async ({
  launch,
}) => {
  const { page, ui, status, ids, served } = await openOnDetailServer(launch, {
    limit: 15,
    windowSecs: 3600,
  })
  await ui.timeline.clickVisiblePart(ids[0]!)
  await expect(status).toContainText(
    'Launch, landing and mission need the detailed LL2 record, which is not in the cache.',
  )
  await expect(status).toContainText(
    'Not fetched on its own: this server allows 15 requests an hour (15 left now), and syncs need them.',
  )
  expect(served.countedRequests()).toBe(0)
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size)
    await ui.settled()
    await page.screenshot({ path: `test-results/screenshot-detail-unfetched-${size.width}.png` })
  }
  await ui.detailPanel.getByRole('button', { name: 'Fetch it from LL2' }).click()
  await expect(status).toHaveText('Detailed LL2 record fetched just now and cached.')
  await expect(ui.detailField('Launch')).toContainText('Launch Successful')
  expect(served.countedRequests()).toBe(1)
})

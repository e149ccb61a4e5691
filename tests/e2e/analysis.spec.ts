import fs from 'node:fs'

import type { Page } from '@playwright/test'

import type { AppApi } from '../../shared/ipc/contract'
import { snapshotPortDays } from '../fixtures/snapshot-port-days'
import { expect, test } from './support/fixtures'
import { TimelinePage } from './support/timeline-page'

/** A fixed clock: still-docked vehicles are measured to this instant, in the app and here. */
const NOW = Date.parse('2025-06-01T00:00:00Z')

/**
 * The busiest port by time docked, worked out here from the bundled records
 * (`snapshotPortDays`: the union of each port's stays, read as the app reads
 * LL2's later corrections; the 2.1.0 values alone leave Progress MS-14 open
 * since 2020 and overstate Zvezda aft by about 15 %).
 */
function busiestPort(): { port: string; days: number } {
  const totals = [...snapshotPortDays(NOW)].map(([port, d]) => ({ port, days: d.union }))
  totals.sort((a, b) => b.days - a.days)
  // A clear winner, so LL2's later corrections to a few times cannot change the answer.
  expect(totals[0]!.days).toBeGreaterThan(totals[1]!.days * 1.05)
  return totals[0]!
}

/** Salyut 6's uncrewed periods starting in 1980, from the bundled expedition list by hand. */
function salyut6Gaps1980(): Array<[string, string]> {
  const list = JSON.parse(
    fs.readFileSync('assets/snapshot/sources/ll2-expeditions.2.1.0.colbad2.json', 'utf8'),
  ) as { results: Array<{ name: string; start: string; end: string | null }> }
  // Named for Salyut 6 (one is filed under Salyut 5); those ending before they start add nothing.
  const spans = list.results
    .filter((x) => x.name.startsWith('Salyut 6 ') && x.end !== null && x.end > x.start)
    .map((x) => [Date.parse(x.start), Date.parse(x.end!)] as const)
    .sort((a, b) => a[0] - b[0])
  const gaps: Array<[string, string]> = []
  let reach = spans[0]![1]
  for (const [a, b] of spans.slice(1)) {
    if (a > reach && new Date(reach).getUTCFullYear() === 1980)
      gaps.push([new Date(reach).toISOString(), new Date(a).toISOString()])
    reach = Math.max(reach, b)
  }
  return gaps.map(([a, b]) => [a.slice(0, 16) + 'Z', b.slice(0, 16) + 'Z'])
}

/** Text in the analysis charts that runs past its chart's left or right edge, where the chart clips it. */
function cutChartText(page: Page): Promise<string[]> {
  return page.locator('.analysis-plot svg').evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const box = svg.getBoundingClientRect()
      return [...svg.querySelectorAll('text')]
        .filter((t) => {
          const b = t.getBoundingClientRect()
          return b.width > 0 && (b.left < box.left - 1 || b.right > box.right + 1)
        })
        .map((t) => t.textContent ?? '')
    }),
  )
}

test('the analysis view answers "busiest port by time docked", and its bar leads to the timeline', async ({
  launch,
}) => {
  const { page } = await launch({ clock: NOW })
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  const expected = busiestPort()

  await page.getByRole('tab', { name: 'Analysis' }).click()
  const section = page.getByRole('region', { name: /busiest port by time docked/ })
  const answer = section.getByTestId('answer-ports')
  await expect(answer).toContainText(`Busiest port by time docked: ${expected.port} (`)
  await expect(answer).toContainText(`${Math.round(expected.days * 10) / 10} days docked`)
  // The table beside the chart lists it first, and the chart draws its bar longest.
  const table = section.getByRole('table')
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(expected.port)
  const bars = section.locator('.analysis-plot svg g[aria-label="bar"] rect')
  const widths = await bars.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().width))
  expect(widths[0]).toBe(Math.max(...widths))
  await expect(
    section.locator('.analysis-plot svg [aria-label="y-axis tick label"] text').first(),
  ).toHaveText(new RegExp(`^${expected.port} \\(`))

  for (const size of [
    { width: 1024, height: 700 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `test-results/screenshot-analysis-${size.width}.png` })
    // Every chart drawn, none of its words (axis and facet labels: station names) is cut at its edges.
    await expect(page.locator('.analysis-plot:not([data-drawn])')).toHaveCount(0)
    expect(await cutChartText(page)).toEqual([])
  }
  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: 'test-results/screenshot-analysis-dark.png' })

  // Clicking the busiest port's bar shows its dockings on the timeline.
  const before = await timeline.root.getAttribute('data-window-start')
  const box = (await bars.first().boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true')
  await expect(timeline.root).not.toHaveAttribute('data-window-start', before ?? '')
})

test('a port far down the chart, clicked in the analysis, is on screen on the timeline', async ({
  launch,
}) => {
  const { page } = await launch({ clock: NOW })
  const timeline = new TimelinePage(page)
  await timeline.waitForBars()
  const data = await page.evaluate(() =>
    (window as unknown as { api: AppApi }).api.getData().then((r) => (r.ok ? r.value : null)),
  )
  const kvant = new Set<number | string>(
    data!.events.filter((e) => e.portName === 'Kvant-1 aft').map((e) => e.id),
  )
  expect(kvant.size).toBeGreaterThan(0)
  // Mir's rows sit under the ISS's and Tiangong's: out of view on opening.
  expect((await timeline.barsInPlot()).some((b) => kvant.has(b.id))).toBe(false)

  await page.getByRole('tab', { name: 'Analysis' }).click()
  const section = page.getByRole('region', { name: /busiest port by time docked/ })
  const labels = await section
    .locator('.analysis-plot svg [aria-label="y-axis tick label"] text')
    .allTextContents()
  const at = labels.findIndex((l) => l.startsWith('Kvant-1 aft (Mir)'))
  expect(at).toBeGreaterThan(0)
  const bar = section.locator('.analysis-plot svg g[aria-label="bar"] rect').nth(at)
  const box = (await bar.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true')
  await expect
    .poll(async () => (await timeline.barsInPlot()).filter((b) => kvant.has(b.id)).length)
    .toBeGreaterThan(0)
})

test('an analysis chart exports as SVG with the reader footer, and its table as CSV', async ({
  launch,
}) => {
  const app = await launch({ clock: NOW })
  const { page } = app
  await new TimelinePage(page).waitForBars()
  await page.getByRole('tab', { name: 'Analysis' }).click()
  const section = page.getByRole('region', { name: /busiest port by time docked/ })
  await section.getByRole('button', { name: 'Chart SVG' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible()
  const svgFile = fs.readdirSync(app.exportDir).find((f) => f.endsWith('.svg'))!
  const svg = fs.readFileSync(`${app.exportDir}/${svgFile}`, 'utf8')
  expect(svg).toContain('Source: bundled snapshot: Launch Library 2 by The Space Devs')
  expect(svg).toContain('Busiest port by time docked')
  expect(svg).toContain('Docking Timeline 0.0.0-e2e')

  await section.getByRole('button', { name: 'Table CSV' }).click()
  await expect
    .poll(() => fs.readdirSync(app.exportDir).filter((f) => f.endsWith('.csv')).length)
    .toBe(1)
  const csvFile = fs.readdirSync(app.exportDir).find((f) => f.endsWith('.csv'))!
  const csv = fs.readFileSync(`${app.exportDir}/${csvFile}`, 'utf8').split('\r\n')
  expect(csv[0]).toBe('port,station,days_docked,overlap_days,dockings,share_of_life,life_basis')
  expect(csv[1]!.startsWith(`${busiestPort().port},`)).toBe(true)
  await expect(page.getByRole('status').filter({ hasText: /\.csv, described/ })).toHaveText(
    /^Saved .*\.csv, described in a -metadata\.json file beside it$/,
  )
  // The table says where it came from and what each column is, as the data export's CSV does.
  const sidecar = JSON.parse(
    fs.readFileSync(`${app.exportDir}/${csvFile}-metadata.json`, 'utf8'),
  ) as {
    'dc:title': string
    'dc:source': string
    tableSchema: { columns: Array<{ name: string; datatype: string; 'dc:description': string }> }
    dockingTimeline: { filters: string; count: number; app: { version: string } }
  }
  expect(sidecar['dc:title']).toMatch(/Busiest port by time docked/i)
  expect(sidecar['dc:source']).toContain('Launch Library 2 by The Space Devs')
  expect(sidecar.tableSchema.columns.map((c) => c.name).join(',')).toBe(csv[0])
  expect(sidecar.tableSchema.columns.find((c) => c.name === 'dockings')?.datatype).toBe('integer')
  expect(sidecar.dockingTimeline.count).toBe(csv.filter((l) => l !== '').length - 1)
  expect(sidecar.dockingTimeline.app.version).toBe('0.0.0-e2e')
})

test('crewed periods rest on expeditions for Salyut 6, and stations compare by days since founded', async ({
  launch,
}) => {
  const { page } = await launch({ clock: NOW })
  await new TimelinePage(page).waitForBars()
  await page.getByRole('tab', { name: 'Analysis' }).click()

  const crew = page.getByRole('region', { name: /Crewed periods/ })
  const rows = crew.getByRole('table').locator('tbody tr')
  const gaps = salyut6Gaps1980()
  expect(gaps.length).toBeGreaterThanOrEqual(2)
  for (const [from, to] of gaps)
    await expect(
      rows
        .filter({ hasText: 'Salyut 6' })
        .filter({ hasText: `${from}` })
        .filter({ hasText: to }),
    ).toHaveText(/uncrewed.*by expeditions/)
  // Tiangong's station has no expedition in the list: the proxy, labelled.
  await expect(rows.filter({ hasText: 'Tiangong space station' }).first()).toContainText('proxy: ')
  await expect(crew.getByTestId('answer-crew')).toContainText('LL2 expeditions')
  const notes = crew.getByTestId('crew-notes')
  await notes.locator('summary').click()
  await expect(notes).toContainText('Salyut 6 EP-5 is filed under Salyut 5')

  const comparison = page.getByRole('region', { name: /Station comparison/ })
  await expect(comparison.locator('.analysis-plot svg [aria-label="x-axis label"]')).toContainText(
    'Days since founded',
  )
  await expect(
    comparison.getByRole('table').locator('tbody tr').filter({ hasText: /^Mir/ }),
  ).toContainText('1986-02-20')

  for (const size of [
    { width: 1024, height: 700 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size)
    await crew.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `test-results/screenshot-analysis-crew-${size.width}.png` })
    await comparison.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `test-results/screenshot-analysis-comparison-${size.width}.png` })
  }
})

test('a long analysis table shows its first rows, and "Show all" shows the rest', async ({
  launch,
}) => {
  const { page } = await launch({ clock: NOW })
  await new TimelinePage(page).waitForBars()
  await page.getByRole('tab', { name: 'Analysis' }).click()

  // Arrivals per station, year and family: the longest table on the bundled data.
  const traffic = page.getByRole('region', { name: /Traffic/ })
  const rows = traffic.getByRole('table').locator('tbody tr')
  const showAll = traffic.getByRole('button', { name: /^Show all/ })
  await expect(showAll).toBeVisible()
  const total = Number(
    /Show all ([\d,]+) rows/.exec((await showAll.textContent()) ?? '')![1]!.replace(/,/g, ''),
  )
  expect(total).toBeGreaterThan(100)
  await expect(rows).toHaveCount(100)
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size)
    await showAll.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `test-results/screenshot-analysis-show-all-${size.width}.png` })
  }
  await showAll.focus()
  await page.keyboard.press('Enter')
  await expect(rows).toHaveCount(total)
  await expect(showAll).toHaveCount(0)
})

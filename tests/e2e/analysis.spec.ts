import fs from 'node:fs'

import { expect, test } from './support/fixtures'
import { TimelinePage } from './support/timeline-page'

/** A fixed clock: still-docked vehicles are measured to this instant, in the app and here. */
const NOW = Date.parse('2025-06-01T00:00:00Z')

interface SnapshotRecord {
  docking: string
  departure: string | null
  docking_location: { name?: string } | null
}
/** The bundled snapshot's LL2 records, read here as plain JSON. */
const records = (
  JSON.parse(fs.readFileSync('assets/snapshot/ll2-snapshot.json', 'utf8')) as {
    docking_events: SnapshotRecord[]
  }
).docking_events

/**
 * The busiest port by time docked, worked out here from the bundled records:
 * per port name, the union of its docking-to-departure spans (an overlap
 * counted once; a vehicle still docked counts to the clock).
 */
function busiestPort(): { port: string; days: number } {
  const spans = new Map<string, Array<[number, number]>>()
  for (const r of records) {
    const name = r.docking_location?.name
    if (!name) continue
    const start = Date.parse(r.docking)
    const end = r.departure === null ? Math.max(NOW, start) : Date.parse(r.departure)
    spans.set(name, [...(spans.get(name) ?? []), [start, end]])
  }
  const totals = [...spans].map(([port, s]) => {
    let total = 0
    let reach = -Infinity
    for (const [a, b] of s.sort((x, y) => x[0] - y[0])) {
      const from = Math.max(a, reach)
      if (b > from) total += b - from
      reach = Math.max(reach, b)
    }
    return { port, days: total / 86_400_000 }
  })
  totals.sort((a, b) => b.days - a.days)
  // A clear winner, so LL2's later corrections to a few times cannot change the answer.
  expect(totals[0]!.days).toBeGreaterThan(totals[1]!.days * 1.05)
  return totals[0]!
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
  expect(csv[0]).toBe('port,station,days_docked,dockings,share_of_life,life_basis')
  expect(csv[1]!.startsWith(`${busiestPort().port},`)).toBe(true)
})

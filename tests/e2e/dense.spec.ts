import { familyColour } from '../../shared/chart/style'
import type { VehicleFamily } from '../../shared/domain/model'
import { generateDataset } from '../fixtures/generate-dataset'
import { expect, test, type Launch } from './support/fixtures'
import { snapshotFile } from './support/snapshot-file'
import { coverage, rgbOf } from './support/pixels'
import { ChartControls } from './support/timeline-page'

// 3,000 generated dockings: the busiest ports hold well over a hundred each,
// more than the chart can draw apart when it shows all 27 years.
const dataset = generateDataset({ events: 3000, seed: 21 })
/** Opening 3,000 dockings can take longer than the default wait on a loaded machine. */
const OPEN_TIMEOUT = 45_000

/** Opens the app on the dense data set, once its strips are drawn. */
async function openDense(launch: Launch) {
  const { page } = await launch({ snapshot: snapshotFile(dataset.events) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars(OPEN_TIMEOUT)
  await expect.poll(async () => (await ui.timeline.runs()).length).toBeGreaterThan(0)
  return { page, ui }
}

test('a port too dense to draw apart shows strips with counts, and a click zooms in to its bars', async ({
  launch,
}) => {
  const { page, ui } = await openDense(launch)
  await ui.openSummary(/^Legend/)
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText(
    'Too dense to draw apart: shaded by time docked; zoom in',
  )
  await page.screenshot({ path: 'test-results/screenshot-dense.png' })
  // Every strip counts what it stands for; the widest shows its count.
  const run = (await ui.timeline.runs()).sort((a, b) => b.right - b.left - (a.right - a.left))[0]!
  const count = Number(run.label.match(/^(\d+) dockings$/)?.[1])
  expect(count).toBeGreaterThan(1)
  expect(run.mode).not.toBe('none')

  // Its tooltip says how many, from when to when, and what to do.
  await ui.timeline.hoverItem(run)
  await expect(ui.tooltip).toContainText(`${count} dockings`)
  await expect(ui.tooltip).toContainText('zoom in')
  // …and how much of the time it, and the stretch under the pointer, was occupied.
  await expect(ui.tooltip).toContainText(/Occupied\s*\d+ % of that time/)
  await expect(ui.tooltip).toContainText(/Dockings here\s*\d+/)
  await expect(ui.tooltip).toContainText(/Occupied here\s*(\d+|< 1|> 99) %/)
  // A magnifier over the strip: a click there zooms in.
  const at = await ui.timeline.pointOn(run)
  expect(await ui.timeline.cursorWith(at.x, at.y)).toBe('zoom-in')
  const [from, to] = [
    ...((await ui.tooltip.textContent()) ?? '').matchAll(/(\d{4}-\d\d-\d\d \d\d:\d\d) UTC/g),
  ].map((m) => Date.parse(`${m[1]!.replace(' ', 'T')}:00Z`))
  expect(from).toBeLessThan(to!)

  const before = await ui.window()
  await ui.timeline.clickItem(run)
  const after = await ui.windowChangedFrom(before)
  // The chart zooms in on the strip, around where it was clicked…
  const middle = (after.start + after.end) / 2
  expect(middle).toBeGreaterThanOrEqual(from!)
  expect(middle).toBeLessThanOrEqual(to!)
  expect(after.end - after.start).toBeLessThan((before.end - before.start) / 2)
  // …and the row draws bars one by one there.
  await expect
    .poll(async () => (await ui.timeline.bars()).filter((b) => b.rowId === run.rowId).length)
    .toBeGreaterThan(1)
  // No bar was selected by clicking the strip.
  await expect(ui.detailPanel).toHaveCount(0)

  // Fit all: back to strips.
  await page.keyboard.press('f')
  await expect.poll(async () => (await ui.timeline.runs()).length).toBeGreaterThan(0)
})

test('dragging across a strip pans the chart; it does not zoom into the strip', async ({
  launch,
}) => {
  const { page, ui } = await openDense(launch)
  const run = (await ui.timeline.runs()).sort((a, b) => b.right - b.left - (a.right - a.left))[0]!
  const before = await ui.window()
  // Press on the strip, drag 200 px left, release over it.
  const x = (run.left + run.right) / 2
  const y = (run.top + run.bottom) / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x - 200, y, { steps: 10 })
  await page.mouse.up()
  const after = await ui.windowChangedFrom(before)
  // Panned later in time by about what 200 px stand for, at the same zoom.
  const span = before.end - before.start
  const sameZoom = (w: { start: number; end: number }) => Math.abs((w.end - w.start) / span - 1)
  expect(sameZoom(after)).toBeLessThan(0.01)
  expect(after.start).toBeGreaterThan(before.start)
  // Settled, the window stays where the drag left it: no zoom into the strip followed.
  await page.waitForTimeout(500)
  const settled = await ui.window()
  expect(sameZoom(settled)).toBeLessThan(0.01)
  await expect.poll(async () => (await ui.timeline.runs()).length).toBeGreaterThan(0)
})

test('a search narrows dense rows until their bars draw one by one', async ({ launch }) => {
  const { page, ui } = await openDense(launch)
  // Stations in the order they first had visitors, so the one searched for stays on screen.
  await page.getByLabel('Stations by').selectOption('first')
  const search = page
    .getByRole('complementary', { name: 'Search and filters' })
    .getByRole('searchbox')
  // A single vehicle name: a few dockings, no strips, each its own bar.
  const first = dataset.events[0] as { flight_vehicle_chaser: { spacecraft: { name: string } } }
  await search.fill(first.flight_vehicle_chaser.spacecraft.name)
  await expect.poll(async () => (await ui.timeline.runs()).length).toBe(0)
  await expect.poll(async () => (await ui.timeline.bars()).length).toBeGreaterThan(0)
  await ui.openSummary(/^Legend/)
  await expect(page.getByRole('region', { name: 'Legend' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Legend' })).not.toContainText('Too dense')
})

test('an event chosen elsewhere marks the strip it is drawn in; zoom to selection shows its bar', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: snapshotFile(dataset.events) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars(OPEN_TIMEOUT)
  // The strip standing for the most dockings, and an event it holds at its middle.
  const ids = (await ui.timeline.runs()).map((r) => String(r.id))
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
  await ui.cursorAt(`${at.slice(0, 10)} ${at.slice(11, 16)}`)

  // Chosen from the time cursor's list: the details open and the strip is marked.
  await ui.cursorPanel.locator(`.cursor-event[data-event-id="${held.id}"]`).click()
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(
    held.flight_vehicle_chaser.spacecraft.name,
  )
  expect(await ui.timeline.bar(held.id)).toBeNull()
  await expect.poll(async () => String(await ui.timeline.selectedId())).toMatch(/^run-/)

  // Zoom to selection: now the bar itself is drawn, and selected.
  await ui.toolbar.getByRole('button', { name: 'Zoom to selection' }).click()
  await expect.poll(() => ui.timeline.selectedId()).toBe(held.id)
})

test('a dense row is a heat strip: columns docked longer are shaded stronger, in the family colour', async ({
  launch,
}) => {
  const { page, ui } = await openDense(launch)
  // Each strip's cells in client px with their shade, read from the chart's test seam.
  const strips = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="bar-canvas"]') as unknown as {
      painted: {
        layout: {
          items: Array<{
            x0: number
            x1: number
            top: number
            height: number
            labelX: number
            labelWidth: number
            labelMode: string
            item: {
              kind: string
              start: number
              end: number
              run?: { heat: Array<{ start: number; end: number; level: number; family: string }> }
            }
          }>
        }
      }
      getBoundingClientRect(): DOMRect
    }
    const box = canvas.getBoundingClientRect()
    return (
      canvas.painted.layout.items
        // Strips wholly on the canvas: with the taller rows area a row may be cut by its bottom edge.
        .filter(
          (d) =>
            d.item.kind === 'run' &&
            d.x0 >= 0 &&
            d.x1 <= box.width &&
            d.top >= 0 &&
            d.top + d.height <= box.height,
        )
        .map((d) => {
          const k = (d.x1 - d.x0) / (d.item.end - d.item.start)
          const label = d.labelMode === 'none' ? null : [d.labelX - 6, d.labelX + d.labelWidth + 6]
          return {
            y: box.top + d.top + 3,
            cells: d.item
              .run!.heat.map((c) => ({
                left: box.left + d.x0 + (c.start - d.item.start) * k,
                right: box.left + d.x0 + (c.end - d.item.start) * k,
                level: c.level,
                family: c.family,
              }))
              // Wide enough to sample inside, clear of the strip's outline and label.
              .filter(
                (c) =>
                  c.right - c.left >= 3 &&
                  c.left > box.left + d.x0 + 2 &&
                  c.right < box.left + d.x1 - 2 &&
                  (!label || c.right < box.left + label[0]! || c.left > box.left + label[1]!),
              ),
          }
        })
    )
  })
  const samples = []
  for (const s of strips)
    for (const c of s.cells) {
      const x = (c.left + c.right) / 2
      const [r, g, b] = await ui.timeline.pixelAt(x, s.y)
      // The row's backdrop just above the strip, where nothing is drawn over it.
      const under = await ui.timeline.pixelAt(x, s.y - 6)
      const ink = rgbOf(familyColour(c.family as VehicleFamily, 'light').fill)
      samples.push({ level: c.level, r, g, b, a: coverage([r, g, b], under, ink) })
    }
  const levels = new Set(samples.map((x) => x.level))
  expect(levels.size).toBeGreaterThan(1)
  // The family colour covers the docked share: level/8 of full, within rounding.
  for (const x of samples) expect(Math.abs(x.a - x.level / 8)).toBeLessThan(0.06)
  // The darkest and the lightest columns differ as much as their shares do.
  const lo = samples.reduce((m, x) => (x.level < m.level ? x : m))
  const hi = samples.reduce((m, x) => (x.level > m.level ? x : m))
  expect(hi.a).toBeGreaterThan(lo.a)
  // Painted in a family colour, not grey.
  const chroma = (x: { r: number; g: number; b: number }) =>
    Math.max(x.r, x.g, x.b) - Math.min(x.r, x.g, x.b)
  expect(chroma(hi)).toBeGreaterThan(30)
  await page.screenshot({ path: 'test-results/screenshot-heat-strips.png' })
})

import fs from 'node:fs'

import { LABEL_PADDING, OUTSIDE_GAP } from '../../shared/chart/bar-labels'
import { MAX_LABEL_SHARE } from '../../shared/chart/label-room'
import { familyColour, ROLE_STYLE_LIST } from '../../shared/chart/style'
import { FIT_MARGIN } from '../../shared/chart/window'
import { ingestRecords } from '../../shared/ll2/ingest'
import type { VehicleFamily } from '../../shared/domain/model'
import { utcMillis } from '../../shared/domain/units'
import { VEHICLE_FAMILIES } from '../../shared/domain/vehicle-family'
import { expect, test } from './support/fixtures'
import { FiltersPanel } from './support/filters-panel'
import { snapshotFile, SALYUT_FIXTURE } from './support/snapshot-file'
import { ChartControls } from './support/timeline-page'
import { openAt } from './support/workspace-page'
import { rgbOf } from './support/pixels'

interface SnapshotRecord {
  id: number
  docking: string
  departure: string | null
  docking_location: { id: number; name: string; spacestation: { id: number; name: string } }
  flight_vehicle_chaser: { spacecraft: { name: string } } | null
  x_provenance?: { docking_precision?: string; departure_precision?: string; sources?: string[] }
}

const snapshot = JSON.parse(fs.readFileSync(SALYUT_FIXTURE, 'utf8')) as {
  results: SnapshotRecord[]
}
const record183 = JSON.parse(
  fs.readFileSync('tests/fixtures/ll2/docking-event-183.detailed.json', 'utf8'),
) as SnapshotRecord & Record<string, unknown>

const DAY = 86_400_000
const vehicleOf = (r: SnapshotRecord) => r.flight_vehicle_chaser?.spacecraft.name ?? ''

/** Events docked at `t`, as station name → sorted ids (docking ≤ t < departure). */
function dockedAt(records: ReadonlyArray<SnapshotRecord>, t: number): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const r of records) {
    const from = Date.parse(r.docking)
    const to = r.departure === null ? Number.POSITIVE_INFINITY : Date.parse(r.departure)
    if (from <= t && t < to) (out[r.docking_location.spacestation.name] ??= []).push(r.id)
  }
  for (const k of Object.keys(out)) out[k]!.sort((a, b) => a - b)
  return out
}

/** A copy of record 183 at another time and port, with another vehicle name. */
function variant(id: number, docking: string, departure: string | null, port: 4 | 5, name: string) {
  return {
    ...record183,
    id,
    docking,
    departure,
    docking_location: {
      ...record183.docking_location,
      id: port,
      name: port === 4 ? 'Salyut-6 forward' : 'Salyut-6 aft',
    },
    flight_vehicle_chaser: {
      ...(record183.flight_vehicle_chaser as object),
      spacecraft: {
        ...(record183.flight_vehicle_chaser as { spacecraft: object }).spacecraft,
        name,
      },
    },
  }
}

test('a collapsed station hides its ports, keeps its bars in its own row, and stays collapsed after a restart', async ({
  launch,
}) => {
  const first = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(first.page)
  await ui.timeline.waitForBars()
  const toggle = ui.stationToggle('Salyut 6')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect
    .poll(() => ui.timeline.rowLabels())
    .toEqual(['Salyut 7', 'Salyut-7 aft', 'Salyut-7 forward', 'Salyut 6'])
  // The station's bars now sit in the station's own row, as a summary strip.
  const soyuz26 = await ui.timeline.barGeometry(900001)
  const band = await ui.timeline.rowBand('Salyut 6')
  expect((soyuz26.top + soyuz26.bottom) / 2).toBeGreaterThan(band.top)
  expect((soyuz26.top + soyuz26.bottom) / 2).toBeLessThan(band.bottom)
  expect((await ui.timeline.bar(900001))?.isSummary).toBe(true)
  await expect.poll(() => ui.pref('view.collapsed-stations')).toEqual([9006])
  await first.close()

  const again = await launch({ userDataDir: first.userDataDir, snapshot: SALYUT_FIXTURE })
  const ui2 = new ChartControls(again.page)
  await ui2.timeline.waitForBars()
  await expect(ui2.stationToggle('Salyut 6')).toHaveAttribute('aria-expanded', 'false')
  expect(await ui2.timeline.rowLabels()).toEqual([
    'Salyut 7',
    'Salyut-7 aft',
    'Salyut-7 forward',
    'Salyut 6',
  ])
  // Expanding by keyboard: Tab reaches the station button, Enter unfolds it.
  await ui2.stationToggle('Salyut 6').focus()
  await again.page.keyboard.press('Enter')
  await expect(ui2.stationToggle('Salyut 6')).toHaveAttribute('aria-expanded', 'true')
  await expect(ui2.stationToggle('Salyut 6')).toBeFocused()
  await expect
    .poll(() => ui2.timeline.rowLabels())
    .toEqual([
      'Salyut 7',
      'Salyut-7 aft',
      'Salyut-7 forward',
      'Salyut 6',
      'Salyut-6 aft',
      'Salyut-6 forward',
    ])
})

test('hide empty ports drops ports the search leaves without dockings', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // Soyuz T-15 is the only match: one port of Salyut 7 keeps a docking.
  await page.getByRole('searchbox').fill('Soyuz T-15')
  await expect
    .poll(async () => (await ui.timeline.bars()).length)
    .toBe(snapshot.results.filter((r) => vehicleOf(r) === 'Soyuz T-15').length)
  const t15Ports = new Set(
    snapshot.results
      .filter((r) => vehicleOf(r) === 'Soyuz T-15')
      .map((r) => r.docking_location.name),
  )
  expect((await ui.timeline.rowLabels()).length).toBe(6)
  await (await ui.moreOption('Hide empty ports')).check()
  await expect.poll(() => ui.timeline.rowLabels()).toEqual(['Salyut 7', ...[...t15Ports].sort()])
  await (await ui.moreOption('Hide empty ports')).uncheck()
  await expect.poll(async () => (await ui.timeline.rowLabels()).length).toBe(6)
})

test('keystrokes that empty rows hide them, and the next that refills them shows them with their bars', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await (await ui.moreOption('Hide empty ports')).check()
  await page.keyboard.press('Escape')
  const all = await ui.timeline.rowLabels()
  const t15 = snapshot.results.filter((r) => vehicleOf(r) === 'Soyuz T-15')
  const t15Ports = [...new Set(t15.map((r) => r.docking_location.name))].sort()
  const salyut7 = snapshot.results.filter(
    (r) => r.docking_location.spacestation.name === 'Salyut 7',
  )
  const search = page.getByRole('searchbox')
  await search.fill('Soyuz T-1')
  await search.press('5')
  await expect.poll(() => ui.timeline.rowLabels()).toEqual(['Salyut 7', ...t15Ports])
  await expect.poll(async () => (await ui.timeline.bars()).length).toBe(t15.length)
  // The station's count follows the search while its row stays as drawn, in
  // words: Soyuz T-15 docked once, so "1 docking", not "1 dockings".
  expect(t15).toHaveLength(1)
  await expect(ui.stationToggle('Salyut 7')).toHaveAttribute('title', /, 1 docking\)$/)

  // One key at a time, as a user deletes: each keystroke's rows come back as it refills them.
  for (let i = 0; i < 'Soyuz T-15'.length; i++) await search.press('Backspace')
  await expect(search).toHaveValue('')
  await expect.poll(() => ui.timeline.rowLabels()).toEqual(all)
  await expect(ui.stationToggle('Salyut 7')).toHaveAttribute(
    'title',
    new RegExp(`, ${salyut7.length} dockings\\)$`),
  )
  // Every row shown again gets its bars back.
  const ports = new Set(snapshot.results.map((r) => r.docking_location.id))
  await expect
    .poll(async () => new Set((await ui.timeline.bars()).map((b) => b.rowId)).size)
    .toBe(ports.size)
})

test('an overlap on one port is hatched on the chart and listed', async ({ launch }) => {
  // Two vehicles on Salyut-6 forward from 10 to 20 January 1978: a data error.
  const a = variant(7001, '1978-01-01T00:00:00Z', '1978-01-20T00:00:00Z', 4, 'Soyuz Alpha')
  const b = variant(7002, '1978-01-10T00:00:00Z', '1978-02-01T00:00:00Z', 4, 'Progress Beta')
  const c = variant(7003, '1978-01-05T00:00:00Z', '1978-01-25T00:00:00Z', 5, 'Soyuz Gamma')
  const { page } = await launch({ snapshot: snapshotFile([a, b, c]) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  expect((await ui.timeline.bar(7001))?.hasOverlap).toBe(true)
  expect((await ui.timeline.bar(7002))?.hasOverlap).toBe(true)
  expect((await ui.timeline.bar(7003))?.hasOverlap).toBe(false)
  const hatches = (await ui.timeline.painted()).filter((d) => d.kind === 'overlap')
  expect(hatches).toHaveLength(1)
  const box = hatches[0]!
  expect(
    Math.abs(box.left - (await ui.timeline.xOf(Date.parse('1978-01-10T00:00:00Z')))),
  ).toBeLessThan(2)
  expect(
    Math.abs(box.right - (await ui.timeline.xOf(Date.parse('1978-01-20T00:00:00Z')))),
  ).toBeLessThan(2)
  const band = await ui.timeline.rowBand('Salyut-6 forward')
  expect((box.top + box.bottom) / 2).toBeGreaterThan(band.top)
  expect((box.top + box.bottom) / 2).toBeLessThan(band.bottom)
  // The overlapping bars are ringed in the overlap colour; the third is not.
  const overlapInk = [0xc0, 0x00, 0x1a]
  const ringAt = async (id: number) => {
    const b = (await ui.timeline.bar(id))!
    return (await ui.timeline.pixelAt(b.left + 4, b.top - 0.5)).slice(0, 3)
  }
  expect(await ringAt(7001)).toEqual(overlapInk)
  expect(await ringAt(7003)).not.toEqual(overlapInk)
  // Its tooltip names both.
  await ui.timeline.hoverItem({ ...box, top: box.top, bottom: box.top + 6 })
  await expect(ui.tooltip).toContainText('Overlap on one port')
  await expect(ui.tooltip).toContainText('Soyuz Alpha and Progress Beta')
  await expect(ui.summaryButton(/overlap/)).toHaveText(/^⚠ 1 overlap\b/)
  await ui.summaryButton(/overlap/).click()
  const list = page.getByTestId('overlap-list')
  await expect(list).toContainText('1 overlap on one port')
  await expect(list).toContainText('Soyuz Alpha and Progress Beta at Salyut-6 forward')
})

test('labels stay readable: inside when they fit, outside when there is room, never over another bar', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await expect.poll(async () => (await ui.barsAndLabels()).every((b) => b.mode !== null)).toBe(true)
  const bars = await ui.barsAndLabels()
  const modes = new Set(bars.map((b) => b.mode))
  // At the fitted view of ten years most stays are a few pixels wide.
  expect(modes.has('outside') || modes.has('none')).toBe(true)
  for (const b of bars) {
    if (b.mode === 'inside') {
      expect(b.label.visible).toBe(true)
      expect(b.label.right, `label of ${b.id} inside its bar`).toBeLessThanOrEqual(b.bar.right + 1)
    } else if (b.mode === 'outside') {
      expect(b.label.visible).toBe(true)
      expect(b.label.left).toBeGreaterThanOrEqual(b.bar.right)
      // No other bar in the same row under the label.
      for (const o of bars) {
        if (o.id === b.id || o.bar.top !== b.bar.top) continue
        const overlaps = o.bar.left < b.label.right && o.bar.right > b.label.left
        expect(overlaps, `label of ${b.id} over bar ${o.id}`).toBe(false)
      }
    } else {
      expect(b.label.visible).toBe(false)
    }
  }
  // Zoomed in to a year, a seven-week stay has room for its label inside.
  const w = await ui.window()
  await ui.toolbar.getByRole('button', { name: '1 year' }).click()
  await ui.goTo('1986-06-01')
  const year = await ui.windowChangedFrom(w)
  await ui.focusApp()
  await page.keyboard.press('+')
  await ui.windowChangedFrom(year)
  await expect.poll(async () => (await ui.timeline.bar(900064))?.mode).toBe('inside')
  expect((await ui.timeline.barGeometry(900064)).text).toContain('Soyuz T-15')
})

/**
 * The names written beside each row's last bar, as painted: those with room
 * (no wider than the share of the chart a fit makes room for) that run past
 * the chart's right edge, how many name still-docked vehicles, and how many
 * there are in all.
 */
async function lastNames(ui: ChartControls) {
  const canvas = await ui.timeline.canvasBox()
  const right = canvas.x + canvas.width
  const painted = await ui.timeline.painted()
  // Each row's last bar or strip: the one with nothing after it but the edge.
  const last = new Map<string, (typeof painted)[number]>()
  for (const p of painted) {
    if (p.kind === 'overlap' || p.isSummary) continue
    const seen = last.get(p.rowId)
    if (!seen || p.left > seen.left) last.set(p.rowId, p)
  }
  const need = (p: (typeof painted)[number]) =>
    OUTSIDE_GAP + 2 * LABEL_PADDING + p.labelRight - p.labelLeft
  // Names wider than 30 % of the chart get no room: they are cut at the edge.
  const inRoom = [...last.values()].filter(
    (p) => p.kind === 'bar' && need(p) <= canvas.width * MAX_LABEL_SHARE,
  )
  return {
    cut: inRoom
      .filter((p) => p.mode !== 'none' && p.labelRight + LABEL_PADDING > right + 0.5)
      .map((p) => p.label),
    // The still-docked vehicles named beside their bars.
    docked: inRoom.filter((p) => p.isOpen && p.mode === 'outside').length,
    beside: inRoom.filter((p) => p.mode === 'outside').length,
  }
}

test('Fit all leaves room after the last bars for their names: what is docked now is named in full, at 1024x700 and 1920x1080', async ({
  launch,
}) => {
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    const { app, page, ui } = await openAt(
      launch,
      width,
      height,
      Date.parse('2026-12-03T00:00:00Z'),
    )
    // Fit again at this size (the app may have opened before it took it).
    await ui.focusApp()
    await page.keyboard.press('f')
    const names = () => lastNames(ui)
    await expect.poll(names, { message: `names at ${width}x${height}` }).toMatchObject({ cut: [] })
    expect((await names()).docked, `still-docked names at ${width}px`).toBeGreaterThanOrEqual(4)
    // The Cygnus docked now is named whole at 1920; at 1024 its dedication would take a third of
    // the chart, so it is named by its mission alone, whole, rather than cut at the edge.
    const cygnus = (await ui.timeline.painted()).find((p) =>
      p.label.startsWith('Cygnus CRS NG-24'),
    )!
    expect([cygnus.mode, cygnus.text]).toEqual([
      'outside',
      width === 1024 ? 'Cygnus CRS NG-24 ▸' : 'Cygnus CRS NG-24 (S.S. Steven R. Nagel) ▸',
    ])
    const right = await ui.timeline.canvasBox()
    expect(cygnus.labelRight).toBeLessThanOrEqual(right.x + right.width)
    await app.close()
  }
})

test("a fit is made again for the chart's new width while it shows one, and a view the user moved is kept", async ({
  launch,
}) => {
  const { app, page, ui } = await openAt(launch, 1920, 1080, Date.parse('2026-12-03T00:00:00Z'))
  // A search fits its results, with room for their names at this width.
  const opening = await ui.window()
  await new FiltersPanel(page).search.fill('crew dragon')
  await ui.windowChangedFrom(opening)
  await expect.poll(async () => (await lastNames(ui)).cut).toEqual([])
  expect((await lastNames(ui)).beside, 'names written beside last bars').toBeGreaterThanOrEqual(2)
  // The window is made smaller: the names need a larger share of a narrower chart.
  // Polled together: while the side panels settle at the new size the chart is
  // briefly narrower still, too narrow to write any name beside its bar.
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect
    .poll(
      async () => {
        const names = await lastNames(ui)
        return { cut: names.cut, twoBeside: names.beside >= 2 }
      },
      { message: 'names cut at 1024x700' },
    )
    .toEqual({ cut: [], twoBeside: true })
  // And so it stays once the chart has settled at its final width.
  await ui.settled()
  expect((await lastNames(ui)).cut, 'names cut once settled at 1024x700').toEqual([])
  await page.screenshot({ path: 'test-results/fit-after-resize-1024x700.png' })
  // Zoomed in by the user, once the refit has settled: a larger window keeps the user's view.
  await ui.settled()
  const fitted = await ui.window()
  await ui.focusApp()
  await page.keyboard.press('+')
  const zoomed = await ui.windowChangedFrom(fitted)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await expect.poll(async () => (await ui.timeline.canvasBox()).width).toBeGreaterThan(1200)
  expect(await ui.window()).toEqual(zoomed)
  await app.close()
})

test('the opening fit is made again when the window narrows, so the last names stay whole', async ({
  launch,
}) => {
  const { app, page, ui } = await openAt(launch, 1920, 1080, Date.parse('2026-12-03T00:00:00Z'))
  await ui.settled()
  const opening = await ui.window()
  expect((await lastNames(ui)).cut).toEqual([])
  // Nothing asked of the chart since it opened: a narrower window fits the data again.
  await page.setViewportSize({ width: 1024, height: 700 })
  await ui.windowChangedFrom(opening)
  await ui.settled()
  const names = await lastNames(ui)
  expect(names.cut, 'names cut at 1024x700').toEqual([])
  expect(names.beside, 'names written beside last bars').toBeGreaterThanOrEqual(10)
  await page.screenshot({ path: 'test-results/opening-fit-after-resize-1024x700.png' })
  await app.close()
})

test('tooltips show vehicle, port, times and duration, with API strings escaped', async ({
  launch,
}) => {
  const evil = variant(
    7100,
    '1978-03-01T00:00:00Z',
    '1978-03-31T12:00:00Z',
    4,
    '<img src=x onerror="window.__xss=1">Evil <b>craft</b>',
  )
  const { page } = await launch({ snapshot: snapshotFile([record183, evil]) })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // The label shows the name as text, not markup.
  expect((await ui.timeline.barGeometry(7100)).text).toContain('<img src=x')
  await expect(page.locator('.timeline img')).toHaveCount(0)
  await ui.timeline.hoverItem((await ui.timeline.bar(7100))!)
  await expect(ui.tooltip).toBeVisible()
  await expect(ui.tooltip).toContainText('<img src=x onerror="window.__xss=1">Evil <b>craft</b>')
  await expect(ui.tooltip).toContainText('Salyut 6 · Salyut-6 forward')
  await expect(ui.tooltip).toContainText('1978-03-01 00:00 UTC')
  await expect(ui.tooltip).toContainText('1978-03-31 12:00 UTC')
  await expect(ui.tooltip).toContainText('30 d 12 h')
  await expect(ui.tooltip.locator('img, b')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  // A hand over a bar, which a click selects; the plain cursor off it, and over the next one a hand again.
  const bar = (await ui.timeline.bar(7100))!
  const on = await ui.timeline.pointOn(bar)
  expect(await ui.timeline.cursorWith(on.x, on.y)).toBe('pointer')
  expect(await ui.timeline.cursorWith(on.x, on.y - 40)).toBe('auto')
  await expect(ui.tooltip).toBeHidden()
  const other = (await ui.timeline.bars()).find((b) => b.id !== 7100)!
  const onOther = await ui.timeline.pointOn(other)
  expect(await ui.timeline.cursorWith(onOther.x, onOther.y)).toBe('pointer')
})

test('families are coloured, roles patterned, and the legend names them', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  /**
   * A bar zoomed to fill the window, read in pixels: the colours along its
   * second pixel row (inside the outline, clear of the label) and the colour
   * of its third row, where a double outline draws its inner line.
   */
  const look = async (id: number) => {
    await ui.toolbar.getByRole('button', { name: 'All', exact: true }).click()
    await ui.timeline.clickVisiblePart(id)
    const before = await ui.window()
    await ui.toolbar.getByRole('button', { name: 'Zoom to selection' }).click()
    await ui.windowChangedFrom(before)
    await expect
      .poll(async () => (await ui.timeline.bar(id))!.right - (await ui.timeline.bar(id))!.left)
      .toBeGreaterThan(100)
    const b = (await ui.timeline.bar(id))!
    const row: string[] = []
    for (let x = b.right - 30; x < b.right - 6; x++)
      row.push(String((await ui.timeline.pixelAt(x, b.top + 1.5)).slice(0, 3)))
    return {
      colours: new Set(row),
      third: String((await ui.timeline.pixelAt(b.right - 20, b.top + 2.5)).slice(0, 3)),
      family: b.family as VehicleFamily,
    }
  }
  const soyuz = snapshot.results.find((r) => vehicleOf(r).startsWith('Soyuz'))!
  const progress = snapshot.results.find((r) => vehicleOf(r).startsWith('Progress'))!
  const cosmos = snapshot.results.find((r) => vehicleOf(r).startsWith('Cosmos'))!
  const [s, p, c] = [await look(soyuz.id), await look(progress.id), await look(cosmos.id)]
  const stroke = (f: VehicleFamily) => String(rgbOf(familyColour(f, 'light').stroke))
  // Families differ in hue: Soyuz is drawn in its own fill.
  expect([...s.colours]).toEqual([String(rgbOf(familyColour(s.family, 'light').fill))])
  expect(new Set([s.family, p.family, c.family]).size).toBe(3)
  // Roles differ by more than hue: crew solid, cargo striped, module crosshatched + double outline.
  expect(p.colours.size).toBeGreaterThan(1)
  expect(c.colours.size).toBeGreaterThan(1)
  expect(c.third).toBe(stroke(c.family))
  expect(s.third).not.toBe(stroke(s.family))
  // The legend names exactly the families drawn, in legend order, and every role.
  await ui.openSummary(/^Legend/)
  const legend = page.getByRole('region', { name: 'Legend' })
  const familiesListed = legend
    .getByRole('list', { name: 'Vehicle families (colour)' })
    .getByRole('listitem')
  const drawn = new Set(
    ingestRecords(
      snapshot.results,
      { source: 'snapshot', fetchedAt: utcMillis(0) },
      'snapshot',
    ).events.map((e) => e.event.family),
  )
  expect(drawn.size).toBeGreaterThan(1)
  await expect(familiesListed).toHaveText(VEHICLE_FAMILIES.filter((f) => drawn.has(f)))
  const roles = legend.getByRole('list', { name: 'Vehicle roles (pattern and outline)' })
  for (const r of ROLE_STYLE_LIST) await expect(roles).toContainText(r.label)
  // Filtered down to one family, the legend lists that family alone. With a bar
  // selected the details have the window's one side panel: open the filters.
  await page.getByTestId('filters-rail').getByRole('button').click()
  await new FiltersPanel(page).option('family', p.family).check()
  await expect(familiesListed).toHaveText([p.family])
})

test('the time cursor lists what was docked at its instant, typed or dragged', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await ui.cursorAt('1982-07-01 12:00')
  await expect(ui.cursorPanel).toBeVisible()
  const at = Date.parse('1982-07-01T12:00:00Z')
  const expected = dockedAt(snapshot.results, at)
  await expect(page.getByTestId('cursor-time')).toHaveValue('1982-07-01 12:00 UTC')
  expect(await ui.cursorList()).toEqual(expected)
  await expect(page.getByTestId('cursor-count')).toHaveText(
    String(Object.values(expected).flat().length),
  )
  // The cursor line sits at that instant on the chart.
  const line = page.locator('.vis-custom-time.cursor')
  const lineBox = (await line.boundingBox())!
  expect(Math.abs(lineBox.x + lineBox.width / 2 - (await ui.timeline.xOf(at)))).toBeLessThan(3)

  // Drag it to another instant: the list follows.
  const target = Date.parse('1978-09-10T00:00:00Z')
  const panel = (await page.locator('.vis-panel.vis-center').boundingBox())!
  const y = panel.y + panel.height / 2
  await page.mouse.move(lineBox.x + lineBox.width / 2, y)
  await page.mouse.down()
  await page.mouse.move(await ui.timeline.xOf(target), y, { steps: 12 })
  await page.mouse.up()
  const shown = (await page.getByTestId('cursor-time').inputValue()).replace(' UTC', '')
  const dropped = Date.parse(`${shown.replace(' ', 'T')}:00Z`)
  // Where the mouse let go, to within a few pixels' worth of time.
  const view = await ui.window()
  const msPerPx = (view.end - view.start) / panel.width
  expect(Math.abs(dropped - target)).toBeLessThan(4 * msPerPx)
  // Times shown to the minute: no docking boundary may fall inside that minute.
  const boundaries = snapshot.results.flatMap((r) => [r.docking, r.departure].filter(Boolean))
  expect(boundaries.some((b) => Math.abs(Date.parse(b!) - dropped) < 60_000)).toBe(false)
  await expect.poll(() => ui.cursorList()).toEqual(dockedAt(snapshot.results, dropped))

  // Selecting a vehicle from the list opens its details.
  const first = ui.cursorPanel.locator('.cursor-event').first()
  const name = await first.innerText()
  await first.click()
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(name)
  await page.getByRole('button', { name: 'Hide the time cursor' }).click()
  await expect(ui.cursorPanel).toHaveCount(0)
  await expect(line).toHaveCount(0)
})

test('keyboard: + and − zoom, arrows pan, Home goes to now, F fits, ? shows help', async ({
  launch,
}) => {
  // "Now" is a known instant on the page's clock, not whenever the test runs.
  const clock = Date.parse('2025-06-01T12:00:00Z')
  const { page } = await launch({ clock, snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await ui.focusApp()
  const fitted = await ui.window()
  const mid = (w: { start: number; end: number }) => (w.start + w.end) / 2
  const span = (w: { start: number; end: number }) => w.end - w.start

  await page.keyboard.press('+')
  const zoomed = await ui.windowChangedFrom(fitted)
  expect(span(zoomed) / span(fitted)).toBeCloseTo(0.5, 2)
  expect(Math.abs(mid(zoomed) - mid(fitted))).toBeLessThan(span(fitted) * 0.001)

  await page.keyboard.press('ArrowRight')
  const panned = await ui.windowChangedFrom(zoomed)
  expect((panned.start - zoomed.start) / span(zoomed)).toBeCloseTo(0.2, 2)
  expect(span(panned)).toBeCloseTo(span(zoomed), -3)

  await page.keyboard.press('-')
  const out = await ui.windowChangedFrom(panned)
  expect(span(out) / span(panned)).toBeCloseTo(2, 2)

  await page.keyboard.press('Home')
  const now = await ui.windowChangedFrom(out)
  expect(Math.abs(mid(now) - clock)).toBeLessThan(span(now) * 0.01)
  // The now line is drawn at the centre.
  const nowLine = (await page.locator('.vis-current-time').boundingBox())!
  expect(Math.abs(nowLine.x + nowLine.width / 2 - (await ui.timeline.xOf(clock)))).toBeLessThan(3)
  // Its tooltip writes the instant as every time in the app is written: ISO, zone named.
  await expect(page.locator('.vis-current-time')).toHaveAttribute(
    'title',
    /^Now: 2025-06-01 12:0\d UTC$/,
  )

  await page.keyboard.press('f')
  const refit = await ui.windowChangedFrom(now)
  const first = Math.min(...snapshot.results.map((r) => Date.parse(r.docking)))
  const last = Math.max(...snapshot.results.map((r) => Date.parse(r.departure!)))
  expect(refit.start).toBeLessThanOrEqual(first)
  expect(refit.end).toBeGreaterThanOrEqual(last)
  // Snug: a margin for the labels beside the last bars (FIT_MARGIN), not more.
  expect(span(refit)).toBeLessThan((last - first) * (1.05 + FIT_MARGIN.before + FIT_MARGIN.after))

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  for (const action of [
    'Pan back / forward in time',
    'Zoom in / out',
    'Go to now',
    'Fit all the data',
    'Select the next / previous docking',
  ])
    await expect(help).toContainText(action)
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
})

test('keyboard: N and P walk the dockings in time order, selecting and bringing each into view; Back returns from the walk at once', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  const inOrder = [...snapshot.results].sort(
    (a, b) => Date.parse(a.docking) - Date.parse(b.docking) || a.id - b.id,
  )
  // A month with no docking in it: N selects the first to dock after it and moves the window there.
  await ui.toolbar.getByRole('button', { name: '1 month' }).click()
  const before = await ui.window()
  await ui.goTo('1980-02-01')
  const month = await ui.windowChangedFrom(before)
  expect(
    inOrder.some((r) => Date.parse(r.docking) >= month.start && Date.parse(r.docking) <= month.end),
  ).toBe(false)
  const after = inOrder.findIndex((r) => Date.parse(r.docking) >= month.start)
  const first = inOrder[after]!
  await ui.focusApp()
  await page.keyboard.press('n')
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(vehicleOf(first))
  await expect.poll(() => ui.timeline.selectedId()).toBe(first.id)
  const moved = await ui.windowChangedFrom(month)
  expect(Date.parse(first.docking)).toBeGreaterThanOrEqual(moved.start)
  expect(Date.parse(first.docking)).toBeLessThanOrEqual(moved.end)
  expect(moved.end - moved.start).toBeCloseTo(month.end - month.start, -3)
  // Screen readers hear what was selected.
  await expect(page.getByTestId('selection-announcer')).toContainText(
    `Selected ${vehicleOf(first)} at`,
  )

  // N again: the next to dock; P: back.
  await page.keyboard.press('n')
  await expect.poll(() => ui.timeline.selectedId()).toBe(inOrder[after + 1]!.id)
  await page.keyboard.press('p')
  await page.keyboard.press('p')
  await expect.poll(() => ui.timeline.selectedId()).toBe(inOrder[after - 1]!.id)
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(
    vehicleOf(inOrder[after - 1]!),
  )

  // That one docked before the month: the walk moved the window a second time.
  expect(Date.parse(inOrder[after - 1]!.docking)).toBeLessThan(moved.start)
  const walked = await ui.windowChangedFrom(moved)
  // A walk is one jump: Back returns to the month it began from, not to a window on the way;
  // Forward to where it ended.
  await page.keyboard.press('Alt+ArrowLeft')
  const back = await ui.windowChangedFrom(walked)
  expect(back.start).toBeCloseTo(month.start, -4)
  expect(back.end).toBeCloseTo(month.end, -4)
  await page.keyboard.press('Alt+ArrowRight')
  const forward = await ui.windowChangedFrom(back)
  expect(forward.start).toBeCloseTo(walked.start, -4)
})

test('toolbar: preset ranges, zoom to selection and the date box', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  let w = await ui.window()
  await ui.toolbar.getByRole('button', { name: '1 year' }).click()
  w = await ui.windowChangedFrom(w)
  expect((w.end - w.start) / DAY).toBeCloseTo(365.25, 0)
  await ui.toolbar.getByRole('button', { name: '10 years' }).click()
  w = await ui.windowChangedFrom(w)
  expect((w.end - w.start) / DAY).toBeCloseTo(3652.5, 0)
  await ui.toolbar.getByRole('button', { name: '1 month' }).click()
  w = await ui.windowChangedFrom(w)
  expect((w.end - w.start) / DAY).toBeCloseTo(30.44, 0)

  await ui.toolbar.getByRole('button', { name: 'All', exact: true }).click()
  w = await ui.windowChangedFrom(w)
  // Select the longest stay, then zoom to it: it fills most of the window.
  const longest = [...snapshot.results].sort(
    (a, b) =>
      Date.parse(b.departure!) -
      Date.parse(b.docking) -
      (Date.parse(a.departure!) - Date.parse(a.docking)),
  )[0]!
  await ui.timeline.clickVisiblePart(longest.id)
  await expect.poll(() => ui.timeline.selectedId()).toBe(longest.id)
  await ui.toolbar.getByRole('button', { name: 'Zoom to selection' }).click()
  w = await ui.windowChangedFrom(w)
  const from = Date.parse(longest.docking)
  const to = Date.parse(longest.departure!)
  expect(w.start).toBeLessThan(from)
  expect(w.end).toBeGreaterThan(to)
  expect((to - from) / (w.end - w.start)).toBeGreaterThan(0.6)

  await ui.goTo('1979-02-30')
  await expect(page.getByRole('alert').filter({ hasText: 'Not a date' })).toBeVisible()
  await ui.goTo('1980-06-15')
  w = await ui.windowChangedFrom(w)
  expect(Math.abs((w.start + w.end) / 2 - Date.parse('1980-06-15T00:00:00Z'))).toBeLessThan(60_000)
})

test('the detail panel shows the record, its precision and sources, and says it is not in LL2', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  // Nothing selected: no details panel takes the chart's room.
  await expect(ui.detailPanel).toHaveCount(0)
  const soyuz26 = snapshot.results.find((r) => r.id === 900001)!
  await ui.timeline.clickVisiblePart(900001)
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText('Soyuz 26')
  await expect(ui.detailPanel.locator('.detail-status[role="status"]')).toContainText(
    'Not in Launch Library 2',
  )
  await expect(ui.detailField('Spacecraft')).toHaveText('Soyuz 26')
  await expect(ui.detailField('Configuration')).toContainText('Soyuz 7K-T')
  await expect(ui.detailField('Station and port')).toHaveText('Salyut 6 · Salyut-6 aft')
  await expect(ui.detailField('Docked')).toHaveText('1977-12-11 03:02 UTC')
  await expect(ui.detailField('Departed')).toHaveText('1978-01-16 08:08 UTC')
  await expect(ui.detailField('Duration')).toHaveText('36 d 5 h')
  await expect(ui.detailField('LL2 id')).toContainText('Not an LL2 record')
  await expect(ui.detailField('Source')).toContainText('Bundled snapshot')
  await expect(ui.detailField('Precision')).toContainText('docking to the minute')
  await expect(ui.detailField('Sources').locator('li')).toHaveCount(
    soyuz26.x_provenance!.sources!.length,
  )
  for (const label of ['Serial', 'Agency', 'Launch', 'Landing', 'Mission', 'Added to cache'])
    await expect(ui.detailField(label)).toBeVisible()

  // A day-precision record never shows a time of day.
  const dayOnly = snapshot.results.find((r) => r.x_provenance?.docking_precision === 'day')!
  await ui.timeline.clickVisiblePart(dayOnly.id)
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(vehicleOf(dayOnly))
  await expect(ui.detailField('Docked')).toHaveText(
    `${dayOnly.docking.slice(0, 10)} (day precision)`,
  )
  await expect(ui.detailField('Duration')).toContainText('≈')
  await page.getByRole('button', { name: 'Close details' }).click()
  await expect(ui.detailPanel).toHaveCount(0)
  await expect.poll(() => ui.timeline.selectedId()).toBe(null)
})

test('the table lists the same rows, sorts, moves by keyboard and shares the selection', async ({
  launch,
}) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await page.getByRole('tab', { name: 'Table' }).click()
  await expect(ui.table).toHaveAttribute('aria-rowcount', String(snapshot.results.length + 1))
  await page.getByRole('columnheader', { name: 'Duration' }).getByRole('button').click()
  await page.getByRole('columnheader', { name: 'Duration' }).getByRole('button').click()
  await expect(page.getByRole('columnheader', { name: 'Duration' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  const byLength = [...snapshot.results].sort(
    (a, b) =>
      Date.parse(b.departure!) -
      Date.parse(b.docking) -
      (Date.parse(a.departure!) - Date.parse(a.docking)),
  )
  const rows = ui.table.locator('[role="row"][data-event-id]')
  await expect(rows.first()).toHaveAttribute('data-event-id', String(byLength[0]!.id))
  await expect(rows.nth(1)).toHaveAttribute('data-event-id', String(byLength[1]!.id))

  // Keyboard: focus the first row, go down twice, Enter selects.
  await rows.first().focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const third = byLength[2]!
  await expect(ui.table.locator(`[data-event-id="${third.id}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText(vehicleOf(third))

  // Back on the chart the same bar is selected; choosing another bar moves the table's selection.
  await page.getByRole('tab', { name: 'Chart' }).click()
  await expect.poll(() => ui.timeline.selectedId()).toBe(third.id)
  await ui.timeline.clickVisiblePart(byLength[0]!.id)
  await page.getByRole('tab', { name: 'Table' }).click()
  await expect(ui.table.locator(`[data-event-id="${byLength[0]!.id}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  )
})

test('at 1024x700 beside a side panel, the table shows who docked and when without a sideways scroll', async ({
  launch,
}) => {
  // A fixed clock: the Duration column is as wide as its longest text, and a
  // record still open grows longer by the hour (at 2026-12-02T18:50Z, Duration
  // ended 1 px past the table's edge; at 18:00 it did not).
  const { page, ui } = await openAt(launch, 1024, 700, Date.parse('2025-06-01T12:00:00Z'))
  await page.getByRole('tab', { name: 'Table' }).click()
  await expect(page.getByRole('complementary', { name: 'Search and filters' })).toBeVisible()
  const right = await ui.table.evaluate((el) => el.getBoundingClientRect().right)
  for (const name of ['Vehicle', /^Docked/, 'Departed', 'Duration']) {
    const box = (await page.getByRole('columnheader', { name }).boundingBox())!
    expect(box.x + box.width, `${String(name)} ends within the table`).toBeLessThanOrEqual(right)
  }
  await page.screenshot({ path: 'test-results/screenshot-table-1024.png' })
  // A search marks its words in the names columns, wherever they sit.
  await page.getByRole('searchbox').fill('zarya')
  const row = ui.table.locator('[role="row"][data-event-id]').first()
  await expect(row.locator('mark').first()).toHaveText(/^Zarya$/i)
})

test('the table shows the columns the user picks in the order they put them, and keeps them, their sort and widths across tabs and a restart', async ({
  launch,
}) => {
  const { app, page, ui } = await openAt(launch, 1024, 700)
  await page.getByRole('tab', { name: 'Table' }).click()
  const header = (name: string | RegExp) => page.getByRole('columnheader', { name })
  const right = await ui.table.evaluate((el) => el.getBoundingClientRect().right)
  const endsWithin = async (name: string) => {
    const box = await header(name).boundingBox()
    return box !== null && box.x + box.width <= right
  }
  expect(await endsWithin('Station'), 'Station starts past the edge at 1024x700').toBe(false)

  // Departed and Duration off: where the docking was comes into view.
  const menu = page.getByRole('button', { name: /^Columns/ })
  await menu.click()
  const columns = page.getByRole('group', { name: 'Table columns' })
  await expect(columns.getByRole('checkbox', { name: 'Vehicle (always shown)' })).toBeDisabled()
  await columns.getByRole('checkbox', { name: 'Departed' }).uncheck()
  await columns.getByRole('checkbox', { name: 'Duration' }).uncheck()
  // Port before Station, by keyboard: focus stays on the button, which moves with its line.
  const portLeft = columns.getByRole('button', { name: 'Move Port left' })
  await portLeft.focus()
  await page.keyboard.press('Enter')
  await expect(portLeft).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(portLeft).toBeFocused()
  await expect(columns.getByRole('listitem')).toHaveText([
    /^Vehicle/,
    /^Docked/,
    /^Departed/,
    /^Port/,
    /^Duration/,
    /^Station/,
    /^Family/,
    /^Role/,
    /^Visit/,
  ])
  await page.screenshot({ path: 'test-results/screenshot-table-columns-menu-1024.png' })
  await page.keyboard.press('Escape')
  await expect(columns).toBeHidden()
  await expect(menu).toBeFocused()
  await expect(menu).toHaveText(/Columns \(7 of 9\)/)
  await expect(header('Departed')).toHaveCount(0)
  await expect(header('Duration')).toHaveCount(0)
  const headers = page.getByRole('columnheader')
  const shownOrder = [/^Vehicle/, /^Docked/, /^Port/, /^Station/, /^Family/, /^Role/, /^Visit/]
  await expect(headers).toHaveText(shownOrder)
  // Where the docking was comes into view, the port first as the user asked.
  expect(await endsWithin('Port')).toBe(true)
  const station = (await header('Station').boundingBox())!
  expect(right - station.x, 'px of Station in view').toBeGreaterThan(100)
  await page.screenshot({ path: 'test-results/screenshot-table-columns-1024.png' })

  // Sorted by station, descending; a column dragged narrower.
  await header('Station').getByRole('button').click()
  await header('Station').getByRole('button').click()
  await expect(header('Station')).toHaveAttribute('aria-sort', 'descending')
  const vehicleWidth = async () => (await header('Vehicle').boundingBox())!.width
  const before = await vehicleWidth()
  await page.getByRole('separator', { name: 'Resize Vehicle column' }).focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
  await expect.poll(vehicleWidth).toBeLessThan(before - 20)
  const narrowed = await vehicleWidth()
  const firstRow = ui.table.locator('[role="row"][data-event-id]').first()
  const firstId = await firstRow.getAttribute('data-event-id')

  // The chart and back: the table as it was left (it used to open sorted by Docked, every column).
  await page.getByRole('tab', { name: 'Chart' }).click()
  await page.getByRole('tab', { name: 'Table' }).click()
  await expect(header('Station')).toHaveAttribute('aria-sort', 'descending')
  await expect(header('Departed')).toHaveCount(0)
  await expect(firstRow).toHaveAttribute('data-event-id', firstId!)
  expect(await vehicleWidth()).toBe(narrowed)

  // And after a restart, once the width is stored (written when dragging pauses).
  await expect.poll(() => ui.pref('table.column-widths')).toEqual({ vehicle: narrowed })
  await app.close()
  const again = await launch({ userDataDir: app.userDataDir })
  await again.page.setViewportSize({ width: 1024, height: 700 })
  await again.page.getByRole('tab', { name: 'Table' }).click()
  const header2 = (name: string | RegExp) => again.page.getByRole('columnheader', { name })
  await expect(header2('Station')).toHaveAttribute('aria-sort', 'descending')
  await expect(header2('Duration')).toHaveCount(0)
  await expect(again.page.getByRole('columnheader')).toHaveText(shownOrder)
  expect((await header2('Vehicle').boundingBox())!.width).toBe(narrowed)

  // Reset: every column, fitted widths, the opening order.
  await again.page.getByRole('button', { name: /^Columns/ }).click()
  await again.page.getByRole('button', { name: 'Reset columns, widths and order' }).click()
  // The menu stays open, focus in it, for a keyboard user to go on from.
  await expect(
    again.page
      .getByRole('group', { name: 'Table columns' })
      .getByRole('checkbox', { name: 'Docked' }),
  ).toBeFocused()
  await expect(header2('Duration')).toHaveCount(1)
  await expect(again.page.getByRole('columnheader')).toHaveText([
    /^Vehicle/,
    /^Docked/,
    /^Departed/,
    /^Duration/,
    /^Station/,
    /^Port/,
    /^Family/,
    /^Role/,
    /^Visit/,
  ])
  await expect(header2(/^Docked/)).toHaveAttribute('aria-sort', 'ascending')
  expect((await header2('Vehicle').boundingBox())!.width).toBe(before)
})

test('a table header dragged sideways is carried under the pointer, shows where it will land, moves its column there, and a click still sorts', async ({
  launch,
}) => {
  const { page, ui } = await openAt(launch, 1920, 1080)
  await page.getByRole('tab', { name: 'Table' }).click()
  const header = (name: string | RegExp) => page.getByRole('columnheader', { name })
  const headers = page.getByRole('columnheader')
  await expect(headers.first()).toHaveText(/^Vehicle/)
  const sortedBy = () => page.locator('[role="columnheader"][aria-sort]:not([aria-sort="none"])')
  await expect(sortedBy()).toHaveText(/^Docked/)

  // Port picked up and carried to the left half of Docked.
  const port = (await header('Port').boundingBox())!
  const docked = (await header(/^Docked/).boundingBox())!
  await page.mouse.move(port.x + port.width / 2, port.y + port.height / 2)
  await page.mouse.down()
  await page.mouse.move(docked.x + 8, docked.y + docked.height / 2, { steps: 12 })
  const mark = page.locator('.column-drop-mark')
  await expect(mark).toBeVisible()
  const markBox = (await mark.boundingBox())!
  expect(Math.abs(markBox.x + markBox.width / 2 - docked.x)).toBeLessThan(4)
  // A copy of the Port header rides under the pointer, held where it was grabbed (its middle).
  const ghost = page.locator('.column-drag-ghost')
  await expect(ghost).toHaveText('Port')
  const ghostBox = (await ghost.boundingBox())!
  expect(Math.abs(ghostBox.x + ghostBox.width / 2 - (docked.x + 8))).toBeLessThan(2)
  expect(Math.abs(ghostBox.width - port.width)).toBeLessThan(2)
  await page.screenshot({ path: 'test-results/screenshot-table-header-drag-1920.png' })
  await page.mouse.up()
  await expect(mark).toHaveCount(0)
  await expect(ghost).toHaveCount(0)
  await expect(headers).toHaveText([
    /^Vehicle/,
    /^Port/,
    /^Docked/,
    /^Departed/,
    /^Duration/,
    /^Station/,
    /^Family/,
    /^Role/,
    /^Visit/,
  ])
  // The drag was no click: the rows keep their sort.
  await expect(sortedBy()).toHaveText(/^Docked/)
  await expect
    .poll(() => ui.pref('table.column-order'))
    .toEqual([
      'vehicle',
      'port',
      'docking',
      'departure',
      'duration',
      'station',
      'family',
      'role',
      'visit',
    ])

  // Escape puts a header being dragged back where it was.
  const family = (await header('Family').boundingBox())!
  await page.mouse.move(family.x + family.width / 2, family.y + family.height / 2)
  await page.mouse.down()
  await page.mouse.move(docked.x, family.y + family.height / 2, { steps: 12 })
  await expect(mark).toBeVisible()
  await expect(ghost).toHaveText('Family')
  await page.keyboard.press('Escape')
  await expect(mark).toHaveCount(0)
  await expect(ghost).toHaveCount(0)
  await page.mouse.up()
  await expect(headers.nth(6)).toHaveText(/^Family/)

  // A click that does not travel sorts, as before.
  await header('Station').getByRole('button').click()
  await expect(header('Station')).toHaveAttribute('aria-sort', 'ascending')
})

test('a docking chosen in the table is on screen back on the chart, however far down its row', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await page.getByRole('tab', { name: 'Table' }).click()
  // Sorted by docking: the first row is 1971, Salyut 1, whose row the ISS's push far down.
  const first = ui.table.locator('[role="row"][data-event-id]').first()
  const id = Number(await first.getAttribute('data-event-id'))
  await first.click()
  await page.getByRole('tab', { name: 'Chart' }).click()
  await expect
    .poll(async () => (await ui.timeline.barsInPlot()).find((b) => b.id === id)?.selected)
    .toBe(true)
})

test('UTC by default, labelled; local time on request, remembered', async ({ launch }) => {
  const app = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(app.page)
  await ui.timeline.waitForBars()
  await expect(app.page.getByTestId('zone-label')).toHaveText('Times in UTC')
  await ui.cursorAt('1982-07-01 12:00')
  await expect(app.page.getByTestId('cursor-time')).toHaveValue('1982-07-01 12:00 UTC')
  await (await ui.moreOption('Local')).check()
  await expect(app.page.getByTestId('zone-label')).toHaveText('Times in local time')
  await expect(app.page.getByTestId('cursor-time')).toHaveValue(
    /^1982-07-0[12] \d\d:\d\d UTC[+-]\d\d:\d\d$/,
  )
  await expect(ui.timeline.root).toHaveAttribute('aria-label', /local time/)
  await expect.poll(() => ui.pref('view.time-zone')).toBe('local')
})

test('screenshots of the chart in light and dark', async ({ launch }) => {
  const { page } = await launch({ snapshot: SALYUT_FIXTURE })
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await ui.cursorAt('1982-06-01')
  // Cosmos 1686 runs on past the window's right edge (to 1991).
  await ui.timeline.clickVisiblePart(900063)
  await expect(ui.detailPanel.getByRole('heading', { level: 2 })).toHaveText('Cosmos 1686')
  // The rows run the chart's full width: nothing scrolled vis's panels sideways.
  const edges = await page.evaluate(() =>
    ['.vis-panel.vis-center', '.vis-foreground .vis-group'].map(
      (s) => document.querySelector(s)!.getBoundingClientRect().right,
    ),
  )
  expect(Math.abs(edges[0]! - edges[1]!)).toBeLessThanOrEqual(3)
  await page.getByLabel('Theme').selectOption('light')
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'test-results/screenshot-timeline.png' })
  // A crew bar is painted in its family's light fill, then, in the dark theme, in its dark fill.
  // Wide enough that the sampled pixel is clear of a flagged bar's corner mark.
  const crew = (await ui.timeline.bars()).find((b) => b.role === 'crew' && b.right - b.left > 24)!
  // A few whole pixel rows in: the chart may sit at a fractional y, and the edge is antialiased.
  const fillNow = async () =>
    (await ui.timeline.pixelAt(crew.right - 3, Math.ceil(crew.top) + 3.5)).slice(0, 3)
  const family = crew.family as VehicleFamily
  expect(await fillNow()).toEqual(rgbOf(familyColour(family, 'light').fill))
  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(fillNow).toEqual(rgbOf(familyColour(family, 'dark').fill))
  await page.screenshot({ path: 'test-results/screenshot-timeline-dark.png' })
})

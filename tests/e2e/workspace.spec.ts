import { snapshotData } from '../fixtures/docking-data'
import { expect, test } from './support/fixtures'
import { ChartControls } from './support/timeline-page'
import { openAt, WorkspacePage } from './support/workspace-page'

/** The bundled events: what the app opens on. */
const events = snapshotData().events.filter((e) => e.stationName !== null)

for (const [width, height] of [
  [1024, 700],
  [1920, 1080],
] as const) {
  test(`at ${width}x${height} the chart's plot keeps 60 % of the window with a docking selected and the cursor on`, async ({
    launch,
  }) => {
    const { page, ui, ws } = await openAt(launch, width, height)
    await ui.focusApp()
    await page.keyboard.press('n')
    await page.keyboard.press('c')
    await expect(ui.detailPanel.getByRole('heading', { level: 2 })).not.toBeEmpty()
    await expect(ui.cursorPanel).toBeVisible()
    // The cursor list sits in the details panel, not in a column of its own.
    await expect(ws.panel('details').getByTestId('cursor-panel')).toBeVisible()
    await expect.poll(() => ws.plotWidth()).toBeGreaterThanOrEqual(width * 0.6)
    // The details are wide enough to read, and bars still get painted in the plot.
    expect(await ws.width(ws.panel('details'))).toBeGreaterThanOrEqual(220)
    expect((await ui.timeline.painted()).length).toBeGreaterThan(0)
    await page.screenshot({ path: `test-results/workspace-${width}x${height}.png` })
  })
}

test('side panels fold and resize by button, keys and pointer, and are remembered', async ({
  launch,
}) => {
  const first = await launch()
  const page = first.page
  await page.setViewportSize({ width: 1920, height: 1080 })
  const ui = new ChartControls(page)
  const ws = new WorkspacePage(page)
  await ui.timeline.waitForBars()
  // Nothing selected, cursor off: no details panel, not even a rail.
  await expect(ws.panel('details')).toHaveCount(0)
  await expect(ws.rail('details')).toHaveCount(0)

  // Keyboard: the handle widens the filters by 16 px an arrow press.
  const before = await ws.width(ws.panel('filters'))
  await ws.handle('filters').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(() => ws.width(ws.panel('filters'))).toBeCloseTo(before + 48, 0)
  await expect(ws.handle('filters')).toHaveAttribute('aria-valuenow', String(before + 48))
  await expect.poll(() => ui.pref('layout.filters-width')).toBe(before + 48)

  // Fold the filters with their button; the plot takes the room.
  const plotBefore = await ws.plotWidth()
  await page.getByRole('button', { name: 'Hide filters' }).click()
  await expect(ws.rail('filters')).toBeVisible()
  await expect.poll(() => ws.plotWidth()).toBeGreaterThan(plotBefore + 200)

  // Select a docking: the details open; drag their handle 60 px toward the chart.
  await ui.focusApp()
  await page.keyboard.press('n')
  await expect(ws.panel('details')).toBeVisible()
  const detailsBefore = await ws.width(ws.panel('details'))
  const box = (await ws.handle('details').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + 200)
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200)
  await page.mouse.up()
  await expect.poll(() => ws.width(ws.panel('details'))).toBeCloseTo(detailsBefore + 60, 0)
  await expect.poll(() => ui.pref('layout.details-width')).toBe(detailsBefore + 60)
  await expect.poll(() => ui.pref('layout.filters-collapsed')).toBe(true)
  await first.close()

  // Restart: the filters are still folded; ] folds the details, [ brings the filters back at their width.
  const again = await launch({ userDataDir: first.userDataDir })
  await again.page.setViewportSize({ width: 1920, height: 1080 })
  const ui2 = new ChartControls(again.page)
  const ws2 = new WorkspacePage(again.page)
  await ui2.timeline.waitForBars()
  await expect(ws2.rail('filters')).toBeVisible()
  await ui2.focusApp()
  await again.page.keyboard.press('n')
  await expect.poll(() => ws2.width(ws2.panel('details'))).toBeCloseTo(detailsBefore + 60, 0)
  await again.page.keyboard.press(']')
  await expect(ws2.rail('details')).toBeVisible()
  await expect(ws2.panel('details')).toHaveCount(0)
  await again.page.keyboard.press('[')
  await expect.poll(() => ws2.width(ws2.panel('filters'))).toBeCloseTo(before + 48, 0)
})

test('at 1024x700 the window holds one side panel: the one turned to last', async ({ launch }) => {
  const { page } = await launch()
  await page.setViewportSize({ width: 1024, height: 700 })
  const ui = new ChartControls(page)
  const ws = new WorkspacePage(page)
  await ui.timeline.waitForBars()
  await expect(ws.panel('filters')).toBeVisible()
  await ui.focusApp()
  await page.keyboard.press('n')
  // Selecting opens the details; the filters fold to their rail to leave the chart its room.
  await expect(ws.panel('details')).toBeVisible()
  await expect(ws.rail('filters')).toBeVisible()
  await ws.rail('filters').getByRole('button').click()
  await expect(ws.panel('filters')).toBeVisible()
  await expect(ws.rail('details')).toBeVisible()
  await expect.poll(() => ws.plotWidth()).toBeGreaterThanOrEqual(1024 * 0.6)
})

test('/ and Ctrl+F go to the search, opening the filters the window had folded', async ({
  launch,
}) => {
  const { page } = await launch()
  await page.setViewportSize({ width: 1024, height: 700 })
  const ui = new ChartControls(page)
  const ws = new WorkspacePage(page)
  await ui.timeline.waitForBars()
  await ui.focusApp()
  await page.keyboard.press('n')
  await expect(ws.rail('filters')).toBeVisible()
  const search = ws.panel('filters').getByRole('searchbox')
  await page.keyboard.press('/')
  await expect(search).toBeFocused()
  // "/" moved the focus, and typed nothing.
  await expect(search).toHaveValue('')
  await page.keyboard.type('soyuz')
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ of \d+ dockings$/)
  // From the chart again, Ctrl+F: the field's text is selected, ready to be typed over.
  await ui.focusApp()
  await page.keyboard.press('Control+f')
  await expect(search).toBeFocused()
  expect(
    await search.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]),
  ).toEqual([0, 5])
  // In the field, "/" is a character.
  await page.keyboard.press('End')
  await page.keyboard.press('/')
  await expect(search).toHaveValue('soyuz/')
  await page.keyboard.press('?')
  await expect(search).toHaveValue('soyuz/?')
  await ui.focusApp()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Go to the search (opening the filters)',
  )
})

test('Esc closes the details and the selection; focus goes back to the chart', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const ws = new WorkspacePage(page)
  await ui.timeline.waitForBars()
  await ui.focusApp()
  await page.keyboard.press('n')
  await expect(ws.panel('details')).toBeVisible()
  await ui.detailPanel.getByRole('button', { name: 'Close details' }).focus()
  await page.keyboard.press('Escape')
  await expect(ws.panel('details')).toHaveCount(0)
  await expect.poll(() => ui.timeline.selectedId()).toBe(null)
  await expect(page.locator('#chart-main')).toBeFocused()
})

test('a skip link leads to the chart, and Tab reaches Sync and Export before the toolbar', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  await ui.timeline.waitForBars()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to the chart' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Sync…' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused()
  // The rest of the title's line (station order, theme, shortcuts), then the toolbar below it.
  const titleLine = page.getByRole('group', { name: 'View options' })
  for (const control of [
    titleLine.getByLabel('Stations by'),
    titleLine.getByLabel('Theme'),
    titleLine.getByRole('button', { name: 'Keyboard shortcuts' }),
    ui.toolbar.getByRole('button', { name: 'Zoom in' }),
  ]) {
    await page.keyboard.press('Tab')
    await expect(control).toBeFocused()
  }

  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+Tab')
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#chart-main')).toBeFocused()
  // From there the chart's keys work: N selects a docking.
  await page.keyboard.press('n')
  await expect(ui.detailPanel).toBeVisible()
})

test('stations are ordered by most recent activity, or by name; rows with nothing in view can hide', async ({
  launch,
}) => {
  const { page } = await launch()
  const ui = new ChartControls(page)
  const ws = new WorkspacePage(page)
  await ui.timeline.waitForBars()
  const last = new Map<string, number>()
  for (const e of events) {
    const end = e.departure ?? Date.now()
    last.set(e.stationName!, Math.max(last.get(e.stationName!) ?? 0, end))
  }
  const byRecent = [...last.keys()].sort((a, b) => last.get(b)! - last.get(a)!)
  expect(await ws.stationRows()).toEqual(byRecent)
  await page.getByLabel('Stations by').selectOption('name')
  await expect
    .poll(() => ws.stationRows())
    .toEqual([...byRecent].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })))
  await expect.poll(() => ui.pref('view.station-order')).toBe('name')

  // One year around the last docking of the station that went quiet first: the others drop out.
  const quiet = byRecent[byRecent.length - 1]!
  const lastDocking = Math.max(
    ...events.filter((e) => e.stationName === quiet).map((e) => e.docking),
  )
  await ui.goTo(new Date(lastDocking).toISOString().slice(0, 10))
  await ui.toolbar.getByRole('button', { name: '1 year' }).click()
  await (await ui.moreOption('Hide rows with nothing in view')).check()
  const w = await ui.window()
  const inView = new Set(
    events
      .filter((e) => e.docking < w.end && (e.departure ?? Date.now()) > w.start)
      .map((e) => e.stationName!),
  )
  expect(inView.has(quiet)).toBe(true)
  expect(inView.size).toBeLessThan(last.size)
  await expect
    .poll(() => ws.stationRows())
    .toEqual([...byRecent].filter((s) => inView.has(s)).sort((a, b) => a.localeCompare(b)))
})

test('"1 month" shows day ticks on the axis at 1024x700', async ({ launch }) => {
  const { page, ui } = await openAt(launch, 1024, 700)
  await ui.goTo('1982-07-01')
  await ui.toolbar.getByRole('button', { name: '1 month' }).click()
  const minor = page.locator('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)')
  const labels = async () => (await minor.allInnerTexts()).map((t) => t.trim()).filter(Boolean)
  // Day numbers, not month names: at least ten ticks across the month.
  await expect.poll(async () => (await labels()).length).toBeGreaterThanOrEqual(10)
  for (const l of await labels()) expect(Number(l)).toBeGreaterThanOrEqual(1)
  for (const l of await labels()) expect(Number(l)).toBeLessThanOrEqual(31)
  // Above the day ticks, the month in ISO form: "1982-07", not "July 1982".
  const major = page.locator('.vis-time-axis .vis-text.vis-major:not(.vis-measure)')
  const months = async () => (await major.allInnerTexts()).map((t) => t.trim()).filter(Boolean)
  await expect.poll(months).toContain('1982-07')
  for (const m of await months()) expect(m).toMatch(/^\d{4}-\d\d$/)
})

test('after a drag pan each axis day label names the day its tick stands on', async ({
  launch,
}) => {
  const { page, ui } = await openAt(launch, 1024, 700)
  await ui.goTo('1982-07-01')
  await ui.toolbar.getByRole('button', { name: '1 month' }).click()
  const panel = (await page.locator('.vis-panel.vis-center').boundingBox())!
  const y = panel.y + 40
  const before = await ui.window()
  // Moved by less than a day a step, then by days: labels that keep their
  // text and labels that change it.
  await page.mouse.move(panel.x + panel.width / 2, y)
  await page.mouse.down()
  await page.mouse.move(panel.x + panel.width / 2 - 7, y, { steps: 7 })
  await page.mouse.move(panel.x + panel.width / 2 - 310, y, { steps: 10 })
  await page.mouse.up()
  await ui.windowChangedFrom(before)
  const minor = page.locator('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)')
  /** The labels in the plot's width, each beside the UTC day at its tick. */
  const labelled = async () => {
    const view = await ui.window()
    const msPerPx = (view.end - view.start) / panel.width
    const ticks = await minor.evaluateAll((els) =>
      els.map((e) => ({ left: e.getBoundingClientRect().left, text: e.textContent!.trim() })),
    )
    return ticks
      .filter((t) => t.text && t.left >= panel.x && t.left < panel.x + panel.width)
      .map((t) => ({
        label: Number(t.text),
        // An hour past the tick: clear of a pixel's rounding either side of midnight UTC.
        day: new Date(view.start + (t.left - panel.x) * msPerPx + 3_600_000).getUTCDate(),
      }))
  }
  await expect.poll(async () => (await labelled()).filter((t) => t.label !== t.day)).toEqual([])
  expect((await labelled()).length).toBeGreaterThanOrEqual(10)
})

/**
 * Chrome above and below the port rows (title line, toolbar, strip, time
 * axis, navigator, status line) may take this much height, px. Before the
 * strip it took 437 px of 700, leaving the rows 263.
 */
const MAX_CHROME = 250

for (const [width, height] of [
  [1024, 700],
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`at ${width}x${height} the toolbar and the strip keep to one line each and the port rows get the height`, async ({
    launch,
  }) => {
    const { page, ui, ws } = await openAt(launch, width, height)
    await expect(page.getByTestId('navigator')).toBeVisible()
    expect(await ws.lines(ui.toolbar)).toBe(1)
    expect(await ws.lines(ui.summaryStrip)).toBe(1)
    // The strip's entries all sit on the line of the view tabs.
    expect(await ws.lines(page.locator('.chart-bar'))).toBe(1)
    await expect.poll(() => ws.rowsAreaHeight()).toBeGreaterThanOrEqual(height - MAX_CHROME)
    if (width === 1024) expect(await ws.rowsAreaHeight()).toBeGreaterThanOrEqual(420)
    // Port rows fill it: at 32 px a row, a dozen or more show at once.
    const rowsOnScreen = await page.locator('.vis-labelset .vis-label.port-row').evaluateAll(
      (labels, bottom) =>
        labels.filter((l) => {
          const b = l.getBoundingClientRect()
          return b.height > 0 && b.bottom <= bottom
        }).length,
      height,
    )
    expect(rowsOnScreen).toBeGreaterThanOrEqual(12)
    // Every station's and port's name shows whole: a long one takes a second
    // line, not an ellipsis, and no word is broken.
    expect(await ws.cutRowNames()).toEqual([])
    if (width === 1920) {
      // Here there is room for every station's name on one line, the longest too.
      const lines = await page
        .locator('.station-toggle .station-name')
        .evaluateAll((names) =>
          names.map((n) => [
            n.textContent,
            Math.round(
              n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight),
            ),
          ]),
        )
      expect(lines).toContainEqual(['International Space Station', 1])
      expect(lines.filter(([, n]) => n !== 1)).toEqual([])
    }
    // The window never scrolls past the app into blank page.
    expect(await ws.windowScrollReach()).toBe(0)
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await page.mouse.move(0, 0)
      await page.screenshot({ path: `test-results/layout-${width}x${height}-${theme}.png` })
    }
    // Go to shows a typed date and time whole where the window has the room for it.
    if (width >= 1366) {
      const goTo = page.getByLabel('Go to')
      await goTo.fill('2021-06-15 12:00')
      expect(await goTo.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true)
      expect(await ws.lines(ui.toolbar)).toBe(1)
      await goTo.fill('')
    }
    // Folded, too (after the screenshots: folding Salyut 1 scrolls the chart to it).
    const iss = ui.stationToggle('International Space Station')
    await iss.click()
    await expect(iss).toHaveAttribute('aria-expanded', 'false')
    expect(await ws.cutRowNames()).toEqual([])
    await iss.click()
    await expect(iss).toHaveAttribute('aria-expanded', 'true')
    // A folded station's note counts its ports in words ("1 port", not "1 ports").
    const salyut1 = ui.stationToggle('Salyut 1')
    await salyut1.click()
    await expect(salyut1).toHaveAccessibleName('Salyut 1 · 1 port folded')
    await salyut1.click()
    await expect(salyut1).toHaveAccessibleName('Salyut 1')
  })
}

test('the legend-and-summaries strip opens and closes by keyboard, one part at a time, and is remembered', async ({
  launch,
}) => {
  const first = await launch()
  const { page } = first
  await page.setViewportSize({ width: 1024, height: 700 })
  const ui = new ChartControls(page)
  const ws = new WorkspacePage(page)
  await ui.timeline.waitForBars()
  const legendEntry = ui.summaryButton(/^Legend/)
  const legend = page.getByRole('region', { name: 'Legend' })
  // Closed by default: one line, no legend taking the rows' room.
  await expect(legendEntry).toHaveAttribute('aria-expanded', 'false')
  await expect(legend).toHaveCount(0)
  await expect.poll(() => ws.rowsAreaHeight()).toBeGreaterThanOrEqual(420)
  const closed = await ws.rowsAreaHeight()

  // Tab from the view tabs reaches the strip, with a visible focus ring.
  await page.getByRole('tab', { name: 'Chart' }).focus()
  await page.keyboard.press('Tab')
  await expect(legendEntry).toBeFocused()
  expect(await legendEntry.evaluate((el) => el.matches(':focus-visible'))).toBe(true)
  expect(await legendEntry.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')

  // Enter opens the legend below the strip; the rows give up only what it takes.
  await page.keyboard.press('Enter')
  await expect(legendEntry).toHaveAttribute('aria-expanded', 'true')
  await expect(legend).toBeVisible()
  await expect(legend.getByRole('list', { name: 'Vehicle families (colour)' })).toContainText(
    'Soyuz',
  )
  await expect.poll(() => ws.rowsAreaHeight()).toBeLessThan(closed)
  await expect.poll(() => ui.pref('layout.summary-open')).toBe('legend')

  // Escape closes it, focus stays on its entry, and the rows get their height back.
  await page.keyboard.press('Escape')
  await expect(legendEntry).toHaveAttribute('aria-expanded', 'false')
  await expect(legend).toHaveCount(0)
  await expect(legendEntry).toBeFocused()
  await expect.poll(() => ws.rowsAreaHeight()).toBeCloseTo(closed, 0)

  // Space on the next entry opens the overlaps; opening the data checks closes them.
  await page.keyboard.press('Tab')
  const overlapsEntry = ui.summaryButton(/overlaps/)
  await expect(overlapsEntry).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('overlap-list')).toBeVisible()
  const checksEntry = ui.summaryButton(/doubts/)
  await checksEntry.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('data-checks')).toBeVisible()
  await expect(page.getByTestId('overlap-list')).toHaveCount(0)
  await expect(overlapsEntry).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => ui.pref('layout.summary-open')).toBe('checks')
  await first.close()

  // Restart: the data checks are open again; Escape from inside the panel closes them.
  const again = await launch({ userDataDir: first.userDataDir })
  await again.page.setViewportSize({ width: 1024, height: 700 })
  const ui2 = new ChartControls(again.page)
  await ui2.timeline.waitForBars()
  const checks = again.page.getByTestId('data-checks')
  await expect(checks).toBeVisible()
  await checks.getByRole('checkbox', { name: 'Show flagged dockings only' }).focus()
  await again.page.keyboard.press('Escape')
  await expect(checks).toHaveCount(0)
  await expect(ui2.summaryButton(/doubts/)).toBeFocused()
  await expect.poll(() => ui2.pref('layout.summary-open')).toBe('none')
})

test('"More…" opens its options by keyboard and Escape closes it back to its button', async ({
  launch,
}) => {
  const { page, ui } = await openAt(launch, 1024, 700)
  const more = ui.toolbar.getByRole('button', { name: /^More…/ })
  const popover = page.getByRole('group', { name: 'More chart options' })
  await ui.toolbar.getByRole('button', { name: 'Time cursor' }).focus()
  await page.keyboard.press('Tab')
  await expect(more).toBeFocused()
  expect(await more.evaluate((el) => el.matches(':focus-visible'))).toBe(true)
  await page.keyboard.press('Enter')
  await expect(popover).toBeVisible()
  // Focus goes to its first option; Space ticks it like any checkbox.
  const hideEmpty = popover.getByLabel('Hide empty ports')
  await expect(hideEmpty).toBeFocused()
  const rowsBefore = (await ui.timeline.rowLabels()).length
  await page.keyboard.press('Space')
  await expect(hideEmpty).toBeChecked()
  await expect.poll(async () => (await ui.timeline.rowLabels()).length).toBeLessThan(rowsBefore)
  await expect.poll(() => ui.pref('view.hide-empty-ports')).toBe(true)
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await expect(more).toBeFocused()
  // A click elsewhere closes it too.
  await more.click()
  await expect(popover).toBeVisible()
  await page.locator('h1').click()
  await expect(popover).toHaveCount(0)
})

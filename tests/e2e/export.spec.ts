import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { CSV_COLUMNS, type JsonExport } from '../../shared/export/data-export'
import { parseCsv } from '../unit/export/csv-parse'
import { byClass, parseXml, textOf } from '../unit/export/svg-parse'
import { ExportPanel } from './support/export-panel'
import { expect, test } from './support/fixtures'
import { SALYUT_FIXTURE } from './support/snapshot-file'
import { FiltersPanel } from './support/filters-panel'
import { TimelinePage } from './support/timeline-page'

interface SnapshotRecord {
  id: number
  docking: string
  departure: string | null
  docking_location: { name: string; spacestation: { name: string } }
  flight_vehicle_chaser: { spacecraft: { spacecraft_config: { name: string } } } | null
}
const snapshot = JSON.parse(fs.readFileSync(SALYUT_FIXTURE, 'utf8')) as {
  results: SnapshotRecord[]
}
const atStation = (name: string) =>
  snapshot.results.filter((r) => r.docking_location.spacestation.name === name)

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file)
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

async function ready(launch: Parameters<Parameters<typeof test>[2]>[0]['launch']) {
  const app = await launch({ snapshot: SALYUT_FIXTURE })
  await new TimelinePage(app.page).waitForBars()
  return { ...app, exporter: new ExportPanel(app.page), filters: new FiltersPanel(app.page) }
}

test('SVG export draws exactly the filtered events, with the filters in its footer', async ({
  launch,
}) => {
  const { exporter, filters, exportDir } = await ready(launch)
  await filters.location('Salyut 7').check()
  await exporter.open()
  await expect(exporter.dialog).toContainText('29 docking events match the current filters')
  await exporter.format('SVG').check()
  await exporter.title.fill('Salyut 7 dockings')
  const saved = await exporter.exportAndWait()
  expect(path.dirname(saved)).toBe(exportDir)
  expect(path.basename(saved)).toMatch(
    /^docking-timeline_salyut-7_\d{4}-\d{2}-\d{2}_to_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.svg$/,
  )
  const svg = parseXml(fs.readFileSync(saved, 'utf8'))
  const ids = byClass(svg, 'bar').map((g) => Number(g.attrs['data-event-id']))
  expect(ids.sort()).toEqual(
    atStation('Salyut 7')
      .map((r) => r.id)
      .sort(),
  )
  expect(textOf(byClass(svg, 'title')[0]!)).toBe('Salyut 7 dockings')
  const footer = textOf(byClass(svg, 'footer')[0]!)
  expect(footer).toContain('Filters: stations: Salyut 7')
  expect(footer).toContain('Source: bundled snapshot (64 events)')
  expect(footer).toContain('Docking Timeline 0.0.0-e2e')
  expect(byClass(svg, 'row-label').map(textOf)).toEqual([
    'Salyut 7',
    'Salyut-7 aft',
    'Salyut-7 forward',
  ])
})

test('PNG export is width × scale pixels and matches the SVG of the same figure', async ({
  launch,
}) => {
  const { exporter, exportDir } = await ready(launch)
  await exporter.open()
  await exporter.format('SVG').check()
  await exporter.width.fill('1000')
  const svgFile = await exporter.exportAndWait()
  const svg = parseXml(fs.readFileSync(svgFile, 'utf8'))
  expect(svg.attrs.width).toBe('1000')

  await exporter.format('PNG').check()
  await exporter.scale.selectOption('3')
  const pngFile = await exporter.exportAndWait()
  expect(pngFile.endsWith('.png')).toBe(true)
  expect(pngSize(pngFile)).toEqual({ width: 3000, height: Number(svg.attrs.height) * 3 })
  await expect(exporter.status).toContainText('3000×')
  expect(ExportPanel.savedFiles(exportDir)).toHaveLength(2)
})

test('PDF export is one landscape page with extractable text', async ({ launch }) => {
  const { exporter, filters } = await ready(launch)
  await filters.option('family', 'Progress').check()
  await exporter.open()
  await exporter.format('PDF').check()
  await exporter.paper.selectOption('A4')
  await exporter.title.fill('Progress cargo flights')
  const pdf = await exporter.exportAndWait()
  expect(pdf.endsWith('.pdf')).toBe(true)
  const info = execFileSync('/usr/bin/pdfinfo', [pdf], { encoding: 'utf8' })
  expect(info).toMatch(/^Pages:\s+1$/m)
  // A4 landscape: 841.9 × 595.3 points (Chromium rounds the page to whole 1/100 inch).
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!
  expect(Math.abs(Number(size[1]) - 841.9)).toBeLessThan(1.5)
  expect(Math.abs(Number(size[2]) - 595.3)).toBeLessThan(1.5)
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('Progress cargo flights')
  expect(text).toContain('Filters: families: Progress')
  expect(text).toContain('Source: bundled snapshot')
  expect(text).toContain('Time (UTC)')
  expect(text).not.toMatch(/\bSoyuz T-\d/)
  expect(text).toMatch(/\bSalyut-6 aft\b/)
})

test('CSV and JSON exports hold exactly the filtered rows and the filter state', async ({
  launch,
}) => {
  const { exporter, filters } = await ready(launch)
  await filters.location('Salyut 6').check()
  await exporter.open()
  await exporter.format('CSV').check()
  const csvFile = await exporter.exportAndWait()
  expect(path.basename(csvFile)).toMatch(/^docking-timeline_salyut-6_\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = parseCsv(fs.readFileSync(csvFile, 'utf8'))
  expect(csv.header).toEqual(CSV_COLUMNS)
  const expected = atStation('Salyut 6').sort(
    (a, b) => Date.parse(a.docking) - Date.parse(b.docking) || a.id - b.id,
  )
  expect(csv.rows.map((r) => Number(r[0]))).toEqual(expected.map((r) => r.id))
  const stateLine = csv.comments.find((c) => c.startsWith('# filter_state: '))!
  expect(JSON.parse(stateLine.slice('# filter_state: '.length)).stations).toEqual([9006])
  expect(csv.comments).toContain('# filters: stations: Salyut 6')

  await exporter.format('JSON').check()
  const jsonFile = await exporter.exportAndWait()
  const doc = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as JsonExport
  expect(doc.app.version).toBe('0.0.0-e2e')
  expect(doc.filters.state.stations).toEqual([9006])
  expect(doc.events.map((e) => e.id)).toEqual(expected.map((r) => r.id))
})

test('the visible-window range exports what the chart shows', async ({ launch }) => {
  const { exporter, page } = await ready(launch)
  const timeline = new TimelinePage(page)
  const start = Number(await timeline.root.getAttribute('data-window-start'))
  const end = Number(await timeline.root.getAttribute('data-window-end'))
  await exporter.open()
  await exporter.range('Visible window').check()
  const file = await exporter.exportAndWait()
  const svg = parseXml(fs.readFileSync(file, 'utf8'))
  // The store mirrors vis-timeline's window to the millisecond; allow a pixel's worth.
  expect(Math.abs(Number(svg.attrs['data-range-start']) - start)).toBeLessThan((end - start) / 1000)
  expect(Math.abs(Number(svg.attrs['data-range-end']) - end)).toBeLessThan((end - start) / 1000)
})

test('the dialog is keyboard reachable and explains bad input', async ({ launch }) => {
  const { exporter, page } = await ready(launch)
  await exporter.button.focus()
  await page.keyboard.press('Enter')
  await expect(exporter.dialog).toBeVisible()
  await expect(exporter.format('SVG')).toBeChecked()
  await exporter.width.fill('20')
  await expect(exporter.dialog.getByText(/A whole number of pixels from 400 to 8000/)).toBeVisible()
  await expect(exporter.submit).toBeDisabled()
  await exporter.width.fill('1200')
  await expect(exporter.submit).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(exporter.dialog).toBeHidden()
})

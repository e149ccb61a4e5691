import fs from 'node:fs'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { BAR_HEIGHT } from '../../shared/chart/bar-scene'
import type { DisplayList } from '../../shared/chart/display-list'
import type { PatternTile } from '../../shared/chart/patterns'
import { OPEN_END_STYLE } from '../../shared/chart/style'
import { displayListSvg } from '../../shared/export/svg-writer'
import {
  PAINTED_FRAME_PROPERTY,
  READ_PIXELS_PROPERTY,
} from '../../renderer/timeline/canvas/test-seam'
import { generateDataset } from '../fixtures/generate-dataset'
import { expect, test } from './support/fixtures'
import { snapshotFile } from './support/snapshot-file'
import { ChartControls } from './support/timeline-page'

// The screen's bar canvas and the SVG writer draw the same display list: the
// figure a user exports is what the chart shows. This renders one window both
// ways in the same Chromium and compares the pixels.

const DAY = 86_400_000
const NOW = Date.now()
const dataset = generateDataset({ events: 800, seed: 7 })
type Rec = { id: number; docking: string; departure: string | null; docking_location: unknown }
const records = dataset.events as unknown as Rec[]
// A still-docked vehicle, and a second one clashing with it on its port: an
// open end to fade and an overlap to hatch inside the window. The first
// station's (lowest ids), whose rows are at the top of the chart, in view.
// The clash docks before it and leaves after it arrived: one docking after it
// would end its stay instead (a port holds one vehicle), with no overlap.
const open = records
  .filter((r) => r.departure === null && r.docking_location !== null)
  .sort((a, b) => a.id - b.id)[0]!
const clash = {
  ...open,
  id: 990_001,
  docking: new Date(Date.parse(open.docking) - 5 * DAY).toISOString(),
  departure: new Date(Date.parse(open.docking) + 40 * DAY).toISOString(),
}

/** Per-channel difference (0–255) above which two pixels count as different. */
const CHANNEL_TOLERANCE = 16
/** Share of painted pixels that must agree. */
const MIN_AGREEMENT = 0.97
/** Share of a small region's pixels that must agree: anti-aliased edges weigh more there. */
const MIN_REGION_AGREEMENT = 0.9

interface PaintedList {
  readonly list: DisplayList
  readonly patterns: ReadonlyArray<PatternTile>
  readonly width: number
  readonly height: number
  readonly theme: string
}

/** A part of the canvas that must agree on its own (too small to move the overall share). */
interface Region {
  readonly name: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

interface Comparison {
  readonly painted: number
  readonly agreeing: number
  /** Per region, the share of its pixels that agree. */
  readonly regions: ReadonlyArray<{ readonly name: string; readonly share: number }>
  readonly screen: string
  readonly svg: string
  readonly diff: string
}

/** The last frame's display list, with the canvas's pixels kept aside in the page. */
async function captureCanvas(page: Page): Promise<PaintedList> {
  // Two frames with nothing asked of the chart: whatever was pending is painted.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
  return page.evaluate(
    async ([paintedKey, readKey]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="bar-canvas"]')!
      const seam = canvas as unknown as Record<string, unknown>
      const frame = seam[paintedKey!] as {
        list: unknown
        patterns: unknown
        view: { width: number; height: number }
        theme: string
      }
      const read = seam[readKey!] as (r: object) => Promise<ImageData | null>
      const k = window.devicePixelRatio || 1
      const shot = await read({
        x: 0,
        y: 0,
        w: Math.round(frame.view.width * k),
        h: Math.round(frame.view.height * k),
      })
      Object.assign(window, { __dtScreenShot: shot })
      return {
        list: frame.list,
        patterns: frame.patterns,
        width: frame.view.width,
        height: frame.view.height,
        theme: frame.theme,
      } as PaintedList
    },
    [PAINTED_FRAME_PROPERTY, READ_PIXELS_PROPERTY] as const,
  )
}

/** Rasterises `svg` at the canvas's size and compares it with the kept canvas pixels. */
async function compareWithSvg(
  page: Page,
  svg: string,
  background: string,
  regions: ReadonlyArray<Region>,
): Promise<Comparison> {
  return page.evaluate(
    async ([markup, bg, tolerance, parts]) => {
      const screen = (window as unknown as { __dtScreenShot: ImageData }).__dtScreenShot
      const { width, height } = screen
      const img = new Image()
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`
      await img.decode()
      const off = document.createElement('canvas')
      off.width = width
      off.height = height
      const octx = off.getContext('2d')!
      octx.drawImage(img, 0, 0, width, height)
      const drawn = octx.getImageData(0, 0, width, height)
      // Both over the page's background, as the user sees the canvas.
      const bgRgb = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16))
      const over = (d: Uint8ClampedArray, i: number, c: number) =>
        (d[i + c]! * d[i + 3]! + bgRgb[c]! * (255 - d[i + 3]!)) / 255
      const a = new ImageData(width, height)
      const b = new ImageData(width, height)
      const diff = new ImageData(width, height)
      const ok = new Uint8Array(width * height)
      let painted = 0
      let agreeing = 0
      for (let i = 0; i < screen.data.length; i += 4) {
        let worst = 0
        for (let c = 0; c < 3; c++) {
          const va = over(screen.data, i, c)
          const vb = over(drawn.data, i, c)
          a.data[i + c] = va
          b.data[i + c] = vb
          worst = Math.max(worst, Math.abs(va - vb))
        }
        a.data[i + 3] = b.data[i + 3] = diff.data[i + 3] = 255
        const isPainted = screen.data[i + 3]! > 0 || drawn.data[i + 3]! > 0
        const agrees = worst <= tolerance
        ok[i / 4] = agrees ? 1 : 0
        if (isPainted) {
          painted++
          if (agrees) agreeing++
        }
        // Differences red, agreement as a faint grey copy of the screen.
        const grey = (a.data[i]! + a.data[i + 1]! + a.data[i + 2]!) / 3
        diff.data[i] = agrees ? 128 + grey / 2 : 255
        diff.data[i + 1] = agrees ? 128 + grey / 2 : 0
        diff.data[i + 2] = agrees ? 128 + grey / 2 : 0
      }
      const png = (d: ImageData) => {
        const c = document.createElement('canvas')
        c.width = width
        c.height = height
        c.getContext('2d')!.putImageData(d, 0, 0)
        return c.toDataURL('image/png')
      }
      const k = width / document.querySelector('[data-testid="bar-canvas"]')!.clientWidth
      const shares = parts.map((r) => {
        let n = 0
        let good = 0
        for (let y = Math.round(r.y * k); y < Math.round((r.y + r.h) * k); y++)
          for (let x = Math.round(r.x * k); x < Math.round((r.x + r.w) * k); x++) {
            if (x < 0 || y < 0 || x >= width || y >= height) continue
            n++
            good += ok[y * width + x]!
          }
        return { name: r.name, share: n === 0 ? 0 : good / n }
      })
      return {
        painted,
        agreeing,
        regions: shares,
        screen: png(a),
        svg: png(b),
        diff: png(diff),
      }
    },
    [svg, background, CHANNEL_TOLERANCE, regions] as const,
  )
}

function savePng(name: string, dataUrl: string): void {
  const dir = path.resolve('test-results/canvas-svg')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, name), Buffer.from(dataUrl.split(',')[1]!, 'base64'))
}

for (const theme of ['light', 'dark'] as const) {
  test(`the SVG writer draws the chart's window as the canvas shows it (${theme})`, async ({
    launch,
  }) => {
    const { page } = await launch({ snapshot: snapshotFile([...records, clash]) })
    const ui = new ChartControls(page)
    await ui.timeline.waitForBars()
    await page.getByLabel('Theme').selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    // Ten years ending just past now: still-docked ends, the clash, bars of every
    // role and strips of bars too dense to draw apart.
    await page.setViewportSize({ width: 1800, height: 1000 })
    await ui.toolbar.getByRole('button', { name: '10 years', exact: true }).click()
    await ui.goTo(new Date(NOW - 4.9 * 365 * DAY).toISOString().slice(0, 10))
    await expect.poll(async () => (await ui.timeline.bar(clash.id)) !== null).toBe(true)
    // A selection ring too.
    await ui.timeline.clickVisiblePart(open.id)
    await expect.poll(() => ui.timeline.selectedId()).toBe(open.id)
    await page.mouse.move(0, 0)

    const frame = await captureCanvas(page)
    expect(frame.theme).toBe(theme)
    // The window holds what the comparison must cover.
    const painted = await ui.timeline.painted()
    expect(painted.some((d) => d.kind === 'overlap')).toBe(true)
    const box = await ui.timeline.canvasBox()
    expect(painted.some((d) => d.isOpen && d.right < box.x + box.width)).toBe(true)
    expect(new Set(painted.map((d) => d.role).filter(Boolean)).size).toBeGreaterThanOrEqual(2)
    expect(frame.list.some((d) => d.kind === 'rect' && d.pattern !== null)).toBe(true)

    const svg = displayListSvg(frame.list, frame.patterns, {
      width: frame.width,
      height: frame.height,
    })
    // The hatch and the open ends cover too few pixels to move the overall share: each must agree.
    const regions: Region[] = [
      ...painted
        .filter((d) => d.kind === 'overlap')
        .map((d) => ({
          // The band above the bars it lies under, where it shows.
          name: `hatch ${d.id}`,
          x: d.left - box.x,
          y: d.top - box.y,
          w: d.right - d.left,
          h: (d.bottom - d.top - BAR_HEIGHT) / 2 - 1,
        })),
      ...painted
        .filter((d) => d.isOpen && d.right < box.x + box.width)
        .map((d) => ({
          name: `open end of ${d.id}`,
          x: d.right - box.x - Math.min(OPEN_END_STYLE.fadePx, d.right - d.left),
          y: d.top - box.y,
          w: Math.min(OPEN_END_STYLE.fadePx, d.right - d.left),
          h: d.bottom - d.top,
        })),
    ]
    const background = theme === 'light' ? '#ffffff' : '#15181c'
    const result = await compareWithSvg(page, svg, background, regions)
    savePng(`${theme}-screen.png`, result.screen)
    savePng(`${theme}-svg.png`, result.svg)
    savePng(`${theme}-diff.png`, result.diff)
    const agreement = result.agreeing / result.painted
    console.log(
      `${theme}: ${result.agreeing} of ${result.painted} painted px agree (${(agreement * 100).toFixed(2)} %);`,
      result.regions.map((r) => `${r.name} ${(r.share * 100).toFixed(1)} %`).join(', '),
    )
    expect(result.painted).toBeGreaterThan(10_000)
    expect(agreement).toBeGreaterThanOrEqual(MIN_AGREEMENT)
    for (const r of result.regions)
      expect(r.share, r.name).toBeGreaterThanOrEqual(MIN_REGION_AGREEMENT)
  })
}

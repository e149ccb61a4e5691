/**
 * Export speed (issue #6).
 *
 * 1. SVG of 1,000 generated events, whole range, 1,600 px wide: the pure
 *    renderer (`prepareChartExport`: filter, rows, bars, SVG string), p50/p95
 *    over many runs. Target < 300 ms.
 * 2. PNG 2x of a 1,600 px wide chart in headless Debian Chromium: the very
 *    `rasteriseSvg` the app runs (image decode, canvas draw, PNG encode,
 *    base64), from the SVG string to the base64 PNG. Target < 1.5 s.
 *
 * Prints figures; asserts nothing about time.
 * Run: node --import tsx tests/bench/export.bench.ts
 */
import { performance } from 'node:perf_hooks'

import { chromium } from '@playwright/test'

import { prepareChartExport, type ExportContext } from '../../shared/export/export-job'
import { DEFAULT_QUERY } from '../../shared/query/query'
import { utcMillis } from '../../shared/domain/units'
import { rasteriseSvg } from '../../renderer/export/rasterise'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium'
import { dockingDataFrom } from '../fixtures/docking-data'
import { generateDataset } from '../fixtures/generate-dataset'

const NOW = utcMillis(Date.parse('2025-06-01T00:00:00Z'))
const SVG_TARGET_MS = 300
const PNG_TARGET_MS = 1500

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN
}
const ms = (x: number) => `${x.toFixed(1)} ms`

const data = dockingDataFrom(generateDataset({ events: 1000, seed: 42 }).events, {
  source: 'll2',
  fetchedAt: NOW,
  provenance: 'Launch Library 2 by The Space Devs (1000 events)',
})
const ctx: ExportContext = { data, query: DEFAULT_QUERY, appVersion: 'bench', now: NOW }
const render = () =>
  prepareChartExport(ctx, {
    range: { kind: 'all' },
    size: { kind: 'width', width: 1600 },
    theme: 'light',
    title: 'Benchmark: 1,000 dockings',
  })

// 1. SVG.
for (let i = 0; i < 5; i++) render() // warm the JIT
const svgTimes: number[] = []
let last = render()
for (let i = 0; i < 40; i++) {
  const t0 = performance.now()
  last = render()
  svgTimes.push(performance.now() - t0)
}
if (!last) throw new Error('the benchmark data drew nothing')
const svg = last.result
console.log(
  `SVG, ${svg.bars.length} bars in ${svg.rows.length} rows, ${svg.width}×${svg.height} px, ${(svg.svg.length / 1024).toFixed(0)} KiB`,
)
const svgP95 = quantile(svgTimes, 0.95)
console.log(
  `  p50 ${ms(quantile(svgTimes, 0.5))}, p95 ${ms(svgP95)} (target < ${SVG_TARGET_MS} ms: ${(svgP95 / SVG_TARGET_MS).toFixed(2)} of budget)`,
)

// 2. PNG 2x in Chromium, through the app's own rasteriser.
assertChromium()
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><html><body></body></html>')
  const source = rasteriseSvg.toString()
  const run = () =>
    page.evaluate(
      async ([fn, text, w, h]) => {
        const rasterise = new Function(`return (${fn})`)() as (
          svg: string,
          width: number,
          height: number,
          scale: number,
        ) => Promise<{ base64: string; width: number; height: number }>
        const t0 = performance.now()
        const png = await rasterise(text, w, h, 2)
        return {
          ms: performance.now() - t0,
          width: png.width,
          height: png.height,
          bytes: png.base64.length * 0.75,
        }
      },
      [source, svg.svg, svg.width, svg.height] as const,
    )
  await run() // warm up decoders
  const pngTimes: number[] = []
  let info = await run()
  for (let i = 0; i < 8; i++) {
    info = await run()
    pngTimes.push(info.ms)
  }
  console.log(
    `PNG 2x: ${info.width}×${info.height} px, ${(info.bytes / 1024).toFixed(0)} KiB, in headless Chromium (${CHROMIUM_PATH})`,
  )
  const pngP95 = quantile(pngTimes, 0.95)
  console.log(
    `  p50 ${ms(quantile(pngTimes, 0.5))}, p95 ${ms(pngP95)} (target < ${PNG_TARGET_MS} ms: ${(pngP95 / PNG_TARGET_MS).toFixed(2)} of budget)`,
  )
} finally {
  await browser.close()
}

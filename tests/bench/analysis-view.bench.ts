/**
 * Analysis view benchmark (issue #14): time from choosing the Analysis tab to
 * every chart painted (the next animation frame after the last chart's SVG is
 * in the DOM), on the bundled snapshot. Prints figures; asserts nothing.
 *
 * Run: `node --import tsx tests/bench/analysis-view.bench.ts` after
 * `npx electron-vite build` (`npm run bench` does both).
 */
import path from 'node:path'

import { chromium } from '@playwright/test'

import { launchBridgedApp } from '../e2e/support/bridge'
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../e2e/support/chromium'
import { serveStatic } from '../e2e/support/static-server'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const TARGET_MS = 300
const CHARTS = 6

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

async function main() {
  assertChromium()
  const renderer = await serveStatic(path.resolve('out/renderer'))
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const times: number[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const app = await launchBridgedApp(browser, renderer.url)
      try {
        await app.page.locator('[data-testid="timeline"] canvas, .vis-timeline').first().waitFor()
        await app.page.getByRole('tab', { name: 'Analysis' }).waitFor()
        // A string, not a function: tsx would add helpers the page does not have.
        const ms = (await app.page.evaluate(`new Promise((resolve) => {
          const t0 = performance.now()
          const done = () => document.querySelectorAll('.analysis-plot svg').length >= ${CHARTS}
          const wait = () =>
            done() ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(wait)
          document.getElementById('tab-analysis').click()
          requestAnimationFrame(wait)
        })`)) as number
        times.push(ms)
      } finally {
        await app.close()
      }
    }
  } finally {
    await browser.close()
    await renderer.close()
  }
  const p50 = pct(times, 50)
  console.log(
    `Analysis view first paint, bundled snapshot, ${CHARTS} charts: p50 ${p50.toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms over ${RUNS} runs (target < ${TARGET_MS} ms: ${p50 < TARGET_MS ? 'met' : 'NOT met'}, ratio ${(p50 / TARGET_MS).toFixed(2)})`,
  )
}

await main()

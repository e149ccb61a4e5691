/**
 * Analysis view benchmark (issue #14): from choosing the Analysis tab to the
 * first chart painted (the view's first paint: the next animation frame
 * after the first chart's SVG is in the DOM), and to every chart painted, on
 * the bundled snapshot. Prints figures; asserts nothing.
 *
 * Run: `node --import tsx tests/bench/analysis-view.bench.ts` after
 * `npx electron-vite build` (`npm run bench` does both). With
 * BENCH_BASELINE_RENDERER=<dir> (another build's out/renderer), that build
 * is measured in the same browser, launch by launch interleaved, and the
 * ratios printed.
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

/** Milliseconds from the tab click to the frame after `charts` charts hold an SVG. */
const SINCE_CLICK = (charts: number) => `new Promise((resolve) => {
  const t0 = performance.now()
  const drawn = () => document.querySelectorAll('.analysis-plot:has(svg)').length
  const first = { at: null }
  const wait = () => {
    if (first.at === null && drawn() >= 1) requestAnimationFrame(() => { first.at = performance.now() - t0 })
    if (drawn() >= ${charts}) requestAnimationFrame(() => requestAnimationFrame(() => resolve([first.at ?? performance.now() - t0, performance.now() - t0])))
    else requestAnimationFrame(wait)
  }
  document.getElementById('tab-analysis').click()
  requestAnimationFrame(wait)
})`

async function main() {
  assertChromium()
  const builds = [{ name: 'this build', dir: path.resolve('out/renderer') }]
  const base = process.env.BENCH_BASELINE_RENDERER
  if (base) builds.push({ name: base, dir: path.resolve(base) })
  const servers = await Promise.all(builds.map((b) => serveStatic(b.dir)))
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const first = builds.map(() => [] as number[])
  const all = builds.map(() => [] as number[])
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const b of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const server = servers[b]
        if (!server) continue
        const app = await launchBridgedApp(browser, server.url)
        try {
          await app.page.locator('[data-testid="timeline"] canvas, .vis-timeline').first().waitFor()
          await app.page.getByRole('tab', { name: 'Analysis' }).waitFor()
          // A string, not a function: tsx would add helpers the page does not have.
          const [f, a] = (await app.page.evaluate(SINCE_CLICK(CHARTS))) as [number, number]
          first[b]!.push(f)
          all[b]!.push(a)
        } finally {
          await app.close()
        }
      }
    }
  } finally {
    await browser.close()
    await Promise.all(servers.map((s) => s.close()))
  }
  const fig = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`
  const ratio = (xs: number[], ys: number[] | undefined) =>
    ys
      ? `; ${(pct(ys, 50) / pct(xs, 50)).toFixed(2)}x faster than ${base} (p50 ${pct(ys, 50).toFixed(1)} ms)`
      : ''
  console.log(`Analysis view, bundled snapshot, ${CHARTS} charts, ${RUNS} launches per build:`)
  console.log(
    `  first paint (first chart): ${fig(first[0]!)} (target < ${TARGET_MS} ms: ${pct(first[0]!, 95) < TARGET_MS ? 'met' : 'NOT met'} at p95)${ratio(first[0]!, first[1])}`,
  )
  console.log(`  every chart painted: ${fig(all[0]!)}${ratio(all[0]!, all[1])}`)
}

await main()

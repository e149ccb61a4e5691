/**
 * A page with vis-timeline (the peer build, as the app uses) and nothing else,
 * for benchmarks that compare the app with bare vis-timeline.
 */
import fs from 'node:fs'
import path from 'node:path'

import { build } from 'esbuild'

/**
 * Bundles `script` (TypeScript that may import moment, vis-data/peer and
 * vis-timeline/peer, and defines functions on `window`) into `dir`, with
 * vis-timeline's own stylesheet beside it.
 */
export async function buildBarePage(dir: string, script: string): Promise<void> {
  const entry = path.join(dir, 'entry.ts')
  fs.writeFileSync(entry, script)
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'bare.js'),
    absWorkingDir: process.cwd(),
    nodePaths: [path.resolve('node_modules')],
    logLevel: 'silent',
  })
  fs.copyFileSync(
    path.resolve('node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css'),
    path.join(dir, 'vis.css'),
  )
}

/** The page's HTML: the chart element at the app chart's size. */
export function barePage(width: number, height: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="vis.css">
<style>body{margin:0;font:14px system-ui,sans-serif}#chart{width:${width}px;height:${height}px}</style>
</head><body><div id="chart"></div><script type="module" src="bare.js"></script></body></html>`
}

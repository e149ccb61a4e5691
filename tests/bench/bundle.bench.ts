/**
 * Renderer bundle size (issue #12): what the window downloads and parses
 * before it can draw anything, from the built `out/renderer/assets`.
 * Prints figures; asserts nothing.
 *
 * Run: `node --import tsx tests/bench/bundle.bench.ts` after
 * `npx electron-vite build` (`npm run bench` does both).
 */
import fs from 'node:fs'
import path from 'node:path'

const ASSETS = 'out/renderer/assets'

if (!fs.existsSync(ASSETS)) throw new Error('Build the renderer first: npx electron-vite build')

const files = fs
  .readdirSync(ASSETS)
  .map((name) => ({ name, bytes: fs.statSync(path.join(ASSETS, name)).size }))
  .sort((a, b) => b.bytes - a.bytes)
// Megabytes of 10^6 bytes, the unit Vite's build report uses (there in kB).
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`
const sum = (xs: ReadonlyArray<{ bytes: number }>) => xs.reduce((n, f) => n + f.bytes, 0)
const js = files.filter((f) => f.name.endsWith('.js'))

console.log(`Renderer bundle (${ASSETS}, as built, uncompressed)`)
console.log(`  total: ${mb(sum(files))} in ${files.length} files; JavaScript ${mb(sum(js))}`)
for (const f of files) console.log(`    ${f.name}: ${mb(f.bytes)}`)

// `npm run bench`: runs every tests/bench/*.bench.ts in turn; each prints its
// own figures, targets and ratios. Timings are reported, never asserted.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const only = process.argv[2]
const dir = 'tests/bench'
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort()
let failedRuns = 0
for (const f of files) {
  console.log(`\n### ${f}`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], {
    stdio: 'inherit',
  })
  if (r.status !== 0) {
    failedRuns++
    console.log(`### ${f} exited with ${r.status}`)
  }
}
process.exit(failedRuns ? 1 : 0)

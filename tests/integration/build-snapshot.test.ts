import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'

const run = promisify(execFile)

describe('npm run snapshot:build', () => {
  it('rebuilds the bundled snapshot byte for byte from assets/snapshot/sources', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-snapshot-build-'))
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/build-snapshot.ts', '--out', out],
      { timeout: 60_000 },
    )
    const rebuilt = fs.readFileSync(path.join(out, path.basename(BUNDLED_SNAPSHOT_PATH)))
    const bundled = fs.readFileSync(BUNDLED_SNAPSHOT_PATH)
    expect(rebuilt.equals(bundled)).toBe(true)
    // One record per LL2 id of the merged source, each placed.
    const merged = JSON.parse(
      fs.readFileSync('assets/snapshot/sources/ll2-docking-events.merged.json', 'utf8'),
    ) as Array<{ id: number }>
    expect(stdout).toContain(`${merged.length} events`)
    expect(stdout).toContain('Unplaced: none.')
  }, 90_000)
})

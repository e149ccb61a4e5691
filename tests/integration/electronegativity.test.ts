/**
 * Electronegativity (Doyensec's Electron security linter) over the main
 * process sources: any finding above LOW must be listed, with a reason, in
 * tests/security/electronegativity-allowlist.json.
 *
 * The sources, not `out/`: the build is one bundle holding the renderer too,
 * so findings there name `main.js:2034` instead of the file to fix, and it
 * takes twice as long. The tool fetches translations and Electron's release
 * list from the network; the release check is excluded (it needs the
 * network), the translations fall back to the bundled English after a 1 s
 * timeout, and the whole run is bounded.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseCsv } from '../unit/export/csv-parse'

interface Finding {
  readonly check: string
  readonly severity: string
  readonly file: string
  readonly location: string
  readonly sample: string
}

interface Accepted {
  readonly check: string
  readonly file: string
  readonly reason: string
}

const TOOL = path.resolve('node_modules/@doyensec/electronegativity/dist/index.js')
const RUN_LIMIT_MS = 180_000
const ABOVE_LOW: ReadonlySet<string> = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

function electronVersion(): string {
  const pkg = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')) as {
    version: string
  }
  return pkg.version
}

/**
 * The tool writes its CSV report's header and its rows with two `fs.writeFile`
 * calls that race: the header's, which truncates, can land over the first row
 * ("issue, severity, … url" then " to parse CSP, it may not be valid.",…).
 * Run under this module its writes are made in the order they are called.
 */
const WRITES_IN_ORDER = `import fs from 'node:fs';
fs.writeFile = (file, data, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  let error = null;
  try { fs.writeFileSync(file, data, typeof options === 'function' ? undefined : options); }
  catch (e) { error = e; }
  process.nextTick(() => done?.(error));
};`

/** Runs the tool and resolves with its findings; rejects when it fails or overruns. */
function scan(input: string): Promise<ReadonlyArray<Finding>> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-eneg-')), 'report.csv')
  const args = ['--import', `data:text/javascript,${encodeURIComponent(WRITES_IN_ORDER)}`]
  args.push(TOOL, '-i', input, '-o', out, '-r', '-p', 'typescript')
  args.push('-e', electronVersion(), '-x', 'AvailableSecurityFixesGlobalCheck')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LANG: 'en-US' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    child.stdout.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr.on('data', (d: Buffer) => (log += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`Electronegativity did not finish within ${RUN_LIMIT_MS / 1000} s:\n${log}`))
    }, RUN_LIMIT_MS)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code !== 0 || !fs.existsSync(out)) {
        reject(new Error(`Electronegativity failed (exit ${code}):\n${log}`))
        return
      }
      // Findings are the rows whose first field is a check id. A report that does not parse fails
      // the test, not the run.
      let rows: ReadonlyArray<ReadonlyArray<string>>
      try {
        rows = parseCsv(fs.readFileSync(out, 'utf8')).rows.filter((r) =>
          /^[A-Z_]+_CHECK$/.test(r[0] ?? ''),
        )
      } catch (e) {
        reject(new Error(`Electronegativity's report did not parse (${String(e)}):\n${log}`))
        return
      }
      resolve(
        rows.map((r) => ({
          check: r[0]!,
          severity: r[1]!,
          file: r[3]!,
          location: r[4]!,
          sample: r[5]!,
        })),
      )
    })
  })
}

describe('Electronegativity', () => {
  it(
    'finds nothing above LOW in electron/ that the reviewed allowlist does not explain',
    async () => {
      const allowlist = JSON.parse(
        fs.readFileSync('tests/security/electronegativity-allowlist.json', 'utf8'),
      ) as { accepted: ReadonlyArray<Accepted> }
      for (const a of allowlist.accepted) expect(a.reason.length, a.check).toBeGreaterThan(40)

      const findings = await scan('electron')
      // The scan really parsed the TypeScript: it saw the preload the main window loads.
      expect(findings.some((f) => f.check === 'PRELOAD_JS_CHECK')).toBe(true)

      const isAccepted = (f: Finding) =>
        allowlist.accepted.some((a) => a.check === f.check && a.file === f.file)
      const unexplained = findings.filter((f) => ABOVE_LOW.has(f.severity) && !isAccepted(f))
      expect(
        unexplained.map((f) => `${f.severity} ${f.check} ${f.file}:${f.location} ${f.sample}`),
      ).toEqual([])
      const stale = allowlist.accepted.filter(
        (a) => !findings.some((f) => f.check === a.check && f.file === a.file),
      )
      expect(stale.map((a) => `${a.check} ${a.file}`)).toEqual([])
    },
    RUN_LIMIT_MS + 20_000,
  )
})

// `npm test`: typecheck, lint, unit, integration, build, e2e (Chromium; and
// the real Electron app where its binary exists). Ends with the line CI reads:
// `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

import { electronBinary } from './electron-binary.mjs'

fs.mkdirSync('test-results', { recursive: true })
let passed = 0
let failed = 0
const failures = []

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return r.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

// A check that is not a test runner counts as one test.
function check(name, cmd, args) {
  if (step(name, cmd, args)) passed++
  else {
    failed++
    failures.push(name)
  }
}

function vitest(project) {
  const out = `test-results/vitest-${project}.json`
  fs.rmSync(out, { force: true })
  const ok = step(project, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ])
  const report = readJson(out)
  if (!report) {
    failed++
    failures.push(`${project} (no report)`)
    return
  }
  passed += report.numPassedTests
  failed += report.numFailedTests
  if (report.numFailedTests > 0 || !ok) failures.push(project)
  if (!ok && report.numFailedTests === 0) failed++ // a crash outside any test still fails the run
}

function e2e(name, env) {
  const out = 'test-results/e2e-results.json'
  fs.rmSync(out, { force: true })
  const ok = step(name, 'npx', ['playwright', 'test'], env)
  const report = readJson(out)
  if (!report) {
    failed++
    failures.push(`${name} (no report)`)
    return
  }
  const s = report.stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  if (s.unexpected > 0 || !ok) failures.push(name)
  if (!ok && s.unexpected === 0) failed++
}

if (!step('native module', 'node', ['scripts/ensure-native.mjs', 'node'])) {
  console.log('tests: 0 passed, 1 failed')
  process.exit(1)
}
check('typecheck', 'npx', ['tsc', '-b'])
check('lint', 'npx', ['eslint', '.', '--max-warnings=0'])
vitest('unit')
vitest('integration')
const built = step('build', 'npx', ['electron-vite', 'build'])
if (built) {
  passed++
  e2e('e2e (Chromium + bridge)', {})
  if (electronBinary()) e2e('e2e (Electron)', { DT_E2E_TARGET: 'electron' })
  else
    console.log(
      '\n=== e2e (Electron): not run, no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)',
    )
} else {
  failed++
  failures.push('build')
}

if (failures.length) console.log(`\nfailed: ${failures.join(', ')}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

// Builds better-sqlite3 for the runtime about to load it: Electron's ABI for
// `npm start`, Node's for tests and the CLI. Prints one line when it does
// something or skips; silent when the module is already right.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { electronBinary } from './electron-binary.mjs'

const target = process.argv[2]
const quiet = process.argv.includes('--quiet')
const marker = path.resolve('node_modules/.docking-timeline-native')
const say = (line) => console.error(`[native] ${line}`)

if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/ensure-native.mjs node|electron [--quiet]')
  process.exit(2)
}

const run = (cmd, args) =>
  spawnSync(cmd, args, { stdio: quiet ? 'ignore' : 'inherit', shell: process.platform === 'win32' })

function loadsInNode() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').close()"],
    {
      encoding: 'utf8',
    },
  )
  return { ok: probe.status === 0, error: probe.stderr }
}

if (target === 'node') {
  const probe = loadsInNode()
  if (probe.ok) {
    fs.writeFileSync(marker, `node-${process.versions.modules}`)
    process.exit(0)
  }
  say(
    `better-sqlite3 does not load in Node ${process.version}; rebuilding it for Node (about a minute)`,
  )
  const rebuilt = run('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'])
  if (rebuilt.status !== 0 || !loadsInNode().ok) {
    say(`rebuild failed: ${probe.error.split('\n').find((l) => l.trim()) ?? 'unknown error'}`)
    process.exit(1)
  }
  fs.writeFileSync(marker, `node-${process.versions.modules}`)
  process.exit(0)
}

// target === 'electron'
let exe = electronBinary()
if (!exe && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say("Electron's binary is not downloaded yet; fetching it")
  const download = spawnSync(process.execPath, ['-e', "require('electron')"], { encoding: 'utf8' })
  exe = electronBinary()
  if (!exe)
    say(`download failed: ${(download.stderr.match(/^\w*Error: .*$/m) ?? ['unknown error'])[0]}`)
}
if (!exe) {
  say(
    'skipped the Electron rebuild of better-sqlite3: no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD or offline)',
  )
  process.exit(0)
}
const electronVersion = JSON.parse(
  fs.readFileSync('node_modules/electron/package.json', 'utf8'),
).version
const wanted = `electron-${electronVersion}`
if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) process.exit(0)
say(`rebuilding better-sqlite3 for Electron ${electronVersion}`)
const result = run('npx', ['electron-builder', 'install-app-deps'])
if (result.status !== 0) {
  say('electron-builder install-app-deps failed; see above')
  process.exit(1)
}
fs.writeFileSync(marker, wanted)

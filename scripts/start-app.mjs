// Starts the built app in Electron, or says plainly why it cannot.
import { spawn } from 'node:child_process'

import { electronBinary } from './electron-binary.mjs'

const exe = electronBinary()
if (!exe) {
  console.error(
    "Docking Timeline cannot open a window: Electron's binary is not installed " +
      '(this checkout was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed offline). ' +
      'Run `npm install` with network access to fetch it. `npm test` runs the same renderer in Chromium meanwhile.',
  )
  process.exit(1)
}
const child = spawn(exe, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))

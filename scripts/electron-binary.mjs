// Where Electron's binary is, without triggering electron's own lazy download.
import fs from 'node:fs'
import path from 'node:path'

const electronDir = path.resolve('node_modules/electron')

/** The Electron executable, or null when its binary was never downloaded. */
export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return fs.existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH)
      ? process.env.ELECTRON_OVERRIDE_DIST_PATH
      : null
  }
  const pathFile = path.join(electronDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const exe = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(exe) ? exe : null
}

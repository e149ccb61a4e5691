import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { _electron as electron } from '@playwright/test'

import type { LaunchOptions } from './bridge'
import { watchConsole } from './console-guard'

/** The Electron executable, when its binary was downloaded (never in CI here). */
export function electronExecutable(): string | null {
  const dir = path.resolve('node_modules/electron')
  const pathFile = path.join(dir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(exe) ? exe : null
}

/**
 * Starts the real app (built main, preload and renderer) through Playwright's
 * Electron driver, with the same test seams the bridge takes.
 */
export async function launchElectronApp(options: LaunchOptions = {}) {
  const executablePath = electronExecutable()
  if (!executablePath) throw new Error('DT_E2E_TARGET=electron but no Electron binary is installed')
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dt-e2e-'))
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-exports-'))
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DT_USER_DATA_DIR: userDataDir,
    DT_EXPORT_DIR: exportDir,
  }
  if (options.snapshot !== undefined) env.DT_SNAPSHOT = options.snapshot ?? 'none'
  if (options.baseUrl) env.DT_LL2_BASE_URL = options.baseUrl
  const app = await electron.launch({ executablePath, args: ['.'], env })
  const page = await app.firstWindow()
  const consoleSaid = watchConsole(page, options.expectConsole)
  await page.setViewportSize({ width: 1400, height: 900 })
  if (options.clock !== undefined || options.block?.length) {
    // The window has loaded already: install the clock and routes, then load it again under them.
    if (options.clock !== undefined) await app.context().clock.install({ time: options.clock })
    for (const url of options.block ?? []) await app.context().route(url, (route) => route.abort())
    await page.reload()
  }
  return {
    page,
    userDataDir,
    exportDir,
    clipboardText: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    unexpectedConsole: consoleSaid,
    async close() {
      await app.close()
    },
  }
}

import path from 'node:path'

import { test as base, chromium, type Browser } from '@playwright/test'

import type { Page } from '@playwright/test'

import { launchBridgedApp, type LaunchOptions } from './bridge'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'
import { launchElectronApp } from './electron-app'
import { serveStatic } from './static-server'

/** The app under test, in Chromium over the bridge or in the real Electron. */
export interface TestApp {
  readonly page: Page
  readonly userDataDir: string
  /** Where the app's save dialog puts files in tests. */
  readonly exportDir: string
  /** The system clipboard's text, as the app left it. */
  clipboardText(): Promise<string>
  /** What the page logged that the test did not expect (console-guard.ts). */
  unexpectedConsole(): ReadonlyArray<string>
  close(): Promise<void>
}

/** Launches the app; call again with the same userDataDir to restart it. */
export type Launch = (options?: LaunchOptions) => Promise<TestApp>

/** Set by `npm test` when an Electron binary exists: the same specs drive the real app. */
export const isElectronRun = process.env.DT_E2E_TARGET === 'electron'

interface WorkerFixtures {
  readonly browser: Browser
  readonly rendererUrl: string
}

/**
 * The e2e test object: `launch` starts the app (built renderer in Debian's
 * Chromium, real services behind the bridge) and closes whatever it started.
 */
export const test = base.extend<{ launch: Launch }, WorkerFixtures>({
  browser: [
    async ({}, use) => {
      if (isElectronRun) {
        // Electron brings its own Chromium; no browser to start.
        await use(null as unknown as Browser)
        return
      }
      assertChromium()
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  rendererUrl: [
    async ({}, use) => {
      const server = await serveStatic(path.resolve('out/renderer'))
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  launch: async ({ browser, rendererUrl }, use) => {
    const started: TestApp[] = []
    await use(async (options) => {
      const app = isElectronRun
        ? await launchElectronApp(options)
        : await launchBridgedApp(browser, rendererUrl, options)
      started.push(app)
      return app
    })
    for (const app of started) await app.close()
    // Judged here, not by the launchers: benches start older builds to compare with.
    const said = started.flatMap((app) => app.unexpectedConsole())
    if (said.length) throw new Error(`console: ${said.join('; ')}`)
  },
})

export { expect } from '@playwright/test'

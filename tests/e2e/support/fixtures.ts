import path from 'node:path'

import { test as base, chromium, type Browser } from '@playwright/test'

import { launchBridgedApp, type BridgedApp, type LaunchOptions } from './bridge'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'
import { serveStatic } from './static-server'

/** Launches the app; call again with the same userDataDir to restart it. */
export type Launch = (options?: LaunchOptions) => Promise<BridgedApp>

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
    const started: BridgedApp[] = []
    await use(async (options) => {
      const app = await launchBridgedApp(browser, rendererUrl, options)
      started.push(app)
      return app
    })
    for (const app of started) await app.close()
  },
})

export { expect } from '@playwright/test'

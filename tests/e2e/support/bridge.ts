import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from '@playwright/test'

import {
  createAppServices,
  LL2_PRODUCTION_URL,
  type AppServices,
} from '../../../electron/app-services'
import { handleInvoke } from '../../../electron/ipc/handlers'
import { referenceFilesIn } from '../../../electron/reference/reference-files'
import {
  API_EVENTS,
  API_METHODS,
  buildAppApi,
  type PushChannels,
} from '../../../shared/ipc/contract'
import { utcMillis } from '../../../shared/domain/units'
import { BUNDLED_SNAPSHOT_PATH } from '../../../shared/ll2/snapshot-file'
import { BUNDLED_REFERENCE_PATH } from '../../../shared/reference/reference-file'
import { watchConsole } from './console-guard'

/** How the app under test starts. */
export interface LaunchOptions {
  /** Snapshot file for a new cache; null starts empty. Default: the bundled snapshot. */
  readonly snapshot?: string | null
  /** Reuse a user-data folder (a restart); default: a new temp folder. */
  readonly userDataDir?: string
  /** LL2 base URL (the local test server). */
  readonly baseUrl?: string
  /**
   * Starts the page's clock at this instant (Playwright's fake clock, installed
   * before the page loads; time then flows on from it), so "now" in the app is
   * an instant the test knows rather than whenever the test happens to run.
   */
  readonly clock?: number
  /** URL globs the page may not load (a script it should survive without). */
  readonly block?: ReadonlyArray<string>
  /**
   * Console warnings and errors the test provokes on purpose; any other, or
   * vis-timeline rejecting an option, fails an e2e test when the app closes.
   */
  readonly expectConsole?: ReadonlyArray<RegExp>
}

/** The bundled snapshot, as `npm start` loads it. */
export const BUNDLED_SNAPSHOT = path.resolve(BUNDLED_SNAPSHOT_PATH)

/** The bundled reference files, as `npm start` reads them. */
export const BUNDLED_REFERENCE = referenceFilesIn(path.resolve(BUNDLED_REFERENCE_PATH))

/**
 * The script that gives the page `window.api`.
 *
 * It is built from the very `buildAppApi` and method tables the preload uses,
 * so the page sees exactly the preload's API; only the transport differs
 * (page bindings instead of ipcRenderer).
 */
function bridgeScript(): string {
  return `(() => {
    const API_METHODS = ${JSON.stringify(API_METHODS)};
    const API_EVENTS = ${JSON.stringify(API_EVENTS)};
    const buildAppApi = ${buildAppApi.toString()};
    const listeners = new Map();
    Object.defineProperty(window, '__dtPush', { value: (channel, payload) => {
      for (const l of listeners.get(channel) ?? []) l(payload);
    } });
    const api = buildAppApi(
      (channel, request) => window.__dtInvoke(channel, request),
      (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      },
    );
    Object.defineProperty(window, 'api', { value: Object.freeze(api) });
  })()`
}

/** A running app in Chromium over the real main-process services. */
export interface BridgedApp {
  readonly page: Page
  readonly services: AppServices
  readonly userDataDir: string
  /** Files the app saved through the (simulated) save dialog. */
  readonly exportDir: string
  /** What the app last put on the (simulated) clipboard, or ''. */
  clipboardText(): Promise<string>
  /** Console warnings and errors the page logged that no test expected (the e2e fixture fails on them). */
  unexpectedConsole(): ReadonlyArray<string>
  close(): Promise<void>
}

/** Starts the services and opens the built renderer in a new page wired to them. */
export async function launchBridgedApp(
  browser: Browser,
  rendererUrl: string,
  options: LaunchOptions = {},
): Promise<BridgedApp> {
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dt-e2e-'))
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-exports-'))
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  let pushReady = false
  let closed = false
  let clipboard = ''
  const services = createAppServices({
    userDataDir,
    snapshotFile: options.snapshot === undefined ? BUNDLED_SNAPSHOT : options.snapshot,
    referenceFiles: BUNDLED_REFERENCE,
    version: '0.0.0-e2e',
    defaultBaseUrl: options.baseUrl ?? LL2_PRODUCTION_URL,
    now: () => utcMillis(Date.now()),
    fetch: globalThis.fetch,
    emit: <C extends keyof PushChannels>(channel: C, payload: PushChannels[C]) => {
      if (!pushReady || page.isClosed()) return
      void page
        .evaluate(
          ([c, p]) =>
            (window as unknown as { __dtPush: (c: string, p: unknown) => void }).__dtPush(c, p),
          [channel, payload] as const,
        )
        .catch(() => undefined)
    },
    chooseSavePath: async (suggestedName) => path.join(exportDir, suggestedName),
    writeFile: (file, data) => fs.promises.writeFile(file, data),
    printPdf: async ({ svg, pageSize }) => {
      const printer = await context.newPage()
      try {
        await printer.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`)
        return await printer.pdf({ format: pageSize, landscape: true, printBackground: true })
      } finally {
        await printer.close()
      }
    },
    openExternal: async () => undefined,
    writeClipboard: (text) => {
      clipboard = text
    },
  })
  await page.exposeBinding('__dtInvoke', (source, channel: string, request: unknown) =>
    // The sender check Electron's main does: only our own main frame may call.
    source.frame === page.mainFrame()
      ? handleInvoke(services.handlers, channel, request)
      : { ok: false, error: { code: 'forbidden-sender', message: 'IPC from an untrusted frame' } },
  )
  for (const url of options.block ?? []) await context.route(url, (route) => route.abort())
  await page.addInitScript({ content: bridgeScript() })
  if (options.clock !== undefined) await page.clock.install({ time: options.clock })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const consoleSaid = watchConsole(page, options.expectConsole)
  await page.goto(rendererUrl)
  pushReady = true
  return {
    page,
    services,
    userDataDir,
    exportDir,
    clipboardText: async () => clipboard,
    unexpectedConsole: consoleSaid,
    async close() {
      if (closed) return
      closed = true
      await context.close()
      services.close()
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    },
  }
}

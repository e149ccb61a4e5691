import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  app,
  type BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  safeStorage,
  session,
  shell,
} from 'electron'

import { CHANNEL_PREFIX, type PushChannels, type Result } from '../../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../../shared/ipc/validators'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { utcMillis } from '../../shared/domain/units'
import { LL2_PRODUCTION_URL, type AppConfig, type AppServices } from '../app-services'
import { handleInvoke } from '../ipc/handlers'
import { BUNDLED_REFERENCE_PATH } from '../../shared/reference/reference-file'
import { referenceFilesIn } from '../reference/reference-files'
import { createMainWindow } from './main-window'
import { printSvgToPdf } from './pdf-window'
import { secretBoxFrom } from './secret-box'
import { denyAllPermissions, enforceCsp, lockNavigation } from './security'

/**
 * Environment switches for development and the e2e suite.
 *
 * A packaged build ignores them all: `ELECTRON_RENDERER_URL` would load a
 * remote page with the full API (and the sender check would trust it), and
 * `DT_EXPORT_DIR` would write exports without asking.
 */
export interface TestSwitches {
  /** The dev server's page instead of the bundled one. */
  readonly rendererUrl: string | null
  /** Save exports here without the dialog. */
  readonly exportDir: string | null
  readonly userDataDir: string | null
  /** A snapshot file, or "none" to start empty. */
  readonly snapshot: string | null
  readonly ll2BaseUrl: string | null
}

/** The switches `env` sets, or none at all in a packaged build. */
export function testSwitches(env: NodeJS.ProcessEnv, isPackaged: boolean): TestSwitches {
  const read = (name: string) => (isPackaged ? null : env[name] || null)
  return {
    rendererUrl: read('ELECTRON_RENDERER_URL'),
    exportDir: read('DT_EXPORT_DIR'),
    userDataDir: read('DT_USER_DATA_DIR'),
    snapshot: read('DT_SNAPSHOT'),
    ll2BaseUrl: read('DT_LL2_BASE_URL'),
  }
}

/** The frame an IPC message came from, as far as the sender check cares. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/**
 * Is this frame the app's own page? Its main frame only, loaded from the
 * bundled file or, in development, from the dev server's origin.
 */
export function isAppFrame(
  frame: SenderFrame | null | undefined,
  rendererFile: string,
  rendererUrl: string | null,
): boolean {
  if (!frame || frame.parent) return false
  try {
    const url = new URL(frame.url)
    if (url.protocol === 'file:')
      return path.resolve(fileURLToPath(frame.url)) === path.resolve(rendererFile)
    return rendererUrl !== null && url.origin === new URL(rendererUrl).origin
  } catch {
    return false
  }
}

/** What the app needs from the platform, except what main.ts passes itself. */
export type PlatformConfig = Omit<AppConfig, 'fetch'>

/** What `startApp` needs. */
export interface StartOptions {
  /** The folder of the built main script (`out/main`). */
  readonly mainDir: string
  readonly env: NodeJS.ProcessEnv
  /** Builds the services from the platform's half of their config. */
  readonly createServices: (platform: PlatformConfig) => AppServices
}

/** The running app. */
export interface StartedApp {
  readonly services: AppServices
  readonly window: BrowserWindow
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'IPC from an untrusted frame' },
}

/**
 * Starts the app: locks down every page and the session, wires the IPC
 * contract behind the sender check, and opens the main window.
 */
export async function startApp(options: StartOptions): Promise<StartedApp> {
  const switches = testSwitches(options.env, app.isPackaged)
  if (switches.userDataDir) app.setPath('userData', switches.userDataDir)
  const resources = app.isPackaged ? process.resourcesPath : path.join(options.mainDir, '../..')
  const rendererFile = path.join(options.mainDir, '../renderer/index.html')
  const snapshotFile =
    switches.snapshot === 'none'
      ? null
      : (switches.snapshot ?? path.join(resources, BUNDLED_SNAPSHOT_PATH))

  // Every page, including any a bug might open, gets the navigation lock.
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents))
  await app.whenReady()
  denyAllPermissions(session.defaultSession)
  enforceCsp(session.defaultSession)

  let win: BrowserWindow | null = null
  const services = options.createServices({
    userDataDir: app.getPath('userData'),
    snapshotFile,
    referenceFiles: referenceFilesIn(path.join(resources, BUNDLED_REFERENCE_PATH)),
    version: app.getVersion(),
    defaultBaseUrl: switches.ll2BaseUrl ?? LL2_PRODUCTION_URL,
    now: () => utcMillis(Date.now()),
    secretBox: secretBoxFrom(safeStorage),
    emit: <C extends keyof PushChannels>(channel: C, payload: PushChannels[C]) => {
      win?.webContents.send(channel, payload)
    },
    chooseSavePath: async (suggestedName, format) => {
      if (switches.exportDir) return path.join(switches.exportDir, suggestedName)
      const dialogOptions = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      }
      const result = win
        ? await dialog.showSaveDialog(win, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    writeFile: (file, data) => fs.writeFile(file, data),
    printPdf: ({ svg, pageSize }) => printSvgToPdf(svg, pageSize),
    openExternal: (url) => shell.openExternal(url),
    writeClipboard: (text) => clipboard.writeText(text),
  })

  for (const channel of Object.keys(REQUEST_SCHEMAS)) {
    if (!channel.startsWith(CHANNEL_PREFIX)) continue
    ipcMain.handle(channel, (event, request: unknown) =>
      isAppFrame(event.senderFrame, rendererFile, switches.rendererUrl)
        ? handleInvoke(services.handlers, channel, request)
        : FORBIDDEN,
    )
  }

  win = createMainWindow(
    path.join(options.mainDir, '../preload/preload.cjs'),
    switches.rendererUrl,
    rendererFile,
    path.join(resources, 'assets/icon.png'),
  )
  app.on('window-all-closed', () => {
    services.close()
    app.quit()
  })
  return { services, window: win }
}

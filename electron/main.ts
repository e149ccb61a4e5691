import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { app, dialog, ipcMain, net, safeStorage, shell, type IpcMainInvokeEvent } from 'electron'

import { CHANNEL_PREFIX, type PushChannels } from '../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../shared/ipc/validators'
import { utcMillis } from '../shared/units'
import { createAppServices, LL2_PRODUCTION_URL } from './app-services'
import { handleInvoke } from './ipc/handlers'
import { createMainWindow, printSvgToPdf } from './window/main-window'

const __dirname = path.dirname(fileURLToPath(import.meta.url))

// Test seams: the e2e suite points these at temp dirs and the local LL2 server.
if (process.env.DT_USER_DATA_DIR) app.setPath('userData', process.env.DT_USER_DATA_DIR)
const exportDir = process.env.DT_EXPORT_DIR
const snapshotSetting = process.env.DT_SNAPSHOT
const resources = app.isPackaged ? process.resourcesPath : path.join(__dirname, '../..')
const snapshotFile =
  snapshotSetting === 'none'
    ? null
    : (snapshotSetting ?? path.join(resources, 'assets/snapshot/docking-events.json'))

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  const url = frame.url
  return (
    url.startsWith('file://') ||
    (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))
  )
}

void app.whenReady().then(() => {
  let win: ReturnType<typeof createMainWindow> | null = null
  const services = createAppServices({
    userDataDir: app.getPath('userData'),
    snapshotFile,
    version: app.getVersion(),
    defaultBaseUrl: process.env.DT_LL2_BASE_URL ?? LL2_PRODUCTION_URL,
    now: () => utcMillis(Date.now()),
    // Chromium's network stack: the system proxy and certificate store apply.
    fetch: (url, init) => net.fetch(url, init),
    // Linux without a keyring gives safeStorage a fixed password: that is not encryption.
    secretBox: {
      available:
        safeStorage.isEncryptionAvailable() &&
        !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
      encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
      decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
    emit: <C extends keyof PushChannels>(channel: C, payload: PushChannels[C]) => {
      win?.webContents.send(channel, payload)
    },
    chooseSavePath: async (suggestedName, format) => {
      if (exportDir) return path.join(exportDir, suggestedName)
      const options = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      }
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    writeFile: (file, data) => fs.writeFile(file, data),
    printPdf: ({ svg, pageSize }) => printSvgToPdf(svg, pageSize),
    openExternal: (url) => shell.openExternal(url),
  })

  for (const channel of Object.keys(REQUEST_SCHEMAS)) {
    if (!channel.startsWith(CHANNEL_PREFIX)) continue
    ipcMain.handle(channel, (event, request: unknown) =>
      isTrustedSender(event)
        ? handleInvoke(services.handlers, channel, request)
        : {
            ok: false,
            error: { code: 'forbidden-sender', message: 'IPC from an untrusted frame' },
          },
    )
  }

  win = createMainWindow(
    path.join(__dirname, '../preload/preload.cjs'),
    process.env.ELECTRON_RENDERER_URL ?? null,
    path.join(__dirname, '../renderer/index.html'),
    path.join(resources, 'assets/icon.png'),
  )
  app.on('window-all-closed', () => {
    services.close()
    app.quit()
  })
})

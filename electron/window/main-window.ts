import { BrowserWindow } from 'electron'

import { lockNavigation } from './security'

/**
 * Creates the main window with the security baseline: isolated, sandboxed,
 * no Node in the page, navigation and new windows denied.
 */
export function createMainWindow(
  preloadFile: string,
  rendererUrl: string | null,
  rendererFile: string,
  iconFile: string,
): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Docking Timeline',
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    icon: iconFile,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  lockNavigation(win.webContents)
  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(rendererFile)
  return win
}

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
      // Middle-click would otherwise open links in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
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

import { BrowserWindow, shell } from 'electron'

import { isAllowedExternalUrl } from '../../shared/external-links'

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
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links leave the app only for allowlisted https hosts, in the user's browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(rendererFile)
  return win
}

/**
 * Renders an SVG to PDF in a hidden, sandboxed window.
 *
 * vis-timeline cannot print (visjs/vis#2117), so exports print our own SVG.
 */
export async function printSvgToPdf(
  svg: string,
  pageSize: 'A4' | 'Letter' | 'A3',
): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    },
  })
  try {
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>@page{margin:10mm}html,body{margin:0}svg{width:100%;height:auto}</style></head><body>${svg}</body></html>`
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    return await win.webContents.printToPDF({ landscape: true, pageSize, printBackground: true })
  } finally {
    win.destroy()
  }
}

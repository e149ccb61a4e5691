import { BrowserWindow } from 'electron'

import { lockNavigation, PDF_CSP } from './security'

/** The page the SVG is printed from: the policy in a meta tag, since a data: URL has no headers. */
export function pdfPageHtml(svg: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PDF_CSP}"><style>@page{margin:10mm}html,body{margin:0}svg{width:100%;height:auto}</style></head><body>${svg}</body></html>`
}

/**
 * Renders an SVG to PDF in a hidden, sandboxed window.
 *
 * vis-timeline cannot print (visjs/vis#2117), so exports print our own SVG.
 * The SVG holds names from LL2, so the page gets a CSP and cannot navigate.
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
      // Middle-click would otherwise open links in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      javascript: false,
      webSecurity: true,
    },
  })
  lockNavigation(win.webContents)
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(pdfPageHtml(svg))}`)
    return await win.webContents.printToPDF({ landscape: true, pageSize, printBackground: true })
  } finally {
    win.destroy()
  }
}

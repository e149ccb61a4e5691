import type { Session, WebContents } from 'electron'
import { shell } from 'electron'

import { isAllowedExternalUrl } from '../../shared/links/external-links'

/**
 * The app page's Content Security Policy, sent as a header on every response.
 *
 * The same policy as the `<meta>` in `renderer/index.html`; the header also
 * covers anything the meta tag cannot (a page loaded without it).
 */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"

/**
 * The hidden PDF page's policy: our own SVG and its inline styles, nothing
 * else. No script runs there at all (`javascript: false` too).
 */
export const PDF_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"

/**
 * Denies every permission request and check (camera, notifications,
 * geolocation, clipboard, …): the app needs none (Electron security
 * checklist, item "Handle session permission requests").
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** Adds the app's CSP header to every response the session receives. */
export function enforceCsp(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] },
    })
  })
}

/**
 * Keeps a page where it is: no navigation, no new windows, no webviews.
 *
 * A link to an allowlisted https page opens in the user's browser instead.
 */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

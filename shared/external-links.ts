/**
 * Which external addresses the app may open in the user's browser.
 *
 * Everything else is refused: API strings end up in links, and a link to an
 * arbitrary scheme or host is an easy way out of the sandbox.
 */

/** Hosts (and their subdomains) the app opens. */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlyArray<string> = [
  'thespacedevs.com',
  'll.thespacedevs.com',
  'lldev.thespacedevs.com',
  'wikisource.org',
  'wikipedia.org',
  'nasa.gov',
  'github.com',
]

/** True when `url` is https and its host is on the allowlist (or a subdomain of one). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false
  const host = parsed.hostname.toLowerCase()
  return EXTERNAL_HOST_ALLOWLIST.some((h) => host === h || host.endsWith(`.${h}`))
}

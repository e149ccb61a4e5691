/**
 * Which external addresses the app may open in the user's browser.
 *
 * Everything else is refused: API strings end up in links, and a link to an
 * arbitrary scheme, host or page is an easy way out of the sandbox (a
 * download, a phishing page on a trusted host's user content).
 */

/** An exact https origin and the path under it the app links to. */
export interface ExternalLinkRule {
  readonly origin: string
  /** Starts and ends with `/`; matched after the URL parser has resolved `..` and `%2e`. */
  readonly pathPrefix: string
}

const wiki = (host: string): ExternalLinkRule => ({
  origin: `https://${host}`,
  pathPrefix: '/wiki/',
})

/**
 * The places the app links to: LL2 records (the detail panel's "Open in
 * Launch Library 2", from LL2's `url`), and the Wikisource and Wikipedia
 * pages the bundled snapshot cites as sources. Other cited sites are shown
 * as text.
 */
export const EXTERNAL_LINK_ALLOWLIST: ReadonlyArray<ExternalLinkRule> = [
  { origin: 'https://ll.thespacedevs.com', pathPrefix: '/2.3.0/' },
  { origin: 'https://lldev.thespacedevs.com', pathPrefix: '/2.3.0/' },
  wiki('en.wikisource.org'),
  wiki('en.m.wikisource.org'),
  wiki('en.wikipedia.org'),
  wiki('en.m.wikipedia.org'),
  wiki('de.wikipedia.org'),
  wiki('de.m.wikipedia.org'),
  wiki('it.wikipedia.org'),
]

/** True when `url` is https, without credentials or port, under one of the allowlisted paths. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return false
  return EXTERNAL_LINK_ALLOWLIST.some(
    (rule) => parsed.origin === rule.origin && parsed.pathname.startsWith(rule.pathPrefix),
  )
}

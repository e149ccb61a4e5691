import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { isAllowedExternalUrl } from '../../shared/links/external-links'
import { SALYUT_FILE, snapshotData } from '../fixtures/docking-data'

describe('isAllowedExternalUrl', () => {
  it('allows the LL2 records and cited wiki pages the app links to', () => {
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com/2.3.0/docking_events/183/')).toBe(true)
    expect(isAllowedExternalUrl('https://lldev.thespacedevs.com/2.3.0/docking_events/1/')).toBe(
      true,
    )
    expect(isAllowedExternalUrl('https://en.wikisource.org/wiki/Page:RP1357.pdf/92')).toBe(true)
    expect(isAllowedExternalUrl('https://en.m.wikisource.org/wiki/Page:RP1357.pdf/92')).toBe(true)
    expect(isAllowedExternalUrl('https://de.m.wikipedia.org/wiki/Sojus_T-5')).toBe(true)
    expect(isAllowedExternalUrl('HTTPS://EN.WIKIPEDIA.ORG/wiki/Salyut_6')).toBe(true)
  })

  it('allows the LL2 page of every record in the bundled snapshot', () => {
    const urls = snapshotData().events.map((e) => e.url)
    expect(urls.length).toBeGreaterThan(400)
    for (const url of urls)
      expect(url !== null && isAllowedExternalUrl(url), String(url)).toBe(true)
  })

  it('allows every wiki source the compiled Salyut record cites', () => {
    const text = fs.readFileSync(SALYUT_FILE, 'utf8')
    const wikis = text.match(/https:\/\/[a-z.]+\.wiki(source|pedia)\.org\/wiki\/[^"]+/g) ?? []
    expect(wikis.length).toBeGreaterThan(10)
    for (const url of wikis) expect(isAllowedExternalUrl(url), url).toBe(true)
  })

  it('refuses other paths on allowed hosts, including ones that climb out', () => {
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com/admin/')).toBe(false)
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com/2.3.0/../admin/')).toBe(false)
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com/2.3.0/%2e%2e/admin/')).toBe(false)
    expect(isAllowedExternalUrl('https://en.wikipedia.org/w/index.php?title=X&action=raw')).toBe(
      false,
    )
    expect(isAllowedExternalUrl('https://en.wikipedia.org/wikix')).toBe(false)
  })

  it('refuses hosts the app does not link to, look-alikes, ports and credentials', () => {
    expect(isAllowedExternalUrl('https://github.com/evil/repo/releases/download/x.exe')).toBe(false)
    expect(isAllowedExternalUrl('https://raw.githubusercontent.com/x')).toBe(false)
    expect(isAllowedExternalUrl('https://www.nasa.gov/')).toBe(false)
    expect(isAllowedExternalUrl('https://evil.wikipedia.org.example/wiki/X')).toBe(false)
    expect(isAllowedExternalUrl('https://xx.wikipedia.org/wiki/X')).toBe(false)
    expect(isAllowedExternalUrl('http://ll.thespacedevs.com/2.3.0/')).toBe(false)
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com:8443/2.3.0/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@ll.thespacedevs.com/2.3.0/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })
})

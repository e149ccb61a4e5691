import { describe, expect, it } from 'vitest'

import { isAllowedExternalUrl } from '../../shared/external-links'

describe('isAllowedExternalUrl', () => {
  it('allows https links to allowlisted hosts and their subdomains', () => {
    expect(isAllowedExternalUrl('https://ll.thespacedevs.com/2.3.0/docking_events/183/')).toBe(true)
    expect(isAllowedExternalUrl('https://en.wikisource.org/wiki/Page:RP1357.pdf/92')).toBe(true)
  })

  it('refuses other schemes, look-alike hosts and credentials in the URL', () => {
    expect(isAllowedExternalUrl('http://ll.thespacedevs.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://thespacedevs.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://evilthespacedevs.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@ll.thespacedevs.com/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })
})

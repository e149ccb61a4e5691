import { describe, expect, it } from 'vitest'

import { highlightSegments } from '../../../shared/query/highlight'

const marked = (text: string, terms: string[]) =>
  highlightSegments(text, terms)
    .map((s) => (s.isMatch ? `[${s.text}]` : s.text))
    .join('')

describe('highlightSegments', () => {
  it('marks every occurrence of every term, ignoring case', () => {
    expect(marked('Soyuz TM-2 to Soyuz', ['soyuz'])).toBe('[Soyuz] TM-2 to [Soyuz]')
    expect(marked('Progress M-12', ['m-1', 'prog'])).toBe('[Prog]ress [M-1]2')
  })

  it('merges overlapping matches and leaves unmatched text whole', () => {
    expect(marked('Kvant-2', ['kva', 'van'])).toBe('[Kvan]t-2')
    expect(marked('Mir', ['iss'])).toBe('Mir')
    expect(marked('Mir', [])).toBe('Mir')
  })
})

import { describe, expect, it } from 'vitest'

import { csvField, csvRecord } from '../../../shared/export/csv'

describe('csvField', () => {
  it('prefixes text a spreadsheet would run as a formula with a quote, and quotes it', () => {
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(
      `"'=HYPERLINK(""https://evil.example"",""x"")"`,
    )
    expect(csvField('+1')).toBe(`"'+1"`)
    expect(csvField('-2+3')).toBe(`"'-2+3"`)
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`)
    expect(csvField('\t=1')).toBe(`"'\t=1"`)
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
  })

  it('leaves numbers, booleans and harmless text alone', () => {
    expect(csvField(-3.5)).toBe('-3.5')
    expect(csvField(true)).toBe('true')
    expect(csvField('Soyuz T-5')).toBe('Soyuz T-5')
    expect(csvField('a=b')).toBe('a=b')
    expect(csvField(null)).toBe('')
  })

  it('quotes what RFC 4180 needs, and ; for spreadsheets that split on it', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('a;=1')).toBe('"a;=1"')
    expect(csvField('#x')).toBe('"#x"')
    expect(csvField(' x')).toBe('" x"')
    expect(csvRecord([1, 'a"b', null])).toBe('1,"a""b",')
  })
})

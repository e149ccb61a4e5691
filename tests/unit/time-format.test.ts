import { describe, expect, it } from 'vitest'

import {
  formatDuration,
  formatInstant,
  parseDateInput,
  zoneSuffix,
} from '../../shared/time/time-format'

const t = Date.parse('1977-12-11T03:02:41Z')

describe('formatInstant', () => {
  it('prints UTC, labelled, to the record precision', () => {
    expect(formatInstant(t, 'utc')).toBe('1977-12-11 03:02:41 UTC')
    expect(formatInstant(t, 'utc', 'minute')).toBe('1977-12-11 03:02 UTC')
    expect(formatInstant(t, 'utc', 'hour')).toBe('1977-12-11 03h UTC')
  })

  it('never shows a day-precision time as exact, in either zone', () => {
    const day = Date.parse('1978-06-15T00:00:00Z')
    expect(formatInstant(day, 'utc', 'day')).toBe('1978-06-15 (day precision)')
    expect(formatInstant(day, 'local', 'day')).toBe('1978-06-15 (day precision)')
    expect(formatInstant(day, 'utc', 'month')).toBe('1978-06 (month precision)')
    expect(formatInstant(day, 'utc', 'year')).toBe('1978 (year precision)')
  })

  it('labels local time with its offset from UTC', () => {
    expect(formatInstant(t, 'local', 'minute')).toMatch(
      /^1977-12-1[01] \d\d:\d\d UTC[+-]\d\d:\d\d$/,
    )
    expect(zoneSuffix('utc', t)).toBe('UTC')
  })
})

describe('formatDuration', () => {
  it('gives days and hours, or hours and minutes under a day', () => {
    expect(formatDuration(36 * 86_400_000 + 5 * 3_600_000 + 60_000)).toBe('36 d 5 h')
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000)).toBe('5 h 12 min')
    expect(formatDuration(12 * 60_000)).toBe('12 min')
  })

  it('rounds to days and says so when an end is known only to the day', () => {
    expect(formatDuration(8.3 * 86_400_000, true)).toBe('≈ 8 d')
  })

  it('refuses nonsense', () => {
    expect(formatDuration(-1)).toBe('unknown')
  })
})

describe('parseDateInput', () => {
  it('reads dates and times as UTC when the chart shows UTC', () => {
    expect(parseDateInput('1982', 'utc')).toBe(Date.parse('1982-01-01T00:00:00Z'))
    expect(parseDateInput('1982-07', 'utc')).toBe(Date.parse('1982-07-01T00:00:00Z'))
    expect(parseDateInput('1982-07-01', 'utc')).toBe(Date.parse('1982-07-01T00:00:00Z'))
    expect(parseDateInput(' 1982-07-01 12:30 ', 'utc')).toBe(Date.parse('1982-07-01T12:30:00Z'))
    expect(parseDateInput('1982-07-01T12:30:15Z', 'local')).toBe(Date.parse('1982-07-01T12:30:15Z'))
  })

  it('reads local times in the local zone', () => {
    expect(parseDateInput('1982-07-01 12:30', 'local')).toBe(new Date(1982, 6, 1, 12, 30).getTime())
  })

  it('rejects impossible or malformed dates', () => {
    for (const bad of [
      '',
      'yesterday',
      '1982-13-01',
      '1979-02-30',
      '1982-07-01 25:00',
      '0099-01-01',
    ])
      expect(parseDateInput(bad, 'utc'), bad).toBeNull()
  })
})

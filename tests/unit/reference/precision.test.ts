import { describe, expect, it } from 'vitest'

import { utcMillis } from '../../../shared/domain/units'
import { ll2Precision, timesDisagree } from '../../../shared/reference/precision'

const t = (iso: string) => utcMillis(Date.parse(iso))

describe('timesDisagree', () => {
  it('lets two minute-precise times differ by up to a minute', () => {
    expect(
      timesDisagree(t('1978-01-16T08:08:00Z'), 'minute', t('1978-01-16T08:08:59Z'), 'second'),
    ).toBe(false)
    expect(
      timesDisagree(t('1978-01-16T08:08:00Z'), 'minute', t('1978-01-16T08:05:00Z'), 'second'),
    ).toBe(true)
  })

  it('lets a day-precise time stand for any time within a day of it', () => {
    // 8 h 8 min apart: within the day the reference claims to know.
    expect(
      timesDisagree(t('1978-01-16T00:00:00Z'), 'day', t('1978-01-16T08:08:00Z'), 'second'),
    ).toBe(false)
    // 32 h apart: beyond a day either way.
    expect(
      timesDisagree(t('1978-01-16T00:00:00Z'), 'day', t('1978-01-17T08:08:00Z'), 'second'),
    ).toBe(true)
  })
})

describe('ll2Precision', () => {
  it('reads midnight UTC as a date and any other time as exact', () => {
    expect(ll2Precision(t('1979-06-14T00:00:00Z'))).toBe('day')
    expect(ll2Precision(t('1977-12-11T03:02:41Z'))).toBe('second')
  })

  it('keeps a precision the record states', () => {
    expect(ll2Precision(t('1977-12-11T03:02:41Z'), 'minute')).toBe('minute')
  })
})

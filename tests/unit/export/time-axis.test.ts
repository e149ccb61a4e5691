import { describe, expect, it } from 'vitest'

import {
  isoTickLabel,
  niceUtcTicks,
  tickLabel,
  timeScale,
  wholeYearTicks,
} from '../../../shared/export/time-axis'
import { utcMillis } from '../../../shared/domain/units'

const t = (iso: string) => utcMillis(Date.parse(iso))
const width = (label: string) => label.length * 6

describe('time axis', () => {
  it('maps the range linearly onto the pixels', () => {
    const s = timeScale(t('2000-01-01T00:00:00Z'), t('2000-01-11T00:00:00Z'), 100, 1100)
    expect(s.xOf(t('2000-01-01T00:00:00Z'))).toBe(100)
    expect(s.xOf(t('2000-01-06T00:00:00Z'))).toBe(600)
    expect(s.xOf(t('2000-01-11T00:00:00Z'))).toBe(1100)
  })

  it('puts ticks on UTC calendar boundaries with labels that fit', () => {
    const cases = [
      {
        from: '1977-09-29T00:00:00Z',
        to: '1986-08-21T00:00:00Z',
        px: 600,
        unit: 'year',
        re: /^\d{4}$/,
      },
      {
        from: '1982-01-01T00:00:00Z',
        to: '1983-01-01T00:00:00Z',
        px: 900,
        unit: 'month',
        re: /^198[23]-\d\d$/,
      },
      {
        from: '1982-03-01T00:00:00Z',
        to: '1982-03-20T00:00:00Z',
        px: 1600,
        unit: 'day',
        re: /^1982-03-\d{2}$/,
      },
      {
        from: '1982-03-01T00:00:00Z',
        to: '1982-03-02T00:00:00Z',
        px: 1600,
        unit: 'hour',
        re: /^1982-03-0[12] \d{2}:00$/,
      },
    ]
    for (const c of cases) {
      const s = timeScale(t(c.from), t(c.to), 0, c.px)
      const axis = niceUtcTicks(s, width)
      expect(axis.unit, c.from).toBe(c.unit)
      expect(axis.ticks.length).toBeGreaterThanOrEqual(2)
      for (const tick of axis.ticks) {
        expect(tick.label).toMatch(c.re)
        expect(tick.t).toBeGreaterThanOrEqual(s.start)
        expect(tick.t).toBeLessThanOrEqual(s.end)
        if (c.unit !== 'hour') expect(new Date(tick.t).toISOString()).toMatch(/T00:00:00.000Z$/)
      }
      const xs = axis.ticks.map((k) => s.xOf(k.t))
      for (let i = 1; i < xs.length; i++) {
        expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(width(axis.ticks[i]!.label))
      }
    }
  })

  it('starts weeks on Monday', () => {
    const s = timeScale(t('2024-01-01T00:00:00Z'), t('2024-04-01T00:00:00Z'), 0, 700)
    const axis = niceUtcTicks(s, width)
    expect(axis.unit).toBe('week')
    for (const k of axis.ticks) expect(new Date(k.t).getUTCDay()).toBe(1)
  })

  it('labels ticks in UTC whatever the local zone', () => {
    expect(tickLabel(t('1999-12-31T23:00:00Z'), 'year')).toBe('1999')
    expect(tickLabel(t('2000-02-01T00:00:00Z'), 'month')).toBe('2000-02')
  })

  it('ticks a years axis at whole years only, thinned to fit', () => {
    // One year of bars: its start and end, no fractions to label "1982" twice.
    expect(wholeYearTicks(1982, 1982, 20)).toEqual([1982, 1983])
    expect(wholeYearTicks(1971, 2026, 20)).toEqual([
      1975, 1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025,
    ])
    expect(wholeYearTicks(1971, 2026, 5)).toEqual([1980, 2000, 2020])
  })

  it('writes a tick placed elsewhere in ISO form, as precise as the tick', () => {
    expect(isoTickLabel(t('1982-01-01T00:00:00Z'))).toBe('1982')
    expect(isoTickLabel(t('1982-07-01T00:00:00Z'))).toBe('1982-07')
    expect(isoTickLabel(t('1982-07-14T00:00:00Z'))).toBe('1982-07-14')
    expect(isoTickLabel(new Date(t('1982-07-14T06:00:00Z')))).toBe('1982-07-14 06:00')
  })
})

import { describe, expect, it } from 'vitest'

import {
  centredOn,
  fitWindow,
  MAX_SPAN,
  MIN_SPAN,
  panWindow,
  presetWindow,
  windowAround,
  sameWindow,
  windowWords,
  zoomWindow,
  type TimeWindow,
} from '../../shared/chart/window'
import { DAY_MS, utcMillis } from '../../shared/domain/units'

const w = (start: number, end: number): TimeWindow => ({
  start: utcMillis(start),
  end: utcMillis(end),
})
const span = (x: TimeWindow) => x.end - x.start

describe('chart window moves', () => {
  const base = w(0, 100 * DAY_MS)

  it('zooms around the centre, or around an anchor that keeps its place', () => {
    expect(zoomWindow(base, 0.5)).toEqual(w(25 * DAY_MS, 75 * DAY_MS))
    const z = zoomWindow(base, 0.5, 20 * DAY_MS)
    expect((20 * DAY_MS - z.start) / span(z)).toBeCloseTo(0.2)
  })

  it('never zooms past one hour or two centuries', () => {
    expect(span(zoomWindow(w(0, 2 * MIN_SPAN), 0.01))).toBe(MIN_SPAN)
    expect(span(zoomWindow(base, 1e6))).toBe(MAX_SPAN)
  })

  it('pans by a share of the window', () => {
    expect(panWindow(base, 0.2)).toEqual(w(20 * DAY_MS, 120 * DAY_MS))
    expect(panWindow(base, -0.2)).toEqual(w(-20 * DAY_MS, 80 * DAY_MS))
  })

  it('fits an extent with a margin, at least a day wide', () => {
    expect(fitWindow(base, 0.05)).toEqual(w(-5 * DAY_MS, 105 * DAY_MS))
    expect(span(fitWindow(w(0, 1000)))).toBeGreaterThanOrEqual(DAY_MS)
  })

  it('centres presets where the user looks; "all" is the fit it is given', () => {
    const p = presetWindow('1y', base, null)
    expect(span(p)).toBeCloseTo(365.25 * DAY_MS)
    expect((p.start + p.end) / 2).toBe(50 * DAY_MS)
    expect(presetWindow('all', base, w(0, 10 * DAY_MS))).toEqual(w(0, 10 * DAY_MS))
    expect(presetWindow('all', base, null)).toBe(base)
  })

  it('frames a selection with room either side', () => {
    const x = windowAround(10 * DAY_MS, 20 * DAY_MS)
    expect(x.start).toBeLessThan(10 * DAY_MS)
    expect(x.end).toBeGreaterThan(20 * DAY_MS)
    expect(centredOn(0, 10)).toEqual(w(-MIN_SPAN / 2, MIN_SPAN / 2))
  })
})

describe('windowWords', () => {
  it('names a window by its UTC days', () => {
    expect(
      windowWords({
        start: Date.parse('1977-12-11T03:02:00Z'),
        end: Date.parse('1978-02-04T23:59:00Z'),
      }),
    ).toBe('1977-12-11 to 1978-02-04 UTC')
  })
})

describe('sameWindow', () => {
  it('compares spans by their ends, and null only with null', () => {
    const w = { start: utcMillis(0), end: utcMillis(DAY_MS) }
    expect(sameWindow(w, { ...w })).toBe(true)
    expect(sameWindow(w, { ...w, end: utcMillis(2 * DAY_MS) })).toBe(false)
    expect(sameWindow(null, null)).toBe(true)
    expect(sameWindow(w, null)).toBe(false)
  })
})

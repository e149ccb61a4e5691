import { describe, expect, it } from 'vitest'

import { boundsFromText, boundText, sideText } from '../../../shared/query/bound-text'
import { matchingEvents } from '../../../shared/query/evaluate'
import { DEFAULT_QUERY, NO_TIME_BOUNDS, type TimeBounds } from '../../../shared/query/query'
import { utcMillis } from '../../../shared/domain/units'
import { makeEvent } from './make-event'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const at = (iso: string) => Date.parse(iso)

describe('boundsFromText', () => {
  it('reads a year, month, day or time alone as the span it names', () => {
    expect(boundsFromText('from', true, '1979')).toEqual({ gte: at('1979-01-01T00:00Z'), gt: null })
    expect(boundsFromText('to', true, '1979')).toEqual({
      lte: at('1980-01-01T00:00Z') - 1,
      lt: null,
    })
    expect(boundsFromText('to', true, '1979-06')).toEqual({
      lte: at('1979-07-01T00:00Z') - 1,
      lt: null,
    })
    expect(boundsFromText('from', false, '1979-06-14')).toEqual({
      gt: at('1979-06-15T00:00Z') - 1,
      gte: null,
    })
    expect(boundsFromText('to', false, '1979-06-14 12:30')).toEqual({
      lt: at('1979-06-14T12:30Z'),
      lte: null,
    })
  })

  it('clears a side for blank text and refuses what is not a date', () => {
    expect(boundsFromText('from', true, '  ')).toEqual({ gt: null, gte: null })
    for (const bad of ['1979-', '79', '1979-13', '1979-02-30', '14/06/1979', '1979-06-14 25:00'])
      expect(boundsFromText('to', true, bad), bad).toBeNull()
  })
})

describe('boundText', () => {
  it('reads every bound back as the text that made it', () => {
    for (const text of ['1979', '1979-06', '1979-06-14', '1979-06-14 12:30', '1979-06-14 12:30:15'])
      for (const side of ['from', 'to'] as const)
        for (const inclusive of [true, false]) {
          const bounds: TimeBounds = { ...NO_TIME_BOUNDS, ...boundsFromText(side, inclusive, text) }
          expect(sideText(bounds, side), `${side} ${inclusive} ${text}`).toEqual({
            text,
            inclusive,
          })
        }
  })

  it('shows an instant that is no span start to the millisecond', () => {
    expect(boundText('lte', at('1980-01-01T00:00:00Z'))).toBe('1980-01-01 00:00:00.000')
  })
})

describe('an ISO date alone filters', () => {
  const events = [
    makeEvent({ id: 1, docking: '1978-12-31T23:00:00Z', departure: '1979-01-10T00:00:00Z' }),
    makeEvent({ id: 2, docking: '1979-06-14T08:00:00Z', departure: '1979-08-01T00:00:00Z' }),
    makeEvent({ id: 3, docking: '1979-12-31T23:59:00Z', departure: null }),
    makeEvent({ id: 4, docking: '1980-01-01T00:00:00Z', departure: '1980-02-01T00:00:00Z' }),
  ]
  const ids = (docking: Partial<TimeBounds>, departure: Partial<TimeBounds> = {}) =>
    matchingEvents(
      events,
      {
        ...DEFAULT_QUERY,
        docking: { ...NO_TIME_BOUNDS, ...docking },
        departure: { ...NO_TIME_BOUNDS, ...departure },
      },
      utcMillis(at('2025-01-01T00:00:00Z')),
      { endFacts: NO_END_FACTS },
    ).map((e) => e.id)

  it('keeps all of 1979 for "from 1979 to 1979"', () => {
    expect(
      ids({ ...boundsFromText('from', true, '1979'), ...boundsFromText('to', true, '1979') }),
    ).toEqual([2, 3])
    expect(ids({ ...boundsFromText('to', true, '1979-06-14') })).toEqual([1, 2])
    expect(ids({ ...boundsFromText('from', false, '1979') })).toEqual([4])
  })

  it('filters on departure, leaving out vehicles still docked', () => {
    expect(ids({}, { ...boundsFromText('from', true, '1979') })).toEqual([1, 2, 4])
    expect(ids({}, { ...boundsFromText('to', false, '1980') })).toEqual([1, 2])
  })
})

import { describe, expect, it } from 'vitest'

import { formatAtPrecision, toEventRow } from '../../../shared/query/event-row'
import { utcMillis } from '../../../shared/domain/units'
import { eventsOf } from './ll2-record'

describe('formatAtPrecision', () => {
  const t = utcMillis(Date.parse('1977-12-11T03:02:41Z'))
  it('cuts a time to its known precision', () => {
    expect(formatAtPrecision(t, 'second')).toBe('1977-12-11T03:02:41Z')
    expect(formatAtPrecision(t, 'minute')).toBe('1977-12-11T03:02Z')
    expect(formatAtPrecision(t, 'hour')).toBe('1977-12-11T03Z')
    expect(formatAtPrecision(t, 'day')).toBe('1977-12-11')
    expect(formatAtPrecision(t, 'month')).toBe('1977-12')
    expect(formatAtPrecision(t, 'year')).toBe('1977')
  })
})

describe('toEventRow', () => {
  it('never shows a day-precision time as exact', () => {
    const [e] = eventsOf([
      {
        id: 1,
        docking: '1978-01-11T00:00:00Z',
        departure: '1978-03-16T07:58:00Z',
        precision: { docking: 'day', departure: 'minute' },
      },
    ])
    const row = toEventRow(e!)
    expect(row.docking).toBe('1978-01-11')
    expect(row.dockingPrecision).toBe('day')
    expect(row.departure).toBe('1978-03-16T07:58Z')
  })
  it('gives LL2 times to the second and a still-docked departure as null', () => {
    const [e] = eventsOf([{ id: 2, docking: '2024-02-19T10:09:12Z', departure: null }])
    expect(toEventRow(e!)).toMatchObject({
      id: 2,
      station: 'International Space Station',
      port: 'Harmony forward',
      vehicle: 'Soyuz MS-2',
      docking: '2024-02-19T10:09:12Z',
      departure: null,
      departurePrecision: null,
      source: 'll2',
    })
  })
})

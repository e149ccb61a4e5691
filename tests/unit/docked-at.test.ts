import { describe, expect, it } from 'vitest'

import { dockedAt, isDockedAt } from '../../shared/occupancy/occupancy'
import { utcMillis } from '../../shared/domain/units'
import { eventsOf } from './query/ll2-record'
import { NO_END_FACTS } from '../../shared/occupancy/end-facts'

const t = (iso: string) => utcMillis(Date.parse(iso))
const events = eventsOf([
  {
    id: 1,
    docking: '2020-01-01T00:00:00Z',
    departure: '2020-02-01T00:00:00Z',
    port: [47, 'Zvezda aft'],
  },
  { id: 2, docking: '2020-02-01T00:00:00Z', departure: null, port: [47, 'Zvezda aft'] },
  {
    id: 3,
    docking: '2020-01-15T00:00:00Z',
    departure: '2020-03-01T00:00:00Z',
    port: [41, 'Harmony forward'],
  },
  {
    id: 4,
    docking: '1987-04-09T00:00:00Z',
    departure: '1987-06-01T00:00:00Z',
    station: [2, 'Mir'],
    port: [22, 'Mir aft'],
  },
])

describe('isDockedAt', () => {
  const [first, second] = events
  it('counts from the docking instant up to but not including the departure', () => {
    expect(isDockedAt(first!, t('2019-12-31T23:59:59Z'), NO_END_FACTS)).toBe(false)
    expect(isDockedAt(first!, t('2020-01-01T00:00:00Z'), NO_END_FACTS)).toBe(true)
    expect(isDockedAt(first!, t('2020-01-31T23:59:59Z'), NO_END_FACTS)).toBe(true)
    expect(isDockedAt(first!, t('2020-02-01T00:00:00Z'), NO_END_FACTS)).toBe(false)
  })
  it('treats a null departure as still docked', () => {
    expect(isDockedAt(second!, t('2030-01-01T00:00:00Z'), NO_END_FACTS)).toBe(true)
  })
})

describe('dockedAt', () => {
  it('hands a port over at the instant of departure and lists station by station, port by port', () => {
    expect(dockedAt(events, t('2020-02-01T00:00:00Z'), NO_END_FACTS).map((e) => e.id)).toEqual([
      3, 2,
    ])
    expect(dockedAt(events, t('2020-01-20T00:00:00Z'), NO_END_FACTS).map((e) => e.id)).toEqual([
      3, 1,
    ])
    expect(dockedAt(events, t('1987-05-01T00:00:00Z'), NO_END_FACTS).map((e) => e.id)).toEqual([4])
    expect(dockedAt(events, t('1990-01-01T00:00:00Z'), NO_END_FACTS)).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../../shared/analysis/effective-end'
import {
  decadeOf,
  stayColumns,
  staysBy,
  summariseStays,
  vehicleTotals,
} from '../../../shared/analysis/stays'
import { DAY_MS, utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { salyut6Dockings } from './salyut-6-1978'
import { stayRecords } from './stay-records'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const days = (ms: number | null) => (ms === null ? null : ms / DAY_MS)
const endOf = endAtNow(utcMillis(Date.parse('1990-01-01')), NO_END_FACTS)

// Soyuz 31's two legs make one visit; Soyuz T-2 is still docked.
const events = [
  ...salyut6Dockings(),
  makeEvent({ id: 6, vehicle: 'Soyuz T-2', docking: '1980-06-06', departure: null }),
]

describe('stay columns and summariseStays', () => {
  it('by docking: each leg is a stay; the open one has no length', () => {
    const s = summariseStays(stayColumns(events, 'docking'))
    // Closed lengths in days: 11, 55, 18, 24, 21 → sorted 11, 18, 21, 24, 55.
    expect([s.count, s.openCount]).toEqual([6, 1])
    expect([s.shortest?.id, days(s.shortest!.lengthMs)]).toEqual([1, 11])
    expect([s.longest?.id, days(s.longest!.lengthMs)]).toEqual([2, 55])
    expect([days(s.medianMs), days(s.q1Ms), days(s.q3Ms)]).toEqual([21, 18, 24])
  })

  it('by visit: the relocation joins into one 67-day stay of two legs', () => {
    const stays = stayRecords(events, 'visit')
    const soyuz31 = stays.find((v) => v.vehicle === 'Soyuz 31')!
    expect([soyuz31.legs, days(soyuz31.lengthMs)]).toEqual([2, 67])
    const s = summariseStays(stayColumns(events, 'visit'))
    // Closed: 18, 24, 21, 67 → median of an even count is the mean of 21 and 24.
    expect([s.count, days(s.medianMs), s.longest?.vehicle]).toEqual([5, 22.5, 'Soyuz 31'])
  })

  it('is empty but well-formed for no stays', () => {
    expect(summariseStays(stayColumns([], 'visit'))).toEqual({
      count: 0,
      openCount: 0,
      longest: null,
      shortest: null,
      medianMs: null,
      q1Ms: null,
      q3Ms: null,
    })
  })
})

describe('staysBy', () => {
  it('sums up per family and per decade', () => {
    const stays = stayColumns(events, 'visit')
    expect(
      staysBy(stays, 'family').map((g) => [g.key, g.summary.count, days(g.summary.medianMs)]),
    ).toEqual([
      ['Progress', 3, 21],
      ['Soyuz', 2, 67],
    ])
    expect(staysBy(stays, 'decade').map((g) => [g.key, g.summary.count])).toEqual([
      ['1970s', 3],
      ['1980s', 2],
    ])
    expect(decadeOf(utcMillis(Date.parse('1989-12-31T23:59:59Z')))).toBe('1980s')
  })
})

describe('vehicleTotals', () => {
  it("sums a vehicle's legs across visits, not the time between them", () => {
    const twoVisits = [
      ...events.slice(0, 2),
      // The same vehicle, spelt LL2's other way, back a year later for 10 days.
      makeEvent({ id: 7, vehicle: 'Soyuz-31', docking: '1979-09-01', departure: '1979-09-11' }),
    ]
    const [t] = vehicleTotals(twoVisits, endOf)
    // 11 + 55 + 10 days; the one-day hop between legs is not at a port.
    expect([t!.vehicle, t!.legs, t!.visits, days(t!.totalMs), t!.hasOpenLeg]).toEqual([
      'Soyuz 31',
      3,
      2,
      76,
      false,
    ])
  })
})

import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../../shared/analysis/effective-end'
import {
  compareStations,
  daysSince,
  foundedStations,
} from '../../../shared/analysis/station-comparison'
import { DAY_MS, stationId, utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const at = (iso: string) => utcMillis(Date.parse(iso))
const endOf = endAtNow(at('2010-01-01'), NO_END_FACTS)
const mir = [20, 'Mir'] as const
const iss = [4, 'ISS'] as const

const events = [
  makeEvent({
    id: 1,
    station: mir,
    vehicle: 'Soyuz TM-1',
    docking: '1986-02-25',
    departure: '1986-03-07',
  }),
  makeEvent({
    id: 2,
    station: mir,
    vehicle: 'Progress 25',
    docking: '1987-03-05',
    departure: '1987-03-26',
  }),
  makeEvent({
    id: 3,
    station: iss,
    vehicle: 'Soyuz TM-31',
    docking: '2000-11-30',
    departure: '2000-12-10',
  }),
  makeEvent({
    id: 4,
    station: iss,
    vehicle: 'Progress M1-4',
    docking: '2000-12-05',
    departure: '2000-12-12',
  }),
]

describe('compareStations', () => {
  const [m, i] = compareStations(
    [
      { stationId: stationId(20), name: 'Mir', founded: at('1986-02-20') },
      { stationId: stationId(4), name: 'ISS', founded: at('2000-11-20') },
    ],
    events,
    endOf,
  )

  it('puts each station on its own age axis', () => {
    // Mir: first docking 5 days after founding; ISS: 10 days after.
    expect(m!.occupancy[0]).toEqual({ day: 5, total: 1 })
    expect(i!.occupancy.map((s) => [s.day, s.total])).toEqual([
      [10, 1],
      [15, 2],
      [20, 1],
      [22, 0],
    ])
    expect([m!.peak, i!.peak, i!.peakFirstDay]).toEqual([1, 2, 15])
  })

  it('counts arrivals per year of age and the median visit', () => {
    // Mir: TM-1 in age year 0; Progress 25 on day 378, age year 1.
    expect(m!.arrivalsByAgeYear).toEqual([
      { ageYear: 0, arrivals: 1 },
      { ageYear: 1, arrivals: 1 },
    ])
    // ISS: stays of 10 and 7 days → median 8.5.
    expect(i!.medianVisitMs! / DAY_MS).toBe(8.5)
  })

  it('measures days since founding, negative before it', () => {
    expect(daysSince(at('2000-11-19'), at('2000-11-20'))).toBe(-1)
  })
})

describe('foundedStations', () => {
  it('keeps the stations whose founding date is known, at UTC midnight', () => {
    const base = {
      status: null,
      deorbited: null,
      portIds: [],
      activeDockingEventIds: null,
      listedWithin: null,
    }
    const rows = foundedStations([
      { ...base, id: stationId(5), name: 'Mir', founded: '1986-02-20' },
      { ...base, id: stationId(17), name: 'Genesis II', founded: null },
    ])
    expect(rows).toEqual([{ stationId: 5, name: 'Mir', founded: at('1986-02-20T00:00:00Z') }])
  })
})

import { describe, expect, it } from 'vitest'

import { arrivalsPerYear } from '../../../shared/analysis/traffic'
import { makeEvent } from '../query/make-event'

const events = [
  makeEvent({
    id: 1,
    vehicle: 'Soyuz 31',
    port: [2, 'aft'],
    docking: '1978-08-27',
    departure: '1978-09-07',
  }),
  makeEvent({
    id: 2,
    vehicle: 'Soyuz 31',
    port: [1, 'fwd'],
    docking: '1978-09-07',
    departure: '1978-11-02',
  }),
  makeEvent({ id: 3, vehicle: 'Progress 1', docking: '1978-01-20', departure: '1978-02-07' }),
  makeEvent({ id: 4, vehicle: 'Progress 2', docking: '1978-07-09', departure: '1978-08-02' }),
  makeEvent({ id: 5, vehicle: 'Progress 9', docking: '1980-04-29', departure: '1980-05-20' }),
  makeEvent({
    id: 6,
    vehicle: 'Soyuz TM-2',
    station: [2, 'Mir'],
    docking: '1987-02-07',
    departure: null,
  }),
]

describe('arrivalsPerYear', () => {
  it('counts a relocation as no new arrival, by family', () => {
    expect(
      arrivalsPerYear(events, 'family').map((r) => [r.stationName, r.year, r.key, r.arrivals]),
    ).toEqual([
      ['Mir', 1987, 'Soyuz', 1],
      ['Salyut 6', 1978, 'Progress', 2],
      ['Salyut 6', 1978, 'Soyuz', 1],
      ['Salyut 6', 1980, 'Progress', 1],
    ])
  })

  it('splits by role', () => {
    const rows = arrivalsPerYear(events, 'role').filter((r) => r.year === 1978)
    expect(rows.map((r) => [r.key, r.arrivals])).toEqual([
      ['cargo', 2],
      ['crew', 1],
    ])
  })
})

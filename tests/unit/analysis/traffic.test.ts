import { describe, expect, it } from 'vitest'

import { arrivalsPerYear } from '../../../shared/analysis/traffic'
import { makeEvent } from '../query/make-event'
import { salyut6Dockings } from './salyut-6-1978'

// Soyuz 31's relocation is no new arrival; Soyuz TM-2 arrives at Mir.
const events = [
  ...salyut6Dockings(),
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

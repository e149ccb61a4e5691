import { describe, expect, it } from 'vitest'

import { DEFAULT_FILTER_STATE } from '../../../shared/query/filter-state'
import { toLl2Query } from '../../../shared/query/to-ll2-params'
import { durationMs, portId, stationId, utcMillis } from '../../../shared/units'

describe('toLl2Query', () => {
  it('asks for everything with one plain request when nothing is filtered', () => {
    expect(toLl2Query(DEFAULT_FILTER_STATE)).toEqual({ requests: [{}], local: [] })
  })

  it('sends the search and docking bounds under LL2 names', () => {
    const q = toLl2Query({
      ...DEFAULT_FILTER_STATE,
      search: 'Soyuz,  Mir ',
      searchVehicleNames: false,
      docking: {
        gt: utcMillis(Date.parse('1987-01-01T00:00:00Z')),
        gte: null,
        lt: null,
        lte: utcMillis(Date.parse('1990-06-30T12:30:00Z')),
      },
    })
    expect(q.local).toEqual([])
    expect(q.requests).toEqual([
      {
        search: 'soyuz mir',
        docking__gt: '1987-01-01T00:00:00Z',
        docking__lte: '1990-06-30T12:30:00Z',
      },
    ])
  })

  it('keeps a search over configuration and agency names local', () => {
    const q = toLl2Query({ ...DEFAULT_FILTER_STATE, search: 'jaxa', searchVehicleNames: true })
    expect(q.requests).toEqual([{}])
    expect(q.local.map((l) => l.field)).toEqual(['search'])
    expect(q.local[0]!.reason).toMatch(/configuration and agency/)
  })

  it('makes one request per ticked station and port, each with the common parameters', () => {
    const q = toLl2Query({
      ...DEFAULT_FILTER_STATE,
      search: 'progress',
      searchVehicleNames: false,
      stations: [stationId(4), stationId(2)],
      ports: [portId(5)],
    })
    expect(q.requests).toEqual([
      { search: 'progress', space_station_target__id: '2' },
      { search: 'progress', space_station_target__id: '4' },
      { search: 'progress', docking_location__id: '5' },
    ])
  })

  it('lists every filter LL2 does not have as local', () => {
    const q = toLl2Query({
      ...DEFAULT_FILTER_STATE,
      families: ['Soyuz'],
      configurations: ['Soyuz TM'],
      agencies: ['NASA'],
      roles: ['crew'],
      states: ['docked'],
      minStay: durationMs(1),
      maxStay: durationMs(2),
    })
    expect(q.requests).toEqual([{}])
    expect(q.local.map((l) => l.field)).toEqual([
      'families',
      'configurations',
      'agencies',
      'roles',
      'states',
      'minStay',
      'maxStay',
    ])
  })
})

import { describe, expect, it } from 'vitest'

import { DEFAULT_QUERY } from '../../../shared/query/query'
import { toLl2Query } from '../../../shared/query/to-ll2-params'
import { durationMs, portId, stationId, utcMillis } from '../../../shared/domain/units'

describe('toLl2Query', () => {
  it('asks for everything, in docking order, with one request when nothing is filtered', () => {
    expect(toLl2Query(DEFAULT_QUERY)).toEqual({ requests: [{ ordering: 'docking' }], local: [] })
  })

  it('sends the search and docking bounds under LL2 names', () => {
    const q = toLl2Query({
      ...DEFAULT_QUERY,
      search: 'Soyuz,  Mir ',
      searchMode: 'll2',
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
        ordering: 'docking',
      },
    ])
  })

  it('keeps a search over configuration and agency names local', () => {
    const q = toLl2Query({
      ...DEFAULT_QUERY,
      search: 'jaxa',
      searchMode: 'll2',
      searchVehicleNames: true,
    })
    expect(q.requests).toEqual([{ ordering: 'docking' }])
    expect(q.local.map((l) => l.field)).toEqual(['search'])
    expect(q.local[0]!.reason).toMatch(/configuration and agency/)
  })

  it('makes one request per ticked station and port, each with the common parameters', () => {
    const q = toLl2Query({
      ...DEFAULT_QUERY,
      search: 'progress',
      searchMode: 'll2',
      searchVehicleNames: false,
      stations: [stationId(4), stationId(2)],
      ports: [portId(5)],
    })
    expect(q.requests).toEqual([
      { search: 'progress', ordering: 'docking', space_station_target__id: '2' },
      { search: 'progress', ordering: 'docking', space_station_target__id: '4' },
      { search: 'progress', ordering: 'docking', docking_location__id: '5' },
    ])
  })

  it('lists every filter LL2 does not have as local', () => {
    const q = toLl2Query({
      ...DEFAULT_QUERY,
      families: ['Soyuz'],
      configurations: ['Soyuz TM'],
      agencies: ['NASA'],
      roles: ['crew'],
      states: ['docked'],
      sources: ['import'],
      minStay: durationMs(1),
      maxStay: durationMs(2),
    })
    expect(q.requests).toEqual([{ ordering: 'docking' }])
    expect(q.local.map((l) => l.field)).toEqual([
      'families',
      'configurations',
      'agencies',
      'roles',
      'states',
      'sources',
      'minStay',
      'maxStay',
    ])
  })

  it('sends the chaser flight and the ordering as LL2 names them', () => {
    const q = toLl2Query({
      ...DEFAULT_QUERY,
      searchMode: 'll2',
      searchVehicleNames: false,
      search: 'soyuz ms',
      docking: {
        gt: null,
        gte: utcMillis(Date.parse('2020-01-01T00:00:00Z')),
        lt: utcMillis(Date.parse('2021-01-01T00:00:00Z')),
        lte: null,
      },
      stations: [stationId(4)],
      chaserFlightId: 11,
      ordering: '-docking',
    })
    expect(q.local).toEqual([])
    expect(q.requests).toEqual([
      {
        search: 'soyuz ms',
        docking__gte: '2020-01-01T00:00:00Z',
        docking__lt: '2021-01-01T00:00:00Z',
        flight_vehicle_chaser__id: '11',
        ordering: '-docking',
        space_station_target__id: '4',
      },
    ])
  })
})

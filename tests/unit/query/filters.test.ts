import { describe, expect, it } from 'vitest'

import { compareEvents, queryEvents, toLl2Params } from '../../../shared/query/filters'
import { portId, stationId, utcMillis } from '../../../shared/units'
import { eventsOf } from './ll2-record'

const events = eventsOf([
  {
    id: 1,
    docking: '2020-01-01T00:00:00Z',
    departure: '2020-03-01T00:00:00Z',
    chaser: [11, 'Soyuz MS-15', 'Soyuz MS'],
  },
  {
    id: 2,
    docking: '2020-02-01T00:00:00Z',
    departure: null,
    chaser: [12, 'Progress MS-13', 'Progress MS'],
    port: [47, 'Zvezda aft'],
  },
  {
    id: 3,
    docking: '2020-02-01T00:00:00Z',
    departure: '2020-02-05T00:00:00Z',
    chaser: [11, 'Soyuz MS-15', 'Soyuz MS'],
    port: [46, 'Poisk zenith'],
  },
  {
    id: 4,
    docking: '1987-04-09T00:00:00Z',
    departure: '1987-06-01T00:00:00Z',
    station: [2, 'Mir'],
    port: [22, 'Mir aft'],
    chaser: [20, 'Soyuz TM-2', 'Soyuz TM'],
  },
])
const t = (iso: string) => utcMillis(Date.parse(iso))
const ids = (q: Parameters<typeof queryEvents>[1]) => queryEvents(events, q).map((e) => e.id)

describe('queryEvents', () => {
  it('applies strict and inclusive docking bounds as LL2 does', () => {
    expect(ids({ dockingGt: t('2020-02-01T00:00:00Z') })).toEqual([])
    expect(ids({ dockingGte: t('2020-02-01T00:00:00Z') })).toEqual([2, 3])
    expect(ids({ dockingLt: t('2020-02-01T00:00:00Z') })).toEqual([4, 1])
    expect(ids({ dockingLte: t('2020-02-01T00:00:00Z') })).toEqual([4, 1, 2, 3])
  })

  it('filters by station, port and chaser flight id, combining with AND', () => {
    expect(ids({ stationIds: [stationId(2)] })).toEqual([4])
    expect(ids({ portIds: [portId(46), portId(47)] })).toEqual([2, 3])
    expect(ids({ chaserFlightId: 11 })).toEqual([1, 3])
    expect(ids({ chaserFlightId: 11, portIds: [portId(46)] })).toEqual([3])
    expect(ids({ stationIds: [stationId(4)], search: 'progress' })).toEqual([2])
  })

  it('orders by docking or departure, still-docked last ascending and first descending', () => {
    expect(ids({ ordering: '-docking' })).toEqual([2, 3, 1, 4])
    expect(ids({ ordering: 'departure' })).toEqual([4, 3, 1, 2])
    expect(ids({ ordering: '-departure' })).toEqual([2, 1, 3, 4])
    expect([...events].sort(compareEvents('docking')).map((e) => e.id)).toEqual([4, 1, 2, 3])
  })

  it('filters by source, family and role locally', () => {
    expect(ids({ families: ['Progress'] })).toEqual([2])
    expect(ids({ roles: ['crew'] })).toEqual([4, 1, 3])
    expect(ids({ sources: ['snapshot'] })).toEqual([])
  })
})

describe('toLl2Params', () => {
  it('names every LL2 parameter with UTC times', () => {
    expect(
      toLl2Params({
        dockingGte: t('2020-01-01T00:00:00Z'),
        dockingLt: t('2021-01-01T00:00:00Z'),
        stationIds: [stationId(4)],
        portIds: [portId(46)],
        chaserFlightId: 11,
        search: 'soyuz ms',
        ordering: '-docking',
      }),
    ).toEqual([
      ['docking__gte', '2020-01-01T00:00:00Z'],
      ['docking__lt', '2021-01-01T00:00:00Z'],
      ['space_station_target__id', '4'],
      ['docking_location__id', '46'],
      ['flight_vehicle_chaser__id', '11'],
      ['search', 'soyuz ms'],
      ['ordering', '-docking'],
    ])
  })

  it('refuses queries LL2 cannot answer in one request', () => {
    expect(() => toLl2Params({ stationIds: [stationId(2), stationId(4)] })).toThrow(/one station/)
    expect(() => toLl2Params({ families: ['Soyuz'] })).toThrow(/local filters/)
  })
})

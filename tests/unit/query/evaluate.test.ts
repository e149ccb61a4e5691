import { describe, expect, it } from 'vitest'

import {
  evaluate,
  failuresButSearch,
  matchingEvents,
  matchingWithin,
} from '../../../shared/query/evaluate'
import { compareEvents, stayOf, withinDockingBounds } from '../../../shared/query/event-fields'
import { NO_END_FACTS, endFacts } from '../../../shared/occupancy/end-facts'
import { DEFAULT_QUERY, type Query } from '../../../shared/query/query'
import { DAY_MS, durationMs, portId, stationId, utcMillis } from '../../../shared/domain/units'
import { eventsOf } from './ll2-record'
import { makeEvent } from './make-event'
import { ISS, SOYUZ_MS_17, SOYUZ_MS_18 } from './port-reused'

const NOW = utcMillis(Date.parse('2025-01-01T00:00:00Z'))
const MIR = [2, 'Mir'] as const

const events = [
  makeEvent({
    id: 1,
    vehicle: 'Soyuz 26',
    configuration: 'Soyuz 7K-T',
    agency: 'Soviet Space Program',
    docking: '1977-12-11T03:02:41Z',
    departure: '1978-01-16T08:08:00Z',
  }),
  makeEvent({
    id: 2,
    vehicle: 'Progress 1',
    configuration: 'Progress 7K-TG',
    agency: 'Soviet Space Program',
    port: [5, 'Salyut-6 aft'],
    docking: '1978-01-22T10:12:00Z',
    departure: '1978-02-07T05:55:00Z',
  }),
  makeEvent({
    id: 3,
    vehicle: 'Soyuz TM-2',
    configuration: 'Soyuz TM',
    agency: 'Russian Federal Space Agency (ROSCOSMOS)',
    station: MIR,
    port: [21, 'Mir forward'],
    docking: '1987-02-07T09:28:00Z',
    departure: '1987-07-30T01:00:00Z',
  }),
  makeEvent({
    id: 4,
    vehicle: 'Kvant-2 module',
    configuration: null,
    agency: null,
    station: MIR,
    port: [22, 'Mir aft (Kvant-1)'],
    docking: '1989-12-06T12:00:00Z',
    departure: null,
  }),
]

const ids = (query: Partial<Query>) =>
  matchingEvents(events, { ...DEFAULT_QUERY, ...query }, NOW, { endFacts: NO_END_FACTS }).map(
    (e) => e.id,
  )

describe('matchingEvents', () => {
  it('passes everything, in docking order, with the default query', () => {
    expect(ids({})).toEqual([1, 2, 3, 4])
  })

  it('searches like LL2: every term must match one of the seven names', () => {
    expect(ids({ search: 'soyuz', searchMode: 'll2', searchVehicleNames: false })).toEqual([1, 3])
    expect(ids({ search: 'soyuz mir', searchMode: 'll2', searchVehicleNames: false })).toEqual([3])
    // Commas split terms as spaces do.
    expect(ids({ search: 'SOYUZ,salyut', searchMode: 'll2', searchVehicleNames: false })).toEqual([
      1,
    ])
    expect(ids({ search: 'soyuz kvant', searchMode: 'll2', searchVehicleNames: false })).toEqual([])
    expect(ids({ search: ' , ', searchMode: 'll2', searchVehicleNames: false })).toEqual([
      1, 2, 3, 4,
    ])
  })

  it('finds configuration and agency names only when asked to', () => {
    expect(ids({ search: '7K-TG', searchMode: 'll2', searchVehicleNames: false })).toEqual([])
    expect(ids({ search: '7K-TG', searchMode: 'll2', searchVehicleNames: true })).toEqual([2])
    expect(ids({ search: 'roscosmos', searchMode: 'll2', searchVehicleNames: true })).toEqual([3])
    // One term may match a vehicle name and another an agency.
    expect(ids({ search: 'soyuz soviet', searchMode: 'll2', searchVehicleNames: true })).toEqual([
      1,
    ])
  })

  it('passes an event at any ticked station or port', () => {
    expect(ids({ stations: [stationId(2)] })).toEqual([3, 4])
    expect(ids({ ports: [portId(5)] })).toEqual([2])
    expect(ids({ stations: [stationId(2)], ports: [portId(5)] })).toEqual([2, 3, 4])
  })

  it('filters family, configuration, agency, role and state', () => {
    expect(ids({ families: ['Progress'] })).toEqual([2])
    expect(ids({ configurations: ['Soyuz TM', ''] })).toEqual([3, 4])
    expect(ids({ agencies: [''] })).toEqual([4])
    expect(ids({ roles: ['module'] })).toEqual([4])
    expect(ids({ states: ['docked'] })).toEqual([4])
    expect(ids({ states: ['departed'] })).toEqual([1, 2, 3])
    expect(ids({ states: ['docked', 'departed'] })).toEqual([1, 2, 3, 4])
  })

  it('combines dimensions with AND', () => {
    expect(ids({ families: ['Soyuz'], stations: [stationId(14)] })).toEqual([1])
    expect(ids({ families: ['Soyuz'], states: ['docked'] })).toEqual([])
  })

  it('applies docking bounds with LL2 gt/gte/lt/lte meaning', () => {
    const t = utcMillis(Date.parse('1978-01-22T10:12:00Z'))
    const bounds = (b: Partial<Query['docking']>) => ({
      docking: { gt: null, gte: null, lt: null, lte: null, ...b },
    })
    expect(ids(bounds({ gte: t }))).toEqual([2, 3, 4])
    expect(ids(bounds({ gt: t }))).toEqual([3, 4])
    expect(ids(bounds({ lt: t }))).toEqual([1])
    expect(ids(bounds({ lte: t }))).toEqual([1, 2])
    expect(ids(bounds({ gte: t, lte: t }))).toEqual([2])
    expect(withinDockingBounds(events[0]!, { gt: t, gte: null, lt: null, lte: t })).toBe(false)
  })

  it('measures stays to departure, or to now while docked', () => {
    expect(stayOf(events[3]!, NOW, NO_END_FACTS)).toBe(NOW - events[3]!.docking)
    // Soyuz 26 stayed 36.2 days, Progress 1 15.8, Soyuz TM-2 172.6; Kvant-2 is still there.
    expect(ids({ minStay: durationMs(30 * DAY_MS) })).toEqual([1, 3, 4])
    expect(ids({ maxStay: durationMs(30 * DAY_MS) })).toEqual([2])
    expect(ids({ minStay: durationMs(20 * DAY_MS), maxStay: durationMs(40 * DAY_MS) })).toEqual([1])
    expect(ids({ minStay: durationMs(40 * DAY_MS), maxStay: durationMs(20 * DAY_MS) })).toEqual([])
  })
})

describe('open stays, read by the end rule of the bars', () => {
  // Soyuz MS-17 has no departure, but Soyuz MS-18 docked at its port later;
  // Soyuz MS-24 has no departure and nothing after it.
  const iss = [
    SOYUZ_MS_17,
    SOYUZ_MS_18,
    makeEvent({
      id: 524,
      station: ISS,
      port: [3, 'Prichal nadir'],
      vehicle: 'Soyuz MS-24',
      docking: '2023-09-15T18:53:00Z',
    }),
  ]
  const ends = endFacts(iss, [])
  const matching = (q: Partial<Query>) =>
    matchingEvents(iss, { ...DEFAULT_QUERY, ...q }, NOW, { endFacts: ends }).map((e) => e.id)

  it('sort a stay whose port was used again under "departure unknown", not "still docked"', () => {
    expect(matching({ states: ['docked'] })).toEqual([524])
    expect(matching({ states: ['unknown'] })).toEqual([241])
    expect(matching({ states: ['departed'] })).toEqual([280])
    const counts = evaluate(iss, DEFAULT_QUERY, NOW, { endFacts: ends }).counts.states
    expect([...counts].sort()).toEqual([
      ['departed', 1],
      ['docked', 1],
      ['unknown', 1],
    ])
  })

  it('measure its stay to the next docking, as its bar does, not to now', () => {
    // 2020-10-14 to 2021-04-09: 177 days, not the four years to NOW.
    expect(stayOf(iss[0]!, NOW, ends)).toBe(iss[1]!.docking - iss[0]!.docking)
    expect(matching({ minStay: durationMs(365 * DAY_MS) })).toEqual([524])
    expect(matching({ maxStay: durationMs(200 * DAY_MS) })).toEqual([241, 280])
  })
})

describe('matchingWithin', () => {
  it('gives matchingEvents’ answer from what each event fails but the search', () => {
    const queries: Query[] = [
      DEFAULT_QUERY,
      { ...DEFAULT_QUERY, search: 'soyuz', states: ['departed'] },
      { ...DEFAULT_QUERY, search: 'mir', ordering: '-docking' },
      { ...DEFAULT_QUERY, search: 'progress', searchMode: 'll2', stations: [stationId(MIR[0])] },
      { ...DEFAULT_QUERY, search: 'kvant', families: ['Soyuz'] },
    ]
    for (const query of queries) {
      const butSearch = failuresButSearch(events, query, NOW, { endFacts: NO_END_FACTS })
      expect(matchingWithin(events, query, butSearch)).toEqual(
        matchingEvents(events, query, NOW, { endFacts: NO_END_FACTS }),
      )
      expect(evaluate(events, query, NOW, { endFacts: NO_END_FACTS }, butSearch)).toEqual(
        evaluate(events, query, NOW, { endFacts: NO_END_FACTS }),
      )
    }
  })

  it('keeps what events fail across searches: only the search decides between them', () => {
    const mir = { ...DEFAULT_QUERY, stations: [stationId(MIR[0])] }
    const failed = failuresButSearch(events, { ...mir, search: 'soyuz' }, NOW, {
      endFacts: NO_END_FACTS,
    })
    expect(matchingWithin(events, { ...mir, search: 'soyuz' }, failed).map((e) => e.id)).toEqual([
      3,
    ])
    expect(matchingWithin(events, { ...mir, search: '' }, failed).map((e) => e.id)).toEqual([3, 4])
    // The counts too: Soyuz 26 fails only the station, so ticking Salyut 6 would add it;
    // Progress 1 there fails the search as well, so it adds nothing.
    const counts = evaluate(
      events,
      { ...mir, search: 'soyuz' },
      NOW,
      { endFacts: NO_END_FACTS },
      failed,
    ).counts
    expect(counts.stations.get(stationId(14))).toBe(1)
    expect(counts.stations.get(stationId(MIR[0]))).toBe(1)
  })
})

describe('evaluate', () => {
  it('gives the same events as matchingEvents', () => {
    const query = { ...DEFAULT_QUERY, search: 'soyuz', states: ['departed' as const] }
    expect(evaluate(events, query, NOW, { endFacts: NO_END_FACTS }).events).toEqual(
      matchingEvents(events, query, NOW, { endFacts: NO_END_FACTS }),
    )
  })

  it('counts every option against the other filters only', () => {
    const query: Query = { ...DEFAULT_QUERY, families: ['Soyuz'] }
    const { counts } = evaluate(events, query, NOW, { endFacts: NO_END_FACTS })
    // Families ignore the family filter itself: what ticking each would add.
    expect(counts.families.get('Soyuz')).toBe(2)
    expect(counts.families.get('Progress')).toBe(1)
    // Other dimensions count among the Soyuz events only.
    expect(counts.stations.get(stationId(14))).toBe(1)
    expect(counts.stations.get(stationId(2))).toBe(1)
    expect(counts.ports.get(portId(5))).toBeUndefined()
    expect(counts.states.get('docked')).toBeUndefined()
    expect(counts.states.get('departed')).toBe(2)
    expect(counts.roles.get('crew')).toBe(2)
  })

  it('counts a ticked station against search and other filters but not itself', () => {
    const query: Query = {
      ...DEFAULT_QUERY,
      search: 'soyuz',
      searchMode: 'll2',
      searchVehicleNames: false,
      stations: [stationId(14)],
    }
    const { events: shown, counts } = evaluate(events, query, NOW, { endFacts: NO_END_FACTS })
    expect(shown.map((e) => e.id)).toEqual([1])
    expect(counts.stations.get(stationId(14))).toBe(1)
    expect(counts.stations.get(stationId(2))).toBe(1)
    expect(counts.families.get('Soyuz')).toBe(1)
    expect(counts.families.get('Progress')).toBeUndefined()
  })

  it('counts unknown configurations and agencies under the empty key', () => {
    const { counts } = evaluate(events, DEFAULT_QUERY, NOW, { endFacts: NO_END_FACTS })
    expect(counts.configurations.get('')).toBe(1)
    expect(counts.agencies.get('')).toBe(1)
    expect(counts.agencies.get('Soviet Space Program')).toBe(2)
  })
})

// Records as LL2 gives them: chaser flights, a still-docked vehicle, equal docking times.
const ll2Events = eventsOf([
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
const ll2Ids = (query: Partial<Query>) =>
  matchingEvents(
    ll2Events,
    { ...DEFAULT_QUERY, searchMode: 'll2', searchVehicleNames: false, ...query },
    NOW,
    { endFacts: NO_END_FACTS },
  ).map((e) => e.id)

describe('LL2-only parts of the query', () => {
  it('filters by chaser flight, combining with the other filters by AND', () => {
    expect(ll2Ids({ chaserFlightId: 11 })).toEqual([1, 3])
    expect(ll2Ids({ chaserFlightId: 11, ports: [portId(46)] })).toEqual([3])
    expect(ll2Ids({ chaserFlightId: 99 })).toEqual([])
    expect(ll2Ids({ stations: [stationId(4)], search: 'progress' })).toEqual([2])
  })

  it('orders by docking or departure, still-docked last ascending and first descending', () => {
    expect(ll2Ids({})).toEqual([4, 1, 2, 3])
    expect(ll2Ids({ ordering: '-docking' })).toEqual([2, 3, 1, 4])
    expect(ll2Ids({ ordering: 'departure' })).toEqual([4, 3, 1, 2])
    expect(ll2Ids({ ordering: '-departure' })).toEqual([2, 1, 3, 4])
    expect([...ll2Events].sort(compareEvents('docking')).map((e) => e.id)).toEqual([4, 1, 2, 3])
    // evaluate orders the same way as matchingEvents.
    const query = { ...DEFAULT_QUERY, ordering: '-departure' as const }
    expect(evaluate(ll2Events, query, NOW, { endFacts: NO_END_FACTS }).events).toEqual(
      matchingEvents(ll2Events, query, NOW, { endFacts: NO_END_FACTS }),
    )
  })

  it('filters by data source', () => {
    expect(ll2Ids({ sources: ['ll2'] })).toEqual([4, 1, 2, 3])
    expect(ll2Ids({ sources: ['snapshot', 'import'] })).toEqual([])
    const mir = { ...DEFAULT_QUERY, stations: [stationId(2)] }
    const none = evaluate(ll2Events, { ...mir, sources: ['snapshot'] }, NOW, {
      endFacts: NO_END_FACTS,
    })
    expect(none.events).toEqual([])
    // Every other option's count honours the source filter: no family would bring anything back.
    expect(none.counts.families.size).toBe(0)
    expect(
      evaluate(ll2Events, { ...mir, sources: ['ll2'] }, NOW, {
        endFacts: NO_END_FACTS,
      }).counts.families.get('Soyuz'),
    ).toBe(1)
  })
})

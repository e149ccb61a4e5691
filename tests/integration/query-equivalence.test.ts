/**
 * One Query, two answers: local evaluation equals the LL2 test server, query by query.
 *
 * The same Query is evaluated locally (`matchingEvents`) and turned into LL2
 * requests (`toLl2Query`) sent to the LL2-compatible test server, whose
 * filtering was written independently from Django REST framework's behaviour.
 * Every field LL2 can express is covered: search, docking bounds, station,
 * port, chaser flight, ordering and paging, plus the union of several
 * station/port requests and the local-only rest applied on top of LL2's answer.
 * Where one request answers the whole query, LL2's own order must match too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ingestRecords } from '../../shared/ll2/ingest'
import type { DockingEvent } from '../../shared/domain/model'
import { matchingEvents } from '../../shared/query/evaluate'
import { DEFAULT_QUERY, EVENT_ORDERINGS, type Query } from '../../shared/query/query'
import { matchesSearch, searchTerms } from '../../shared/query/search'
import { toLl2Query, type Ll2Params } from '../../shared/query/to-ll2-params'
import {
  DAY_MS,
  durationMs,
  portId,
  stationId,
  utcMillis,
  type UtcMillis,
} from '../../shared/domain/units'
import { generateDataset, prng } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'
import { NO_END_FACTS } from '../../shared/occupancy/end-facts'

const NOW = utcMillis(Date.parse('2025-06-01T00:00:00Z'))
const dataset = generateDataset({ events: 3000, seed: 20250501, withRecord183: true })
const events: ReadonlyArray<DockingEvent> = ingestRecords(
  dataset.events,
  { source: 'll2', fetchedAt: NOW },
  'generated dataset',
).events.map((s) => s.event)

let server: Ll2TestServer
beforeAll(async () => {
  server = await startLl2Server({ dataset })
})
afterAll(async () => {
  await server.close()
})

interface Page {
  readonly count: number
  readonly next: string | null
  readonly results: ReadonlyArray<{ readonly id: number }>
}

async function getPage(params: Ll2Params, paging: Record<string, string>): Promise<Page> {
  const url = new URL('/2.3.0/docking_events/', server.url)
  for (const [k, v] of Object.entries({ ...params, ...paging, mode: 'normal', format: 'json' }))
    url.searchParams.set(k, v)
  const res = await fetch(url)
  expect(res.status, url.href).toBe(200)
  return (await res.json()) as Page
}

/** Every event id LL2 returns for one parameter set, in its order, following `next` to the end. */
async function fetchAllIds(params: Ll2Params): Promise<number[]> {
  let page = await getPage(params, { limit: '100' })
  const ids = page.results.map((r) => r.id)
  while (page.next) {
    const res = await fetch(page.next)
    expect(res.status, page.next).toBe(200)
    page = (await res.json()) as Page
    ids.push(...page.results.map((r) => r.id))
  }
  return ids
}

/**
 * The ids LL2 gives for a query: its one request in LL2's order, or the union
 * of several requests with the local-only rest applied (which also orders them).
 */
async function viaLl2(query: Query): Promise<number[]> {
  const ll2 = toLl2Query(query)
  if (ll2.requests.length === 1 && ll2.local.length === 0) return fetchAllIds(ll2.requests[0]!)
  const found = new Set<number>()
  for (const params of ll2.requests) for (const id of await fetchAllIds(params)) found.add(id)
  const fromLl2 = events.filter((e) => found.has(e.id))
  // Only what LL2 cannot do is left to do locally: apply exactly those fields.
  const rest = Object.fromEntries(ll2.local.map((l) => [l.field, query[l.field]]))
  const localOnly: Query = {
    ...DEFAULT_QUERY,
    searchVehicleNames: query.searchVehicleNames,
    ordering: query.ordering,
    ...rest,
  }
  return matchingEvents(fromLl2, localOnly, NOW, { endFacts: NO_END_FACTS }).map((e) => e.id)
}

const local = (query: Query): number[] =>
  matchingEvents(events, query, NOW, { endFacts: NO_END_FACTS }).map((e) => e.id)

// LL2's own search semantics unless a query says otherwise.
const ll2 = (q: Partial<Query>): Query => ({
  ...DEFAULT_QUERY,
  searchMode: 'll2',
  searchVehicleNames: false,
  ...q,
})

// A docking time that an event has exactly, to test every bound at the boundary.
const pivot = [...events].sort((a, b) => a.docking - b.docking)[Math.floor(events.length / 2)]!
const T: UtcMillis = pivot.docking
const bounds = (b: Partial<Query['docking']>) => ({
  docking: { gt: null, gte: null, lt: null, lte: null, ...b },
})
const year = (y: number) => utcMillis(Date.parse(`${y}-01-01T00:00:00Z`))

// A chaser flight with more than one docking (a relocation), so the filter is tested on a set.
const relocated = (() => {
  const counts = new Map<number, number>()
  for (const { chaserFlightId: id } of events)
    if (typeof id === 'number') counts.set(id, (counts.get(id) ?? 0) + 1)
  return [...counts].find(([, n]) => n > 1)![0]
})()
// One port the relocated flight docked at: the chaser filter ANDs with it.
const relocatedPort = events.find(
  (e) => e.chaserFlightId === relocated && e.portId !== null,
)!.portId!

const QUERIES: ReadonlyArray<readonly [string, Query]> = [
  ['no filter', ll2({})],
  ['one term', ll2({ search: 'soyuz' })],
  ['upper case', ll2({ search: 'PROGRESS' })],
  ['two terms, both must match', ll2({ search: 'soyuz MS' })],
  ['comma-split terms', ll2({ search: 'dragon,endeavour' })],
  ['commas and spaces', ll2({ search: ' crew , dragon  resilience ' })],
  ['a port name', ll2({ search: 'harmony forward' })],
  ['a station name', ll2({ search: 'tiangong' })],
  ['a target spacecraft name', ll2({ search: 'core module' })],
  ['a payload name', ll2({ search: 'kvant-2' })],
  ['port and vehicle across fields', ll2({ search: 'zvezda progress' })],
  ['the real record 183', ll2({ search: 'soyuz 26' })],
  ['a hyphenated fragment', ll2({ search: 'ms-0' })],
  ['blank search', ll2({ search: ' , ' })],
  ['nothing matches', ll2({ search: 'buran' })],
  ...dataset.stations.map(
    (s) => [`station ${String(s.name)}`, ll2({ stations: [stationId(Number(s.id))] })] as const,
  ),
  ['port Mir forward', ll2({ ports: [portId(21)] })],
  ['port Zvezda aft', ll2({ ports: [portId(47)] })],
  ['docking__gt at an event', ll2(bounds({ gt: T }))],
  ['docking__gte at an event', ll2(bounds({ gte: T }))],
  ['docking__lt at an event', ll2(bounds({ lt: T }))],
  ['docking__lte at an event', ll2(bounds({ lte: T }))],
  ['docking__gte and docking__lte on one instant', ll2(bounds({ gte: T, lte: T }))],
  ['a decade', ll2(bounds({ gte: year(1990), lt: year(2000) }))],
  ['a chaser flight (a relocation docks twice)', ll2({ chaserFlightId: relocated })],
  ['a chaser flight and a port', ll2({ chaserFlightId: relocated, ports: [relocatedPort] })],
  ['newest first', ll2({ search: 'progress', ordering: '-docking' })],
  ['still docked last by departure', ll2({ stations: [stationId(4)], ordering: 'departure' })],
  ['still docked first by -departure', ll2({ stations: [stationId(4)], ordering: '-departure' })],
  ['two stations (two requests)', ll2({ stations: [stationId(2), stationId(9)] })],
  ['a station and a port elsewhere', ll2({ stations: [stationId(18)], ports: [portId(21)] })],
  [
    'two ports by departure (union ordered locally)',
    ll2({ ports: [portId(21), portId(47)], ordering: '-departure' }),
  ],
  ['search and station', ll2({ search: 'progress', stations: [stationId(4)] })],
  [
    'search, ports and dates',
    ll2({
      search: 'soyuz',
      ports: [portId(21), portId(22)],
      ...bounds({ gt: year(1990), lte: year(1995) }),
    }),
  ],
  ['station and dates', ll2({ stations: [stationId(4)], ...bounds({ gte: year(2010), lt: T }) })],
  // Local-only filters on top of what LL2 returns.
  ['family and station', ll2({ families: ['Cygnus'], stations: [stationId(4)] })],
  ['still docked, searched', ll2({ search: 'international', states: ['docked'] })],
  [
    'role, agency and stay',
    ll2({ roles: ['cargo'], agencies: ['SpaceX'], minStay: durationMs(30 * DAY_MS) }),
  ],
  [
    'configuration and dates',
    ll2({ configurations: ['Soyuz TM'], ...bounds({ gte: year(2000) }) }),
  ],
  ['data source (all of these came from LL2)', ll2({ sources: ['ll2'], search: 'dragon' })],
  ['search over vehicle names (local)', { ...DEFAULT_QUERY, search: 'spacex cargo' }],
]

describe('a Query: local evaluation equals the LL2 test server', () => {
  it.each(QUERIES)('%s', async (_name, query) => {
    expect(await viaLl2(query)).toEqual(local(query))
  })

  it('uses queries that tell filters apart', () => {
    // Guard against a table whose queries all return everything or nothing.
    const sizes = QUERIES.map(([, q]) => local(q).length)
    const narrowing = sizes.filter((n) => n > 0 && n < events.length)
    expect(narrowing.length).toBeGreaterThan(QUERIES.length * 0.7)
    expect(local(ll2({ search: 'soyuz 26' }))).toContain(183)
    expect(local(ll2(bounds({ gte: T }))).length).toBeGreaterThan(
      local(ll2(bounds({ gt: T }))).length,
    )
    expect(local(ll2({ chaserFlightId: relocated })).length).toBeGreaterThan(1)
    expect(
      local(ll2({ chaserFlightId: relocated, ports: [relocatedPort] })).length,
    ).toBeGreaterThan(0)
    // The orderings disagree with one another on this data, so ordering is really tested.
    const orders = EVENT_ORDERINGS.map((o) => local(ll2({ stations: [stationId(4)], ordering: o })))
    expect(new Set(orders.map((o) => o.join())).size).toBe(EVENT_ORDERINGS.length)
  })

  it('pages as LL2 pages: every limit/offset slice and the count match', async () => {
    for (const ordering of EVENT_ORDERINGS) {
      const query = ll2({ search: 'soyuz', ordering })
      const [params] = toLl2Query(query).requests
      const mine = local(query)
      expect(mine.length).toBeGreaterThan(40)
      for (const offset of [0, 17, mine.length - 5]) {
        const page = await getPage(params!, { limit: '17', offset: String(offset) })
        expect(page.count).toBe(mine.length)
        expect(page.results.map((r) => r.id)).toEqual(mine.slice(offset, offset + 17))
      }
    }
  })

  it('agrees on 40 seeded random queries', async () => {
    const rand = prng(99)
    const pick = <T>(list: ReadonlyArray<T>): T => list[Math.floor(rand() * list.length)]!
    const words = [
      ...new Set(
        events.flatMap((e) =>
          `${e.vehicle} ${e.portName ?? ''} ${e.stationName ?? ''}`.split(/\s+/),
        ),
      ),
    ]
    const times = events.map((e) => e.docking)
    const maybe = <T>(p: number, value: () => T): T | null => (rand() < p ? value() : null)
    for (let i = 0; i < 40; i++) {
      const term = pick(words)
      const slice = term.slice(
        Math.floor(rand() * 2),
        Math.max(2, term.length - Math.floor(rand() * 2)),
      )
      const station = maybe(0.4, () => pick(events).stationId!)
      const query = ll2({
        search:
          rand() < 0.7
            ? rand() < 0.5
              ? slice.toUpperCase()
              : `${slice}, ${pick(words).toLowerCase()}`
            : '',
        docking: {
          gt: maybe(0.2, () => pick(times)),
          gte: maybe(0.4, () => pick(times)),
          lt: null,
          lte: maybe(0.3, () => pick(times)),
        },
        stations: station === null ? [] : [station],
        ordering: pick(EVENT_ORDERINGS),
      })
      expect(local(query), JSON.stringify(query)).toEqual(await viaLl2(query))
    }
  })

  it('searching vehicle names finds more than LL2, and only through those names', async () => {
    const query: Query = {
      ...DEFAULT_QUERY,
      search: 'spacex',
      searchMode: 'll2',
      searchVehicleNames: true,
    }
    expect(toLl2Query(query).local.map((l) => l.field)).toEqual(['search'])
    expect(await fetchAllIds({ search: 'spacex' })).toEqual([])
    const mine = matchingEvents(events, query, NOW, { endFacts: NO_END_FACTS })
    expect(mine.length).toBeGreaterThan(0)
    const terms = searchTerms('spacex')
    for (const e of mine) {
      expect(matchesSearch(e, terms)).toBe(false)
      expect(`${e.configuration} ${e.agency}`.toLowerCase()).toContain('spacex')
    }
  })
})

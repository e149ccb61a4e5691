/**
 * The filter panel's local filtering equals LL2's, query by query (issue #5).
 *
 * The same FilterState is applied locally (`applyFilters`) and turned into LL2
 * requests (`toLl2Query`) sent to the LL2-compatible test server, whose
 * filtering was written independently from Django REST framework's behaviour.
 * Any difference in search splitting, case, fields, bounds, ids or in the
 * union of several station/port requests shows here. (The CLI's `EventQuery`
 * has its own check in `query-equivalence.test.ts`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ingestRecords } from '../../shared/ll2/ingest'
import type { DockingEvent } from '../../shared/model'
import { applyFilters } from '../../shared/query/apply-filters'
import { DEFAULT_FILTER_STATE, type FilterState } from '../../shared/query/filter-state'
import { matchesSearch, searchTerms } from '../../shared/query/search'
import { toLl2Query, type Ll2Params } from '../../shared/query/to-ll2-params'
import {
  DAY_MS,
  durationMs,
  portId,
  stationId,
  utcMillis,
  type UtcMillis,
} from '../../shared/units'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'

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

/** Every event id LL2 returns for one parameter set, following `next` to the end. */
async function fetchAllIds(params: Ll2Params): Promise<number[]> {
  const url = new URL('/2.3.0/docking_events/', server.url)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  url.searchParams.set('limit', '100')
  url.searchParams.set('mode', 'normal')
  url.searchParams.set('format', 'json')
  const ids: number[] = []
  let next: string | null = url.href
  while (next) {
    const res = await fetch(next)
    expect(res.status, next).toBe(200)
    const page = (await res.json()) as { next: string | null; results: Array<{ id: number }> }
    ids.push(...page.results.map((r) => r.id))
    next = page.next
  }
  return ids
}

/** The ids LL2 gives for a state: the union of its requests, then the local-only filters. */
async function viaLl2(state: FilterState): Promise<number[]> {
  const query = toLl2Query(state)
  const found = new Set<number>()
  for (const params of query.requests) for (const id of await fetchAllIds(params)) found.add(id)
  const fromLl2 = events.filter((e) => found.has(e.id))
  // Only what LL2 cannot do is left to do locally: apply exactly those fields.
  const rest = Object.fromEntries(query.local.map((l) => [l.field, state[l.field]]))
  const localOnly: FilterState = {
    ...DEFAULT_FILTER_STATE,
    searchVehicleNames: state.searchVehicleNames,
    ...rest,
  }
  return applyFilters(fromLl2, localOnly, NOW)
    .map((e) => e.id)
    .sort((a, b) => a - b)
}

const local = (state: FilterState): number[] =>
  applyFilters(events, state, NOW)
    .map((e) => e.id)
    .sort((a, b) => a - b)

// LL2's own search semantics unless a query says otherwise.
const ll2 = (s: Partial<FilterState>): FilterState => ({
  ...DEFAULT_FILTER_STATE,
  searchVehicleNames: false,
  ...s,
})

// A docking time that an event has exactly, to test every bound at the boundary.
const pivot = [...events].sort((a, b) => a.docking - b.docking)[Math.floor(events.length / 2)]!
const T: UtcMillis = pivot.docking
const bounds = (b: Partial<FilterState['docking']>) => ({
  docking: { gt: null, gte: null, lt: null, lte: null, ...b },
})
const year = (y: number) => utcMillis(Date.parse(`${y}-01-01T00:00:00Z`))

const QUERIES: ReadonlyArray<readonly [string, FilterState]> = [
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
  ['two stations (two requests)', ll2({ stations: [stationId(2), stationId(9)] })],
  ['a station and a port elsewhere', ll2({ stations: [stationId(18)], ports: [portId(21)] })],
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
  ['search over vehicle names (local)', { ...DEFAULT_FILTER_STATE, search: 'spacex cargo' }],
]

describe('filter panel state: local filtering equals the LL2 test server', () => {
  it.each(QUERIES)('%s', async (_name, state) => {
    expect(await viaLl2(state)).toEqual(local(state))
  })

  it('uses queries that tell filters apart', () => {
    // Guard against a table whose queries all return everything or nothing.
    const sizes = QUERIES.map(([, s]) => local(s).length)
    const narrowing = sizes.filter((n) => n > 0 && n < events.length)
    expect(narrowing.length).toBeGreaterThan(QUERIES.length * 0.7)
    expect(local(ll2({ search: 'soyuz 26' }))).toContain(183)
    expect(local(ll2(bounds({ gte: T }))).length).toBeGreaterThan(
      local(ll2(bounds({ gt: T }))).length,
    )
  })

  it('searching vehicle names finds more than LL2, and only through those names', async () => {
    const state: FilterState = {
      ...DEFAULT_FILTER_STATE,
      search: 'spacex',
      searchVehicleNames: true,
    }
    expect(toLl2Query(state).local.map((l) => l.field)).toEqual(['search'])
    expect(await fetchAllIds({ search: 'spacex' })).toEqual([])
    const mine = applyFilters(events, state, NOW)
    expect(mine.length).toBeGreaterThan(0)
    const terms = searchTerms('spacex')
    for (const e of mine) {
      expect(matchesSearch(e, terms)).toBe(false)
      expect(`${e.configuration} ${e.agency}`.toLowerCase()).toContain('spacex')
    }
  })
})

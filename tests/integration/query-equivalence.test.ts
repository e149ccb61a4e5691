import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ingestRecords } from '../../shared/ll2/ingest'
import type { DockingEvent } from '../../shared/model'
import {
  EVENT_ORDERINGS,
  queryEvents,
  toLl2Params,
  type EventQuery,
} from '../../shared/query/filters'
import { portId, stationId, utcMillis } from '../../shared/units'
import { generateDataset, prng } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'

// The app's local query (shared/query) and the LL2 stand-in must give the same
// events in the same order for the same question.
let server: Ll2TestServer
let events: ReadonlyArray<DockingEvent>

beforeAll(async () => {
  server = await startLl2Server({
    dataset: generateDataset({ events: 600, seed: 5, withRecord183: true }),
  })
  events = ingestRecords(
    server.dataset.events,
    { source: 'll2', fetchedAt: utcMillis(0) },
    'dataset',
  ).events.map((e) => e.event)
})
afterAll(() => server.close())

async function askServer(query: EventQuery): Promise<number[]> {
  const params = new URLSearchParams([
    ['format', 'json'],
    ['limit', '100'],
    ...toLl2Params(query).map(([k, v]) => [k, v]),
  ])
  let next: string | null = `${server.url}/2.3.0/docking_events/?${params.toString()}`
  const ids: number[] = []
  while (next) {
    const page = (await (await fetch(next)).json()) as {
      next: string | null
      results: Array<{ id: number }>
    }
    ids.push(...page.results.map((r) => r.id))
    next = page.next
  }
  return ids
}

const local = (query: EventQuery) =>
  queryEvents(events, { ordering: 'docking', ...query }).map((e) => e.id as number)

describe('local query = LL2 query', () => {
  const fixed: ReadonlyArray<[string, EventQuery]> = [
    ['a two-term search across fields', { search: 'soyuz harmony' }],
    ['a comma-separated search', { search: 'progress,zvezda' }],
    ['a search matching a payload chaser', { search: 'module' }],
    ['a search matching the target spacecraft', { search: 'core module' }],
    ['record 183 by station and term', { search: 'salyut', stationIds: [stationId(14)] }],
    [
      'a port and a docking window',
      {
        portIds: [portId(41)],
        dockingGte: utcMillis(Date.parse('2010-01-01T00:00:00Z')),
        dockingLt: utcMillis(Date.parse('2015-01-01T00:00:00Z')),
      },
    ],
    ['a chaser flight (a relocation shows twice)', { chaserFlightId: 0 }],
    ['still-docked last by departure', { stationIds: [stationId(4)], ordering: 'departure' }],
    ['still-docked first by -departure', { stationIds: [stationId(18)], ordering: '-departure' }],
    ['nothing at all', { search: 'no-such-vehicle' }],
  ]
  for (const [name, query] of fixed) {
    it(name, async () => {
      let q = query
      if (query.chaserFlightId === 0) {
        const counts = new Map<number, number>()
        for (const e of events)
          if (e.chaserFlightId)
            counts.set(e.chaserFlightId, (counts.get(e.chaserFlightId) ?? 0) + 1)
        q = { chaserFlightId: [...counts].find(([, n]) => n > 1)![0] }
      }
      const expected = await askServer(q)
      expect(local(q)).toEqual(expected)
      if (name !== 'nothing at all') expect(expected.length).toBeGreaterThan(0)
    })
  }

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
    for (let i = 0; i < 40; i++) {
      const term = pick(words)
      const slice = term.slice(
        Math.floor(rand() * 2),
        Math.max(2, term.length - Math.floor(rand() * 2)),
      )
      const query: EventQuery = {
        search:
          rand() < 0.7
            ? rand() < 0.5
              ? slice.toUpperCase()
              : `${slice}, ${pick(words).toLowerCase()}`
            : undefined,
        dockingGte: rand() < 0.4 ? pick(times) : undefined,
        dockingLte: rand() < 0.3 ? pick(times) : undefined,
        dockingGt: rand() < 0.2 ? pick(times) : undefined,
        stationIds: rand() < 0.4 ? [pick(events).stationId!] : undefined,
        ordering: pick(EVENT_ORDERINGS),
      }
      expect(local(query), JSON.stringify(query)).toEqual(await askServer(query))
    }
  })
})

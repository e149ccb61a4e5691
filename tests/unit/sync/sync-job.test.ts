import { describe, expect, it } from 'vitest'

import { Ll2FormatError } from '../../../shared/ll2/ingest'
import type { Ll2Page } from '../../../shared/ll2/schema'
import {
  applyAnswer,
  finishOf,
  INCREMENTAL_MARGIN_MS,
  jobFor,
  nextRequest,
  syncJobSchema,
  type SyncAnswer,
  type SyncJob,
} from '../../../shared/sync/sync-job'
import { expeditionId, stationId, utcMillis } from '../../../shared/domain/units'
import { ll2Record } from '../query/ll2-record'

const URL_BASE = 'https://ll.example'
const NOW = utcMillis(Date.parse('2025-06-02T00:00:00Z'))
const at = { fetchedAt: NOW, openEventIds: [] }

const fresh = (kind: 'full' | 'incremental', newest: number | null = null): SyncJob =>
  jobFor(kind, URL_BASE, {
    stored: null,
    newestLl2Docking: newest === null ? null : utcMillis(newest),
    cachedExpeditions: [],
    now: NOW,
  })

const events = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    ll2Record({ id: from + i, docking: `2020-01-0${1 + (i % 9)}T00:00:00Z` }),
  )

const page = (
  results: ReadonlyArray<unknown>,
  next: string | null,
  count = results.length,
): Ll2Page => ({ url: 'https://ll.example/page', count, next, results })

const eventsAnswer = (p: Ll2Page): SyncAnswer => ({ phase: 'events', page: p })
/** LL2 2.3.0 `normal` expedition records, ids `from` up, half a year each from 2000. */
const expeditionRecords = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const id = from + i
    const year = 2000 + Math.floor((id - 1) / 2)
    const [start, end] = (id - 1) % 2 === 0 ? ['01-01', '06-01'] : ['07-01', '12-01']
    return {
      id,
      url: `https://ll.example/2.3.0/expeditions/${id}/`,
      name: `Expedition ${id}`,
      start: `${year}-${start}T00:00:00Z`,
      end: `${year}-${end}T00:00:00Z`,
      response_mode: 'normal',
      spacestation: {
        id: 4,
        url: 'https://ll.example/2.3.0/space_stations/4/',
        name: 'International Space Station',
      },
      mission_patches: [],
      spacewalks: [],
    }
  })
const station = (id: number, docked: number[], ports: Array<[number, string]> = []) => ({
  id,
  name: `Station ${id}`,
  status: { id: 1, name: 'Active' },
  deorbited: null,
  docking_location: ports.map(([pid, name]) => ({ id: pid, name })),
  active_docking_events: docked.map((d) => ({ id: d })),
})
const location = (id: number, stationId: number | null) => ({
  id,
  name: `Port ${id}`,
  spacestation: stationId === null ? null : { id: stationId, name: `Station ${stationId}` },
  spacecraft: stationId === null ? { id: 9, name: 'Dragon' } : null,
  payload: null,
})

/** The job as it would be read back after a restart. */
const reloaded = (job: SyncJob): SyncJob => syncJobSchema.parse(JSON.parse(JSON.stringify(job)))

describe('jobFor', () => {
  it('starts a full sync from the first page of events', () => {
    expect(fresh('full')).toEqual({
      kind: 'full',
      baseUrl: URL_BASE,
      startedAt: NOW,
      phase: 'events',
      next: null,
      requestsDone: 0,
      eventsStored: 0,
      eventCount: null,
      since: null,
      expeditionsSince: null,
      expeditionCount: null,
      expeditionsStored: 0,
      recheck: [],
    })
  })

  it('starts an incremental sync 60 days before the newest cached LL2 docking', () => {
    const newest = Date.parse('2025-05-30T00:00:00Z')
    const job = fresh('incremental', newest)
    expect(job.kind).toBe('incremental')
    expect(job.since).toBe(newest - INCREMENTAL_MARGIN_MS)
    expect(INCREMENTAL_MARGIN_MS).toBe(60 * 86_400_000)
  })

  it('runs an incremental sync as full when the cache has no LL2 data', () => {
    expect(fresh('incremental', null).kind).toBe('full')
  })

  it('resumes a stored job of the same server; a stored full one even when incremental is asked', () => {
    const stored = { ...fresh('full'), requestsDone: 3, next: 'https://ll.example/p4' }
    const context = {
      stored,
      newestLl2Docking: utcMillis(1),
      cachedExpeditions: [],
      now: utcMillis(NOW + 1),
    }
    expect(jobFor('full', URL_BASE, context)).toBe(stored)
    expect(jobFor('incremental', URL_BASE, context)).toBe(stored)
    // Another server: its position means nothing here.
    expect(jobFor('full', 'https://other.example', context)).toMatchObject({
      requestsDone: 0,
      startedAt: NOW + 1,
    })
  })

  it('does not resume a stored incremental job when a full sync is asked', () => {
    const stored = { ...fresh('incremental', NOW), requestsDone: 1 }
    const job = jobFor('full', URL_BASE, {
      stored,
      newestLl2Docking: NOW,
      cachedExpeditions: [],
      now: NOW,
    })
    expect(job).toMatchObject({ kind: 'full', requestsDone: 0, since: null })
  })
})

describe('nextRequest', () => {
  it('asks for events in docking order, from the stored next link once there is one', () => {
    const first = nextRequest(fresh('full'))
    expect(first?.phase).toBe('events')
    const query = new URLSearchParams(first!.path.split('?')[1])
    expect(query.get('ordering')).toBe('docking')
    expect(query.get('limit')).toBe('100')
    expect(query.has('docking__gte')).toBe(false)
    expect(nextRequest({ ...fresh('full'), next: 'https://ll.example/p2' })).toEqual({
      phase: 'events',
      path: 'https://ll.example/p2',
    })
  })

  it('asks an incremental sync for dockings since its start point only', () => {
    const job = fresh('incremental', Date.parse('2025-05-01T00:00:00Z'))
    const query = new URLSearchParams(nextRequest(job)!.path.split('?')[1])
    expect(query.get('docking__gte')).toBe('2025-03-02T00:00:00Z')
  })

  it('asks for stations, then ports, then each event to re-check, then nothing', () => {
    const base = fresh('incremental', NOW)
    expect(nextRequest({ ...base, phase: 'stations' })?.path).toMatch(
      /^\/2\.3\.0\/space_stations\/\?.*mode=detailed/,
    )
    expect(nextRequest({ ...base, phase: 'locations' })?.path).toMatch(
      /^\/2\.3\.0\/config\/docking_locations\//,
    )
    expect(nextRequest({ ...base, phase: 'recheck', recheck: [7, 8] })).toEqual({
      phase: 'recheck',
      eventId: 7,
      path: '/2.3.0/docking_events/7/?format=json&mode=normal',
    })
    expect(nextRequest({ ...base, phase: 'recheck', recheck: [] })).toBeNull()
    expect(nextRequest({ ...base, phase: 'done' })).toBeNull()
  })
})

describe('applyAnswer: events', () => {
  it('stores a middle page and moves to its next link, learning LL2’s count', () => {
    const { job, writes } = applyAnswer(
      fresh('full'),
      eventsAnswer(page(events(1, 100), 'https://ll.example/p2', 250)),
      at,
    )
    expect(job).toMatchObject({
      phase: 'events',
      next: 'https://ll.example/p2',
      requestsDone: 1,
      eventsStored: 100,
      eventCount: 250,
    })
    expect(writes.events).toHaveLength(100)
    expect(writes.events[0]!.event).toMatchObject({ id: 1, source: 'll2', fetchedAt: NOW })
    expect(JSON.parse(writes.events[0]!.raw)).toEqual(events(1, 1)[0])
    expect(writes.ports.map((p) => p.id)).toEqual([41])
    expect(writes.stations.map((s) => s.id)).toEqual([4])
  })

  it('moves to the expeditions after the last page', () => {
    const job = { ...fresh('full'), next: 'https://ll.example/p3', requestsDone: 2 }
    const step = applyAnswer(job, eventsAnswer(page(events(201, 50), null, 250)), at)
    expect(step.job).toMatchObject({ phase: 'expeditions', next: null, requestsDone: 3 })
    expect(step.writes.events).toHaveLength(50)
  })

  it('takes an empty page (no dockings since) as the last one', () => {
    const step = applyAnswer(fresh('incremental', NOW), eventsAnswer(page([], null, 0)), at)
    expect(step.job).toMatchObject({ phase: 'expeditions', eventsStored: 0, eventCount: 0 })
    expect(step.writes.events).toEqual([])
  })

  it('rejects a page with a bad record whole, naming the page and the record', () => {
    const bad = [...events(1, 2), { ...events(3, 1)[0], docking: 'yesterday' }]
    expect(() => applyAnswer(fresh('full'), eventsAnswer(page(bad, null)), at)).toThrow(
      Ll2FormatError,
    )
    expect(() => applyAnswer(fresh('full'), eventsAnswer(page(bad, null)), at)).toThrow(
      /ll\.example\/page: record 2 \(id 3\): docking/,
    )
  })
})

describe('applyAnswer: stations', () => {
  const full = { ...fresh('full'), phase: 'stations' as const, requestsDone: 3 }

  it('stores station records and their ports; a full sync goes on to the ports', () => {
    const answer: SyncAnswer = {
      phase: 'stations',
      page: page([station(4, [], [[41, 'Harmony forward']])], null),
    }
    const { job, writes } = applyAnswer(full, answer, at)
    expect(job).toMatchObject({ phase: 'locations', next: null, requestsDone: 4 })
    expect(job.docked).toBeUndefined()
    expect(writes.stationRecords).toEqual([
      {
        station: {
          id: 4,
          name: 'Station 4',
          status: 'Active',
          founded: null,
          deorbited: null,
          portIds: [41],
          activeDockingEventIds: [],
          // Fetched by this sync: its list of dockings is as of the fetch.
          listedWithin: { from: NOW, to: NOW },
        },
        ports: [{ id: 41, name: 'Harmony forward', stationId: 4 }],
        raw: JSON.stringify(station(4, [], [[41, 'Harmony forward']])),
        fetchedAt: NOW,
      },
    ])
  })

  it('re-checks, after the last page, still-docked events no station lists as docked', () => {
    const incremental = { ...fresh('incremental', NOW), phase: 'stations' as const }
    const first = applyAnswer(
      incremental,
      { phase: 'stations', page: page([station(4, [10])], 'https://ll.example/s2', 2) },
      at,
    )
    expect(first.job).toMatchObject({ phase: 'stations', next: 'https://ll.example/s2' })
    // Killed here: the next run resumes from the stored job.
    const second = applyAnswer(
      reloaded(first.job),
      { phase: 'stations', page: page([station(5, [11])], null, 2) },
      { fetchedAt: NOW, openEventIds: [10, 11, 12, 13] },
    )
    expect(second.job).toMatchObject({ phase: 'recheck', recheck: [12, 13], requestsDone: 2 })
    expect(second.job.docked).toBeUndefined()
  })

  it('finishes an incremental sync when every still-docked event is still listed', () => {
    const incremental = { ...fresh('incremental', NOW), phase: 'stations' as const }
    const step = applyAnswer(
      incremental,
      { phase: 'stations', page: page([station(4, [10])], null) },
      { fetchedAt: NOW, openEventIds: [10] },
    )
    expect(step.job).toMatchObject({ phase: 'done', recheck: [] })
    expect(nextRequest(step.job)).toBeNull()
  })

  it('rejects a station record without a name', () => {
    const answer: SyncAnswer = { phase: 'stations', page: page([{ id: 4 }], null) }
    expect(() => applyAnswer(full, answer, at)).toThrow(/results\.0\.name/)
  })
})

describe('applyAnswer: locations and re-checks', () => {
  it('stores the ports of stations only, remembers how many LL2 has, and ends after the last page', () => {
    const job = { ...fresh('full'), phase: 'locations' as const, requestsDone: 4 }
    const mid = applyAnswer(
      job,
      { phase: 'locations', page: page([location(41, 4), location(90, null)], 'next', 150) },
      at,
    )
    expect(mid.job).toMatchObject({ phase: 'locations', next: 'next', requestsDone: 5 })
    expect(mid.writes.ports).toEqual([{ id: 41, name: 'Port 41', stationId: 4 }])
    expect(mid.writes.locationCount).toBe(150)
    const last = applyAnswer(
      mid.job,
      { phase: 'locations', page: page([location(42, 4)], null, 150) },
      at,
    )
    expect(last.job).toMatchObject({ phase: 'done', requestsDone: 6 })
    expect(nextRequest(last.job)).toBeNull()
  })

  it('updates a re-checked event, deletes one LL2 no longer has, and is done after the last', () => {
    const job = { ...fresh('incremental', NOW), phase: 'recheck' as const, recheck: [12, 13] }
    const record = ll2Record({
      id: 12,
      docking: '2025-01-01T00:00:00Z',
      departure: '2025-06-01T00:00:00Z',
    })
    const found = applyAnswer(job, { phase: 'recheck', eventId: 12, url: 'u12', record }, at)
    expect(found.job).toMatchObject({ phase: 'recheck', recheck: [13], requestsDone: 1 })
    expect(found.writes.events[0]!.event.departure).toBe(Date.parse('2025-06-01T00:00:00Z'))
    expect(found.writes.deleteEventIds).toEqual([])
    const gone = applyAnswer(
      found.job,
      { phase: 'recheck', eventId: 13, url: 'u13', record: null },
      at,
    )
    expect(gone.job).toMatchObject({ phase: 'done', recheck: [], requestsDone: 2 })
    expect(gone.writes).toMatchObject({ events: [], deleteEventIds: [13] })
  })
})

describe('expeditions', () => {
  const afterEvents = { ...fresh('full'), phase: 'expeditions' as const, requestsDone: 3 }
  const expeditionsAnswer = (p: Ll2Page): SyncAnswer => ({ phase: 'expeditions', page: p })
  const cached = (start: string, end: string | null) => ({
    id: expeditionId(1),
    name: 'x',
    stationId: stationId(4),
    stationName: null,
    start: utcMillis(Date.parse(start)),
    end: end === null ? null : utcMillis(Date.parse(end)),
    url: null,
  })

  it('asks for every expedition, 100 a page in id order, after the events of a full sync', () => {
    const request = nextRequest(afterEvents)
    expect(request?.phase).toBe('expeditions')
    const [path, search] = request!.path.split('?')
    expect(path).toBe('/2.3.0/expeditions/')
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      format: 'json',
      mode: 'normal',
      limit: '100',
      ordering: 'id',
    })
    expect(nextRequest({ ...afterEvents, next: 'https://ll.example/x2' })).toEqual({
      phase: 'expeditions',
      path: 'https://ll.example/x2',
    })
  })

  it('starts an incremental sync at the oldest expedition under way, or the newest, less 60 days', () => {
    const context = {
      stored: null,
      newestLl2Docking: NOW,
      now: NOW,
    }
    const under = jobFor('incremental', URL_BASE, {
      ...context,
      cachedExpeditions: [
        cached('2019-01-01T00:00:00Z', '2019-06-01T00:00:00Z'),
        cached('2024-03-01T00:00:00Z', null),
        cached('2025-04-01T00:00:00Z', null),
      ],
    })
    expect(under.expeditionsSince).toBe(Date.parse('2024-03-01T00:00:00Z') - INCREMENTAL_MARGIN_MS)
    const query = new URLSearchParams(
      nextRequest({ ...under, phase: 'expeditions' })!.path.split('?')[1],
    )
    expect(query.get('start__gte')).toBe('2024-01-01T00:00:00Z')
    // None under way: from the newest start (all ended since are among those started since).
    const ended = jobFor('incremental', URL_BASE, {
      ...context,
      cachedExpeditions: [
        cached('2020-10-14T00:00:00Z', '2021-04-17T00:00:00Z'),
        cached('2019-01-01T00:00:00Z', '2019-06-01T00:00:00Z'),
      ],
    })
    expect(ended.expeditionsSince).toBe(Date.parse('2020-08-15T00:00:00Z'))
    // Nothing cached, or a full sync: the whole list.
    expect(jobFor('incremental', URL_BASE, { ...context, cachedExpeditions: [] })).toMatchObject({
      expeditionsSince: null,
    })
    expect(
      jobFor('full', URL_BASE, { ...context, cachedExpeditions: [cached('2024-01-01', null)] }),
    ).toMatchObject({ expeditionsSince: null })
  })

  it('stores a page of expeditions with their raw records, then goes on to the stations', () => {
    const mid = applyAnswer(
      afterEvents,
      expeditionsAnswer(page(expeditionRecords(1, 100), 'https://ll.example/x2', 130)),
      at,
    )
    expect(mid.job).toMatchObject({
      phase: 'expeditions',
      next: 'https://ll.example/x2',
      requestsDone: 4,
      expeditionCount: 130,
      expeditionsStored: 100,
      eventsStored: 0,
    })
    expect(mid.writes.events).toEqual([])
    expect(mid.writes.expeditions?.fetchedAt).toBe(NOW)
    expect(mid.writes.expeditions?.records).toHaveLength(100)
    expect(mid.writes.expeditions?.records[0]?.expedition).toEqual({
      id: 1,
      name: 'Expedition 1',
      stationId: 4,
      stationName: 'International Space Station',
      start: Date.parse('2000-01-01T00:00:00Z'),
      end: Date.parse('2000-06-01T00:00:00Z'),
      url: 'https://ll.example/2.3.0/expeditions/1/',
    })
    expect(JSON.parse(mid.writes.expeditions!.records[0]!.raw)).toEqual(expeditionRecords(1, 1)[0])
    const last = applyAnswer(
      reloaded(mid.job),
      expeditionsAnswer(page(expeditionRecords(101, 30), null, 130)),
      at,
    )
    expect(last.job).toMatchObject({ phase: 'stations', next: null, expeditionsStored: 130 })
    expect(nextRequest(last.job)?.phase).toBe('stations')
  })

  it('rejects a page with a bad expedition whole, naming the page, the record and the field', () => {
    const bad = [...expeditionRecords(1, 2), { ...expeditionRecords(3, 1)[0], start: 'soon' }]
    const apply = () => applyAnswer(afterEvents, expeditionsAnswer(page(bad, null)), at)
    expect(apply).toThrow(Ll2FormatError)
    expect(apply).toThrow(/^https:\/\/ll\.example\/page: expedition 2 \(id 3\): start: /)
    const noStation = [{ ...expeditionRecords(1, 1)[0], spacestation: null }]
    expect(() => applyAnswer(afterEvents, expeditionsAnswer(page(noStation, null)), at)).toThrow(
      /expedition 0 \(id 1\): spacestation/,
    )
    // The job itself is a value: the page that failed is the one asked for again.
    expect(nextRequest(afterEvents)?.path).toMatch(/^\/2\.3\.0\/expeditions\//)
  })

  it('tolerates what the app does not read: nulls where the spec promises objects, extra fields', () => {
    const loose = {
      ...expeditionRecords(1, 1)[0],
      url: null,
      mission_patches: null,
      crew: [{ id: 1, role: null }],
      spacestation: { id: 4, name: null, image: '' },
    }
    const step = applyAnswer(afterEvents, expeditionsAnswer(page([loose], null)), at)
    expect(step.writes.expeditions?.records[0]?.expedition).toMatchObject({
      id: 1,
      stationId: 4,
      stationName: null,
      url: null,
    })
    expect(JSON.parse(step.writes.expeditions!.records[0]!.raw)).toEqual(loose)
  })

  it('walks the whole list in a job stored before the phase existed', () => {
    const {
      expeditionsSince: _a,
      expeditionCount: _b,
      expeditionsStored: _c,
      ...old
    } = {
      ...fresh('incremental', NOW),
      phase: 'expeditions' as const,
    }
    const job = reloaded(old as SyncJob)
    expect(new URLSearchParams(nextRequest(job)!.path.split('?')[1]).has('start__gte')).toBe(false)
    const step = applyAnswer(job, expeditionsAnswer(page(expeditionRecords(1, 3), null)), at)
    expect(step.job).toMatchObject({ phase: 'stations', expeditionsStored: 3, expeditionCount: 3 })
  })
})

describe('finishOf', () => {
  it('keeps LL2’s counts from a sync that walked the lists whole, for the next plan', () => {
    const full = { ...fresh('full'), phase: 'done' as const, eventCount: 451, expeditionCount: 224 }
    expect(finishOf(full)).toEqual({ eventCount: 451, expeditionCount: 224 })
    const incremental = {
      ...fresh('incremental', NOW),
      phase: 'done' as const,
      eventCount: 12,
      expeditionCount: 4,
    }
    // Counts from a start date are not the list's.
    expect(finishOf({ ...incremental, expeditionsSince: NOW })).toEqual({
      eventCount: null,
      expeditionCount: null,
    })
    expect(finishOf({ ...incremental, expeditionsSince: null })).toEqual({
      eventCount: null,
      expeditionCount: 4,
    })
  })
})

describe('a whole full sync, killed and resumed after every page', () => {
  it('asks for the event pages, the expedition pages, stations and ports, and stores every record once', () => {
    const allEvents = events(1, 250)
    const allExpeditions = expeditionRecords(1, 130)
    const offsetOf = (path: string) =>
      Number(new URLSearchParams(path.split('?')[1]).get('offset') ?? 0)
    const serve = (all: ReadonlyArray<unknown>, path: string, base: string): Ll2Page => {
      const offset = offsetOf(path)
      const next = offset + 100 < all.length ? `${base}?offset=${offset + 100}` : null
      return page(all.slice(offset, offset + 100), next, all.length)
    }
    let job = fresh('full')
    const asked: string[] = []
    const stored = new Set<number>()
    const expeditions = new Set<number>()
    for (let request = nextRequest(job); request !== null; request = nextRequest(job)) {
      asked.push(request.phase)
      const answer: SyncAnswer =
        request.phase === 'events'
          ? { phase: 'events', page: serve(allEvents, request.path, 'https://ll.example/ev') }
          : request.phase === 'expeditions'
            ? {
                phase: 'expeditions',
                page: serve(allExpeditions, request.path, 'https://ll.example/ex'),
              }
            : request.phase === 'stations'
              ? { phase: 'stations', page: page([station(4, [])], null) }
              : { phase: 'locations', page: page([location(41, 4)], null) }
      const step = applyAnswer(job, answer, at)
      for (const e of step.writes.events) stored.add(e.event.id)
      for (const x of step.writes.expeditions?.records ?? []) {
        expect(expeditions.has(x.expedition.id)).toBe(false)
        expeditions.add(x.expedition.id)
      }
      job = reloaded(step.job)
    }
    expect(asked).toEqual([
      'events',
      'events',
      'events',
      'expeditions',
      'expeditions',
      'stations',
      'locations',
    ])
    expect(stored.size).toBe(250)
    expect(expeditions.size).toBe(130)
    expect(job).toMatchObject({
      phase: 'done',
      requestsDone: 7,
      eventsStored: 250,
      expeditionsStored: 130,
    })
  })
})

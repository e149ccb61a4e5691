import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { createAppServices, type AppServices } from '../../electron/app-services'
import { openCache } from '../../electron/cache/docking-cache'
import { importDockingEvents } from '../../electron/import/import-service'
import { handleInvoke } from '../../electron/ipc/handlers'
import { loadSnapshotIfNew } from '../../electron/snapshot'
import type { DockingCache } from '../../shared/cache/docking-cache'
import { utcMillis } from '../../shared/domain/units'
import { Ll2FormatError } from '../../shared/ll2/ingest'
import { MAX_IMPORT_BYTES } from '../../shared/ll2/import-input'
import { describeImport } from '../../shared/ll2/import-report'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { offlineAppConfig } from './support/harness'

type Json = Record<string, unknown> & { readonly id: number }

const SNAPSHOT = path.resolve(BUNDLED_SNAPSHOT_PATH)
const SOURCES = 'assets/snapshot/sources'
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T

/** The real LL2 2.1.0 list response, byte for byte as captured (`{count, next, previous, results}`). */
const DUMP_2_1_0_FILE = `${SOURCES}/ll2-docking-events.2.1.0.colbad2.json`
const DUMP_2_1_0 = readJson<{ count: number; next: string | null; results: Json[] }>(
  DUMP_2_1_0_FILE,
)
/** Every real record of the snapshot's sources, each stating the LL2 version that served it. */
const MERGED = readJson<Array<Json & { x_api_version: string }>>(
  `${SOURCES}/ll2-docking-events.merged.json`,
)
const STATION_RECORDS = readJson<
  Array<{ id: number; name: string; docking_location: Array<{ id: number }> }>
>(`${SOURCES}/ll2-space-stations.2.3.0.json`)
/** LL2 2.3.0 record 183 in detailed mode, as the API served it. */
const RECORD_183 = readJson<Json>('tests/fixtures/ll2/docking-event-183.detailed.json')
/** The bundled snapshot's records by id, as a new app cache stores them. */
const SNAPSHOT_RAW = new Map(
  readJson<{ docking_events: Json[] }>(SNAPSHOT).docking_events.map((r) => [
    r.id,
    JSON.stringify(r),
  ]),
)

const listResponse = (results: ReadonlyArray<unknown>) =>
  JSON.stringify({ count: results.length, next: null, previous: null, results })
const ofVersion = (v: string) => MERGED.filter((r) => r.x_api_version === v)

const now = () => utcMillis(Date.parse('2026-11-26T00:00:00Z'))
const caches: DockingCache[] = []
const services: AppServices[] = []
afterEach(() => {
  for (const c of caches.splice(0)) c.close()
  for (const s of services.splice(0)) s.close()
})

/** An empty cache, or one holding the bundled snapshot as a new app cache does. */
function cacheWith(snapshot: boolean): DockingCache {
  const { cache } = openCache(':memory:', { now })
  if (snapshot) loadSnapshotIfNew(cache, SNAPSHOT, now())
  caches.push(cache)
  return cache
}

const importText = (cache: DockingCache, fileName: string, text: string) =>
  importDockingEvents({ cache, snapshotFile: SNAPSHOT, now }, { fileName, text })

/** Everything stored, to compare before and after a refused import. */
function contents(cache: DockingCache): string {
  const data = cache.readData()
  const raws = data.events.map((e) => cache.getEvent(e.id)?.raw)
  return JSON.stringify([data.stations, data.ports, data.events, raws])
}

describe('importing real LL2 records of each version', () => {
  it('places every record of the LL2 2.1.0 list response and keeps each raw record', () => {
    const cache = cacheWith(false)
    const ids = new Set(DUMP_2_1_0.results.map((r) => r.id))
    const report = importText(cache, 'll2-2.1.0.json', fs.readFileSync(DUMP_2_1_0_FILE, 'utf8'))
    expect(report).toMatchObject({
      records: DUMP_2_1_0.results.length,
      added: ids.size,
      updated: 0,
      unchanged: 0,
      unplaced: [],
      apiVersions: [{ version: '2.1.0', count: DUMP_2_1_0.results.length }],
    })
    const data = cache.readData()
    expect(data.events.map((e) => e.id).sort((a, b) => a - b)).toEqual(
      [...ids].sort((a, b) => a - b),
    )
    expect(report.stations).toBe(new Set(data.events.map((e) => e.stationId)).size)
    expect(report.ports).toBe(new Set(data.events.map((e) => e.portId)).size)
    for (const record of DUMP_2_1_0.results) {
      const stored = cache.getEvent(record.id)!
      expect(stored.raw).toBe(JSON.stringify(record))
      expect(stored.event.source).toBe('import')
      // 2.1.0 ports name no station: each lands on a port of its station's 2.3.0 record.
      const station = STATION_RECORDS.find((s) => s.id === stored.event.stationId)!
      expect(station.docking_location.map((l) => l.id)).toContain(stored.event.portId)
      const later = (record.x_ll2_2_2_0 as { station?: { name?: string } } | undefined)?.station
      if (later?.name) expect(stored.event.stationName).toBe(later.name)
    }
    expect(describeImport(report)).toBe(
      `Imported ll2-2.1.0.json: ${ids.size} added, 0 updated, 0 unchanged, 0 removed.`,
    )
  })

  it('places LL2 2.2.0 records at the station and port each names', () => {
    const cache = cacheWith(false)
    const records = ofVersion('2.2.0')
    const report = importText(cache, 'll2-2.2.0.json', listResponse(records))
    expect(report).toMatchObject({
      added: records.length,
      updated: 0,
      unplaced: [],
      apiVersions: [{ version: '2.2.0', count: records.length }],
    })
    for (const r of records) {
      const location = r.docking_location as { name: string; spacestation: { name: string } }
      const { event } = cache.getEvent(r.id)!
      expect([event.stationName, event.portName]).toEqual([
        location.spacestation.name,
        location.name,
      ])
    }
  })

  it('places LL2 2.3.0 normal and detailed records by their station and port ids', () => {
    const cache = cacheWith(false)
    const records = [...ofVersion('2.3.0'), RECORD_183]
    const report = importText(cache, 'll2-2.3.0.json', listResponse(records))
    expect(report).toMatchObject({
      added: records.length,
      unplaced: [],
      apiVersions: [{ version: '2.3.0', count: records.length }],
    })
    for (const r of records) {
      // currently_docked records carry their place in x_context (see the sources' README).
      const where = (r.x_context ?? {
        space_station: r.space_station_target,
        docking_location: r.docking_location,
      }) as { space_station: { id: number }; docking_location: { id: number } }
      const { event } = cache.getEvent(r.id)!
      expect([event.stationId, event.portId]).toEqual([
        where.space_station.id,
        where.docking_location.id,
      ])
    }
  })

  it('a plain array imports as its list response does', () => {
    const records = ofVersion('2.2.0').slice(0, 20)
    const fromList = importText(cacheWith(false), 'list.json', listResponse(records))
    const fromArray = importText(cacheWith(false), 'list.json', JSON.stringify(records))
    expect(fromArray).toEqual(fromList)
  })
})

describe('import semantics: as a sync, by stable LL2 ids', () => {
  it('a second import of the same file changes nothing and says so', () => {
    const cache = cacheWith(false)
    const text = fs.readFileSync(DUMP_2_1_0_FILE, 'utf8')
    importText(cache, 'll2-2.1.0.json', text)
    const before = contents(cache)
    const again = importDockingEvents(
      { cache, snapshotFile: SNAPSHOT, now: () => utcMillis(now() + 86_400_000) },
      { fileName: 'll2-2.1.0.json', text },
    )
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, DUMP_2_1_0.results.length])
    // Left as stored: not even the fetch time moved.
    expect(contents(cache)).toBe(before)
  })

  it('over the bundled snapshot, updates in place the records that differ and removes none', () => {
    const cache = cacheWith(true)
    const records = [...ofVersion('2.3.0'), RECORD_183]
    const differing = records.filter((r) => SNAPSHOT_RAW.get(r.id) !== JSON.stringify(r))
    const report = importText(cache, 'll2-2.3.0.json', listResponse(records))
    expect(report).toMatchObject({
      added: records.filter((r) => !SNAPSHOT_RAW.has(r.id)).length,
      updated: differing.length,
      unchanged: records.length - differing.length,
    })
    expect(report.updated).toBeGreaterThan(0)
    const data = cache.readData()
    expect(data.events).toHaveLength(SNAPSHOT_RAW.size)
    expect(data.events.filter((e) => e.source === 'import').map((e) => e.id)).toEqual(
      differing.map((r) => r.id),
    )
    expect(cache.getEvent(183)?.raw).toBe(JSON.stringify(RECORD_183))
  })

  it('reports records it cannot place by reason and count, and stores none of them', () => {
    const cache = cacheWith(false)
    const base = RECORD_183
    const noPort = [7001, 7002].map((id) => ({ ...base, id, docking_location: null }))
    const noStation = {
      ...base,
      id: 7003,
      space_station_target: null,
      docking_location: null,
    }
    const noTime = { ...base, id: 7004, docking: null }
    const report = importText(
      cache,
      'mixed.json',
      listResponse([base, ...noPort, noStation, noTime]),
    )
    expect(report.added).toBe(1)
    expect(report.unplaced).toEqual([
      {
        reason: 'no-port',
        count: 2,
        examples: noPort.map((r) => ({ id: r.id, detail: 'the record names no docking port' })),
      },
      {
        reason: 'no-station',
        count: 1,
        examples: [{ id: 7003, detail: 'the record names no station' }],
      },
      {
        reason: 'no-docking-time',
        count: 1,
        examples: [{ id: 7004, detail: 'the record has no docking time' }],
      },
    ])
    expect(describeImport(report)).toBe(
      'Imported mixed.json: 1 added, 0 updated, 0 unchanged, 0 removed. 4 records could not be placed and were not stored: 2 without a known port, 1 without a known station, 1 without a docking time.',
    )
    expect(cache.readData().events.map((e) => e.id)).toEqual([183])
  })
})

describe('bad input is refused whole', () => {
  const good = listResponse(ofVersion('2.2.0').slice(0, 5))
  const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['not JSON', '{"count": 3, "results": [', /^bad\.json: not JSON \(/],
    ['a truncated record list', good.slice(0, -40), /^bad\.json: not JSON/],
    ['the wrong shape', '{"stations": []}', /expected an LL2 page, a list of docking events/],
    ['results that are not a list', '{"count": 1, "results": {}}', /results: expected an array/],
    ['an empty file', '  \n', /^bad\.json: the file is empty$/],
    ['an empty list', '{"count": 0, "next": null, "results": []}', /holds no docking events/],
    ['JSON nested too deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, /nests JSON 5000 levels/],
    [
      'one malformed record among good ones',
      listResponse([...ofVersion('2.2.0').slice(0, 5), { id: 9, docking: 'soon' }]),
      /^bad\.json: record 5 \(id 9\): docking: not an ISO 8601 date-time$/,
    ],
  ]
  it.each(cases)('%s: a clear error, and nothing changed', (_what, text, message) => {
    const cache = cacheWith(true)
    const before = contents(cache)
    expect(() => importText(cache, 'bad.json', text)).toThrow(Ll2FormatError)
    expect(() => importText(cache, 'bad.json', text)).toThrow(message)
    expect(contents(cache)).toBe(before)
  })

  it('text longer than an import reads is refused before it is parsed', () => {
    const cache = cacheWith(false)
    const text = ' '.repeat(MAX_IMPORT_BYTES) + good
    expect(() => importText(cache, 'big.json', text)).toThrow(
      /^big\.json: is 50 MB, more than the 50 MB import reads$/,
    )
    expect(cache.readData().events).toEqual([])
  })
})

describe('the app’s import channel', () => {
  function app(): AppServices {
    const s = createAppServices(
      offlineAppConfig({
        userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'dt-import-')),
        snapshotFile: SNAPSHOT,
        now,
      }),
    )
    services.push(s)
    return s
  }

  it('imports through the handlers and answers a bad file with bad-file, changing nothing', async () => {
    const s = app()
    const records = ofVersion('2.3.0')
    const done = await handleInvoke(s.handlers, 'dt:import:records', {
      fileName: 'docked.json',
      text: listResponse(records),
    })
    expect(done).toMatchObject({ ok: true, value: { fileName: 'docked.json' } })
    const before = contents(s.cache)
    const bad = await handleInvoke(s.handlers, 'dt:import:records', {
      fileName: 'docked.json',
      text: '[{"id": 1}',
    })
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'bad-file',
        message: expect.stringMatching(/^docked\.json: not JSON .*; nothing was imported$/),
      },
    })
    const oversized = await handleInvoke(s.handlers, 'dt:import:records', {
      fileName: 'big.json',
      text: 'x'.repeat(MAX_IMPORT_BYTES + 1),
    })
    expect(oversized).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(contents(s.cache)).toBe(before)
  })
})

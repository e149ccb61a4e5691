/**
 * Data benchmarks for issue #3. Prints figures against targets; asserts nothing
 * about time (the exit status only reflects errors and the request count,
 * which is a correctness figure, not a speed one).
 *
 *   npm run bench            (all benches)
 *   node --import tsx tests/bench/data.bench.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { openCache } from '../../electron/cache/docking-cache'
import { createSyncService } from '../../electron/sync/sync-service'
import { ingestRecords } from '../../shared/ll2/ingest'
import { matchingEvents } from '../../shared/query/evaluate'
import { DEFAULT_QUERY, type Query } from '../../shared/query/query'
import { stationId, utcMillis } from '../../shared/domain/units'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server } from '../ll2-server/server'
import { endFacts } from '../../shared/occupancy/end-facts'

const now = () => utcMillis(Date.now())
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-'))
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
const line = (label: string, value: string, target: string, ratio: number) =>
  console.log(`${label}: ${value} (target ${target}; ${(ratio * 100).toFixed(0)} % of target)`)

// 1. Validate and store 10,000 events, page by page as a sync does.
const dataset = generateDataset({ events: 10_000, seed: 42 })
const runs: number[] = []
let dbFile = ''
for (let run = 0; run < 3; run++) {
  dbFile = path.join(dir, `store-${run}.sqlite`)
  const { cache } = openCache(dbFile, { now })
  const start = performance.now()
  for (let i = 0; i < dataset.events.length; i += 100) {
    const page = dataset.events.slice(i, i + 100)
    const batch = ingestRecords(page, { source: 'll2', fetchedAt: now() }, `page ${i / 100 + 1}`)
    // A state write in the same transaction, as a sync stores its position.
    cache.upsertEvents(batch.events, batch.ports, batch.stations, { eventCount: i + page.length })
  }
  runs.push(performance.now() - start)
  cache.close()
}
const storeMedian = [...runs].sort((a, b) => a - b)[1]!
line(
  'validate+store 10,000 events (100 pages of 100, one transaction each)',
  `${ms(storeMedian)} median of 3 [${runs.map(ms).join(', ')}]`,
  '< 1000 ms',
  storeMedian / 1000,
)

// 2. A list query with search and two filters over 10,000 events.
const { cache } = openCache(dbFile, { now })
const readStart = performance.now()
const data = cache.readData()
const events = data.events
const readMs = performance.now() - readStart
const query: Query = {
  ...DEFAULT_QUERY,
  search: 'soyuz, harmony',
  searchMode: 'll2',
  searchVehicleNames: false,
  stations: [stationId(4)],
  docking: { ...DEFAULT_QUERY.docking, gte: utcMillis(Date.parse('2005-01-01T00:00:00Z')) },
}
const times: number[] = []
let matched = 0
// As the app reads them, once per data.
const facts = endFacts(events, data.stations)
for (let i = 0; i < 300; i++) {
  const start = performance.now()
  matched = matchingEvents(events, query, now(), { endFacts: facts }).length
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
const p95 = percentile(times, 0.95)
line(
  `list query (search "soyuz, harmony" + station + docking__gte) over ${events.length} events, ${matched} matches, p95 of 300`,
  `${ms(p95)} (p50 ${ms(percentile(times, 0.5))})`,
  '< 10 ms',
  p95 / 10,
)
console.log(
  `  (for reference, not the target: reading all ${events.length} events from SQLite first, as one CLI run does: ${ms(readMs)})`,
)
cache.close()

// 3. Requests used by a full sync of 1,000 events.
const server = await startLl2Server({ dataset: generateDataset({ events: 1_000, seed: 42 }) })
const syncCache = openCache(path.join(dir, 'sync.sqlite'), { now }).cache
const service = createSyncService({
  cache: syncCache,
  now,
  fetch: globalThis.fetch,
  emit: () => undefined,
  defaultBaseUrl: server.url,
  userAgent: 'DockingTimeline/bench',
})
const syncStart = performance.now()
const status = await service.run('full')
const syncMs = performance.now() - syncStart
const used = server.countedRequests()
const expeditions = server.expeditions().length
const expected = Math.ceil(1_000 / 100) + Math.ceil(expeditions / 100) + 2
const free = server.requests.length - used
console.log(
  `requests used by a full sync of 1,000 events and ${expeditions} expeditions: ${used} (must be ceil(1000/100) + ceil(${expeditions}/100) + 2 fixed = ${expected}: ` +
    `${used === expected ? 'OK' : 'MISMATCH'}; plus ${free} free api-throttle reads; sync took ${ms(syncMs)} on loopback, state ${status.state})`,
)
syncCache.close()
await server.close()
fs.rmSync(dir, { recursive: true, force: true })
if (used !== expected || status.state !== 'done') process.exitCode = 1

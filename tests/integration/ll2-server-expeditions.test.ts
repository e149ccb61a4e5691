/**
 * The LL2 test server's `/2.3.0/expeditions/`: generated records in LL2's
 * shape and paging, the filters it honours, and faults as for docking events.
 */
import { afterEach, describe, expect, it } from 'vitest'

import { ingestExpeditions } from '../../shared/ll2/expeditions'
import { generateDataset } from '../fixtures/generate-dataset'
import { generateExpeditions } from '../fixtures/generate-expeditions'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'

type Json = Record<string, unknown>
interface Page {
  readonly count: number
  readonly next: string | null
  readonly previous: string | null
  readonly results: Json[]
}

let server: Ll2TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function start() {
  const dataset = generateDataset({ events: 250, seed: 31 })
  server = await startLl2Server({ dataset })
  return server
}

async function get(s: Ll2TestServer, query: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${s.url}/2.3.0/expeditions/?format=json&${query}`)
  return { status: res.status, body: await res.json() }
}

const page = async (s: Ll2TestServer, query: string): Promise<Page> => {
  const { status, body } = await get(s, query)
  expect(status).toBe(200)
  return body as Page
}

describe('LL2 test server: expeditions', () => {
  it('serves one seeded expedition per crew visit, ids from 1000, in a shape the app reads', async () => {
    const s = await start()
    const again = generateExpeditions(generateDataset({ events: 250, seed: 31 }), 1000)
    expect(s.expeditions()).toEqual(again)
    expect(s.expeditions().map((x) => x.id)).toEqual(again.map((_, i) => 1000 + i))
    expect(ingestExpeditions(s.expeditions()).ok).toBe(true)
  })

  it('pages as LL2 does: count, absolute next and previous links, at most 100 a page', async () => {
    const s = await start()
    const n = s.expeditions().length
    expect(n).toBeGreaterThan(100)
    const first = await page(s, 'limit=500&mode=normal')
    expect(first.count).toBe(n)
    expect(first.results).toHaveLength(100)
    expect(first.previous).toBeNull()
    expect(first.next).toBe(
      `${s.url}/2.3.0/expeditions/?format=json&limit=100&mode=normal&offset=100`,
    )
    const second = (await (await fetch(first.next!)).json()) as Page
    expect(second.results.map((x) => x.id)).toEqual(
      s
        .expeditions()
        .slice(100, 200)
        .map((x) => x.id),
    )
    expect(second.previous).toBe(`${s.url}/2.3.0/expeditions/?format=json&limit=100&mode=normal`)
  })

  it('filters by station and by start and end, leaving expeditions with no end out of an end bound', async () => {
    const s = await start()
    const all = s.expeditions()
    const t = '2010-01-01T00:00:00Z'
    const at = Date.parse(t)
    const since = await page(s, `limit=100&start__gte=${t}`)
    expect(since.count).toBe(all.filter((x) => Date.parse(String(x.start)) >= at).length)
    expect(since.count).toBeGreaterThan(0)
    const ended = await page(s, `limit=100&end__gte=${t}`)
    expect(ended.count).toBe(
      all.filter((x) => x.end !== null && Date.parse(String(x.end)) >= at).length,
    )
    expect(ended.results.some((x) => x.end === null)).toBe(false)
    expect(all.some((x) => x.end === null && Date.parse(String(x.start)) >= at)).toBe(true)
    const station = (all[0]!.spacestation as Json).id as number
    const one = await page(s, `limit=100&space_station=${station}`)
    expect(one.count).toBe(all.filter((x) => (x.spacestation as Json).id === station).length)
    expect(await get(s, 'start__gte=soon')).toEqual({
      status: 400,
      body: { start__gte: ['Enter a valid date/time.'] },
    })
  })

  it('orders by id unless asked otherwise, ignores an ordering it does not know, and adds crews in detailed mode', async () => {
    const s = await start()
    const newest = await page(s, 'limit=3&ordering=-start')
    const starts = s.expeditions().map((x) => Date.parse(String(x.start)))
    expect(Date.parse(String(newest.results[0]!.start))).toBe(Math.max(...starts))
    const ignored = await page(s, 'limit=3&ordering=crew_size')
    expect(ignored.results.map((x) => x.id)).toEqual([1000, 1001, 1002])
    const detailed = await page(s, 'limit=1&mode=detailed')
    expect(detailed.results[0]).toMatchObject({ response_mode: 'detailed', crew: [] })
  })

  it('injects 429 and 5xx into expedition requests as into docking events', async () => {
    const s = await start()
    s.addFault({ kind: { type: '429', retryAfterSecs: 30 }, match: '/expeditions/' })
    s.addFault({ kind: { type: '502' }, match: '/expeditions/' })
    const throttled = await fetch(`${s.url}/2.3.0/expeditions/?format=json`)
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('30')
    expect((await fetch(`${s.url}/2.3.0/expeditions/?format=json`)).status).toBe(502)
    expect((await fetch(`${s.url}/2.3.0/expeditions/?format=json`)).status).toBe(200)
    s.addFault({ kind: { type: 'bad-record' }, match: '/expeditions/' })
    const bad = await page(s, 'limit=2')
    expect(bad.results[1]!.start).toBe('sometime in 1978')
    expect(bad.results[1]).not.toHaveProperty('docking')
  })
})

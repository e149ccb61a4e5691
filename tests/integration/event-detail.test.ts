/**
 * The detail panel's record, as the app services get it from the cache and
 * from the LL2 test server: the cache read never touches the network, a fetch
 * tries once, a newer fetch or closing its docking stops an older one, and a hung server is given up
 * on at the fetch's deadline rather than after minutes of retries.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { createAppServices, type AppServices } from '../../electron/app-services'
import { handleInvoke } from '../../electron/ipc/handlers'
import type { DetailFetch, EventDetail, Result } from '../../shared/ipc/contract'
import { utcMillis } from '../../shared/domain/units'
import { snapshotFile } from '../e2e/support/snapshot-file'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer, type ThrottleConfig } from '../ll2-server/server'
import { offlineAppConfig } from './support/harness'

const dataset = generateDataset({ events: 12, seed: 21 })
const [first, second] = dataset.events.map((e) => e.id as number)
const detailPath = (id: number) => `/2.3.0/docking_events/${id}/`

let server: Ll2TestServer | null = null
const open: AppServices[] = []

afterEach(async () => {
  for (const s of open.splice(0)) s.close()
  await server?.close()
  server = null
})

/**
 * App services over a cache holding the server's records, asking the server
 * for details; the server has no rate limit unless `throttle` gives one.
 */
async function start(throttle: ThrottleConfig | null = null, at = '2025-06-02T00:00:00Z') {
  server = await startLl2Server({ dataset, throttle })
  const clock = { now: utcMillis(Date.parse(at)) }
  const services = createAppServices(
    offlineAppConfig({
      userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'dt-detail-')),
      snapshotFile: snapshotFile(dataset.events),
      now: () => clock.now,
      defaultBaseUrl: server.url,
      fetch: globalThis.fetch,
    }),
  )
  open.push(services)
  const detail = (id: number, fetch: DetailFetch) =>
    handleInvoke(services.handlers, 'dt:event:get-detail', { id, fetch }) as Promise<
      Result<EventDetail>
    >
  const served = (id: number) => server!.requests.filter((r) => r.path === detailPath(id)).length
  return { server, services, detail, served, clock }
}

const stateOf = (r: Result<EventDetail>) => (r.ok ? r.value.state : `error: ${r.error.message}`)

describe('event detail over the LL2 test server', () => {
  it('reads the cache without a request, fetches once on asking, then serves it from the cache', async () => {
    const { detail, served, server } = await start()
    const before = server.requests.length
    const cacheOnly = await detail(first!, 'never')
    expect(stateOf(cacheOnly)).toBe('not-fetched')
    expect(server.requests.length).toBe(before)

    const fetched = await detail(first!, 'auto')
    expect(stateOf(fetched)).toBe('fetched')
    if (fetched.ok) expect((fetched.value.detail as { id: number }).id).toBe(first)
    expect(served(first!)).toBe(1)

    const again = await detail(first!, 'never')
    expect(stateOf(again)).toBe('cached')
    expect(served(first!)).toBe(1)
  })

  it('spends a scarce budget (anonymous LL2: 15 an hour) only when the user asks, and says so', async () => {
    const { detail, served, server } = await start({ limit: 15, windowSecs: 3600 })
    const unasked = await detail(first!, 'auto')
    expect(stateOf(unasked)).toBe('not-fetched')
    if (unasked.ok)
      expect(unasked.value.message).toBe(
        'Not fetched on its own: this server allows 15 requests an hour (15 left now), and syncs need them.',
      )
    expect(served(first!)).toBe(0)
    expect(server.countedRequests()).toBe(0)
    const asked = await detail(first!, 'always')
    expect(stateOf(asked)).toBe('fetched')
    expect(server.countedRequests()).toBe(1)
    // A key's larger budget is not scarce: the record comes on selection.
    await server.close()
    const roomy = await start({ limit: 300, windowSecs: 3600 })
    expect(stateOf(await roomy.detail(second!, 'auto'))).toBe('fetched')
  })

  it('tries a failing server once and says why, where a sync would retry', async () => {
    const { detail, served, server } = await start()
    server.addFault({ kind: { type: '500' }, match: detailPath(first!), times: 3 })
    const r = await detail(first!, 'auto')
    expect(stateOf(r)).toBe('offline')
    if (r.ok) expect(r.value.message).toMatch(/500/)
    expect(served(first!)).toBe(1)
    // Asked again (the panel's "Try again"), the server now answers.
    server.clearFaults()
    expect(stateOf(await detail(first!, 'always'))).toBe('fetched')
  })

  /** App services whose first fetch on selection (of `first`) failed: LL2 answered 500. */
  async function startAfterAFailure(at?: string) {
    const started = await start(null, at)
    started.server.addFault({ kind: { type: '500' }, match: detailPath(first!), times: 1 })
    expect(stateOf(await started.detail(first!, 'auto'))).toBe('offline')
    return started
  }

  it('leaves LL2 alone on selection for ten minutes after it failed, and goes when asked', async () => {
    const { detail, served, clock } = await startAfterAFailure()
    // Offline, every selection would wait on the network and end in the same warning.
    clock.now = utcMillis(clock.now + 9 * 60_000)
    const held = await detail(second!, 'auto')
    expect(stateOf(held)).toBe('not-fetched')
    if (held.ok)
      expect(held.value.message).toMatch(
        /^Not fetched on its own: the last try, at 00:00 UTC, failed \(.*500.*\)\. Dockings selected from 00:10 UTC try again on their own\.$/,
      )
    expect(served(second!)).toBe(0)
    // The user's "Fetch it from LL2" goes, and LL2 answering ends the wait.
    expect(stateOf(await detail(second!, 'always'))).toBe('fetched')
    expect(stateOf(await detail(first!, 'auto'))).toBe('fetched')
  })

  it('gives the day the wait ends on when it runs past midnight', async () => {
    const { detail, clock } = await startAfterAFailure('2025-06-01T23:56:00Z')
    clock.now = utcMillis(clock.now + 60_000)
    const held = await detail(second!, 'auto')
    expect(stateOf(held)).toBe('not-fetched')
    if (held.ok)
      expect(held.value.message).toMatch(
        /^Not fetched on its own: the last try, at 23:56 UTC, failed \(.*500.*\)\. Dockings selected from 2025-06-02 00:06 UTC try again on their own\.$/,
      )
  })

  it('tries on its own again once the ten minutes are up', async () => {
    const { detail, served, clock } = await startAfterAFailure()
    clock.now = utcMillis(clock.now + 10 * 60_000)
    expect(stateOf(await detail(second!, 'auto'))).toBe('fetched')
    expect(served(second!)).toBe(1)
  })

  it('stops a fetch still waiting on a hung server when another docking is asked for', async () => {
    const { detail, server } = await start()
    server.addFault({ kind: { type: 'stall' }, match: detailPath(first!) })
    const hung = detail(first!, 'auto')
    await expect.poll(() => server.openConnections(), { timeout: 5_000 }).toBeGreaterThan(0)
    const next = await detail(second!, 'auto')
    expect(stateOf(next)).toBe('fetched')
    const stopped = await hung
    expect(stateOf(stopped)).toBe('offline')
    if (stopped.ok) expect(stopped.value.message).toBe('Cancelled.')
    // The stalled request was dropped, not left open until its deadline.
    await expect.poll(() => server.openConnections(), { timeout: 5_000 }).toBe(0)
  })

  it('stops a fetch still waiting on a hung server when its docking is closed', async () => {
    const { detail, server, services } = await start()
    server.addFault({ kind: { type: 'stall' }, match: detailPath(first!) })
    const hung = detail(first!, 'auto')
    await expect.poll(() => server.openConnections(), { timeout: 5_000 }).toBeGreaterThan(0)
    expect(await handleInvoke(services.handlers, 'dt:event:cancel-detail', null)).toEqual({
      ok: true,
      value: null,
    })
    const stopped = await hung
    expect(stateOf(stopped)).toBe('offline')
    if (stopped.ok) expect(stopped.value.message).toBe('Cancelled.')
    await expect.poll(() => server.openConnections(), { timeout: 5_000 }).toBe(0)
    // Nothing under way: cancelling again is harmless, and the next fetch is not spoiled.
    expect((await handleInvoke(services.handlers, 'dt:event:cancel-detail', null)).ok).toBe(true)
    server.clearFaults()
    expect(stateOf(await detail(first!, 'auto'))).toBe('fetched')
  })
})

import v8 from 'node:v8'
import vm from 'node:vm'

import { afterEach, describe, expect, it } from 'vitest'

import {
  httpGet,
  MAX_RESPONSE_BYTES,
  RequestCancelledError,
  RequestTimeoutError,
  ResponseTooLargeError,
  type HttpGet,
} from '../../electron/ll2/http-request'
import { proxyAwareFetch } from '../../electron/cli/proxy-fetch'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type FaultKind, type Ll2TestServer } from '../ll2-server/server'

// The hang this module prevents showed only after garbage collection had run
// (nodejs/node#55428), so the tests collect garbage while a request is stuck.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

let server: Ll2TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const EVENTS = '/2.3.0/docking_events/?format=json&limit=10'

async function serveFault(kind: FaultKind): Promise<Ll2TestServer> {
  server = await startLl2Server({ dataset: generateDataset({ events: 30, seed: 3 }) })
  server.addFault({ kind, match: 'docking_events', times: 10 })
  return server
}

// The CLI's fetch (undici 7); the app's is Chromium's net.fetch.
const cliFetch = proxyAwareFetch({})

const get = (s: Ll2TestServer, options: Partial<HttpGet> = {}) =>
  httpGet({
    fetch: cliFetch,
    url: `${s.url}${EVENTS}`,
    headers: { accept: 'application/json' },
    timeoutMs: 30_000,
    ...options,
  })

/** Settles with what `promise` gave, or 'still running' after `ms`: every wait here is bounded. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | Error | 'still running'> =>
  Promise.race([
    promise.catch((e: unknown) => e as Error),
    new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms)),
  ])

/** Calls gc every 100 ms while `promise` runs. */
async function collectingGarbage<T>(promise: Promise<T>): Promise<T> {
  const timer = setInterval(gc, 100)
  try {
    return await promise
  } finally {
    clearInterval(timer)
  }
}

describe('httpGet on a server that stops sending', () => {
  const stuck: ReadonlyArray<[string, FaultKind]> = [
    ['headers then silence', { type: 'stall' }],
    ['a body trickling one byte a second', { type: 'trickle' }],
  ]
  for (const [name, kind] of stuck) {
    it(`ends at its deadline with ${name}, garbage collection or not`, async () => {
      const s = await serveFault(kind)
      const outcome = await collectingGarbage(within(get(s, { timeoutMs: 1_500 }), 10_000))
      expect(outcome).toBeInstanceOf(RequestTimeoutError)
      expect((outcome as Error).message).toBe('no complete answer within 1.5 s')
      // The connection was dropped, not left open: the server saw the client go.
      await expect.poll(() => s.openConnections(), { timeout: 2_000 }).toBe(0)
    })

    it(`ends at once on cancel with ${name}`, async () => {
      const s = await serveFault(kind)
      const cancel = new AbortController()
      const request = get(s, { signal: cancel.signal })
      await expect.poll(() => s.requests.length, { timeout: 5_000 }).toBe(1)
      gc()
      cancel.abort()
      expect(await within(request, 2_000)).toBeInstanceOf(RequestCancelledError)
      await expect.poll(() => s.openConnections(), { timeout: 2_000 }).toBe(0)
    })
  }
})

describe('httpGet size cap', () => {
  const bodies: ReadonlyArray<[string, boolean]> = [
    ['declared by Content-Length', true],
    ['with no Content-Length (chunked)', false],
  ]
  for (const [name, declareLength] of bodies) {
    it(`refuses a 50 MB body ${name} with a clear error, memory growing under 100 MB`, async () => {
      const s = await serveFault({ type: 'huge', bytes: 50 * 1024 * 1024, declareLength })
      gc()
      const before = process.memoryUsage()
      let peakRss = before.rss
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss)
      }, 5)
      const outcome = await within(get(s), 20_000).finally(() => clearInterval(sampler))
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      expect(outcome).toBeInstanceOf(ResponseTooLargeError)
      expect((outcome as Error).message).toBe(
        'the answer is larger than 10 MB, the most the app reads',
      )
      const growthMb = (peakRss - before.rss) / (1024 * 1024)
      console.info(`50 MB body ${name}: peak RSS growth ${growthMb.toFixed(1)} MB`)
      expect(growthMb).toBeLessThan(100)
      await expect.poll(() => s.openConnections(), { timeout: 2_000 }).toBe(0)
    })
  }

  it('reads a body up to the cap', async () => {
    const s = await serveFault({ type: 'huge', bytes: MAX_RESPONSE_BYTES, declareLength: false })
    const answer = await get(s)
    expect(answer.status).toBe(200)
    expect(answer.text).toHaveLength(MAX_RESPONSE_BYTES)
  })
})

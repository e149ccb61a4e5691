import { execFile } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { proxyAwareFetch } from '../../electron/cli/proxy-fetch'
import { httpGet } from '../../electron/ll2/http-request'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'
import { tempDbFile } from './support/harness'

/** A forwarding HTTP proxy on loopback that records what it was asked. */
async function startProxy() {
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const upstream = http.request(
      req.url!,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  // No way out from here: answering the tunnel request is enough to show it was asked.
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let ll2: Ll2TestServer
let proxy: Awaited<ReturnType<typeof startProxy>>
beforeAll(async () => {
  ll2 = await startLl2Server({ dataset: generateDataset({ events: 10, seed: 4 }) })
  proxy = await startProxy()
})
afterAll(async () => {
  await ll2.close()
  await proxy.close()
})

const THROTTLE = '/2.3.0/api-throttle/?format=json'
const get = (env: NodeJS.ProcessEnv, url: string) =>
  httpGet({ fetch: proxyAwareFetch(env), url, headers: {}, timeoutMs: 10_000 })

describe("the CLI's fetch and the environment's proxy", () => {
  it('goes through HTTP_PROXY', async () => {
    proxy.seen.length = 0
    const answer = await get({ HTTP_PROXY: proxy.url }, `${ll2.url}${THROTTLE}`)
    expect(answer.status).toBe(200)
    expect(proxy.seen).toEqual([`GET ${ll2.url}${THROTTLE}`])
  })

  it('goes straight to hosts in NO_PROXY', async () => {
    proxy.seen.length = 0
    const before = ll2.requests.length
    const answer = await get(
      { http_proxy: proxy.url, no_proxy: 'localhost,127.0.0.1' },
      `${ll2.url}${THROTTLE}`,
    )
    expect(answer.status).toBe(200)
    expect(proxy.seen).toEqual([])
    expect(ll2.requests.length).toBe(before + 1)
  })

  it('tunnels https through HTTPS_PROXY with CONNECT', async () => {
    proxy.seen.length = 0
    const failed = await get(
      { HTTPS_PROXY: proxy.url },
      'https://ll.thespacedevs.test/2.3.0/api-throttle/',
    ).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(Error)
    expect(proxy.seen).toEqual(['CONNECT ll.thespacedevs.test:443'])
  })

  it('is what `cli status --check` uses', async () => {
    proxy.seen.length = 0
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          'electron/cli/main.ts',
          'status',
          '--check',
          '--base-url',
          ll2.url,
          '--db',
          tempDbFile(),
          '--no-snapshot',
        ],
        { env: { ...process.env, HTTP_PROXY: proxy.url, NO_PROXY: '' }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      )
    })
    expect(run.code).toBe(0)
    expect(proxy.seen).toEqual([`GET ${ll2.url}${THROTTLE}`])
  }, 60_000)
})

/**
 * An LL2-compatible HTTP server on 127.0.0.1 for tests and manual runs.
 *
 * Serves a dataset with the 2.3.0 contract (`docking_events` list and detail,
 * `space_stations`, `config/docking_locations`, `expeditions`, `api-throttle`), a DRF-style
 * per-ident sliding-window throttle, API keys, and faults injected per test.
 * Its clock is injectable so a test can let an hour of rate limit pass
 * instantly.
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import type { Ll2Dataset } from '../fixtures/generate-dataset'
import { generateExpeditions } from '../fixtures/generate-expeditions'
import {
  BadFilter,
  detailedEvent,
  filterEvents,
  orderEvents,
  paginate,
  filterExpeditions,
  stationInMode,
} from './records'

type Json = Record<string, unknown>

/** A fault the server injects into matching requests. */
export type FaultKind =
  /** 429; `retryAfterSecs` as header (null: none), `detailSecs` in the body (null: plain detail). */
  | {
      readonly type: '429'
      readonly retryAfterSecs?: number | null
      readonly detailSecs?: number | null
    }
  | { readonly type: '500' }
  | { readonly type: '502' }
  /** Waits before answering normally. */
  | { readonly type: 'slow'; readonly delayMs: number }
  /** 200 with a body that is not JSON. */
  | { readonly type: 'malformed-json' }
  /** 200, JSON, but one record has a docking (or an expedition's start) time that is not a time. */
  | { readonly type: 'bad-record' }
  /** 200, JSON, but one record holds a field nested 100,000 arrays deep. */
  | { readonly type: 'deep-json' }
  /** Sends headers and half the body, then drops the connection. */
  | { readonly type: 'truncated-body' }
  /** Drops the connection without answering. */
  | { readonly type: 'reset' }
  /** Sends 200 and headers, then nothing until the client hangs up. */
  | { readonly type: 'stall' }
  /** Sends 200 and headers, then the body one byte every `everyMs` (default 1 s). */
  | { readonly type: 'trickle'; readonly everyMs?: number }
  /** A 200 body of `bytes` bytes of JSON whitespace, with or without a Content-Length. */
  | { readonly type: 'huge'; readonly bytes: number; readonly declareLength: boolean }

/** A fault and which requests it hits. */
export interface Fault {
  readonly kind: FaultKind
  /** Substring of path+query the request must contain; default: any counted endpoint. */
  readonly match?: string
  /** How many matching requests it hits; default 1. */
  readonly times?: number
}

/** How the server throttles: `limit` counted requests per `windowSecs` per ident. */
export interface ThrottleConfig {
  readonly limit: number
  readonly windowSecs: number
}

/** Server options. */
export interface Ll2ServerOptions {
  readonly dataset: Ll2Dataset
  /**
   * `expeditions` records; default: one generated per crew visit of the
   * dataset, ids from 1000 (as the generated events: clear of real LL2 ids).
   */
  readonly expeditions?: Json[]
  /** Server clock (ms) for the throttle; default Date.now. */
  readonly now?: () => number
  /** Anonymous throttle; default none (like lldev). */
  readonly throttle?: ThrottleConfig | null
  /** Accepted API keys and their throttles. */
  readonly apiKeys?: Readonly<Record<string, ThrottleConfig>>
  /** Shape of the api-throttle body: the spec says a list, the live server an object. */
  readonly throttleBody?: 'list' | 'object'
  /** Leave the Retry-After header off throttled answers (the body still gives the wait). */
  readonly throttleRetryAfterHeader?: boolean
  readonly port?: number
}

/** One request as the server saw it. */
export interface ServedRequest {
  readonly path: string
  readonly search: string
  readonly authorization: string | null
  readonly userAgent: string | null
  /** Whether it counted against the throttle. */
  counted: boolean
  status: number | null
  fault: FaultKind['type'] | null
}

/** A running server. */
export interface Ll2TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** The data served; tests may change it between requests. */
  readonly dataset: Ll2Dataset
  readonly requests: ServedRequest[]
  /** The expeditions served (generated on first use); tests may change them between requests. */
  expeditions(): Json[]
  /** Requests that counted against the throttle. */
  countedRequests(): number
  addFault(fault: Fault): void
  clearFaults(): void
  /** Faults still waiting to hit. */
  pendingFaults(): number
  /** Clears throttle history (a new hour). */
  resetThrottle(): void
  /** Client connections open now (a client that gave up has closed its own). */
  openConnections(): number
  close(): Promise<void>
}

const PREFIX = '/2.3.0'

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/** Starts a server; resolves once it listens. */
export async function startLl2Server(options: Ll2ServerOptions): Promise<Ll2TestServer> {
  const now = options.now ?? (() => Date.now())
  const dataset = options.dataset
  const requests: ServedRequest[] = []
  const faults: Array<{ fault: Fault; left: number }> = []
  const history = new Map<string, number[]>()

  const throttleFor = (key: string | null): ThrottleConfig | null =>
    key === null ? (options.throttle ?? null) : (options.apiKeys?.[key] ?? null)

  /** Current use and wait for an ident, dropping history older than the window (DRF SimpleRateThrottle). */
  const usage = (ident: string, config: ThrottleConfig | null) => {
    if (!config) return { use: 0, waitSecs: 0 }
    const windowMs = config.windowSecs * 1000
    const list = (history.get(ident) ?? []).filter((t) => t > now() - windowMs)
    history.set(ident, list)
    const waitSecs =
      list.length >= config.limit
        ? Math.max(1, Math.ceil(((list[0] ?? 0) + windowMs - now()) / 1000))
        : 0
    return { use: list.length, waitSecs }
  }

  const takeFault = (target: string): FaultKind | null => {
    const i = faults.findIndex(
      (f) => f.left > 0 && (f.fault.match === undefined || target.includes(f.fault.match)),
    )
    if (i < 0) return null
    const entry = faults[i]!
    entry.left--
    if (entry.left <= 0) faults.splice(i, 1)
    return entry.fault.kind
  }

  // Generated on first use, from the dataset as it then is.
  let expeditionList: Json[] | null = options.expeditions ?? null
  const expeditions = (): Json[] => (expeditionList ??= generateExpeditions(dataset, 1000))

  const route = (url: URL): { status: number; body: unknown } => {
    const p = url.pathname
    const params = url.searchParams
    const mode = params.get('mode') ?? 'normal'
    if (p === `${PREFIX}/docking_events/`) {
      const events = orderEvents(filterEvents(dataset.events, params), params.get('ordering'))
      const page = paginate(events, url)
      const results = (page.results as Json[]).map((e) =>
        mode === 'detailed' ? detailedEvent(e) : e,
      )
      return { status: 200, body: { ...page, results } }
    }
    const detail = /^\/2\.3\.0\/docking_events\/(\d+)\/$/.exec(p)
    if (detail) {
      const event = dataset.events.find((e) => e.id === Number(detail[1]))
      if (!event)
        return { status: 404, body: { detail: 'No DockingEvent matches the given query.' } }
      return { status: 200, body: params.get('mode') === 'normal' ? event : detailedEvent(event) }
    }
    if (p === `${PREFIX}/space_stations/`) {
      const stations = [...dataset.stations].sort((a, b) => Number(a.id) - Number(b.id))
      const page = paginate(stations, url)
      const results = (page.results as Json[]).map((s) =>
        stationInMode(s, mode, dataset.locations, dataset.events, dataset.unlisted),
      )
      return { status: 200, body: { ...page, results } }
    }
    const station = /^\/2\.3\.0\/space_stations\/(\d+)\/$/.exec(p)
    if (station) {
      const s = dataset.stations.find((x) => x.id === Number(station[1]))
      if (!s) return { status: 404, body: { detail: 'No SpaceStation matches the given query.' } }
      return {
        status: 200,
        body: stationInMode(
          s,
          params.get('mode') ?? 'detailed',
          dataset.locations,
          dataset.events,
          dataset.unlisted,
        ),
      }
    }
    if (p === `${PREFIX}/expeditions/`) {
      const list = filterExpeditions(expeditions(), params)
      return { status: 200, body: paginate(list, url) }
    }
    if (p === `${PREFIX}/config/docking_locations/`) {
      const locations = [...dataset.locations].sort((a, b) => Number(a.id) - Number(b.id))
      return { status: 200, body: paginate(locations, url) }
    }
    return { status: 404, body: { detail: 'Not found.' } }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
      const auth = req.headers.authorization ?? null
      const entry: ServedRequest = {
        path: url.pathname,
        search: url.search,
        authorization: auth,
        userAgent: req.headers['user-agent'] ?? null,
        counted: false,
        status: null,
        fault: null,
      }
      requests.push(entry)
      res.on('finish', () => {
        entry.status = res.statusCode
      })
      if (req.method !== 'GET')
        return send(res, 405, { detail: `Method "${req.method}" not allowed.` })
      const format = url.searchParams.get('format')
      if (format !== null && format !== 'json') return send(res, 404, { detail: 'Not found.' })

      const key = auth?.startsWith('Token ') ? auth.slice('Token '.length) : null
      if (auth !== null && (key === null || !options.apiKeys?.[key])) {
        return send(res, 401, { detail: 'Invalid token.' })
      }
      const ident = key ?? req.socket.remoteAddress ?? '127.0.0.1'
      const config = throttleFor(key)

      if (url.pathname === `${PREFIX}/api-throttle/`) {
        const { use, waitSecs } = usage(ident, config)
        const body = {
          your_request_limit: config?.limit ?? 0,
          limit_frequency_secs: config?.windowSecs ?? 0,
          current_use: use,
          next_use_secs: waitSecs,
          ident,
        }
        return send(res, 200, options.throttleBody === 'object' ? body : [body])
      }

      const fault = takeFault(url.pathname + url.search)
      entry.fault = fault?.type ?? null
      const throttledBody = (secs: number | null) => ({
        detail:
          secs === null
            ? 'Request was throttled.'
            : `Request was throttled. Expected available in ${secs} seconds.`,
      })
      // A 429 (real or injected) is not recorded in the history, as DRF does.
      if (fault?.type === '429') {
        const headers: Record<string, string> =
          fault.retryAfterSecs != null ? { 'retry-after': String(fault.retryAfterSecs) } : {}
        return send(res, 429, throttledBody(fault.detailSecs ?? null), headers)
      }
      const { waitSecs } = usage(ident, config)
      if (config && waitSecs > 0) {
        const headers: Record<string, string> =
          options.throttleRetryAfterHeader === false ? {} : { 'retry-after': String(waitSecs) }
        return send(res, 429, throttledBody(waitSecs), headers)
      }
      entry.counted = true
      if (config) history.get(ident)?.push(now())

      if (fault?.type === 'reset') return req.socket.destroy()
      if (fault?.type === '500') return send(res, 500, { detail: 'Server Error (500)' })
      if (fault?.type === '502') {
        res.writeHead(502, { 'content-type': 'text/html' })
        return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
      }
      if (fault?.type === 'stall') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.flushHeaders()
        return undefined
      }
      if (fault?.type === 'trickle') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.flushHeaders()
        const text = JSON.stringify(route(url).body)
        let sent = 0
        const timer = setInterval(() => {
          if (sent < text.length) res.write(text[sent++])
          else res.end()
        }, fault.everyMs ?? 1_000)
        res.on('close', () => clearInterval(timer))
        return undefined
      }
      if (fault?.type === 'huge') {
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(fault.declareLength ? { 'content-length': String(fault.bytes) } : {}),
        })
        // One reused chunk, written as the client reads, so the server's memory stays flat.
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        let left = fault.bytes
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            const n = Math.min(left, chunk.length)
            left -= n
            if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
              res.once('drain', pump)
              return
            }
          }
          if (!res.destroyed) res.end()
        }
        pump()
        return undefined
      }
      if (fault?.type === 'slow') {
        const closed = new Promise<void>((resolve) => res.on('close', resolve))
        await Promise.race([new Promise((r) => setTimeout(r, fault.delayMs)), closed])
        if (res.destroyed || res.writableEnded) return
      }

      let answer: { status: number; body: unknown }
      try {
        answer = route(url)
      } catch (e) {
        if (e instanceof BadFilter) return send(res, 400, e.body)
        throw e
      }
      if (fault?.type === 'malformed-json' && answer.status === 200) {
        const text = JSON.stringify(answer.body).slice(0, 40) + '<html>oops'
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        })
        return res.end(text)
      }
      if (fault?.type === 'deep-json' && answer.status === 200) {
        // Written by hand: JSON.stringify itself would overflow the stack on it.
        const depth = 100_000
        const text = JSON.stringify(answer.body).replace(
          /}(\]?)}$/,
          `,"extra":${'['.repeat(depth)}${']'.repeat(depth)}}$1}`,
        )
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        })
        return res.end(text)
      }
      if (fault?.type === 'bad-record' && answer.status === 200) {
        const body = answer.body as Json
        const results = Array.isArray(body.results) ? (body.results as Json[]) : [body]
        const last = results.length - 1
        const field = results[last] && 'start' in results[last] ? 'start' : 'docking'
        if (last >= 0) results[last] = { ...results[last], [field]: 'sometime in 1978' }
        return send(res, 200, Array.isArray(body.results) ? { ...body, results } : results[0])
      }
      if (fault?.type === 'truncated-body') {
        const text = JSON.stringify(answer.body)
        res.writeHead(answer.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        })
        res.write(text.slice(0, Math.floor(text.length / 2)))
        // Let the half body reach the client before the connection drops.
        return setTimeout(() => res.socket?.destroy(), 20)
      }
      return send(res, answer.status, answer.body)
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { detail: String(e) })
      else res.destroy()
    })
  })

  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    dataset,
    requests,
    expeditions,
    countedRequests: () => requests.filter((r) => r.counted).length,
    addFault: (fault) => faults.push({ fault, left: fault.times ?? 1 }),
    clearFaults: () => faults.splice(0),
    pendingFaults: () => faults.reduce((n, f) => n + f.left, 0),
    resetThrottle: () => history.clear(),
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

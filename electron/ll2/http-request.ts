/**
 * One HTTP GET that ends by its deadline, on cancel, or at the size cap,
 * whatever the server does.
 *
 * A fetch's own signal is not enough: once the headers are in, an abort that
 * travels through `AbortSignal.any` can be lost to garbage collection and no
 * longer reach the body read, so a server that trickles or stalls the body
 * holds the request forever (nodejs/node#55428, nodejs/undici#4068). Here the
 * body is read chunk by chunk with an explicit reader, every read races the
 * deadline and the caller's signal, and on either the reader is cancelled and
 * the request's own AbortController (kept by the timer and the listener for the
 * whole request) aborts, which drops the connection.
 */
import { formatBytes } from '../../shared/format/byte-size'

/** What the app fetches with: Node's fetch, undici's with a proxy, or Electron's `net.fetch`. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** Largest answer the app reads from LL2; a full page of 100 detailed records is about 1 MB. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024

/** A GET and its limits. */
export interface HttpGet {
  readonly fetch: FetchLike
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** The whole request, headers and body, ends within this. */
  readonly timeoutMs: number
  /** Default MAX_RESPONSE_BYTES. */
  readonly maxBytes?: number
  readonly signal?: AbortSignal
}

/** The answer, read in full. */
export interface HttpAnswer {
  readonly status: number
  readonly ok: boolean
  readonly headers: Headers
  readonly text: string
}

/** The request did not complete by its deadline. */
export class RequestTimeoutError extends Error {
  readonly code = 'timeout'
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs / 1000} s`)
    this.name = 'RequestTimeoutError'
  }
}

/** The caller's signal aborted the request. */
export class RequestCancelledError extends Error {
  readonly code = 'cancelled'
  constructor() {
    super('Cancelled.')
    this.name = 'RequestCancelledError'
  }
}

/** The answer is larger than the cap (by its Content-Length or by the bytes that came). */
export class ResponseTooLargeError extends Error {
  readonly code = 'too-large'
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${formatBytes(maxBytes)}, the most the app reads`)
    this.name = 'ResponseTooLargeError'
  }
}

/** Sends the GET and reads the body as UTF-8 text within the deadline and the cap. */
export async function httpGet(request: HttpGet): Promise<HttpAnswer> {
  const maxBytes = request.maxBytes ?? MAX_RESPONSE_BYTES
  const { signal } = request
  if (signal?.aborted) throw new RequestCancelledError()
  // The request's own controller: the timer and the listener below hold it
  // strongly until `finally`, so an abort always reaches the socket.
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort: (() => void) | undefined
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new RequestTimeoutError(request.timeoutMs))
      controller.abort()
    }, request.timeoutMs)
    onAbort = () => {
      reject(new RequestCancelledError())
      controller.abort()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
  // Rejections after the request is over have no one to tell.
  stopped.catch(() => undefined)
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let complete = false
  try {
    const response = await Promise.race([
      request.fetch(request.url, {
        headers: { ...request.headers },
        signal: controller.signal,
        redirect: 'error',
      }),
      stopped,
    ])
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > maxBytes) throw new ResponseTooLargeError(maxBytes)
    const decoder = new TextDecoder()
    let text = ''
    if (response.body) {
      reader = response.body.getReader()
      let received = 0
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), stopped])
        if (done) break
        received += value.byteLength
        if (received > maxBytes) throw new ResponseTooLargeError(maxBytes)
        text += decoder.decode(value, { stream: true })
      }
    }
    text += decoder.decode()
    complete = true
    return { status: response.status, ok: response.ok, headers: response.headers, text }
  } catch (e) {
    if (signal?.aborted) throw new RequestCancelledError()
    throw e
  } finally {
    clearTimeout(timer)
    if (onAbort) signal?.removeEventListener('abort', onAbort)
    if (!complete) {
      // Whatever ended the request early: stop the stream and drop the connection.
      reader?.cancel().catch(() => undefined)
      controller.abort()
    }
  }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CACHE_FILE_NAME, createAppServices, type AppServices } from '../../electron/app-services'
import { handleInvoke } from '../../electron/ipc/handlers'
import type { ErrorCode, InvokeChannel } from '../../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../../shared/ipc/validators'
import { utcMillis } from '../../shared/domain/units'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { prng } from '../fixtures/generate-dataset'

const SNAPSHOT = path.resolve(BUNDLED_SNAPSHOT_PATH)
const CASES_PER_CHANNEL = 300

const KNOWN_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid-argument',
  'forbidden-sender',
  'not-found',
  'offline',
  'rate-limited',
  'bad-response',
  'cache-error',
  'cancelled',
  'busy',
  'io-error',
  'bad-file',
  'internal',
])

/** What a field accepts, coarsely: enough to build values it certainly refuses. */
type FieldKind =
  | { readonly type: 'id' }
  | { readonly type: 'string'; readonly optional?: boolean; readonly nullable?: boolean }
  | { readonly type: 'enum'; readonly values: ReadonlyArray<string> }
  | { readonly type: 'json' }

interface ChannelShape {
  /** A request the channel accepts; null for channels that take none. */
  readonly valid: Record<string, unknown> | null
  readonly fields: Readonly<Record<string, FieldKind>>
}

const str: FieldKind = { type: 'string' }
const SHAPES: { readonly [C in InvokeChannel]: ChannelShape } = {
  'dt:app:get-info': { valid: null, fields: {} },
  'dt:data:get': { valid: null, fields: {} },
  'dt:expeditions:get': { valid: null, fields: {} },
  'dt:event:get-detail': {
    valid: { id: 900001, fetch: 'never' },
    fields: { id: { type: 'id' }, fetch: { type: 'enum', values: ['never', 'auto', 'always'] } },
  },
  'dt:event:cancel-detail': { valid: null, fields: {} },
  'dt:prefs:get': { valid: { key: 'theme' }, fields: { key: str } },
  'dt:prefs:set': {
    valid: { key: 'theme', value: 1 },
    fields: { key: str, value: { type: 'json' } },
  },
  'dt:sync:get-settings': { valid: null, fields: {} },
  'dt:sync:set-settings': {
    valid: { baseUrl: 'https://lldev.thespacedevs.com', apiKey: 'abc' },
    fields: {
      baseUrl: { type: 'string', optional: true },
      apiKey: { type: 'string', optional: true, nullable: true },
    },
  },
  'dt:sync:get-status': { valid: null, fields: {} },
  'dt:sync:plan': { valid: { kind: 'full' }, fields: { kind: { type: 'enum', values: ['full'] } } },
  'dt:sync:start': {
    valid: { kind: 'full' },
    fields: { kind: { type: 'enum', values: ['full'] } },
  },
  'dt:sync:cancel': { valid: null, fields: {} },
  'dt:reference:get': { valid: null, fields: {} },
  'dt:export:save-file': {
    valid: { format: 'csv', suggestedName: 'fuzz.csv', content: 'a', encoding: 'utf8' },
    fields: {
      format: { type: 'enum', values: ['svg', 'png', 'pdf', 'csv', 'json'] },
      suggestedName: str,
      content: str,
      encoding: { type: 'enum', values: ['utf8', 'base64'] },
    },
  },
  'dt:export:save-pdf': {
    valid: { svg: '<svg/>', pageSize: 'A4', suggestedName: 'fuzz.pdf' },
    fields: {
      svg: str,
      pageSize: { type: 'enum', values: ['A4', 'Letter', 'A3'] },
      suggestedName: str,
    },
  },
  'dt:shell:open-external': {
    valid: { url: 'https://ll.thespacedevs.com/2.3.0/docking_events/1/' },
    fields: { url: str },
  },
  'dt:clipboard:write-text': { valid: { text: 'Soyuz 26 at Salyut 6' }, fields: { text: str } },
  'dt:import:records': {
    valid: { fileName: 'fuzz.json', text: '[]' },
    fields: { fileName: str, text: str },
  },
}

type Rng = () => number
const pick = <T>(rng: Rng, items: ReadonlyArray<T>): T => items[Math.floor(rng() * items.length)]!

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { n: v }
  return v
}

function randomString(rng: Rng): string {
  const chars = 'aZ09 -_./\\:%\u0000\u001b\u0007\u202e\ud83d\ude80"\'<>&{}[]'
  const n = Math.floor(rng() * 24)
  let s = ''
  for (let i = 0; i < n; i++) s += chars[Math.floor(rng() * chars.length)]
  return s
}

/** Objects carrying keys that reach a prototype, as JSON.parse and structured clone make them. */
function prototypeKeyed(rng: Rng, base: Record<string, unknown> | null): unknown {
  const key = pick(rng, ['__proto__', 'constructor', 'prototype'])
  const inner = JSON.parse(`{"${key}": {"polluted": true, "toString": 1}}`) as unknown
  return rng() < 0.5 ? { ...(base ?? {}), ...(inner as object) } : { ...(base ?? {}), x: [inner] }
}

function cyclic(base: Record<string, unknown> | null): unknown {
  const o: Record<string, unknown> = { ...(base ?? {}) }
  o.self = o
  return o
}

/** Values of every kind structured clone can carry, plus deep and hostile ones. */
function junk(rng: Rng): unknown {
  switch (Math.floor(rng() * 17)) {
    case 0:
      return pick(rng, [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53 + 2, -0])
    case 1:
      return randomString(rng)
    case 2:
      return 'x'.repeat(Math.floor(rng() * 5000))
    case 3:
      return rng() < 0.5
    case 4:
      return null
    case 5:
      return undefined
    case 6:
      return [randomString(rng), Math.floor(rng() * 100)]
    case 7:
      return { [randomString(rng)]: randomString(rng) }
    case 8:
      return BigInt(Math.floor(rng() * 1e6))
    case 9:
      return new Date(Math.floor(rng() * 1e12))
    case 10:
      return new Map([[randomString(rng), 1]])
    case 11:
      return new Set([1, 2])
    case 12:
      return new Uint8Array(Math.floor(rng() * 16))
    case 13:
      return nested(33 + Math.floor(rng() * 5000), 1, rng() < 0.5)
    case 14:
      return prototypeKeyed(rng, null)
    case 15:
      return cyclic(null)
    default:
      return Object.create(null) as unknown
  }
}

const isPlainObject = (v: unknown) =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null)

/** A value `kind` refuses, whatever else it is. */
function wrongFor(rng: Rng, kind: FieldKind): unknown {
  for (;;) {
    const v = junk(rng)
    switch (kind.type) {
      case 'id':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || !Number.isSafeInteger(v))
          return v
        break
      case 'string':
        if (v === undefined && kind.optional) break
        if (v === null && kind.nullable) break
        if (typeof v !== 'string') return v
        break
      case 'enum':
        if (typeof v !== 'string' || !kind.values.includes(v)) return v
        break
      case 'json':
        // Only deep, cyclic, prototype-keyed or non-JSON values are wrong for a JSON field.
        if (
          v === undefined ||
          typeof v === 'bigint' ||
          (typeof v === 'number' && !Number.isFinite(v)) ||
          v instanceof Date ||
          v instanceof Map ||
          v instanceof Set ||
          v instanceof Uint8Array
        )
          return v
        return rng() < 0.5 ? nested(40, v, rng() < 0.5) : prototypeKeyed(rng, null)
    }
  }
}

/** One malformed request for a channel: never one the contract accepts. */
function malformed(rng: Rng, shape: ChannelShape): unknown {
  const base = shape.valid
  const fields = Object.keys(shape.fields)
  const mutation = Math.floor(rng() * 6)
  if (base === null) {
    // Channels without a request take null (or nothing) and refuse everything else.
    for (;;) {
      const v = mutation === 0 ? nested(33 + Math.floor(rng() * 3000), 0, rng() < 0.5) : junk(rng)
      if (v !== null && v !== undefined) return v
    }
  }
  switch (mutation) {
    case 0: {
      // The whole request replaced by something that is not a plain object.
      for (;;) {
        const v = junk(rng)
        if (!isPlainObject(v)) return v
        if (Object.keys(v as object).length > 0) return v
      }
    }
    case 1:
      return {
        ...base,
        [pick(rng, ['extra', randomString(rng) || 'x', 'then', 'valueOf'])]: junk(rng),
      }
    case 2: {
      const field = pick(rng, fields)
      return { ...base, [field]: wrongFor(rng, shape.fields[field]!) }
    }
    case 3: {
      const field = pick(rng, fields)
      return { ...base, [field]: nested(33 + Math.floor(rng() * 10_000), base[field], rng() < 0.5) }
    }
    case 4:
      return prototypeKeyed(rng, base)
    default:
      return cyclic(base)
  }
}

describe('IPC fuzzing', () => {
  let services: AppServices
  let dir: string
  let eventsBefore: number

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-fuzz-'))
    services = createAppServices({
      userDataDir: dir,
      snapshotFile: SNAPSHOT,
      version: '1.2.3',
      defaultBaseUrl: 'http://127.0.0.1:9',
      now: () => utcMillis(Date.parse('2026-11-26T00:00:00Z')),
      fetch: () => Promise.reject(new Error('offline')),
      emit: () => undefined,
      chooseSavePath: async () => {
        throw new Error('a malformed request reached the save dialog')
      },
      writeFile: async () => {
        throw new Error('a malformed request reached the disk')
      },
      printPdf: async () => {
        throw new Error('a malformed request reached the printer')
      },
      openExternal: async () => {
        throw new Error('a malformed request reached the browser')
      },
      writeClipboard: () => {
        throw new Error('a malformed request reached the clipboard')
      },
    })
    eventsBefore = services.cache.readData().events.length
  })

  afterAll(() => {
    services.close()
  })

  it.each(Object.keys(REQUEST_SCHEMAS) as InvokeChannel[])(
    '%s answers hundreds of malformed arguments with invalid-argument, never a throw',
    async (channel) => {
      const rng = prng(0x5eed ^ (channel.length * 7919))
      const codes = new Map<string, number>()
      for (let i = 0; i < CASES_PER_CHANNEL; i++) {
        const request = malformed(rng, SHAPES[channel])
        const result = await handleInvoke(services.handlers, channel, request)
        if (result.ok || result.error.code !== 'invalid-argument') {
          throw new Error(`case ${i} of ${channel} gave ${JSON.stringify(result)}`)
        }
        expect(KNOWN_CODES.has(result.error.code)).toBe(true)
        expect(typeof result.error.message).toBe('string')
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1)
      }
      expect(codes.get('invalid-argument')).toBe(CASES_PER_CHANNEL)
      // Nothing reached a prototype.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  )

  it('refuses unknown channels the same way', async () => {
    const rng = prng(99)
    for (let i = 0; i < 300; i++) {
      const channel = rng() < 0.5 ? `dt:${randomString(rng)}` : randomString(rng)
      const result = await handleInvoke(services.handlers, channel, junk(rng))
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
  })

  it('leaves the cache whole and every event in it', () => {
    services.close()
    const db = new Database(path.join(dir, CACHE_FILE_NAME), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const count = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }
      expect(count.n).toBe(eventsBefore)
      // Every record of the bundled snapshot, one per LL2 id.
      const file = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as { docking_events: unknown[] }
      expect(eventsBefore).toBe(file.docking_events.length)
    } finally {
      db.close()
    }
  })
})

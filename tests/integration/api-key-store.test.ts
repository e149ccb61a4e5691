import fs from 'node:fs'

import { afterEach, describe, expect, it } from 'vitest'

import {
  createApiKeyStore,
  mayCarryKey,
  NO_SECRET_BOX,
  type SecretBox,
} from '../../electron/ll2/api-key-store'
import type { FetchLike } from '../../electron/ll2/http-request'
import { createLl2Client } from '../../electron/ll2/ll2-client'
import { generateDataset } from '../fixtures/generate-dataset'
import { startLl2Server, type Ll2TestServer } from '../ll2-server/server'
import { fakeClock, openTestCache, syncFor, tempDbFile, type FakeClock } from './support/harness'

const KEY = 'origin-bound-key-0123'

const servers: Ll2TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function serve(clock: FakeClock): Promise<Ll2TestServer> {
  const s = await startLl2Server({
    dataset: generateDataset({ events: 20, seed: 5 }),
    now: clock.now,
    apiKeys: { [KEY]: { limit: 300, windowSecs: 3_600 } },
  })
  servers.push(s)
  return s
}

/** A box that really changes the text, standing in for Electron's safeStorage. */
const testBox: SecretBox = {
  available: true,
  encrypt: (plain) => `sealed:${Buffer.from([...plain].reverse().join('')).toString('base64')}`,
  decrypt: (sealed) =>
    [...Buffer.from(sealed.replace(/^sealed:/, ''), 'base64').toString()].reverse().join(''),
}

describe('API key per origin', () => {
  it('a changed base URL gets no key; going back to the first server brings it back', async () => {
    const clock = fakeClock()
    const first = await serve(clock)
    const second = await serve(clock)
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, first, clock)

    service.setSettings({ apiKey: KEY })
    expect(service.setSettings({ baseUrl: second.url })).toEqual({
      baseUrl: second.url,
      hasApiKey: false,
      apiKeyEncrypted: false,
    })
    expect((await service.run('full')).state).toBe('done')
    expect(second.requests.length).toBeGreaterThan(0)
    expect(second.requests.every((r) => r.authorization === null)).toBe(true)
    await service.fetchDetail(Number(second.dataset.events[0]!.id))
    expect(second.requests.at(-1)).toMatchObject({ authorization: null, status: 200 })

    expect(service.setSettings({ baseUrl: first.url }).hasApiKey).toBe(true)
    expect((await service.run('full')).state).toBe('done')
    expect(first.requests.every((r) => r.authorization === `Token ${KEY}`)).toBe(true)

    // A key entered together with a new address belongs to that address.
    service.setSettings({ baseUrl: second.url, apiKey: KEY })
    await service.run('incremental')
    expect(second.requests.at(-1)?.authorization).toBe(`Token ${KEY}`)
  })

  it('never stores or sends a key over plain http to another machine', async () => {
    const clock = fakeClock()
    const s = await serve(clock)
    const cache = openTestCache(tempDbFile(), clock)
    const { service } = syncFor(cache, s, clock)
    expect(() =>
      service.setSettings({ baseUrl: 'http://ll2.mirror.example', apiKey: KEY }),
    ).toThrow(
      /Not saving an API key for http:\/\/ll2\.mirror\.example: a key is sent only over https/,
    )
    expect(service.getSettings()).toMatchObject({ baseUrl: s.url, hasApiKey: false })

    expect(mayCarryKey('https://ll.thespacedevs.com')).toBe(true)
    expect(mayCarryKey('http://127.0.0.1:8123')).toBe(true)
    expect(mayCarryKey('http://localhost:8123/ll2')).toBe(true)
    expect(mayCarryKey('http://[::1]:8123')).toBe(true)
    expect(mayCarryKey('http://ll.thespacedevs.com')).toBe(false)
    expect(mayCarryKey('http://127.0.0.1.nip.io')).toBe(false)

    // Even a key handed straight to the client stays home on plain http.
    const seen: Array<Record<string, string>> = []
    const spy: FetchLike = async (_url, init) => {
      seen.push({ ...(init.headers as Record<string, string>) })
      return new Response('[]', { status: 200 })
    }
    for (const baseUrl of ['http://ll2.mirror.example', 'https://ll2.mirror.example']) {
      const client = createLl2Client({
        fetch: spy,
        now: clock.now,
        sleep: clock.sleep,
        cache,
        baseUrl,
        apiKey: KEY,
        userAgent: 'DockingTimeline/0.0.0-test',
      })
      await client.readBudget()
    }
    expect(seen.map((h) => h.authorization ?? null)).toEqual([null, `Token ${KEY}`])
  })

  it('seals the key with the SecretBox and says when it is stored unencrypted', async () => {
    const clock = fakeClock()
    const s = await serve(clock)
    const file = tempDbFile()
    const cache = openTestCache(file, clock)
    const { service } = syncFor(cache, s, clock, { secretBox: testBox })
    expect(service.setSettings({ apiKey: KEY })).toEqual({
      baseUrl: s.url,
      hasApiKey: true,
      apiKeyEncrypted: true,
    })
    expect((await service.run('full')).state).toBe('done')
    expect(s.requests.every((r) => r.authorization === `Token ${KEY}`)).toBe(true)
    expect(JSON.stringify(cache.state.get('apiKeys'))).not.toContain(KEY)
    // Plain Node (the CLI) cannot open a sealed key, and says so rather than send garbage.
    const plain = createApiKeyStore(cache, NO_SECRET_BOX, s.url)
    expect(plain.keyFor(s.url)).toBeNull()
    expect(plain.storageFor(s.url)).toBe('encrypted')
    cache.close()
    expect(fs.readFileSync(file).includes(KEY)).toBe(false)

    const unsealed = openTestCache(tempDbFile(), clock)
    const { service: plainService } = syncFor(unsealed, s, clock)
    expect(plainService.setSettings({ apiKey: KEY })).toMatchObject({ apiKeyEncrypted: false })
  })

  it('gives a key saved before keys had origins to LL2 production only', () => {
    const clock = fakeClock()
    const cache = openTestCache(tempDbFile(), clock)
    cache.state.set('baseUrl', 'https://mirror.example')
    cache.state.set('legacyApiKey', KEY)
    const store = createApiKeyStore(cache, testBox, 'https://ll.thespacedevs.com')
    expect(store.keyFor('https://ll.thespacedevs.com/')).toBe(KEY)
    expect(store.keyFor('https://mirror.example')).toBeNull()
    expect(store.keyFor('https://ll.thespacedevs.com:8443')).toBeNull()
    expect(cache.state.get('legacyApiKey')).toBeNull()
    expect(JSON.stringify(cache.state.get('apiKeys'))).not.toContain(KEY)
  })
})

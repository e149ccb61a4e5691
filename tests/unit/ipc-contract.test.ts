import { describe, expect, it } from 'vitest'

import { API_EVENTS, API_METHODS, buildAppApi } from '../../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../../shared/ipc/validators'
import { MAX_IMPORT_BYTES } from '../../shared/ll2/import-input'

describe('IPC contract', () => {
  it('gives every invoke channel exactly one api method and a validator', () => {
    const channels = Object.values(API_METHODS)
    expect(new Set(channels).size).toBe(channels.length)
    expect(new Set(channels)).toEqual(new Set(Object.keys(REQUEST_SCHEMAS)))
    for (const c of [...channels, ...Object.values(API_EVENTS)])
      expect(c).toMatch(/^dt:[a-z]+:[a-z-]+$/)
  })

  it('builds an api whose methods call their own channel, with null for no argument', async () => {
    const calls: Array<[string, unknown]> = []
    const api = buildAppApi(
      async (channel, request) => {
        calls.push([channel, request])
        return { ok: true, value: null }
      },
      () => () => undefined,
    )
    await api.getData()
    await api.getEventDetail({ id: 7, fetch: 'never' })
    expect(calls).toEqual([
      ['dt:data:get', null],
      ['dt:event:get-detail', { id: 7, fetch: 'never' }],
    ])
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(API_METHODS), ...Object.keys(API_EVENTS)].sort(),
    )
  })

  it('routes push events to their listeners and unsubscribes', () => {
    const listeners = new Map<string, (p: unknown) => void>()
    const api = buildAppApi(
      async () => ({ ok: true, value: null }),
      (channel, listener) => {
        listeners.set(channel, listener)
        return () => listeners.delete(channel)
      },
    )
    const seen: unknown[] = []
    const off = api.onDataChanged((info) => seen.push(info))
    listeners.get('dt:data:changed')?.({ eventCount: 3 })
    expect(seen).toEqual([{ eventCount: 3 }])
    off()
    expect(listeners.has('dt:data:changed')).toBe(false)
  })
})

describe('request validators', () => {
  const accepts = (channel: keyof typeof REQUEST_SCHEMAS, value: unknown) =>
    REQUEST_SCHEMAS[channel].safeParse(value).success

  it('rejects wrong shapes, extra keys and out-of-range values', () => {
    expect(accepts('dt:event:get-detail', { id: 5, fetch: 'always' })).toBe(true)
    expect(accepts('dt:event:get-detail', { id: 5 })).toBe(false)
    expect(accepts('dt:event:get-detail', { id: 5, fetch: true })).toBe(false)
    expect(accepts('dt:event:get-detail', { id: '5', fetch: 'never' })).toBe(false)
    expect(accepts('dt:event:get-detail', { id: -1, fetch: 'never' })).toBe(false)
    expect(accepts('dt:event:get-detail', { id: 5, fetch: 'never', extra: 1 })).toBe(false)
    expect(accepts('dt:data:get', null)).toBe(true)
    expect(accepts('dt:data:get', { sneaky: true })).toBe(false)
    expect(accepts('dt:sync:start', { kind: 'full' })).toBe(true)
    expect(accepts('dt:sync:start', { kind: 'everything' })).toBe(false)
  })

  it('refuses save names that are paths and non-https external links', () => {
    const file = { format: 'csv', content: 'a', encoding: 'utf8' }
    expect(accepts('dt:export:save-file', { ...file, suggestedName: 'salyut.csv' })).toBe(true)
    expect(accepts('dt:export:save-file', { ...file, suggestedName: '../../etc/passwd' })).toBe(
      false,
    )
    expect(accepts('dt:shell:open-external', { url: 'https://ll.thespacedevs.com/x' })).toBe(true)
    expect(accepts('dt:shell:open-external', { url: 'file:///etc/passwd' })).toBe(false)
    expect(accepts('dt:shell:open-external', { url: 'javascript:alert(1)' })).toBe(false)
  })

  it('accepts only http(s) mirrors and plain API keys in sync settings', () => {
    expect(accepts('dt:sync:set-settings', { baseUrl: 'https://lldev.thespacedevs.com' })).toBe(
      true,
    )
    expect(accepts('dt:sync:set-settings', { baseUrl: 'ftp://mirror' })).toBe(false)
    expect(accepts('dt:sync:set-settings', { apiKey: 'abc123' })).toBe(true)
    expect(accepts('dt:sync:set-settings', { apiKey: null })).toBe(true)
    expect(accepts('dt:sync:set-settings', { apiKey: 'has space' })).toBe(false)
  })

  it('takes an import as a file name and its text, within the size an import reads', () => {
    const ok = { fileName: 'll2-2.3.0.json', text: '{"count":0,"results":[]}' }
    expect(accepts('dt:import:records', ok)).toBe(true)
    // Names any file system allows are labels, not paths: accepted as they are.
    expect(accepts('dt:import:records', { ...ok, fileName: 'docking: 2.1.0?.json' })).toBe(true)
    expect(accepts('dt:import:records', { ...ok, text: 'x'.repeat(MAX_IMPORT_BYTES) })).toBe(true)
    expect(accepts('dt:import:records', { ...ok, text: 'x'.repeat(MAX_IMPORT_BYTES + 1) })).toBe(
      false,
    )
    expect(accepts('dt:import:records', { ...ok, fileName: '' })).toBe(false)
    expect(accepts('dt:import:records', { ...ok, fileName: 'a\u001b]0;x\u0007.json' })).toBe(false)
    expect(accepts('dt:import:records', { ...ok, fileName: 'n'.repeat(256) })).toBe(false)
    expect(accepts('dt:import:records', { ...ok, text: ['[]'] })).toBe(false)
    expect(accepts('dt:import:records', { ...ok, text: null })).toBe(false)
    expect(accepts('dt:import:records', { fileName: ok.fileName })).toBe(false)
    // No path for main to open crosses IPC: a request naming one is refused.
    expect(accepts('dt:import:records', { ...ok, path: '/etc/passwd' })).toBe(false)
  })
})

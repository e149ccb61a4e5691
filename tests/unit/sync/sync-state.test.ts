import { describe, expect, it } from 'vitest'

import { jobFor } from '../../../shared/sync/sync-job'
import { syncStateStore, type StateTable } from '../../../shared/sync/sync-state'
import { utcMillis } from '../../../shared/domain/units'

function table(initial: Record<string, string> = {}) {
  const rows = new Map(Object.entries(initial))
  const text: StateTable = {
    read: (key) => rows.get(key) ?? null,
    write: (key, value) => (value === null ? rows.delete(key) : rows.set(key, value)),
  }
  return { rows, store: syncStateStore(text) }
}

const NOW = utcMillis(Date.parse('2025-06-02T00:00:00Z'))

describe('syncStateStore', () => {
  it('reads the rows earlier builds wrote, under the same keys', () => {
    const job = jobFor('full', 'https://ll.example', {
      stored: null,
      newestLl2Docking: null,
      cachedExpeditions: [],
      now: NOW,
    })
    const { store } = table({
      data_as_of: '1748822400000',
      snapshot_source: 'Compiled from public records',
      snapshot_loaded: '42',
      sync_base_url: 'https://lldev.thespacedevs.com',
      sync_job: JSON.stringify({ ...job, next: 'https://ll.example/p2', requestsDone: 1 }),
      last_sync_error: 'HTTP 502',
      ll2_event_count: '451',
      'll2_blocked_until https://ll.thespacedevs.com': '1748826000000',
      'll2_budget https://ll.thespacedevs.com': JSON.stringify({
        limit: 15,
        windowSecs: 3600,
        currentUse: 3,
        nextUseSecs: 10,
        checkedAt: 7,
      }),
    })
    expect(store.get('dataAsOf')).toBe(1748822400000)
    expect(store.get('snapshotSource')).toBe('Compiled from public records')
    expect(store.get('snapshotLoaded')).toBe(42)
    expect(store.get('baseUrl')).toBe('https://lldev.thespacedevs.com')
    expect(store.get('job')).toEqual({ ...job, next: 'https://ll.example/p2', requestsDone: 1 })
    expect(store.get('lastError')).toBe('HTTP 502')
    expect(store.get('eventCount')).toBe(451)
    expect(store.get('lastFullSync')).toBeNull()
    expect(store.getForServer('https://ll.thespacedevs.com/', 'blockedUntil')).toBe(1748826000000)
    expect(store.getForServer('https://ll.thespacedevs.com', 'budget')).toMatchObject({
      limit: 15,
      currentUse: 3,
      checkedAt: 7,
    })
  })

  it('writes typed values as text and clears with null', () => {
    const { rows, store } = table()
    store.set('lastFullSync', NOW)
    store.set('legacyApiKey', 'k')
    expect(rows.get('last_full_sync')).toBe(String(NOW))
    expect(rows.get('sync_api_key')).toBe('k')
    store.update({ legacyApiKey: null, lastSource: 'https://ll.example', dataAsOf: NOW })
    expect(rows.has('sync_api_key')).toBe(false)
    expect(store.get('lastSource')).toBe('https://ll.example')
    expect(store.get('dataAsOf')).toBe(NOW)
  })

  it('keeps a value per server origin, whatever the path', () => {
    const { rows, store } = table()
    store.setForServer('https://ll.thespacedevs.com/mirror/', 'blockedUntil', NOW)
    expect(rows.get('ll2_blocked_until https://ll.thespacedevs.com')).toBe(String(NOW))
    expect(store.getForServer('https://ll.thespacedevs.com', 'blockedUntil')).toBe(NOW)
    expect(store.getForServer('https://lldev.thespacedevs.com', 'blockedUntil')).toBeNull()
    store.setForServer('https://ll.thespacedevs.com', 'blockedUntil', null)
    expect(rows.size).toBe(0)
  })

  it('reads a value it cannot understand as absent', () => {
    const { store } = table({
      sync_job: '{"kind":"half"}',
      data_as_of: 'soon',
      ll2_location_count: '',
      'll2_budget https://ll.example': 'not json',
    })
    expect(store.get('job')).toBeNull()
    expect(store.get('dataAsOf')).toBeNull()
    expect(store.get('locationCount')).toBeNull()
    expect(store.getForServer('https://ll.example', 'budget')).toBeNull()
  })
})

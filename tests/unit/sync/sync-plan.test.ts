import { describe, expect, it } from 'vitest'

import { jobFor, type SyncJob } from '../../../shared/sync/sync-job'
import { requestsAreKnown, requestsLeft, type KnownCounts } from '../../../shared/sync/sync-plan'
import { utcMillis } from '../../../shared/domain/units'

const NOW = utcMillis(Date.parse('2025-06-02T00:00:00Z'))
const fresh = (kind: 'full' | 'incremental'): SyncJob =>
  jobFor(kind, 'https://ll.example', {
    stored: null,
    newestLl2Docking: kind === 'full' ? null : NOW,
    cachedExpeditions: [],
    now: NOW,
  })
const NOTHING: KnownCounts = { eventCount: null, locationCount: null, expeditionCount: null }

describe('requestsLeft', () => {
  it('plans a first full sync as a floor: a page each of events, expeditions, stations and ports', () => {
    expect(requestsLeft(fresh('full'), NOTHING)).toBe(1 + 1 + 1 + 1)
    expect(requestsAreKnown(fresh('full'), NOTHING)).toBe(false)
  })

  it('plans a full sync from the last sync’s counts, then from LL2’s as each list’s first page says', () => {
    const known = { eventCount: 451, locationCount: 150, expeditionCount: 224 }
    const job = fresh('full')
    // ceil(451/100) event pages + ceil(224/100) expedition pages + stations + ceil(150/100) ports.
    expect(requestsLeft(job, known)).toBe(5 + 3 + 1 + 2)
    expect(requestsAreKnown(job, known)).toBe(true)
    const midEvents = { ...job, eventCount: 451, eventsStored: 200, requestsDone: 2 }
    expect(requestsLeft(midEvents, { ...known, eventCount: null })).toBe(3 + 3 + 1 + 2)
    // LL2 now has 330 expeditions (the last sync said 224): its first page says so, the plan follows.
    const midExpeditions = {
      ...midEvents,
      phase: 'expeditions' as const,
      next: 'https://ll.example/x?offset=100',
      expeditionCount: 330,
      expeditionsStored: 100,
    }
    expect(requestsLeft(midExpeditions, known)).toBe(3 + 1 + 2)
    expect(requestsAreKnown(midExpeditions, NOTHING)).toBe(false)
    expect(requestsAreKnown(midExpeditions, { ...NOTHING, locationCount: 150 })).toBe(true)
  })

  it('counts the expedition pages even when the events are already known', () => {
    const known = { eventCount: 451, locationCount: 150, expeditionCount: null }
    expect(requestsLeft(fresh('full'), known)).toBe(5 + 1 + 1 + 2)
    // The events are known, the expeditions are not: still only a floor.
    expect(requestsAreKnown(fresh('full'), known)).toBe(false)
  })

  it('plans an incremental sync as a page of recent events, one of recent expeditions, the stations', () => {
    const job = { ...fresh('incremental'), expeditionsSince: utcMillis(NOW - 400 * 86_400_000) }
    const known = { eventCount: 5_000, locationCount: 150, expeditionCount: 224 }
    expect(requestsLeft(job, known)).toBe(1 + 1 + 1)
    // The whole list's count says nothing of how many started since a date.
    expect(requestsAreKnown({ ...job, eventCount: 12 }, known)).toBe(false)
    expect(
      requestsAreKnown({ ...job, phase: 'stations', eventCount: 12, expeditionCount: 3 }, known),
    ).toBe(true)
    // With no expeditions cached it walks them all, and the last count applies.
    const whole = { ...fresh('incremental'), eventCount: 12 }
    expect(requestsLeft(whole, known)).toBe(1 + 3 + 1)
    expect(requestsAreKnown(whole, known)).toBe(true)
  })

  it('counts re-checks one request each, and nothing once done', () => {
    const job = fresh('incremental')
    expect(requestsLeft({ ...job, phase: 'recheck', recheck: [1, 2, 3] }, NOTHING)).toBe(3)
    expect(requestsLeft({ ...job, phase: 'done' }, NOTHING)).toBe(0)
  })
})

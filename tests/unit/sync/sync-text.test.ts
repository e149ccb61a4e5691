import { describe, expect, it } from 'vitest'

import type { SyncPlan } from '../../../shared/ipc/contract'
import { describeDuration, describePlan, timePhrase } from '../../../shared/sync/sync-text'
import { jobFor, requestsAreKnown, requestsLeft } from '../../../shared/sync/sync-job'
import { utcMillis } from '../../../shared/domain/units'

const plan = (p: Partial<SyncPlan>): SyncPlan => ({
  kind: 'full',
  requests: 3,
  exact: true,
  budgetRemaining: null,
  estimatedMs: 30_000,
  ...p,
})

describe('describePlan', () => {
  it('says "at least" and that the first page tells, and promises no time, before the count is known', () => {
    const text = describePlan(plan({ exact: false, requests: 3, budgetRemaining: 15 }))
    expect(text).toBe(
      'Full sync: at least 3 requests; the first page tells how many; the rate limit allows 15 now.',
    )
    expect(text).not.toMatch(/about|minute/)
  })

  it('gives the count, the budget and the time once it is known', () => {
    expect(
      describePlan(plan({ requests: 33, budgetRemaining: 15, estimatedMs: 2 * 3_600_000 })),
    ).toBe(
      'Full sync: 33 requests; 15 fit the current rate-limit budget, the rest wait for it to refill; about 2 h 00 min.',
    )
    expect(
      describePlan(
        plan({ kind: 'incremental', requests: 1, budgetRemaining: 15, estimatedMs: 20_000 }),
      ),
    ).toBe('Incremental sync: 1 request; the current rate-limit budget covers it; under a minute.')
  })

  it('never writes "about under a minute"', () => {
    for (const ms of [0, 10_000, 29_000, 59_000, 61_000, 3_600_000])
      expect(describePlan(plan({ estimatedMs: ms }))).not.toContain('about under')
    expect(timePhrase(20_000)).toBe('under a minute')
    expect(timePhrase(4 * 60_000)).toBe('about 4 min')
    expect(describeDuration(125 * 60_000)).toBe('2 h 05 min')
  })
})

describe('requestsAreKnown', () => {
  const fresh = jobFor('full', 'https://ll.example', {
    stored: null,
    newestLl2Docking: null,
    now: utcMillis(Date.parse('2025-06-02T00:00:00Z')),
  })

  it('is false for a first full sync before any page, when requestsLeft is only a floor', () => {
    const none = { eventCount: null, locationCount: null }
    expect(requestsAreKnown(fresh, none)).toBe(false)
    expect(requestsLeft(fresh, none)).toBe(3)
  })

  it('is true once the server has given its counts, now or in an earlier full sync', () => {
    expect(requestsAreKnown(fresh, { eventCount: 3_250, locationCount: 150 })).toBe(true)
    const afterFirstPage = { ...fresh, eventCount: 3_250, eventsStored: 100, requestsDone: 1 }
    expect(requestsAreKnown(afterFirstPage, { eventCount: null, locationCount: 150 })).toBe(true)
    expect(requestsLeft(afterFirstPage, { eventCount: null, locationCount: 150 })).toBe(32 + 1 + 2)
  })
})

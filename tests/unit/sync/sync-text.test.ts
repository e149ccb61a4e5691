import { describe, expect, it } from 'vitest'

import type { SyncPlan, SyncStatus } from '../../../shared/ipc/contract'
import {
  describeDuration,
  describePlan,
  describeProgress,
  timePhrase,
} from '../../../shared/sync/sync-text'
import { jobFor, type SyncJob } from '../../../shared/sync/sync-job'
import { requestsAreKnown, requestsLeft, type KnownCounts } from '../../../shared/sync/sync-plan'
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

describe('a plan’s text, from a job', () => {
  const fresh = jobFor('full', 'https://ll.example', {
    stored: null,
    newestLl2Docking: null,
    cachedExpeditions: [],
    now: utcMillis(Date.parse('2025-06-02T00:00:00Z')),
  })
  const planOf = (job: SyncJob, known: KnownCounts): SyncPlan =>
    plan({ requests: requestsLeft(job, known), exact: requestsAreKnown(job, known) })

  it('is "at least 4" before any page: a page each of events, expeditions, stations and ports', () => {
    const none = { eventCount: null, locationCount: null, expeditionCount: null }
    expect(describePlan(planOf(fresh, none))).toMatch(
      /^Full sync: at least 4 requests; the first page tells how many/,
    )
  })

  it('stays a floor while only the events are known, and counts the expedition pages once they are', () => {
    const afterFirstPage = { ...fresh, eventCount: 3_250, eventsStored: 100, requestsDone: 1 }
    const ports = { eventCount: null, locationCount: 150, expeditionCount: null }
    expect(describePlan(planOf(afterFirstPage, ports))).toMatch(/^Full sync: at least 36 requests;/)
    // 32 event pages left + 3 of 224 expeditions + stations + 2 of ports.
    const known = { ...ports, expeditionCount: 224 }
    expect(describePlan(planOf(afterFirstPage, known))).toMatch(/^Full sync: 38 requests;/)
    const expeditionPage = {
      ...afterFirstPage,
      phase: 'expeditions' as const,
      eventsStored: 3_250,
      expeditionCount: 224,
    }
    expect(describePlan(planOf(expeditionPage, ports))).toMatch(/^Full sync: 6 requests;/)
  })
})

describe('describeProgress', () => {
  const now = utcMillis(Date.parse('2025-06-02T23:40:00Z'))
  const status = (s: Partial<SyncStatus>): SyncStatus => ({
    state: 'running',
    kind: 'full',
    plan: null,
    pagesDone: 5,
    pagesTotal: 11,
    eventsStored: 451,
    expeditionsStored: 0,
    changes: { added: 451, updated: 0, removed: 0, unplaced: 0 },
    waitingUntil: null,
    lastFullSync: null,
    lastIncrementalSync: null,
    baseUrl: 'https://ll.example',
    error: null,
    ...s,
  })

  it('names the expeditions stored once there are some', () => {
    expect(describeProgress(status({}), now)).toBe('Syncing: 5 of 11 pages, 451 events stored.')
    expect(describeProgress(status({ pagesDone: 6, expeditionsStored: 100 }), now)).toBe(
      'Syncing: 6 of 11 pages, 451 events and 100 expeditions stored.',
    )
    expect(describeProgress(status({ state: 'done', expeditionsStored: 224 }), now)).toBe(
      'Sync finished: 451 events and 224 expeditions stored; 0 updated, 451 added, 0 removed.',
    )
    expect(
      describeProgress(status({ state: 'cancelled', eventsStored: 1, expeditionsStored: 1 }), now),
    ).toBe(
      'Sync cancelled: 1 event and 1 expedition stored so far are kept (0 updated, 451 added, 0 removed); the next sync resumes.',
    )
  })

  it('says until when a wait for the rate limit lasts, with the day when it ends after midnight', () => {
    const waiting = (until: string) =>
      describeProgress(
        status({ state: 'waiting', waitingUntil: utcMillis(Date.parse(until)) }),
        now,
      )
    expect(waiting('2025-06-02T23:55:00Z')).toBe(
      'Waiting for the rate limit until 23:55 UTC: 5 of 11 pages, 451 events stored.',
    )
    expect(waiting('2025-06-03T00:35:00Z')).toBe(
      'Waiting for the rate limit until 2025-06-03 00:35 UTC: 5 of 11 pages, 451 events stored.',
    )
  })
})

describe('requestsAreKnown', () => {
  const fresh = jobFor('full', 'https://ll.example', {
    stored: null,
    newestLl2Docking: null,
    cachedExpeditions: [],
    now: utcMillis(Date.parse('2025-06-02T00:00:00Z')),
  })

  it('is false for a first full sync before any page, when requestsLeft is only a floor', () => {
    const none = { eventCount: null, locationCount: null, expeditionCount: null }
    expect(requestsAreKnown(fresh, none)).toBe(false)
    expect(requestsLeft(fresh, none)).toBe(4)
  })

  it('is true once the server has given its counts, now or in an earlier full sync', () => {
    expect(
      requestsAreKnown(fresh, { eventCount: 3_250, locationCount: 150, expeditionCount: 224 }),
    ).toBe(true)
    const afterFirstPage = {
      ...fresh,
      eventCount: 3_250,
      eventsStored: 100,
      requestsDone: 1,
    }
    const known = { eventCount: null, locationCount: 150, expeditionCount: 224 }
    expect(requestsAreKnown(afterFirstPage, known)).toBe(true)
    expect(requestsLeft(afterFirstPage, known)).toBe(32 + 3 + 1 + 2)
  })
})

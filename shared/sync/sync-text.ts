/**
 * Sync status in plain words, for the sync panel and the CLI alike.
 */
import type { SyncChanges, SyncPlan, SyncStatus } from '../ipc/contract'
import type { UtcMillis } from '../domain/units'
import { countNoun } from '../format/count-noun'
import { clockUtc } from '../time/time-format'

/** A duration as "2 h 05 min" / "4 min" / "under a minute". */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return 'under a minute'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`
}

/** How long, as a phrase after a semicolon: "under a minute" or "about 2 h 05 min". */
export function timePhrase(ms: number): string {
  const d = describeDuration(ms)
  return d === 'under a minute' ? 'under a minute' : `about ${d}`
}

/**
 * One sentence for a plan, e.g. "Full sync: 33 requests; the current
 * rate-limit budget covers them; about 3 min." Before the server has said
 * how many events there are, the count is a floor and no time is promised:
 * "Full sync: at least 3 requests; the first page tells how many."
 */
export function describePlan(plan: SyncPlan): string {
  const kind = plan.kind === 'full' ? 'Full' : 'Incremental'
  if (!plan.exact) {
    const now =
      plan.budgetRemaining === null ? '' : `; the rate limit allows ${plan.budgetRemaining} now`
    return `${kind} sync: at least ${countNoun(plan.requests, 'request')}; the first page tells how many${now}.`
  }
  const budget =
    plan.budgetRemaining === null
      ? ''
      : plan.budgetRemaining >= plan.requests
        ? `; the current rate-limit budget covers ${plan.requests === 1 ? 'it' : 'them'}`
        : `; ${plan.budgetRemaining} fit the current rate-limit budget, the rest wait for it to refill`
  return `${kind} sync: ${countNoun(plan.requests, 'request')}${budget}; ${timePhrase(plan.estimatedMs)}.`
}

/** What a sync changed, e.g. "412 updated, 143 added, 0 removed". */
export function describeChanges(changes: SyncChanges): string {
  const placed = `${changes.updated} updated, ${changes.added} added, ${changes.removed} removed`
  return changes.unplaced > 0
    ? `${placed}, ${changes.unplaced} not stored (no docking time, station or port)`
    : placed
}

/**
 * What a sync stored, e.g. "350 events" or "451 events and 224 expeditions"
 * (expeditions are named once there are some, so a sync cut short among the
 * events reads as before).
 */
export function describeStored(status: SyncStatus): string {
  const events = countNoun(status.eventsStored, 'event')
  return status.expeditionsStored > 0
    ? `${events} and ${countNoun(status.expeditionsStored, 'expedition')}`
    : events
}

/** One line of progress for a running or finished sync, read at `now`. */
export function describeProgress(status: SyncStatus, now: UtcMillis): string {
  const pages =
    status.pagesTotal === null
      ? `${status.pagesDone} pages`
      : `${status.pagesDone} of ${status.pagesTotal} pages`
  switch (status.state) {
    case 'idle':
      return 'No sync running.'
    case 'running':
      return `Syncing: ${pages}, ${describeStored(status)} stored.`
    case 'waiting':
      return `Waiting for the rate limit${status.waitingUntil ? ` until ${clockUtc(status.waitingUntil, now)}` : ''}: ${pages}, ${describeStored(status)} stored.`
    case 'done':
      return `Sync finished: ${describeStored(status)} stored; ${describeChanges(status.changes)}.`
    case 'cancelled':
      return `Sync cancelled: ${describeStored(status)} stored so far are kept (${describeChanges(status.changes)}); the next sync resumes.`
    case 'error':
      return `Sync failed: ${status.error ?? 'unknown error'}. What was stored is kept; the next sync resumes.`
  }
}

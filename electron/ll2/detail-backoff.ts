/**
 * After a docking's detailed record could not be fetched (LL2 unreachable,
 * or answering with errors), selections wait a while before trying LL2 on
 * their own again. Offline, each selection would otherwise wait on the
 * network and end in the same warning; a fetch the user asks for still goes.
 */
import type { UtcMillis } from '../../shared/domain/units'
import { clockUtc } from '../../shared/time/time-format'

/** How long selections leave LL2 alone after a failed fetch. */
export const DETAIL_BACKOFF_MS = 10 * 60_000

export interface DetailBackoff {
  /** Why a fetch the user did not ask for should not go now; null when it may. */
  holdReason(): string | null
  /** A fetch failed, for `reason`: hold unasked fetches from now. */
  failed(reason: string): void
  /** A fetch came back: LL2 answers again. */
  succeeded(): void
}

export function createDetailBackoff(now: () => UtcMillis): DetailBackoff {
  let last: { readonly at: number; readonly reason: string } | null = null
  return {
    holdReason() {
      if (!last || now() - last.at >= DETAIL_BACKOFF_MS) return null
      const until = last.at + DETAIL_BACKOFF_MS
      return `Not fetched on its own: the last try, at ${clockUtc(last.at, now())}, failed (${last.reason.replace(/\.$/, '')}). Dockings selected from ${clockUtc(until, now())} try again on their own.`
    },
    failed(reason) {
      last = { at: now(), reason }
    },
    succeeded() {
      last = null
    },
  }
}

import { utcMillis, type UtcMillis } from '../../shared/domain/units'

/**
 * Where the renderer reads the time: one clock, injected into the store, so
 * still-docked bars, filters and saved views agree on "now" and tests can set it.
 */
export interface Clock {
  now(): UtcMillis
}

/** The real time. */
export const systemClock: Clock = { now: () => utcMillis(Date.now()) }

/**
 * Branded units for time and identifiers.
 *
 * A branded number cannot be mixed up with a plain one at compile time, so a
 * seconds value or a local-time value cannot slip into an interval.
 */
declare const brand: unique symbol
/** A branded primitive: `T` tagged with `B`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B }

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type UtcMillis = Brand<number, 'UtcMillis'>
/** A length of time in milliseconds. */
export type DurationMs = Brand<number, 'DurationMs'>
/** LL2 space station id (or a local id for snapshot-only stations). */
export type StationId = Brand<number, 'StationId'>
/** LL2 docking location id. */
export type PortId = Brand<number, 'PortId'>
/** LL2 docking event id. */
export type EventId = Brand<number, 'EventId'>
/** LL2 expedition id. */
export type ExpeditionId = Brand<number, 'ExpeditionId'>
/** Id of a record in a reference set (local to that set's file, never an LL2 id). */
export type ReferenceId = Brand<number, 'ReferenceId'>

/** Tags a number as UTC milliseconds. */
export const utcMillis = (n: number): UtcMillis => n as UtcMillis
/** Tags a number as a duration in milliseconds. */
export const durationMs = (n: number): DurationMs => n as DurationMs
/** Tags a number as a station id. */
export const stationId = (n: number): StationId => n as StationId
/** Tags a number as a port id. */
export const portId = (n: number): PortId => n as PortId
/** Tags a number as an event id. */
export const eventId = (n: number): EventId => n as EventId
/** Tags a number as an expedition id. */
export const expeditionId = (n: number): ExpeditionId => n as ExpeditionId
/** Tags a number as a reference record id. */
export const referenceId = (n: number): ReferenceId => n as ReferenceId

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000
/** One day in milliseconds. */
export const DAY_MS = 86_400_000

/**
 * Parses an ISO 8601 UTC timestamp.
 *
 * Returns null for anything `Date.parse` cannot read, so callers decide what a
 * bad time means instead of getting NaN.
 */
export function parseUtc(iso: string): UtcMillis | null {
  const t = Date.parse(iso)
  return Number.isFinite(t) ? utcMillis(t) : null
}

/**
 * Formats UTC milliseconds as ISO 8601 to the second, e.g. `1977-12-11T03:02:41Z`.
 *
 * Sub-second digits are dropped: no docking time is known that precisely, and
 * a sync stamp reads better without them.
 */
export function toIsoUtc(t: UtcMillis | number): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

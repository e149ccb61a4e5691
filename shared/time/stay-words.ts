/**
 * How a stay's end and length read in the tooltip, the detail panel, the
 * table and the screen-reader announcement: one wording for "still docked"
 * and one for "departure unknown", which must never be confused.
 */
import type { DockingEvent, ListedWithin } from '../domain/model'
import { toIsoUtc } from '../domain/units'
import type { EffectiveEnd } from '../occupancy/effective-end'
import { formatDuration, formatInstant, isDateOnly, type TimeZoneMode } from './time-format'

/** Words for the departure: its time, "still docked", or unknown with where the bar stops. */
export function departureWords(e: DockingEvent, end: EffectiveEnd, zone: TimeZoneMode): string {
  switch (end.state) {
    case 'departed':
      return formatInstant(e.departure ?? end.end, zone, e.provenance?.departurePrecision)
    case 'docked':
      return 'still docked'
    case 'unknown':
      if (end.next)
        return `unknown: no departure recorded, and ${end.next.vehicle} docked at its port on ${formatInstant(end.next.at, zone)}, where the bar ends`
      if (end.notListed) {
        const record = `LL2's record of ${e.stationName ?? 'the station'}`
        const within = end.notListed.within
        return within
          ? `unknown: no departure recorded, and ${record}, taken ${listedWhen(within, zone)}, no longer lists it as docked; the bar ends at ${formatInstant(end.end, zone)}, the latest it can have left`
          : `unknown: no departure recorded, and ${record} no longer lists it as docked; the bar runs to now`
      }
      return end.end > e.docking
        ? `unknown: no departure recorded, and ${e.stationName ?? 'the station'} re-entered on ${toIsoUtc(end.end).slice(0, 10)} UTC, where the bar ends`
        : `unknown: no departure recorded, and ${e.stationName ?? 'the station'} has re-entered`
  }
}

/** When a station record was taken: "on 2026-07-24 (day precision)" for a capture's day. */
function listedWhen(within: ListedWithin, zone: TimeZoneMode): string {
  return `on ${within.to > within.from ? formatInstant(within.from, zone, 'day') : formatInstant(within.from, zone)}`
}

/**
 * The departure in a table cell: its time, "still docked" or "unknown". Why
 * it is unknown takes a sentence (`departureWords`), which the details and
 * the data checks give; in the cell it widened the column past a date's
 * width, and the table past the window at 1024 px.
 */
export function departureCellWords(e: DockingEvent, end: EffectiveEnd, zone: TimeZoneMode): string {
  return end.state === 'unknown' ? 'unknown' : departureWords(e, end, zone)
}

/**
 * How the stay ends, as a clause after "docked …": "departed 1978-01-16 08:08
 * UTC", "still docked", or "departure unknown: …".
 */
export function endClause(e: DockingEvent, end: EffectiveEnd, zone: TimeZoneMode): string {
  const words = departureWords(e, end, zone)
  return end.state === 'departed'
    ? `departed ${words}`
    : end.state === 'docked'
      ? words
      : `departure ${words}`
}

/**
 * Words for the stay's length: exact, "so far" while docked, "up to" when
 * the end is unknown (the departure's words say why).
 */
export function durationWords(e: DockingEvent, end: EffectiveEnd): string {
  const p = e.provenance
  const approx = isDateOnly(p?.dockingPrecision) || isDateOnly(p?.departurePrecision)
  switch (end.state) {
    case 'departed':
      return formatDuration((e.departure ?? end.end) - e.docking, approx)
    case 'docked':
      // Departed reads "still docked" beside it wherever this shows; saying it
      // twice widened the table's column past the edge at 1024 px.
      return `${formatDuration(end.end - e.docking, approx)} so far`
    case 'unknown':
      // Beside the departure's words, which say where the bar ends and why;
      // saying it here too widened the table's column past the edge at 1024 px.
      return `up to ${formatDuration(end.end - e.docking, approx)}`
  }
}

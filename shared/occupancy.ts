/**
 * What was docked where at one instant.
 *
 * The CLI's `docked --at` and the timeline cursor both answer this question,
 * so the rule lives here once.
 */
import type { DockingEvent } from './model'
import type { UtcMillis } from './units'

/**
 * Was the event's vehicle docked at instant `t`?
 *
 * An event counts from its docking up to but not including its departure, so
 * at the instant one vehicle leaves a port and the next arrives only the
 * arriving one is docked. A null departure means still docked (or LL2 does
 * not know), so the event counts from its docking onward.
 */
export function isDockedAt(event: DockingEvent, t: UtcMillis): boolean {
  return event.docking <= t && (event.departure === null || t < event.departure)
}

/**
 * The events docked at instant `t`, ordered by station name, then port name,
 * then docking time, so output reads station by station, port by port.
 */
export function dockedAt(
  events: ReadonlyArray<DockingEvent>,
  t: UtcMillis,
): ReadonlyArray<DockingEvent> {
  const text = (s: string | null) => s ?? '\uffff'
  return events
    .filter((e) => isDockedAt(e, t))
    .sort(
      (a, b) =>
        text(a.stationName).localeCompare(text(b.stationName)) ||
        text(a.portName).localeCompare(text(b.portName)) ||
        a.docking - b.docking ||
        a.id - b.id,
    )
}

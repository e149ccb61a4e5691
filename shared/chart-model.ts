/**
 * The chart's view model: what bars to draw in which rows.
 *
 * Both the on-screen timeline and the SVG export draw from this, so an
 * exported figure shows what the screen shows.
 */
import type { DockingEvent, VehicleFamily, VehicleRole } from './model'
import type { EventId, PortId, UtcMillis } from './units'

/** One bar: a docking event at its port, from docking to departure (or now). */
export interface Bar {
  readonly eventId: EventId
  readonly portId: PortId
  readonly label: string
  readonly start: UtcMillis
  /** Departure, or `now` for a vehicle still docked. */
  readonly end: UtcMillis
  /** True when the vehicle has not departed: the bar's end is "now", not a departure. */
  readonly isOpen: boolean
  readonly family: VehicleFamily
  readonly role: VehicleRole
}

/** Bars for every event that sits at a known port. */
export function buildBars(events: ReadonlyArray<DockingEvent>, now: UtcMillis): ReadonlyArray<Bar> {
  const bars: Bar[] = []
  for (const e of events) {
    if (e.portId === null || e.stationId === null) continue
    const isOpen = e.departure === null
    bars.push({
      eventId: e.id,
      portId: e.portId,
      label: e.vehicle,
      start: e.docking,
      end: isOpen ? (Math.max(now, e.docking) as UtcMillis) : (e.departure as UtcMillis),
      isOpen,
      family: e.family,
      role: e.role,
    })
  }
  return bars
}

import type { Viewport } from '../../shared/chart/bar-scene'
import type { Bar, Overlap, PlacedBar } from '../../shared/chart/chart-model'
import type { DockingEvent } from '../../shared/domain/model'
import { eventId, portId, stationId, utcMillis } from '../../shared/domain/units'
import { familyOf, roleOf } from '../../shared/domain/vehicle-family'
import { SERVED_ORIGIN } from '../../shared/ll2/record-origin'

/** A hand-built docking event; times are ISO strings for readability. */
export function dockingEvent(
  id: number,
  docking: string,
  departure: string | null,
  where: {
    station?: number
    stationName?: string
    port?: number | null
    portName?: string | null
  } = {},
  vehicle = `Soyuz ${id}`,
): DockingEvent {
  const port = where.port === undefined ? 1 : where.port
  return {
    id: eventId(id),
    stationId: stationId(where.station ?? 10),
    stationName: where.stationName ?? 'Station A',
    portId: port === null ? null : portId(port),
    portName: port === null ? null : (where.portName ?? `Port ${port}`),
    vehicle,
    serial: null,
    configuration: null,
    configurationType: null,
    agency: null,
    family: familyOf(null, vehicle),
    role: roleOf(null, null, vehicle),
    docking: utcMillis(Date.parse(docking)),
    departure: departure === null ? null : utcMillis(Date.parse(departure)),
    provenance: null,
    origin: SERVED_ORIGIN,
    source: 'snapshot',
    url: null,
    fetchedAt: utcMillis(0),
    searchNames: {
      port: null,
      chaserSpacecraft: vehicle,
      targetSpacecraft: null,
      chaserPayload: null,
      targetPayload: null,
      chaserStation: null,
      targetStation: null,
    },
  }
}

/** Day 0 of `placedBar`'s timeline. */
export const BAR_T0 = Date.parse('2000-01-01T00:00:00Z')
const DAY_MS = 86_400_000

/** A bar placed in `rowId`, docked `startDay` days after `BAR_T0` for `days` days. */
export function placedBar(
  id: number,
  rowId: string,
  startDay: number,
  days: number,
  label = `Vehicle ${id}`,
): PlacedBar {
  const bar: Bar = {
    eventId: eventId(id),
    stationId: stationId(1),
    portId: portId(1),
    label,
    start: utcMillis(BAR_T0 + startDay * DAY_MS),
    end: utcMillis(BAR_T0 + (startDay + days) * DAY_MS),
    endState: 'departed',
    unknownEnd: null,
    family: 'Soyuz',
    role: 'crew',
    hasOverlap: false,
    isFlagged: false,
    nextLeg: null,
  }
  return { bar, rowId, isSummary: false }
}

/** The overlap of two placed bars on port 1 of station 1, the second starting inside the first. */
export function overlapOf(a: PlacedBar, b: PlacedBar): Overlap {
  return {
    portId: portId(1),
    stationId: stationId(1),
    start: b.bar.start,
    end: a.bar.end,
    eventIds: [a.bar.eventId, b.bar.eventId],
    labels: ['V1', 'V2'],
  }
}

/** 100 days from `BAR_T0` on 1,000 px (10 px a day), two rows of 32 px: p1 above p2. */
export const TWO_ROW_VIEW: Viewport = {
  start: utcMillis(BAR_T0),
  end: utcMillis(BAR_T0 + 100 * DAY_MS),
  width: 1000,
  height: 64,
  rows: [
    { id: 'p1', top: 0, height: 32 },
    { id: 'p2', top: 32, height: 32 },
  ],
}

/** Text measured as every character 6 px wide. */
export const measureText = (text: string) => text.length * 6

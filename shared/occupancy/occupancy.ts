/**
 * What was docked where at one instant.
 *
 * The CLI's `docked --at` and the timeline cursor both answer this question,
 * so the rule lives here once.
 */
import type { DockingEvent } from '../domain/model'
import type { PortId, StationId, UtcMillis } from '../domain/units'
import { effectiveEnd } from './effective-end'
import type { EndFacts } from './end-facts'

/**
 * Was the event's vehicle docked at instant `t`?
 *
 * An event counts from its docking up to but not including its departure, so
 * at the instant one vehicle leaves a port and the next arrives only the
 * arriving one is docked. A null departure means still docked (or LL2 does
 * not know), so the event counts from its docking onward, but never past
 * where `effectiveEnd` ends it from the data's `endFacts`.
 */
export function isDockedAt(event: DockingEvent, t: UtcMillis, facts: EndFacts): boolean {
  if (event.docking > t) return false
  const { end, state } = effectiveEnd(event, facts, t)
  return state === 'docked' || t < end
}

/**
 * The events docked at instant `t`, ordered by station name, then port name,
 * then docking time, so output reads station by station, port by port.
 */
export function dockedAt(
  events: ReadonlyArray<DockingEvent>,
  t: UtcMillis,
  facts: EndFacts,
): ReadonlyArray<DockingEvent> {
  const text = (s: string | null) => s ?? '\uffff'
  return events
    .filter((e) => isDockedAt(e, t, facts))
    .sort(
      (a, b) =>
        text(a.stationName).localeCompare(text(b.stationName)) ||
        text(a.portName).localeCompare(text(b.portName)) ||
        a.docking - b.docking ||
        a.id - b.id,
    )
}

/** The vehicles at one port at an instant. */
export interface PortOccupancy {
  readonly portId: PortId | null
  /** Port name; null when the record names no port. */
  readonly portName: string | null
  readonly events: ReadonlyArray<DockingEvent>
}

/** What one station had docked at an instant. */
export interface StationOccupancy {
  readonly stationId: StationId
  readonly stationName: string
  readonly count: number
  readonly ports: ReadonlyArray<PortOccupancy>
}

/** Everything docked at an instant, station by station, port by port. */
export interface OccupancySnapshot {
  readonly at: UtcMillis
  /** Vehicles docked anywhere at `at`. */
  readonly count: number
  readonly stations: ReadonlyArray<StationOccupancy>
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/**
 * What was docked where at instant `t`, grouped by station and port.
 *
 * Uses `isDockedAt`, so it agrees with the CLI's `docked --at`. Events with no
 * target station are left out (the chart has no row for them); events with a
 * station but no port are listed under a port of null. Stations follow
 * `stationOrder` when given (the chart's row order), else their names; ports
 * sort by name with numbers compared as numbers, the chart's order.
 */
export function occupancyAt(
  events: ReadonlyArray<DockingEvent>,
  t: UtcMillis,
  facts: EndFacts,
  stationOrder?: ReadonlyArray<StationId>,
): OccupancySnapshot {
  const stations = new Map<StationId, { name: string; ports: Map<string, PortOccupancy> }>()
  let count = 0
  for (const e of events) {
    if (e.stationId === null || !isDockedAt(e, t, facts)) continue
    count++
    let station = stations.get(e.stationId)
    if (!station) {
      station = { name: e.stationName ?? `Station ${e.stationId}`, ports: new Map() }
      stations.set(e.stationId, station)
    }
    const key = e.portId === null ? '?' : String(e.portId)
    const port = station.ports.get(key)
    const list = port ? [...port.events, e] : [e]
    station.ports.set(key, { portId: e.portId, portName: e.portName, events: list })
  }
  const rank = new Map(stationOrder?.map((id, i) => [id, i]))
  const ordered = [...stations.entries()].sort(
    ([ia, a], [ib, b]) =>
      (rank.get(ia) ?? Number.POSITIVE_INFINITY) - (rank.get(ib) ?? Number.POSITIVE_INFINITY) ||
      collator.compare(a.name, b.name) ||
      ia - ib,
  )
  return {
    at: t,
    count,
    stations: ordered.map(([stationId, s]) => {
      const ports = [...s.ports.values()]
        .sort((a, b) =>
          a.portName === null
            ? 1
            : b.portName === null
              ? -1
              : collator.compare(a.portName, b.portName),
        )
        .map((p) => ({ ...p, events: [...p.events].sort((a, b) => a.docking - b.docking) }))
      return {
        stationId,
        stationName: s.name,
        count: ports.reduce((n, p) => n + p.events.length, 0),
        ports,
      }
    }),
  }
}

/**
 * Every port of each station at one instant: who was docked, or that it was free.
 *
 * The time cursor's list answers "what was docked where on 1982-07-01?" and
 * "which ports were free?". It lists what was docked whatever the filters
 * hide (a filter narrows what the chart draws, not what was there), marking
 * the entries the filters hide, so it never says "nothing docked" of a port
 * that held a vehicle. It says "free" only where the records support it: a
 * station counts from its first recorded docking to its last departure, a port
 * likewise; outside those spans the records say nothing, and the list says so.
 */
import type { DockingEvent, Port } from '../domain/model'
import type { PortId, StationId, UtcMillis } from '../domain/units'
import { isDockedAt } from './occupancy'
import type { EndFacts } from './end-facts'

/** One vehicle docked at the instant, and whether the filters hide it. */
export interface DockedEntry {
  readonly event: DockingEvent
  readonly isHidden: boolean
}

/**
 * A port at the instant.
 *
 * `occupied`: something was docked; `free`: nothing was, inside the span the
 * port has records for; `unrecorded`: outside that span (before its first
 * docking on record, or after its last departure), where the records say nothing.
 */
export type PortState = 'occupied' | 'free' | 'unrecorded'

/** One port's line in the list. */
export interface PortAt {
  readonly portId: PortId | null
  /** Port name; null for dockings whose record names no port. */
  readonly portName: string | null
  readonly state: PortState
  readonly docked: ReadonlyArray<DockedEntry>
}

/** One station's ports at the instant. */
export interface StationAt {
  readonly stationId: StationId
  readonly stationName: string
  readonly ports: ReadonlyArray<PortAt>
  /** Vehicles docked, hidden ones included. */
  readonly dockedCount: number
  readonly hiddenCount: number
}

/** The list at an instant. */
export interface PortsAt {
  readonly at: UtcMillis
  readonly stations: ReadonlyArray<StationAt>
  readonly dockedCount: number
  readonly hiddenCount: number
}

/** A station to list: its id and name, in the chart's order. */
export interface StationRef {
  readonly id: StationId
  readonly name: string
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

interface Span {
  first: number
  last: number
}

// The recorded span of each station and port: first docking to last departure (open: forever).
function spans(events: ReadonlyArray<DockingEvent>) {
  const stations = new Map<StationId, Span>()
  const ports = new Map<PortId, Span>()
  const grow = <K>(map: Map<K, Span>, key: K, e: DockingEvent) => {
    const end = e.departure ?? Number.POSITIVE_INFINITY
    const s = map.get(key)
    if (!s) map.set(key, { first: e.docking, last: end })
    else {
      s.first = Math.min(s.first, e.docking)
      s.last = Math.max(s.last, end)
    }
  }
  for (const e of events) {
    if (e.stationId !== null) grow(stations, e.stationId, e)
    if (e.portId !== null) grow(ports, e.portId, e)
  }
  return { stations, ports }
}

const within = (span: Span | undefined, t: number) =>
  span !== undefined && span.first <= t && t < span.last

/**
 * The list at instant `t` for `stations` (in that order).
 *
 * `events` are all the events, `shown` the ids the filters let through;
 * `ports` every known port (a port with no docking on record is listed as
 * unrecorded). A station is listed while `t` is inside its recorded span.
 * A stay ends where its bar does (`facts`, of all the data).
 */
export function portsAt(
  events: ReadonlyArray<DockingEvent>,
  shown: ReadonlySet<number>,
  ports: ReadonlyArray<Port>,
  stations: ReadonlyArray<StationRef>,
  t: UtcMillis,
  facts: EndFacts,
): PortsAt {
  const recorded = spans(events)
  const dockedByPort = new Map<string, DockedEntry[]>()
  const keyOf = (stationId: StationId, portId: PortId | null) => `${stationId}:${portId ?? '?'}`
  for (const e of events) {
    if (e.stationId === null || !isDockedAt(e, t, facts)) continue
    const key = keyOf(e.stationId, e.portId)
    const list = dockedByPort.get(key) ?? []
    list.push({ event: e, isHidden: !shown.has(e.id) })
    dockedByPort.set(key, list)
  }
  const listed = stations
    .filter((s) => within(recorded.stations.get(s.id), t))
    .map((s): StationAt => {
      const own = ports
        .filter((p) => p.stationId === s.id)
        .sort((a, b) => collator.compare(a.name, b.name))
      const lines: PortAt[] = own.map((p) => {
        const docked = dockedByPort.get(keyOf(s.id, p.id)) ?? []
        const state: PortState =
          docked.length > 0
            ? 'occupied'
            : within(recorded.ports.get(p.id), t)
              ? 'free'
              : 'unrecorded'
        return { portId: p.id, portName: p.name, state, docked: byDocking(docked) }
      })
      // Dockings at a port the port list lacks, or at no named port, still count.
      const known = new Set(own.map((p) => p.id))
      for (const [key, docked] of dockedByPort) {
        if (!key.startsWith(`${s.id}:`)) continue
        const first = docked[0]!.event
        if (first.portId !== null && known.has(first.portId)) continue
        lines.push({ portId: first.portId, portName: first.portName, state: 'occupied', docked })
      }
      const all = lines.flatMap((l) => l.docked)
      return {
        stationId: s.id,
        stationName: s.name,
        ports: lines,
        dockedCount: all.length,
        hiddenCount: all.filter((d) => d.isHidden).length,
      }
    })
  return {
    at: t,
    stations: listed,
    dockedCount: listed.reduce((n, s) => n + s.dockedCount, 0),
    hiddenCount: listed.reduce((n, s) => n + s.hiddenCount, 0),
  }
}

function byDocking(docked: DockedEntry[]): DockedEntry[] {
  return [...docked].sort((a, b) => a.event.docking - b.event.docking || a.event.id - b.event.id)
}

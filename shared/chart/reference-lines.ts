/**
 * The "Compare with reference" layer's model: each reference stay as a line
 * in the row of the LL2 port it names, so a reader sees LL2's bars and the
 * reference's account of the same port one above the other.
 *
 * A stay goes to the port its matched LL2 event used when both name the
 * same side; else to the station's port of the same name, else of the same
 * side. A stay at a port LL2 does not list (the Shuttle's Docking Module, a
 * module's lateral berth) has no row and is not drawn; the conflicts panel
 * still lists it.
 */
import type { DockingEvent, Port, Station, TimePrecision } from '../domain/model'
import type { PortId, ReferenceId, StationId, UtcMillis } from '../domain/units'
import { vehicleKey } from '../domain/vehicle-name'
import { matchStays } from '../reference/match'
import { portSide } from '../reference/port-side'
import type { ReferenceStay } from '../reference/reference-stay'
import type { SourceConflict } from '../reference/source-conflict'
import { stationKey } from '../reference/station-key'
import { portRowId, stationRowId, type ChartRow } from './chart-model'

/** One reference stay where the chart draws it. */
export interface ReferenceLine {
  /** Unique per line: set and record id. */
  readonly id: string
  readonly referenceId: ReferenceId
  readonly setId: string
  readonly stationId: StationId
  readonly portId: PortId
  /** The row drawn in: its port's, or its collapsed station's. */
  readonly rowId: string
  readonly vehicle: string
  /** The reference's own port name. */
  readonly portName: string
  readonly start: UtcMillis
  /** The departure; for a stay with none, the docking (drawn as a tick). */
  readonly end: UtcMillis
  readonly hasDeparture: boolean
  readonly startPrecision: TimePrecision
  readonly endPrecision: TimePrecision
  /** True when some conflict names this record. */
  readonly hasConflict: boolean
  readonly isSummary: boolean
}

/** Each reference stay's LL2 port: where it will be drawn, before rows are known. */
export interface ReferencePlacement {
  readonly stay: ReferenceStay
  readonly stationId: StationId
  readonly portId: PortId
}

/** Finds each stay's port among the LL2 stations and ports; stays with none are left out. */
export function placeReferenceStays(
  stays: ReadonlyArray<ReferenceStay>,
  events: ReadonlyArray<DockingEvent>,
  stations: ReadonlyArray<Station>,
  ports: ReadonlyArray<Port>,
): ReadonlyArray<ReferencePlacement> {
  const stationByKey = new Map(stations.map((s) => [stationKey(s.name), s.id]))
  const portsOf = new Map<StationId, Port[]>()
  for (const p of ports) {
    const list = portsOf.get(p.stationId)
    if (list) list.push(p)
    else portsOf.set(p.stationId, [p])
  }
  for (const list of portsOf.values()) list.sort((a, b) => a.id - b.id)
  const matchedPort = new Map(
    matchStays(stays, events).matches.map((m) => [m.stay, m.event.portId]),
  )
  const out: ReferencePlacement[] = []
  for (const stay of stays) {
    const stationId = stationByKey.get(stationKey(stay.stationName))
    if (stationId === undefined) continue
    const side = portSide(stay.portName)
    const candidates = portsOf.get(stationId) ?? []
    const matched = candidates.find((p) => p.id === matchedPort.get(stay))
    const port =
      (side !== null && matched && portSide(matched.name) === side ? matched : undefined) ??
      candidates.find((p) => vehicleKey(p.name) === vehicleKey(stay.portName)) ??
      (side === null ? undefined : candidates.find((p) => portSide(p.name) === side))
    if (port) out.push({ stay, stationId, portId: port.id })
  }
  return out
}

/**
 * The lines to draw in the rows shown: in the port's row, or the collapsed
 * station's; stays whose row is not drawn are left out.
 */
export function referenceLines(
  placements: ReadonlyArray<ReferencePlacement>,
  conflicts: ReadonlyArray<SourceConflict>,
  rows: ReadonlyArray<ChartRow>,
): ReadonlyArray<ReferenceLine> {
  const disputed = new Set(
    conflicts.flatMap((c) =>
      c.referenceId === null ? [] : [`${c.referenceSet}:${c.referenceId}`],
    ),
  )
  const shownPorts = new Set<string>()
  const collapsed = new Set<number>()
  for (const r of rows) {
    if (r.kind === 'port') shownPorts.add(r.id)
    else if (r.collapsed) collapsed.add(r.stationId)
  }
  const out: ReferenceLine[] = []
  for (const { stay, stationId, portId } of placements) {
    const portRow = portRowId(portId)
    const isSummary = !shownPorts.has(portRow)
    if (isSummary && !collapsed.has(stationId)) continue
    const key = `${stay.setId}:${stay.id}`
    out.push({
      id: `ref-${key}`,
      referenceId: stay.id,
      setId: stay.setId,
      stationId,
      portId,
      rowId: isSummary ? stationRowId(stationId) : portRow,
      vehicle: stay.vehicle,
      portName: stay.portName,
      start: stay.docking.at,
      end: stay.departure?.at ?? stay.docking.at,
      hasDeparture: stay.departure !== null,
      startPrecision: stay.docking.precision,
      endPrecision: stay.departure?.precision ?? stay.docking.precision,
      hasConflict: disputed.has(key),
      isSummary,
    })
  }
  return out
}

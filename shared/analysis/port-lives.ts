/**
 * When each port existed, worked out from the data: from the module that
 * carries it where the data can tell, else from the port's own events.
 *
 * LL2 names a port by its module and side ("Pirs nadir", "Kvant-1 aft",
 * "Salyut-6 forward") and has no port start or end dates. In the bundled
 * snapshot no module appears as a docking event of its own (LL2 files
 * Kvant-1, Pirs or Rassvet under no docking), so ISS and Mir module ports
 * fall back to their events there; a port on the station's own hull lives
 * with the station, and module dockings that a sync or import brings (or an
 * LL2-shaped compilation such as assets/reference/mir-docking-events.json
 * lists: Kvant-1 at Mir aft on 1987-04-09) give their ports a module life.
 */
import type { DockingEvent, Station } from '../domain/model'
import { parseUtc, type PortId, type StationId, type UtcMillis } from '../domain/units'
import { vehicleKey } from '../domain/vehicle-name'
import type { EndRule } from './effective-end'
import { portLivesFromEvents, type PortLife, type PortLifeBasis } from './port-utilisation'

/** How each basis reads in a table or a sentence. */
export const PORT_LIFE_LABELS: Readonly<Record<PortLifeBasis, string>> = {
  events: 'first to last docking there',
  module: 'its module docked → left (or station deorbit)',
  station: 'station founded → deorbit (port on its own hull)',
}

// Words that say where on a module a port sits, not which module it is.
const SIDE_WORDS =
  /\b(forward|aft|nadir|zenith|port|starboard|lateral|axial|radial|front|rear|module)\b/gi

/**
 * The module a port's name names ("Pirs nadir" → "Pirs", "Kristall module" →
 * "Kristall"); "" when the name is only a side ("Forward").
 */
export function portModuleName(portName: string): string {
  return portName
    .replace(/\([^)]*\)/g, ' ')
    .replace(SIDE_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Does the module name the station itself ("Salyut-6" on Salyut 6, "Mir Core" on Mir)? */
function isStationHull(moduleName: string, stationName: string): boolean {
  const m = vehicleKey(moduleName)
  const s = vehicleKey(stationName)
  return m === '' || m === s || m === `${s} core`
}

interface StationFacts {
  readonly founded: UtcMillis | null
  readonly deorbited: UtcMillis | null
  readonly name: string
}

function stationFacts(stations: ReadonlyArray<Station>): Map<StationId, StationFacts> {
  return new Map(
    stations.map((s) => [
      s.id,
      {
        name: s.name,
        founded: s.founded === null ? null : parseUtc(s.founded),
        deorbited: s.deorbited === null ? null : parseUtc(s.deorbited),
      },
    ]),
  )
}

/**
 * The span a module was docked, over all its legs (a relocation is a leg);
 * a module with no departure stays until the station's deorbit.
 */
function moduleSpan(
  legs: ReadonlyArray<DockingEvent>,
  endOf: EndRule,
  deorbit: UtcMillis | null,
): { start: UtcMillis; end: UtcMillis } {
  const start = Math.min(...legs.map((e) => e.docking)) as UtcMillis
  const ends = legs.map((e) =>
    e.departure === null && deorbit !== null ? deorbit : (endOf(e) as number),
  )
  return { start, end: Math.max(start, ...ends) as UtcMillis }
}

/**
 * Each port's life, by the best basis the data allows.
 *
 * `module`: a docking at the same station of a vehicle named as the port's
 * module: from its first docking to its departure, or the station's deorbit
 * when it has none. `station`: a port whose name names only the station or a
 * side lives from the station's founding to its deorbit (or its last event).
 * `events`: any other port, from its first docking to its last event's end.
 * A life is never shorter than the port's own events, so no docking falls
 * outside the time the port is said to have existed.
 */
export function portLives(
  events: ReadonlyArray<DockingEvent>,
  stations: ReadonlyArray<Station>,
  endOf: EndRule,
): ReadonlyMap<PortId, PortLife & { readonly module: string | null }> {
  const facts = stationFacts(stations)
  const stationEnd = new Map<StationId, UtcMillis>()
  // Each port's latest event says its station and name.
  const portStation = new Map<PortId, DockingEvent & { readonly stationId: StationId }>()
  for (let ix = 0; ix < events.length; ix++) {
    const e = events[ix]!
    if (e.stationId === null) continue
    stationEnd.set(e.stationId, Math.max(stationEnd.get(e.stationId) ?? 0, endOf(e)) as UtcMillis)
    if (e.portId !== null) portStation.set(e.portId, e as typeof e & { stationId: StationId })
  }
  const moduleLegs = legsOfModules(events, portStation.values())
  const legsOf = (stationId: StationId, module: string) => {
    const legs = module === '' ? undefined : moduleLegs.get(stationId)?.get(vehicleKey(module))
    return legs && legs.length > 0 ? legs : undefined
  }
  const out = new Map<PortId, PortLife & { readonly module: string | null }>()
  for (const [portId, own] of portLivesFromEvents(events, endOf)) {
    const where = portStation.get(portId)!
    const station = facts.get(where.stationId)
    const module = portModuleName(where.portName ?? '')
    const legs = legsOf(where.stationId, module)
    const life: { start: UtcMillis; end: UtcMillis; basis: PortLifeBasis } | null = legs
      ? { ...moduleSpan(legs, endOf, station?.deorbited ?? null), basis: 'module' }
      : station?.founded != null && isStationHull(module, station.name)
        ? {
            start: station.founded,
            end: station.deorbited ?? stationEnd.get(where.stationId) ?? station.founded,
            basis: 'station',
          }
        : null
    out.set(
      portId,
      life === null
        ? { ...own, module: null }
        : {
            portId,
            basis: life.basis,
            module: life.basis === 'module' ? module : null,
            start: Math.min(life.start, own.start) as UtcMillis,
            // An open docking at a station that re-entered does not outlive it.
            end: Math.max(life.end, Math.min(own.end, station?.deorbited ?? own.end)) as UtcMillis,
          },
    )
  }
  return out
}

/**
 * The legs of each vehicle that a port's name makes a module, by station then
 * vehicle key: only those are gathered, not every vehicle's.
 */
function legsOfModules(
  events: ReadonlyArray<DockingEvent>,
  ports: Iterable<DockingEvent & { readonly stationId: StationId }>,
): ReadonlyMap<StationId, ReadonlyMap<string, DockingEvent[]>> {
  const wanted = new Map<StationId, Map<string, DockingEvent[]>>()
  for (const p of ports) {
    const module = portModuleName(p.portName ?? '')
    if (module === '') continue
    let atStation = wanted.get(p.stationId)
    if (!atStation) wanted.set(p.stationId, (atStation = new Map()))
    const key = vehicleKey(module)
    if (!atStation.has(key)) atStation.set(key, [])
  }
  for (let ix = 0; ix < events.length; ix++) {
    const e = events[ix]!
    if (e.stationId === null) continue
    const atStation = wanted.get(e.stationId)
    if (atStation) atStation.get(vehicleKey(e.vehicle))?.push(e)
  }
  return wanted
}

/**
 * The stations and ports a record is placed against.
 *
 * LL2 2.1.0 records name their port without its station and with ids LL2
 * reused across stations ("Forward" 27 is Salyut 1's, Salyut 7's and
 * Tiangong 2's), and 2.2.0 transcriptions name stations and ports only in
 * words; this directory (from 2.3.0 station records and their port lists)
 * finds the station and port they mean.
 */
import type { Port, Station } from '../domain/model'
import type { StationId } from '../domain/units'

/** Stations and ports by id and by name. */
export interface StationDirectory {
  readonly stations: ReadonlyArray<Station>
  readonly ports: ReadonlyArray<Port>
  stationById(id: number): Station | null
  /** The station a name means ("ISS", "Mir Space Station", "Tiangong-1"), or null. */
  stationByName(name: string): Station | null
  portById(id: number): Port | null
  portsOf(station: StationId): ReadonlyArray<Port>
}

const words = (name: string): string =>
  name.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim()

/**
 * A station name without its kind: "Skylab Station in Low Earth Orbit" and
 * "Skylab" → "skylab", "Tiangong-1" → "tiangong 1".
 */
export function stationKey(name: string): string {
  return words(name)
    .replace(/\b(space )?station\b.*$/, '')
    .trim()
}

// "International Space Station" → "iss": LL2 2.2.0 destinations say "ISS".
const initials = (name: string): string | null => {
  const parts = words(name).split(' ')
  return parts.length >= 3 ? parts.map((p) => p[0]).join('') : null
}

/**
 * A port name without its station's name or the word "module": "Salyut-6
 * forward" at Salyut 6 → "forward", "Mir SO starboard" → "so starboard".
 */
export function portKey(portName: string, stationName: string): string {
  const station = stationKey(stationName)
  const name = words(portName)
    .replace(/\bmodule\b/, '')
    .trim()
  return station && name.startsWith(`${station} `) ? name.slice(station.length + 1) : name
}

/**
 * Whether two port keys can name the same port: equal, or one is the other
 * with a qualifier ("core aft" ~ "aft", "kvant 1" ~ "kvant 1 aft").
 */
export function portKeysMatch(a: string, b: string): boolean {
  return (
    a === b ||
    a.endsWith(` ${b}`) ||
    b.endsWith(` ${a}`) ||
    a.startsWith(`${b} `) ||
    b.startsWith(`${a} `)
  )
}

/** Builds a directory over `stations` and `ports` (later entries win on equal ids). */
export function stationDirectory(
  stations: ReadonlyArray<Station>,
  ports: ReadonlyArray<Port>,
): StationDirectory {
  const byId = new Map<number, Station>(stations.map((s) => [s.id, s]))
  const byName = new Map<string, Station>()
  for (const s of byId.values()) {
    byName.set(stationKey(s.name), s)
    const short = initials(s.name)
    if (short && !byName.has(short)) byName.set(short, s)
  }
  const portById = new Map<number, Port>(ports.map((p) => [p.id, p]))
  const portsByStation = new Map<StationId, Port[]>()
  for (const p of portById.values()) {
    portsByStation.set(p.stationId, [...(portsByStation.get(p.stationId) ?? []), p])
  }
  return {
    stations: [...byId.values()],
    ports: [...portById.values()],
    stationById: (id) => byId.get(id) ?? null,
    stationByName: (name) => byName.get(stationKey(name)) ?? byName.get(words(name)) ?? null,
    portById: (id) => portById.get(id) ?? null,
    portsOf: (station) => portsByStation.get(station) ?? [],
  }
}

/** A directory that knows nothing: records must carry their own placement. */
export const EMPTY_DIRECTORY: StationDirectory = stationDirectory([], [])

/**
 * The port at `station` a name means: the one whose key matches exactly,
 * else the only one whose key matches with a qualifier; null when none or
 * several do.
 */
export function portByName(
  directory: StationDirectory,
  station: Station,
  name: string,
): Port | null {
  const key = portKey(name, station.name)
  const ports = directory.portsOf(station.id)
  const exact = ports.filter((p) => portKey(p.name, station.name) === key)
  if (exact.length === 1) return exact[0] ?? null
  const loose = ports.filter((p) => portKeysMatch(portKey(p.name, station.name), key))
  return loose.length === 1 ? (loose[0] ?? null) : null
}

/** Whether port `id` of the directory sits at `station` under a name compatible with `name`. */
export function portIdFits(
  directory: StationDirectory,
  station: Station,
  id: number,
  name: string | null,
): Port | null {
  const port = directory.portById(id)
  if (!port || port.stationId !== station.id) return null
  if (name === null) return port
  return portKeysMatch(portKey(port.name, station.name), portKey(name, station.name)) ? port : null
}

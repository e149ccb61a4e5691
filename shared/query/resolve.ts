/**
 * Finding stations and ports from what a user types: an id or a name.
 */
import type { Port, Station } from '../domain/model'

/** Anything with an id and a name. */
interface Named {
  readonly id: number
  readonly name: string
}

/**
 * Finds the records a user means by `text`.
 *
 * An integer is an id. Otherwise an exact name (ignoring case) wins; failing
 * that, every record whose name contains the text. The caller decides what an
 * empty or ambiguous answer means, so `"salyut"` can mean both Salyuts.
 */
export function resolveNamed<T extends Named>(
  records: ReadonlyArray<T>,
  text: string,
): ReadonlyArray<T> {
  const wanted = text.trim()
  if (wanted === '') return []
  if (/^\d+$/.test(wanted)) return records.filter((r) => r.id === Number(wanted))
  const lower = wanted.toLowerCase()
  const exact = records.filter((r) => r.name.toLowerCase() === lower)
  if (exact.length > 0) return exact
  return records.filter((r) => r.name.toLowerCase().includes(lower))
}

/** Stations matching an id or name (see `resolveNamed`). */
export function resolveStations(
  stations: ReadonlyArray<Station>,
  text: string,
): ReadonlyArray<Station> {
  return resolveNamed(stations, text)
}

/** Ports matching an id or name (see `resolveNamed`). */
export function resolvePorts(ports: ReadonlyArray<Port>, text: string): ReadonlyArray<Port> {
  return resolveNamed(ports, text)
}

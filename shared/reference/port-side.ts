/**
 * Which way a port faces, the one thing LL2 and the references name alike.
 *
 * They spell ports differently ("Forward", "Core aft", "Salyut-6 aft",
 * "Mir Core forward", "Kvant-1 aft"), so ports compare by side. A name is
 * looked up whole in `PORT_ALIASES` first (ports named for a module, or
 * whose words would mislead), then read for one side word.
 */
import { vehicleKey } from '../domain/vehicle-name'

/** A port's side, or a berth that is not on the station's axes. */
export type PortSide = string

const SIDE_WORDS: Readonly<Record<string, PortSide>> = {
  forward: 'forward',
  front: 'forward',
  aft: 'aft',
  rear: 'aft',
  nadir: 'nadir',
  zenith: 'zenith',
  port: 'port',
  starboard: 'starboard',
}

/**
 * Whole port names (spelled as `vehicleKey` spells them) and their side.
 *
 * Kvant-1 took Mir's aft port in 1987 and has one port of its own, at its
 * aft end, where later vehicles docked: LL2's "Kvant-1" and "Core aft" of
 * those years are the station's aft. The Shuttle docked at the Docking
 * Module ("SO") and, once, at Kristall's axial APAS port: berths of their
 * own, off the axes. Mir's lateral ports held modules; "port" there means
 * a docking port, not a side.
 */
export const PORT_ALIASES: Readonly<Record<string, PortSide>> = {
  'kvant 1': 'aft',
  'docking module (so)': 'docking module',
  'so starboard': 'docking module',
  'mir so starboard': 'docking module',
  'kristall module': 'kristall axial',
  'kristall axial (apas 89)': 'kristall axial',
  'mir lateral port (kristall)': 'lateral (kristall)',
  'mir lateral port (spektr)': 'lateral (spektr)',
  'mir lateral port (priroda)': 'lateral (priroda)',
}

/**
 * The side of a port name, or null when the name does not say (LL2's
 * "Mir-Progress 27", "Kvant-2"): an unknown side is never a disagreement.
 */
export function portSide(name: string | null): PortSide | null {
  if (name === null) return null
  const key = vehicleKey(name)
  const alias = PORT_ALIASES[key]
  if (alias !== undefined) return alias
  const sides = new Set(key.split(/[\s()]+/).flatMap((w) => SIDE_WORDS[w] ?? []))
  return sides.size === 1 ? [...sides][0]! : null
}

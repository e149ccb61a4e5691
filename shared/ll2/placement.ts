/**
 * Which station and port a docking event record means, whatever LL2 version
 * served it.
 *
 * 2.3.0 records name both by id. 2.2.0 transcriptions name them in words.
 * 2.1.0 records name a port whose id LL2 later reused at other stations and
 * no station at all: the station is the flight's `destination` (in words),
 * or LL2's later correction (`x_ll2_2_2_0`), and the port is found in the
 * station's 2.3.0 port list by id where the names agree, else by name.
 */
import type { Port, Station } from '../domain/model'
import { portId, stationId } from '../domain/units'
import { apiVersionOf } from './record-origin'
import type { Ll2DockingEvent } from './schema'
import { portByName, portIdFits, type StationDirectory } from './station-directory'

/** Why a record could not be placed on the timeline. */
export type UnplacedReason = 'no-docking-time' | 'no-station' | 'no-port'

/** A record that could not be placed, and why in words. */
export interface Unplaced {
  readonly id: number
  readonly reason: UnplacedReason
  readonly detail: string
}

/** Where a record sits. */
export interface Placement {
  readonly station: Station
  readonly port: Port
}

interface Claim {
  readonly id: number | null
  /** Ids of 2.2.0 and later name one port or station everywhere; 2.1.0 port ids do not. */
  readonly idIsGlobal: boolean
  readonly name: string | null
}

const claim = (
  value: { id?: number | null; name?: string | null } | null | undefined,
  idIsGlobal = true,
): Claim | null =>
  value && (value.id != null || value.name)
    ? { id: value.id ?? null, idIsGlobal, name: value.name ?? null }
    : null

const present = <T>(v: T | null): v is T => v !== null

/** A station known only by name from an event, until its station record is read. */
export function stationNamed(id: number, name: string): Station {
  return {
    id: stationId(id),
    name,
    status: null,
    founded: null,
    deorbited: null,
    portIds: [],
    activeDockingEventIds: null,
    listedWithin: null,
  }
}

function stationFrom(c: Claim, directory: StationDirectory): Station | null {
  if (c.id !== null) {
    const known = directory.stationById(c.id)
    if (known) return known
    return stationNamed(c.id, c.name ?? `Station ${c.id}`)
  }
  return c.name ? directory.stationByName(c.name) : null
}

function portFrom(c: Claim, station: Station, directory: StationDirectory): Port | null {
  if (c.id !== null && c.idIsGlobal) {
    // The record's own name wins: it is as new as the record, the directory may be older.
    const name = c.name ?? directory.portById(c.id)?.name ?? `Port ${c.id}`
    return { id: portId(c.id), name, stationId: station.id }
  }
  if (c.id !== null) {
    const fits = portIdFits(directory, station, c.id, c.name)
    if (fits) return fits
  }
  return c.name ? portByName(directory, station, c.name) : null
}

function stationClaims(record: Ll2DockingEvent, useLater: boolean): Claim[] {
  const destination = record.flight_vehicle?.destination
  return [
    useLater ? claim(record.x_ll2_2_2_0?.station) : null,
    claim(record.space_station_target),
    claim(record.docking_location?.spacestation),
    claim(record.x_context?.space_station),
    destination ? claim({ name: destination }) : null,
  ].filter(present)
}

function portClaims(record: Ll2DockingEvent, useLater: boolean): Claim[] {
  const own = record.docking_location
  return [
    useLater ? claim(record.x_ll2_2_2_0?.docking_location) : null,
    claim(record.x_context?.docking_location),
    claim(own, apiVersionOf(record) !== '2.1.0'),
  ].filter(present)
}

// A 2.1.0 record whose destination names no station ("Low Earth Orbit"):
// the port id's station in the 2.3.0 lists, where the port names agree.
function stationOfPortId(record: Ll2DockingEvent, directory: StationDirectory): Station | null {
  const own = record.docking_location
  if (own?.id == null) return null
  const port = directory.portById(own.id)
  const station = port ? directory.stationById(port.stationId) : null
  return station && portIdFits(directory, station, own.id, own.name ?? null) ? station : null
}

/**
 * Places `record`: its station and port, or why it cannot be placed.
 *
 * `useLater`: prefer LL2's later corrections (`x_ll2_2_2_0`) over the
 * record's own values; off only to see what a correction changed.
 */
export function placeRecord(
  record: Ll2DockingEvent,
  directory: StationDirectory,
  useLater = true,
): Placement | Unplaced {
  const claims = stationClaims(record, useLater)
  const station =
    claims.map((c) => stationFrom(c, directory)).find(present) ?? stationOfPortId(record, directory)
  if (!station) {
    const named = claims.map((c) => c.name).filter(present)
    return {
      id: record.id,
      reason: 'no-station',
      detail: named.length
        ? `no known station is named ${named.map((n) => `"${n}"`).join(' or ')}`
        : 'the record names no station',
    }
  }
  const ports = portClaims(record, useLater)
  const port = ports.map((c) => portFrom(c, station, directory)).find(present)
  if (!port) {
    const named = ports.map((c) => c.name ?? `id ${c.id}`)
    return {
      id: record.id,
      reason: 'no-port',
      detail: named.length
        ? `no port of ${station.name} matches ${named.map((n) => `"${n}"`).join(' or ')}`
        : 'the record names no docking port',
    }
  }
  return { station, port }
}

/** Whether a placement result is an unplaced record. */
export function isUnplaced(result: Placement | Unplaced): result is Unplaced {
  return 'reason' in result
}

import type { Port, Station } from '../../../shared/domain/model'
import { portId, stationId } from '../../../shared/domain/units'
import { stationNamed } from '../../../shared/ll2/placement'

/**
 * A Station as the cache holds it, from its id and name; status, dates, port
 * list and active dockings unknown unless a test gives them.
 */
export function makeStation(id: number, name: string, known: Partial<Station> = {}): Station {
  return { ...stationNamed(id, name), ...known }
}

/** A Port of station `at`. */
export function makePort(id: number, name: string, at: number): Port {
  return { id: portId(id), name, stationId: stationId(at) }
}

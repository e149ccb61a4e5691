import type { Expedition } from '../../../shared/domain/expedition'
import { expeditionId, stationId, utcMillis } from '../../../shared/domain/units'

/** A hand-built expedition; dates as ISO strings, station Salyut 6 (14) unless given. */
export function makeExpedition(
  id: number,
  name: string,
  start: string,
  end: string | null,
  station: readonly [number, string] = [14, 'Salyut 6'],
): Expedition {
  return {
    id: expeditionId(id),
    name,
    stationId: stationId(station[0]),
    stationName: station[1],
    start: utcMillis(Date.parse(start)),
    end: end === null ? null : utcMillis(Date.parse(end)),
    url: null,
  }
}

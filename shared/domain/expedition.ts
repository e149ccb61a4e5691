/**
 * Expeditions: LL2's record of a crew's stay aboard a station, the basis of
 * crewed and uncrewed periods.
 */
import type { ExpeditionId, StationId, UtcMillis } from './units'

/** One expedition as LL2 files it (its errors included: the data checks flag them). */
export interface Expedition {
  readonly id: ExpeditionId
  readonly name: string
  /** The station LL2 files it under, which is sometimes the wrong one. */
  readonly stationId: StationId
  readonly stationName: string | null
  readonly start: UtcMillis
  /** Null while the expedition is under way (or LL2 does not know its end). */
  readonly end: UtcMillis | null
  /** LL2 web address of the record. */
  readonly url: string | null
}

/**
 * One spelling rule for station names across LL2 and the references, whose
 * ids differ (LL2's Salyut 6 is 14, the reference file's 9006): "Salyut 6",
 * "Salyut-6" and "salyut 6" are one station.
 */
import { vehicleKey } from '../domain/vehicle-name'

/** The comparable form of a station's name. */
export function stationKey(name: string): string {
  return vehicleKey(name)
}

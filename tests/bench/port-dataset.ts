/**
 * A seeded LL2-shaped page of docking events spread over a chosen number of
 * ports, for the timeline benchmark (the shared generator fixes its ports per
 * station; the targets name port counts: 1,000 on 60, 10,000 on 200).
 *
 * Stations get ten ports each; every port holds a chain of stays that never
 * overlap, across families and roles; the last stay on some ports is still
 * docked. Same seed, same page.
 */
import { prng } from '../fixtures/generate-dataset'

const LL2 = 'https://ll.thespacedevs.com/2.3.0'
const DAY = 86_400_000
const FROM = Date.parse('1971-01-01T00:00:00Z')
const TO = Date.parse('2025-06-01T00:00:00Z')

const CONFIGS = [
  { name: 'Soyuz MS', type: 'Capsule', flight: 'Soyuz MS-' },
  { name: 'Progress MS', type: 'Cargo', flight: 'Progress MS-' },
  { name: 'Crew Dragon', type: 'Capsule', flight: 'Crew Dragon C2' },
  { name: 'Cargo Dragon', type: 'Cargo', flight: 'Dragon CRS-' },
  { name: 'Cygnus', type: 'Cargo', flight: 'Cygnus NG-' },
  { name: 'H-II Transfer Vehicle', type: 'Cargo', flight: 'HTV-' },
  { name: 'Automated Transfer Vehicle', type: 'Cargo', flight: 'ATV-' },
  { name: 'Space Shuttle', type: 'Spaceplane', flight: 'STS-' },
  { name: 'Shenzhou', type: 'Capsule', flight: 'Shenzhou ' },
  { name: 'Tianzhou', type: 'Cargo', flight: 'Tianzhou ' },
  { name: 'Nauka module', type: 'Module', flight: 'Module ' },
] as const

const iso = (t: number) => new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/** An LL2 `docking_events` page of `events` records on `ports` ports. */
export function portDataset(events: number, ports: number, seed = 7): { results: unknown[] } {
  const rand = prng(seed)
  const perPort = Math.floor(events / ports)
  const extra = events - perPort * ports
  const results: unknown[] = []
  let id = 100_000
  for (let p = 0; p < ports; p++) {
    const stationIndex = Math.floor(p / 10)
    const station = {
      id: 500 + stationIndex,
      url: `${LL2}/space_stations/${500 + stationIndex}/`,
      name: `Station ${stationIndex + 1}`,
      image: null,
    }
    const location = {
      id: 5000 + p,
      name: `Port ${(p % 10) + 1} of station ${stationIndex + 1}`,
      spacestation: station,
      spacecraft: null,
      payload: null,
    }
    const count = perPort + (p < extra ? 1 : 0)
    // Each port's stays share its span; stays fill 60-90 % of it.
    const slot = (TO - FROM) / count
    let t = FROM + rand() * slot * 0.2
    for (let k = 0; k < count; k++) {
      const stay = Math.max(slot * (0.6 + rand() * 0.3), DAY / 4)
      const config = CONFIGS[Math.floor(rand() * CONFIGS.length)]!
      const last = k === count - 1
      const departure = last && rand() < 0.3 ? null : iso(t + stay)
      results.push({
        id: id,
        url: `${LL2}/docking_events/${id}/`,
        docking: iso(t),
        departure,
        docking_location: location,
        space_station_target: station,
        flight_vehicle_target: null,
        payload_flight_target: null,
        response_mode: 'normal',
        flight_vehicle_chaser: {
          id: id,
          url: `${LL2}/spacecraft_flights/${id}/`,
          spacecraft: {
            id: id,
            name: `${config.flight}${(id % 97) + 1}`,
            serial_number: `SN-${id}`,
            spacecraft_config: {
              id: 1,
              name: config.name,
              type: { id: 1, name: config.type },
              agency: { id: 1, name: 'Agency' },
            },
          },
        },
        space_station_chaser: null,
        payload_flight_chaser: null,
      })
      id++
      t += slot
    }
  }
  return { results }
}

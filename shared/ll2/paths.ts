/**
 * The LL2 query paths the app asks for, and how many pages a count takes.
 */

const query = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')

/** Largest page LL2 serves. */
export const PAGE_SIZE = 100

/** LL2 paths the app uses. */
export const LL2_PATHS = {
  /**
   * Docking events in docking order: new events land on the last page, so a
   * full sync resumed hours later by offset neither skips nor repeats.
   */
  events: (extra: ReadonlyArray<readonly [string, string]> = []) =>
    `/2.3.0/docking_events/?${query([
      ['format', 'json'],
      ['mode', 'normal'],
      ['limit', String(PAGE_SIZE)],
      ['ordering', 'docking'],
      ...extra,
    ])}`,
  /** One docking event record. */
  event: (id: number, mode: 'normal' | 'detailed') =>
    `/2.3.0/docking_events/${id}/?format=json&mode=${mode}`,
  /** Space stations, detailed: each lists its ports and the events docked now. */
  stations: () => `/2.3.0/space_stations/?format=json&mode=detailed&limit=${PAGE_SIZE}`,
  /**
   * Expeditions (crewed stays) in id order: new records land on the last
   * page, so a resumed walk by offset neither skips nor repeats. `normal`
   * mode carries the station; `detailed` adds only the crews, which the app
   * does not read.
   */
  expeditions: (extra: ReadonlyArray<readonly [string, string]> = []) =>
    `/2.3.0/expeditions/?${query([
      ['format', 'json'],
      ['mode', 'normal'],
      ['limit', String(PAGE_SIZE)],
      ['ordering', 'id'],
      ...extra,
    ])}`,
  /** Docking locations (ports), which name their station. */
  locations: () => `/2.3.0/config/docking_locations/?format=json&limit=${PAGE_SIZE}`,
} as const

/** Pages needed for `count` records (at least one: an empty list is still a page). */
export const pagesFor = (count: number): number => Math.max(1, Math.ceil(count / PAGE_SIZE))

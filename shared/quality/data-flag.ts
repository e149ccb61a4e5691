/**
 * The shape of a doubt in the data. The checks that produce them live beside
 * this file; the chart, the "Data checks" panel, the filters, the exports and
 * `cli quality` all read this one shape.
 */
import type { EventId, ExpeditionId } from '../domain/units'

export const FLAG_KINDS = [
  'port-overlap',
  'vehicle-two-places',
  'departure-before-docking',
  'outside-station-life',
  'open-after-deorbit',
  'open-port-reused',
  'unknown-departure',
  'duplicate',
  'expedition-end-before-start',
  'expedition-wrong-station',
  'expedition-never-boarded',
] as const

export type FlagKind = (typeof FLAG_KINDS)[number]

/** One doubt: what kind, which events, and a sentence a reader can act on. */
export interface DataFlag {
  readonly kind: FlagKind
  readonly eventIds: ReadonlyArray<EventId>
  readonly message: string
  /** The expeditions in doubt, for the expedition kinds. */
  readonly expeditionIds?: ReadonlyArray<ExpeditionId>
}

/** Each kind in a few words, for the "Data checks" panel, the legend and `cli quality`. */
export const FLAG_LABELS: Readonly<Record<FlagKind, string>> = {
  'port-overlap': 'Two vehicles at one port at once',
  'vehicle-two-places': 'One vehicle at two ports at once',
  'departure-before-docking': 'Departure before docking',
  'outside-station-life': "Outside the station's life",
  'open-after-deorbit': 'No departure after the station re-entered',
  'open-port-reused': 'No departure, port used again',
  'unknown-departure': 'No departure, no longer listed as docked',
  duplicate: 'Same docking recorded twice',
  'expedition-end-before-start': 'Expedition ends before it starts',
  'expedition-wrong-station': 'Expedition filed under another station',
  'expedition-never-boarded': 'Expedition crew never boarded',
}

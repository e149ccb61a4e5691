/**
 * How many counted requests a sync job still needs, and whether that number
 * is the count or only a floor: the figures of a plan ("Full sync: at least
 * 4 requests; the first page tells how many").
 */
import { PAGE_SIZE, pagesFor } from '../ll2/paths'
import type { SyncJob } from './sync-job'

/** Server facts an earlier sync stored, for plans. */
export interface KnownCounts {
  /** LL2's event count at the last full sync. */
  readonly eventCount: number | null
  /** LL2's docking location count at the last full sync. */
  readonly locationCount: number | null
  /** LL2's expedition count at the last sync that fetched them all. */
  readonly expeditionCount: number | null
}

/** Pages of a list still to fetch, given its count (null: not yet said) and the records stored so far. */
const pagesLeft = (count: number | null, stored: number): number =>
  count === null ? 1 : Math.max(1, pagesFor(count) - Math.floor(stored / PAGE_SIZE))

/**
 * LL2's count of the events the job walks: its own once the first page has
 * said, else (a full sync) the last full sync's. A stored 0 says nothing.
 */
const eventCountOf = (job: SyncJob, known: KnownCounts): number | null =>
  job.eventCount ?? (job.kind === 'full' ? known.eventCount || null : null)

/**
 * LL2's count of the expeditions the job walks: its own once the first page
 * has said, else the last count of the whole list when the job walks it all.
 * An incremental job's page from a start date has no earlier count.
 */
const expeditionCountOf = (job: SyncJob, known: KnownCounts): number | null =>
  job.expeditionCount ?? ((job.expeditionsSince ?? null) === null ? known.expeditionCount : null)

/** Counted requests a job still needs, as far as can be known before asking. */
export function requestsLeft(job: SyncJob, known: KnownCounts): number {
  const locationPages = pagesFor(known.locationCount ?? 0)
  const stationsAndPorts = 1 + (job.kind === 'full' ? locationPages : 0)
  const expeditionPages = pagesLeft(expeditionCountOf(job, known), job.expeditionsStored ?? 0)
  switch (job.phase) {
    case 'done':
      return 0
    case 'recheck':
      return job.recheck.length
    case 'locations':
      return job.next === null ? locationPages : Math.max(1, locationPages - 1)
    case 'stations':
      return stationsAndPorts
    case 'expeditions':
      return expeditionPages + stationsAndPorts
    case 'events':
      return (
        pagesLeft(eventCountOf(job, known), job.eventsStored) + expeditionPages + stationsAndPorts
      )
  }
}

/**
 * Whether `requestsLeft` is the count or only a floor: before the first
 * page of events, of expeditions (and, for a full sync, of ports) no one has
 * said how many there are, unless an earlier sync did. A plan must then say
 * "at least" (issue #15: a plan of "3 requests" became 33).
 */
export function requestsAreKnown(job: SyncJob, known: KnownCounts): boolean {
  const portsKnown = job.kind !== 'full' || known.locationCount !== null
  const expeditionsKnown = expeditionCountOf(job, known) !== null
  switch (job.phase) {
    case 'done':
    case 'recheck':
      return true
    case 'locations':
      return known.locationCount !== null
    case 'stations':
      return portsKnown
    case 'expeditions':
      return expeditionsKnown && portsKnown
    case 'events':
      return eventCountOf(job, known) !== null && expeditionsKnown && portsKnown
  }
}

/**
 * A docking record as a footnote: what the record says happened, which
 * record it is and where it lives, and when it was read. Times are UTC at the
 * record's own precision whatever zone the app shows, so the note reads the
 * same for every reader and claims no precision the source lacks.
 */
import type { EffectiveEnd } from '../occupancy/effective-end'
import { endClause } from '../time/stay-words'
import { formatInstant } from '../time/time-format'
import type { DockingEvent } from './model'
import { originSentence } from './origin-sentence'
import { toIsoUtc, type UtcMillis } from './units'

/** Where and when the citation is made: the app that read the record, on which day. */
export interface CitedFrom {
  readonly appVersion: string
  readonly now: UtcMillis
}

/** The citation of one docking record, as one paragraph of plain text. */
export function citation(e: DockingEvent, end: EffectiveEnd, from: CitedFrom): string {
  const where = [e.stationName ?? 'unknown station', e.portName ?? 'unknown port'].join(', ')
  const docked = formatInstant(e.docking, 'utc', e.provenance?.dockingPrecision)
  const record =
    e.origin.apiVersion === null
      ? `Compiled record ${e.id}${sourcesText(e)}`
      : `The Space Devs, Launch Library 2, docking event ${e.id}${e.url ? `, ${e.url}` : ''}`
  const read = `Read ${toIsoUtc(from.now).slice(0, 10)} in Docking Timeline ${from.appVersion}.`
  return `${e.vehicle} at ${where}: docked ${docked}, ${endClause(e, end, 'utc')}. ${record} (${originSentence(e)}). ${read}`
}

function sourcesText(e: DockingEvent): string {
  const sources = e.provenance?.sources ?? []
  return sources.length > 0 ? `, from ${sources.join('; ')}` : ''
}

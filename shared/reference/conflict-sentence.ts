/**
 * A disagreement between LL2 and a reference record as one sentence, the
 * reference first: what the overlap list and the details panel say of a
 * record. Times are UTC at each record's precision (`conflictValueText`).
 */
import { DAY_MS } from '../domain/units'
import { formatInstant } from '../time/time-format'
import { referenceVerdict, type ReferenceComparison } from './compare'
import { MATCH_WINDOW_MS } from './match'
import {
  conflictValueText,
  type ConflictValue,
  type ElsewhereStay,
  type SourceConflict,
} from './source-conflict'

/** "leaving 1994-01-24 (day precision)", or that the record gives no departure. */
function departureWords(v: ConflictValue | null): string {
  return v?.kind === 'no-departure' ? 'with no departure' : `leaving ${conflictValueText(v)}`
}

const MATCH_WINDOW_DAYS = MATCH_WINDOW_MS / DAY_MS

/**
 * The reference's stays of a missing-in-reference record's vehicle at its
 * station, in words: `near` ones (within the match window) are paired with
 * another LL2 record, since the matcher pairs any near stay and record left
 * over; `far` ones are the vehicle's other stays there.
 */
function elsewhere(c: SourceConflict): { near: string | null; far: string | null } {
  const docking = c.ll2?.kind === 'stay' ? c.ll2.docking : null
  const isNear = (e: ElsewhereStay) =>
    docking !== null &&
    e.stay.kind === 'stay' &&
    Math.abs(e.stay.docking - docking) <= MATCH_WINDOW_MS
  const words = (stays: ReadonlyArray<ElsewhereStay>) =>
    stays.length === 0 ? null : stays.map((e) => stayWords(e.stay)).join(' and ')
  const all = c.referenceElsewhere ?? []
  return { near: words(all.filter(isNear)), far: words(all.filter((e) => !isNear(e))) }
}

/**
 * An LL2 record the reference has no match for. Where the reference has the
 * vehicle at that station at other times, it says so: "no record of it
 * there" would claim more than the reference does.
 */
function missingSentence(c: SourceConflict): string {
  const { near, far } = elsewhere(c)
  if (near !== null)
    return `The reference’s record of ${c.vehicle} at ${c.station} ${near} matches another LL2 record; none matches LL2’s record ${stayWords(c.ll2)}.`
  if (far === null)
    return `The reference, which covers ${c.station} then, has no record of ${c.vehicle} there.`
  const them = (c.referenceElsewhere?.length ?? 0) === 1 ? 'it' : 'any of them'
  return `The reference has ${c.vehicle} at ${c.station} only ${far}; LL2 ${stayWords(c.ll2)}, more than ${MATCH_WINDOW_DAYS} days from ${them}.`
}

/**
 * What the reference says in a conflict, in words for a table cell: its
 * value, or for a record it lacks, the vehicle's stays it has there at other
 * times; null when it has no record of the vehicle there at all.
 */
export function referenceText(c: SourceConflict): string | null {
  const value = conflictValueText(c.reference)
  if (value !== null) return value
  const { near, far } = elsewhere(c)
  if (near !== null) return `none; its record ${near} matches another LL2 record`
  return far === null ? null : `none within ${MATCH_WINDOW_DAYS} days; only ${far}`
}

/** "from 1986-05-06 16:57 UTC at Salyut-7 aft": a stay, at its record's precision. */
function stayWords(v: ConflictValue | null): string {
  if (v?.kind !== 'stay') return conflictValueText(v) ?? 'no record'
  const when = formatInstant(v.docking, 'utc', v.precision)
  return v.portName ? `from ${when} at ${v.portName}` : `from ${when}`
}

/** One conflict in words, e.g. "The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward." */
export function conflictSentence(c: SourceConflict): string {
  const ll2 = conflictValueText(c.ll2)
  const ref = conflictValueText(c.reference)
  switch (c.kind) {
    case 'port':
      return `The reference puts ${c.vehicle} at ${ref}; LL2 at ${ll2}.`
    case 'docking':
      return `The reference has ${c.vehicle} docking ${ref}; LL2 ${ll2}.`
    case 'departure':
      return `The reference has ${c.vehicle} ${departureWords(c.reference)}; LL2 ${departureWords(c.ll2)}.`
    case 'missing-in-reference':
      return missingSentence(c)
    case 'missing-in-ll2':
      return `LL2 has no record of ${c.vehicle} at ${c.station}; the reference has it at ${ref}.`
  }
}

/**
 * What a matched reference record with no conflict says: it disputes nothing,
 * which is less than agreeing on all (either side may leave a port's side or
 * a departure unsaid).
 */
export const REFERENCE_AGREES =
  'A reference record of it disputes none of LL2’s port, docking and departure (times within both records’ precision).'

/** That the reference matched every record named together and disputes none of them. */
function disputesNone(records: number): string {
  if (records === 1) return 'The reference disputes nothing in this record.'
  return records === 2
    ? 'The reference disputes neither record.'
    : 'The reference disputes none of these records.'
}

/**
 * What the reference says of records named together (an overlap's two, a
 * data check's): each disagreement with any of them, or that it disputes none
 * when it matched them all; nothing when it is silent on one of them, since
 * a reader could not tell which. Empty while no comparison is known.
 */
export function referenceWords(
  eventIds: ReadonlyArray<number>,
  comparison: ReferenceComparison | null,
): string[] {
  if (eventIds.length === 0) return []
  const verdicts = eventIds.map((id) => referenceVerdict(comparison, id))
  const said = verdicts.flatMap((v) => (v.kind === 'disagrees' ? v.conflicts : []))
  // Each sentence once: the list keys its lines by their words.
  if (said.length > 0) return [...new Set(said.map(conflictSentence))]
  return verdicts.every((v) => v.kind === 'agrees') ? [disputesNone(eventIds.length)] : []
}

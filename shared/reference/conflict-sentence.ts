/**
 * A disagreement between LL2 and a reference record as one sentence, the
 * reference first: what the overlap list and the details panel say of a
 * record. Times are UTC at each record's precision (`conflictValueText`).
 */
import { referenceVerdict, type ReferenceComparison } from './compare'
import { missingSentence } from './missing-record'
import { conflictValueText, type ConflictValue, type SourceConflict } from './source-conflict'

/** "leaving 1994-01-24 (day precision)", or that the record gives no departure. */
function departureWords(v: ConflictValue | null): string {
  return v?.kind === 'no-departure' ? 'with no departure' : `leaving ${conflictValueText(v)}`
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
    case 'missing-in-ll2':
      return missingSentence(c)!
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

/**
 * A disagreement between LL2 and a reference record as one sentence, the
 * reference first: what the overlap list and the details panel say of a
 * record. Times are UTC at each record's precision (`conflictValueText`).
 */
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
      return `The reference, which covers ${c.station} then, has no record of ${c.vehicle} there.`
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

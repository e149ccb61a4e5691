/**
 * A record one side has and the other lacks (`missing-in-ll2`,
 * `missing-in-reference`), in words. Where the lacking side has the vehicle
 * at that station at other times (`elsewhere`), the words say so: "no record
 * of it there" would claim more than that side does.
 */
import { DAY_MS } from '../domain/units'
import { formatInstant } from '../time/time-format'
import { MATCH_WINDOW_MS } from './match'
import {
  conflictValueText,
  type ConflictValue,
  type ElsewhereStay,
  type SourceConflict,
} from './source-conflict'

const MATCH_WINDOW_DAYS = MATCH_WINDOW_MS / DAY_MS
/** Other stays named at most; the nearest in time to the record. */
const NEAREST = 2

/** The two sides, as a sentence names them, and as a noun before "record". */
const SIDE = { ll2: 'LL2', reference: 'the reference' } as const
const RECORD_OF = { ll2: 'LL2', reference: 'reference' } as const
export type ConflictSide = keyof typeof SIDE

/** For a record one side lacks: that side, and the other, which has it; null for other kinds. */
function sidesOf(c: SourceConflict): { lacking: ConflictSide; having: ConflictSide } | null {
  if (c.kind === 'missing-in-reference') return { lacking: 'reference', having: 'll2' }
  return c.kind === 'missing-in-ll2' ? { lacking: 'll2', having: 'reference' } : null
}

/** "from 1986-05-06 16:57 UTC at Salyut-7 aft": a stay, at its record's precision. */
function stayWords(v: ConflictValue | null): string {
  if (v?.kind !== 'stay') return conflictValueText(v) ?? 'no record'
  const when = formatInstant(v.docking, 'utc', v.precision)
  return v.portName ? `from ${when} at ${v.portName}` : `from ${when}`
}

const dockingOf = (v: ConflictValue | null): number | null =>
  v?.kind === 'stay' ? v.docking : null

/**
 * The lacking side's stays of the vehicle there: `near` ones (within the
 * match window of the record) are paired with another record of the having
 * side, since the matcher pairs any near stay and record it leaves over;
 * `far` ones are its other stays there, nearest first.
 */
function splitElsewhere(c: SourceConflict, having: ConflictSide) {
  const at = dockingOf(c[having])
  const gap = (e: ElsewhereStay) => Math.abs((dockingOf(e.stay) ?? Infinity) - (at ?? Infinity))
  const all = [...(c.elsewhere ?? [])].sort((a, b) => gap(a) - gap(b))
  const isNear = (e: ElsewhereStay) => at !== null && gap(e) <= MATCH_WINDOW_MS
  return { near: all.filter(isNear), far: all.filter((e) => !isNear(e)) }
}

/**
 * The nearest few stays in time order ("from … and from … (the 2 nearest of
 * 6)"), and the vehicle name they share, if one; without one, each stay
 * carries its own.
 */
function staysWords(stays: ReadonlyArray<ElsewhereStay>): {
  name: string | null
  words: string
} {
  const shown = stays
    .slice(0, NEAREST)
    .sort((a, b) => (dockingOf(a.stay) ?? 0) - (dockingOf(b.stay) ?? 0))
  const names = new Set(shown.map((e) => e.vehicle))
  const name = names.size === 1 ? [...names][0]! : null
  const each = shown
    .map((e) => (name === null ? `${e.vehicle} ${stayWords(e.stay)}` : stayWords(e.stay)))
    .join(' and ')
  const more = stays.length > NEAREST ? ` (the ${NEAREST} nearest of ${stays.length})` : ''
  return { name, words: each + more }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The conflict in one sentence; null for a conflict of another kind. */
export function missingSentence(c: SourceConflict): string | null {
  const sides = sidesOf(c)
  if (!sides) return null
  const { lacking, having } = sides
  const { near, far } = splitElsewhere(c, having)
  const [lacks, has] = [capital(SIDE[lacking]), SIDE[having]]
  const record = stayWords(c[having])
  if (near.length > 0)
    return `${lacks}’s record of ${c.vehicle} at ${c.station} ${staysWords(near).words} matches another ${RECORD_OF[having]} record; none matches ${has}’s record ${record}.`
  if (far.length > 0) {
    const { name, words } = staysWords(far)
    const it = name === null ? `there ${words}` : `${name} there ${words}`
    return `${lacks} has no record of ${c.vehicle} at ${c.station} within ${MATCH_WINDOW_DAYS} days of ${has}’s, ${record}; it has ${it}.`
  }
  return lacking === 'reference'
    ? `The reference, which covers ${c.station} then, has no record of ${c.vehicle} there.`
    : `LL2 has no record of ${c.vehicle} at ${c.station}; the reference has it at ${conflictValueText(c.reference)}.`
}

/**
 * What one side says in a conflict, in words for a table cell: its value,
 * or for a record it lacks, its stays of the vehicle there at other times;
 * null when it has no record of the vehicle there at all.
 */
export function conflictSideText(c: SourceConflict, side: ConflictSide): string | null {
  const value = conflictValueText(c[side])
  const sides = sidesOf(c)
  if (value !== null || sides?.lacking !== side) return value
  const { near, far } = splitElsewhere(c, sides.having)
  if (near.length > 0)
    return `none; its record ${staysWords(near).words} matches another ${RECORD_OF[sides.having]} record`
  if (far.length === 0) return null
  const { name, words } = staysWords(far)
  // The vehicle's name where this side spells it otherwise (an orbiter for a Shuttle flight).
  const named = name === null || name === c.vehicle ? words : `${name} ${words}`
  return `none within ${MATCH_WINDOW_DAYS} days; ${named}`
}

/**
 * The shape of a disagreement between LL2 and a reference record. The
 * comparison (`compare.ts`) makes them; the "Source conflicts" panel, the
 * query's "conflicts with reference" filter and `cli compare` read them.
 */
import type { TimePrecision } from '../domain/model'
import type { EventId, ReferenceId, UtcMillis } from '../domain/units'
import { formatInstant } from '../time/time-format'
import { groupBy } from '../chart/group-by'

/** Every kind of disagreement, in the order lists show them. */
export const CONFLICT_KINDS = [
  'port',
  'docking',
  'departure',
  'missing-in-ll2',
  'missing-in-reference',
] as const

/** What the two records disagree on. */
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

/** One side's statement in a disagreement. */
export type ConflictValue =
  | { readonly kind: 'port'; readonly name: string; readonly inferred: boolean }
  | { readonly kind: 'time'; readonly at: UtcMillis; readonly precision: TimePrecision }
  /** The record gives no departure. */
  | { readonly kind: 'no-departure' }
  /** A whole stay, for a record the other side lacks. */
  | {
      readonly kind: 'stay'
      readonly portName: string | null
      readonly docking: UtcMillis
      readonly precision: TimePrecision
    }

/**
 * One side's stay of a vehicle that side lacks a partner for on the other:
 * where and when, and the sources it rests on (for LL2, its record's address).
 */
export interface ElsewhereStay {
  /** The vehicle as that side names it (LL2 "Space Shuttle Atlantis", the reference "STS-71 (Atlantis)"). */
  readonly vehicle: string
  readonly stay: ConflictValue
  readonly sources: ReadonlyArray<string>
}

/** One disagreement between an LL2 event and a reference record. */
export interface SourceConflict {
  readonly kind: ConflictKind
  readonly vehicle: string
  readonly station: string
  /** The LL2 event; null for `missing-in-ll2`. */
  readonly ll2Id: EventId | null
  /** The reference record; null for `missing-in-reference`. */
  readonly referenceId: ReferenceId | null
  /** The reference set holding the record (for `missing-in-reference`, the set that covers the time). */
  readonly referenceSet: string
  /** What LL2 says; null when it has no record. */
  readonly ll2: ConflictValue | null
  /** What the reference says; null when it has no record. */
  readonly reference: ConflictValue | null
  /**
   * For a record one side lacks (`missing-in-ll2`, `missing-in-reference`):
   * that side's stays of the same vehicle at the same station, none of them
   * paired with this record (empty: it has none there at all). Absent for
   * the other kinds.
   */
  readonly elsewhere?: ReadonlyArray<ElsewhereStay>
  /**
   * The reference record's sources, or the LL2 record's address for
   * `missing-in-reference` (`referenceSources` gives the reference's alone).
   */
  readonly sources: ReadonlyArray<string>
  /** When it happened (the earlier docking of the two), for ordering and going there. */
  readonly at: UtcMillis
}

/** A statement in words, UTC and never more precise than its record; null for no record. */
export function conflictValueText(value: ConflictValue | null): string | null {
  if (value === null) return null
  switch (value.kind) {
    case 'port':
      return value.inferred ? `${value.name} (port inferred)` : value.name
    case 'time':
      return formatInstant(value.at, 'utc', value.precision)
    case 'no-departure':
      return 'no departure'
    case 'stay': {
      const when = formatInstant(value.docking, 'utc', value.precision)
      return value.portName ? `${value.portName} from ${when}` : `docked ${when}`
    }
  }
}

/** How many conflicts of each kind, every kind present (0 when none). */
export function countConflicts(
  conflicts: ReadonlyArray<SourceConflict>,
): Readonly<Record<ConflictKind, number>> {
  const counts = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, 0])) as Record<
    ConflictKind,
    number
  >
  for (const c of conflicts) counts[c.kind]++
  return counts
}

/** The conflicts naming each LL2 event, in the order given. */
export function conflictsByEvent(
  conflicts: ReadonlyArray<SourceConflict>,
): ReadonlyMap<number, ReadonlyArray<SourceConflict>> {
  return groupBy(
    conflicts.filter((c) => c.ll2Id !== null),
    (c) => c.ll2Id as number,
  )
}

/** The sources of the reference's own records a conflict speaks of: none of LL2's addresses. */
export function referenceSources(c: SourceConflict): ReadonlyArray<string> {
  if (c.kind !== 'missing-in-reference') return c.sources
  return [...new Set((c.elsewhere ?? []).flatMap((e) => e.sources))]
}

/** The LL2 record's address, where a conflict gives it as its source (a record the reference lacks). */
export function ll2Sources(c: SourceConflict): ReadonlyArray<string> {
  return c.kind === 'missing-in-reference' ? c.sources : []
}

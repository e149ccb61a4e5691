/**
 * LL2 against the references: every disagreement on port, docking or
 * departure between matched records, and every record one side lacks.
 *
 * A time differs only beyond both records' precision; a port only when
 * both names say which side (`portSide`). An LL2 event is "missing in the
 * reference" only where a reference set claims to cover: its station,
 * between the set's first docking and last departure there.
 */
import { groupBy } from '../chart/group-by'
import type { DockingEvent } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import { matchStays, stayKey, type StayMatch } from './match'
import { portSide } from './port-side'
import { ll2Precision, timesDisagree } from './precision'
import { isPortInferred, type ReferenceData, type ReferenceStay } from './reference-stay'
import {
  conflictsByEvent,
  CONFLICT_KINDS,
  type ConflictValue,
  type ElsewhereStay,
  type SourceConflict,
} from './source-conflict'
import { stationKey } from './station-key'

/** Where and when one reference set speaks for a station. */
export interface ReferenceCoverage {
  readonly setId: string
  readonly stationKey: string
  readonly start: UtcMillis
  readonly end: UtcMillis
}

/** Each set's span at each of its stations. */
export function referenceCoverage(stays: ReadonlyArray<ReferenceStay>): ReferenceCoverage[] {
  const spans = new Map<string, { setId: string; stationKey: string; start: number; end: number }>()
  for (const s of stays) {
    const station = stationKey(s.stationName)
    const key = `${s.setId}\u0000${station}`
    const end = Math.max(s.docking.at, s.departure?.at ?? s.docking.at)
    const span = spans.get(key)
    if (!span) spans.set(key, { setId: s.setId, stationKey: station, start: s.docking.at, end })
    else {
      span.start = Math.min(span.start, s.docking.at)
      span.end = Math.max(span.end, end)
    }
  }
  return [...spans.values()].map((c) => ({
    ...c,
    start: c.start as UtcMillis,
    end: c.end as UtcMillis,
  }))
}

function pairConflicts({ stay, event }: StayMatch): SourceConflict[] {
  const base = {
    vehicle: event.vehicle,
    station: event.stationName ?? stay.stationName,
    ll2Id: event.id,
    referenceId: stay.id,
    referenceSet: stay.setId,
    sources: stay.sources,
    at: Math.min(event.docking, stay.docking.at) as UtcMillis,
  }
  const out: SourceConflict[] = []
  const ll2Side = portSide(event.portName)
  const refSide = portSide(stay.portName)
  if (ll2Side !== null && refSide !== null && ll2Side !== refSide)
    out.push({
      ...base,
      kind: 'port',
      ll2: { kind: 'port', name: event.portName ?? '', inferred: false },
      reference: { kind: 'port', name: stay.portName, inferred: isPortInferred(stay) },
    })
  const dockingPrecision = ll2Precision(event.docking, event.provenance?.dockingPrecision)
  if (timesDisagree(event.docking, dockingPrecision, stay.docking.at, stay.docking.precision))
    out.push({
      ...base,
      kind: 'docking',
      ll2: { kind: 'time', at: event.docking, precision: dockingPrecision },
      reference: { kind: 'time', ...stay.docking },
    })
  const ref = stay.departure
  if (ref !== null) {
    const at = event.departure
    const precision = at === null ? null : ll2Precision(at, event.provenance?.departurePrecision)
    if (at === null || timesDisagree(at, precision!, ref.at, ref.precision))
      out.push({
        ...base,
        kind: 'departure',
        ll2: at === null ? { kind: 'no-departure' } : { kind: 'time', at, precision: precision! },
        reference: { kind: 'time', ...ref },
      })
  }
  return out
}

/** An LL2 record as one side of a conflict: where and when it docked. */
const eventValue = (event: DockingEvent): ConflictValue => ({
  kind: 'stay',
  portName: event.portName,
  docking: event.docking,
  precision: ll2Precision(event.docking, event.provenance?.dockingPrecision),
})

/** An LL2 record's sources, as a conflict cites them: its own address. */
const recordAddress = (event: DockingEvent): ReadonlyArray<string> => (event.url ? [event.url] : [])

/** An LL2 record as the other side of a conflict, with its address for a source. */
const ll2Stay = (event: DockingEvent): ElsewhereStay => ({
  vehicle: event.vehicle,
  stay: eventValue(event),
  sources: recordAddress(event),
})

function missingInLl2(stay: ReferenceStay, elsewhere: ReadonlyArray<DockingEvent>): SourceConflict {
  return {
    kind: 'missing-in-ll2',
    vehicle: stay.vehicle,
    station: stay.stationName,
    ll2Id: null,
    referenceId: stay.id,
    referenceSet: stay.setId,
    ll2: null,
    reference: stayValue(stay),
    elsewhere: elsewhere.map(ll2Stay),
    sources: stay.sources,
    at: stay.docking.at,
  }
}

/** A reference stay as one side of a conflict: where and when it docked. */
const stayValue = (stay: ReferenceStay): ConflictValue => ({
  kind: 'stay',
  portName: stay.portName,
  docking: stay.docking.at,
  precision: stay.docking.precision,
})

/** A reference stay as the other side of a conflict, with its sources. */
const referenceStay = (stay: ReferenceStay): ElsewhereStay => ({
  vehicle: stay.vehicle,
  stay: stayValue(stay),
  sources: stay.sources,
})

function missingInReference(
  event: DockingEvent,
  cover: ReferenceCoverage,
  elsewhere: ReadonlyArray<ReferenceStay>,
): SourceConflict {
  return {
    kind: 'missing-in-reference',
    vehicle: event.vehicle,
    station: event.stationName ?? '',
    ll2Id: event.id,
    referenceId: null,
    referenceSet: cover.setId,
    ll2: eventValue(event),
    reference: null,
    elsewhere: elsewhere.map(referenceStay),
    sources: recordAddress(event),
    at: event.docking,
  }
}

const KIND_ORDER = new Map(CONFLICT_KINDS.map((k, i) => [k, i]))

/** Every disagreement, and the events a reference record was matched to. */
function compared(
  events: ReadonlyArray<DockingEvent>,
  reference: ReferenceData,
): { conflicts: ReadonlyArray<SourceConflict>; matched: ReadonlySet<number> } {
  if (reference.stays.length === 0) return { conflicts: [], matched: new Set() }
  const { matches, unmatchedStays, unmatchedEvents, eventsByKey } = matchStays(
    reference.stays,
    events,
  )
  const coverage = referenceCoverage(reference.stays)
  const staysByKey = groupBy(reference.stays, (s) => stayKey(s.stationName, s.vehicle))
  const conflicts: SourceConflict[] = matches.flatMap(pairConflicts)
  for (const stay of unmatchedStays) {
    const elsewhere = eventsByKey.get(stayKey(stay.stationName, stay.vehicle)) ?? []
    conflicts.push(missingInLl2(stay, elsewhere))
  }
  for (const event of unmatchedEvents) {
    if (event.stationName === null) continue
    const station = stationKey(event.stationName)
    const cover = coverage.find(
      (c) => c.stationKey === station && event.docking >= c.start && event.docking <= c.end,
    )
    if (!cover) continue
    const elsewhere = staysByKey.get(stayKey(event.stationName, event.vehicle)) ?? []
    conflicts.push(missingInReference(event, cover, elsewhere))
  }
  conflicts.sort(
    (a, b) =>
      a.at - b.at ||
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      (a.ll2Id ?? 0) - (b.ll2Id ?? 0) ||
      (a.referenceId ?? 0) - (b.referenceId ?? 0),
  )
  return { conflicts, matched: new Set(matches.map((m) => m.event.id)) }
}

/**
 * Every disagreement between the events and the reference, by time, then
 * kind. Pass all events, not a filtered few: an event filtered out would
 * make its reference stay look missing.
 */
export function compareWithReference(
  events: ReadonlyArray<DockingEvent>,
  reference: ReferenceData,
): ReadonlyArray<SourceConflict> {
  return compared(events, reference).conflicts
}

/** The reference, its conflicts with the events, and what it says of each event. */
export interface ReferenceComparison {
  readonly data: ReferenceData
  readonly conflicts: ReadonlyArray<SourceConflict>
  /** The conflicts naming each event: its keys are the events in conflict. */
  readonly byEvent: ReadonlyMap<number, ReadonlyArray<SourceConflict>>
  /** Events a reference record was matched to (with or without a conflict). */
  readonly matchedEventIds: ReadonlySet<number>
}

/** Compares once, for every reader of the same events and reference. */
export function referenceComparison(
  events: ReadonlyArray<DockingEvent>,
  data: ReferenceData,
): ReferenceComparison {
  const { conflicts, matched } = compared(events, data)
  const byEvent = conflictsByEvent(conflicts)
  return {
    data,
    conflicts,
    byEvent,
    matchedEventIds: matched,
  }
}

/**
 * What the reference says of one LL2 event: nothing (no record of it and no
 * claim to cover it), that it agrees (a record matched, no conflict), or
 * where it disagrees.
 */
export type ReferenceVerdict =
  | { readonly kind: 'silent' }
  | { readonly kind: 'agrees' }
  | { readonly kind: 'disagrees'; readonly conflicts: ReadonlyArray<SourceConflict> }

/** The reference's verdict on event `id`; silent while the comparison is not known. */
export function referenceVerdict(
  comparison: ReferenceComparison | null,
  id: number,
): ReferenceVerdict {
  const conflicts = comparison?.byEvent.get(id)
  if (conflicts) return { kind: 'disagrees', conflicts }
  return comparison?.matchedEventIds.has(id) ? { kind: 'agrees' } : { kind: 'silent' }
}

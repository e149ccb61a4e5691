import { describe, expect, it } from 'vitest'

import type { DockingEvent } from '../../../shared/domain/model'
import {
  compareWithReference,
  referenceComparison,
  referenceVerdict,
} from '../../../shared/reference/compare'
import { conflictSentence, referenceWords } from '../../../shared/reference/conflict-sentence'
import type { ReferenceStay } from '../../../shared/reference/reference-stay'
import { conflictSideText } from '../../../shared/reference/missing-record'
import { referenceSources } from '../../../shared/reference/source-conflict'
import { makeEvent, type EventSpec } from '../query/make-event'
import { makeStay, referenceOf, type StaySpec } from './make-stay'

// LL2 puts Soyuz 26 at the forward port (record 183), RP-1357 at the aft.
const SOYUZ_26: EventSpec = {
  id: 183,
  vehicle: 'Soyuz 26',
  station: [14, 'Salyut 6'],
  port: [4, 'Salyut-6 forward'],
  docking: '1977-12-11T03:02:41Z',
  departure: '1978-01-16T08:08:00Z',
}
const SOYUZ_26_REF: StaySpec = {
  id: 900001,
  vehicle: 'Soyuz 26',
  port: 'Salyut-6 aft',
  docking: '1977-12-11T03:02:41Z',
  departure: '1978-01-16T08:08:00Z',
}
const AFT = [9, 'Salyut-6 aft'] as const

const sentences = (events: ReadonlyArray<DockingEvent>, ...stays: ReferenceStay[]) =>
  compareWithReference(events, referenceOf(...stays)).map(conflictSentence)

describe('a disagreement with the reference in words', () => {
  it('says where the reference puts a vehicle, and where LL2 does', () => {
    expect(sentences([makeEvent(SOYUZ_26)], makeStay(SOYUZ_26_REF))).toEqual([
      'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
    ])
    const inferred = makeStay({ ...SOYUZ_26_REF, portBasis: 'inferred from the sequence' })
    expect(sentences([makeEvent(SOYUZ_26)], inferred)).toEqual([
      'The reference puts Soyuz 26 at Salyut-6 aft (port inferred); LL2 at Salyut-6 forward.',
    ])
  })

  it('gives each time at its own precision, and says so when a side gives no departure', () => {
    const late = makeEvent({ ...SOYUZ_26, port: AFT, docking: '1977-12-11T06:02:41Z' })
    expect(sentences([late], makeStay(SOYUZ_26_REF))).toEqual([
      'The reference has Soyuz 26 docking 1977-12-11 03:02 UTC; LL2 1977-12-11 06:02:41 UTC.',
    ])
    const open = makeEvent({ ...SOYUZ_26, port: AFT, departure: null })
    expect(sentences([open], makeStay(SOYUZ_26_REF))).toEqual([
      'The reference has Soyuz 26 leaving 1978-01-16 08:08 UTC; LL2 with no departure.',
    ])
    const byDay = makeStay({
      ...SOYUZ_26_REF,
      departure: '1978-01-20T00:00:00Z',
      departurePrecision: 'day',
    })
    expect(sentences([makeEvent({ ...SOYUZ_26, port: AFT })], byDay)).toEqual([
      'The reference has Soyuz 26 leaving 1978-01-20 (day precision); LL2 leaving 1978-01-16 08:08:00 UTC.',
    ])
  })

  it('says when a reference that covers the station then has no record of an LL2 docking', () => {
    const progress = makeEvent({
      id: 500,
      vehicle: 'Progress 99',
      station: [14, 'Salyut 6'],
      docking: '1977-12-20T00:00:00Z',
    })
    expect(
      sentences([makeEvent({ ...SOYUZ_26, port: AFT }), progress], makeStay(SOYUZ_26_REF)),
    ).toEqual(['The reference, which covers Salyut 6 then, has no record of Progress 99 there.'])
  })

  // LL2 record 223 dates Soyuz T-15's Salyut 7 stay from its Mir docking; RP-1357 has it from 6 May.
  it('names the reference’s other stays of the vehicle there instead of saying it has none', () => {
    const t15 = {
      ...makeEvent({
        id: 223,
        vehicle: 'Soyuz T-15',
        station: [16, 'Salyut 7'],
        port: [30, 'Salyut-7 forward'],
        docking: '1986-03-15T13:38:42Z',
      }),
      url: 'https://ll.thespacedevs.com/2.3.0/docking_events/223/',
    }
    const t15Ref = makeStay({
      id: 900100,
      vehicle: 'Soyuz T-15',
      station: 'Salyut 7',
      port: 'Salyut-7 aft',
      docking: '1986-05-06T16:57:52Z',
      departure: '1986-06-25T14:58:00Z',
    })
    // Soyuz T-14, earlier, puts LL2's date inside what the reference covers.
    const t14Ref = makeStay({
      id: 900099,
      vehicle: 'Soyuz T-14',
      station: 'Salyut 7',
      docking: '1985-09-18T14:15:00Z',
    })
    const comparison = referenceComparison([t15], referenceOf(t14Ref, t15Ref))
    const missing = comparison.conflicts.find((c) => c.kind === 'missing-in-reference')!
    expect(conflictSentence(missing)).toBe(
      'The reference has no record of Soyuz T-15 at Salyut 7 within 2 days of LL2’s, from 1986-03-15 13:38:42 UTC at Salyut-7 forward; it has Soyuz T-15 there from 1986-05-06 16:57 UTC at Salyut-7 aft.',
    )
    expect(conflictSideText(missing, 'reference')).toBe(
      'none within 2 days; from 1986-05-06 16:57 UTC at Salyut-7 aft',
    )
    // Cited by the reference's own record of that stay, not by LL2's address.
    expect(referenceSources(missing)).toEqual([t15Ref.sources[0]])
    expect(missing.sources).toEqual([t15.url])
    // The stay it has is a conflict of its own, which names no LL2 record.
    const other = comparison.conflicts.find((c) => c.referenceId === t15Ref.id)!
    expect(conflictSideText(other, 'reference')).toBe('Salyut-7 aft from 1986-05-06 16:57 UTC')
  })
})

const soyuz26 = makeEvent(SOYUZ_26)
const soyuz27 = makeEvent({
  ...SOYUZ_26,
  id: 185,
  vehicle: 'Soyuz 27',
  docking: '1978-01-11T14:05:54Z',
  departure: '1978-03-16T11:00:00Z',
})
const elsewhere = makeEvent({
  id: 600,
  vehicle: 'Soyuz TM-2',
  station: [5, 'Mir'],
  docking: '1987-02-09T00:00:00Z',
})
// RP-1357 dates Soyuz 27's departure by the day only: 11:00 that day is no disagreement.
const soyuz27Ref = makeStay({
  id: 900002,
  vehicle: 'Soyuz 27',
  port: 'Salyut-6 forward',
  docking: '1978-01-11T14:05:54Z',
  departure: '1978-03-16T00:00:00Z',
  departurePrecision: 'day',
})

describe('a record the reference lacks, where it has the vehicle there', () => {
  it('says a reference record near it matches another LL2 record: LL2 holds that docking twice', () => {
    const twice = makeEvent({
      ...SOYUZ_26,
      id: 187,
      vehicle: 'Soyuz 27',
      docking: '1978-01-11T14:05:54Z',
    })
    const comparison = referenceComparison(
      [makeEvent({ ...SOYUZ_26, port: AFT }), soyuz27, twice],
      referenceOf(makeStay(SOYUZ_26_REF), soyuz27Ref),
    )
    const missing = comparison.conflicts.filter((c) => c.kind === 'missing-in-reference')
    expect(missing.map((c) => c.ll2Id)).toEqual([twice.id])
    expect(conflictSentence(missing[0]!)).toBe(
      'The reference’s record of Soyuz 27 at Salyut 6 from 1978-01-11 14:05 UTC at Salyut-6 forward matches another LL2 record; none matches LL2’s record from 1978-01-11 14:05:54 UTC at Salyut-6 forward.',
    )
    expect(conflictSideText(missing[0]!, 'reference')).toBe(
      'none; its record from 1978-01-11 14:05 UTC at Salyut-6 forward matches another LL2 record',
    )
  })
})

describe('a reference record LL2 lacks, where LL2 has the vehicle there', () => {
  const SALYUT_7 = [16, 'Salyut 7'] as const
  it('names LL2’s own records of it: a move between ports that LL2 leaves out', () => {
    // RP-1357 lists Soyuz T-7's move to the forward port as a stay of its own; LL2 only its docking.
    const t7 = makeEvent({
      id: 216,
      vehicle: 'Soyuz T-7',
      station: SALYUT_7,
      port: [31, 'Salyut-7 aft'],
      docking: '1982-08-20T18:32:00Z',
    })
    const [docked, moved] = [
      { id: 900010, port: 'Salyut-7 aft', docking: '1982-08-20T18:32:00Z' },
      { id: 900011, port: 'Salyut-7 forward', docking: '1982-08-29T00:00:00Z' },
    ].map((s) =>
      makeStay({ ...s, vehicle: 'Soyuz T-7', station: 'Salyut 7', dockingPrecision: 'minute' }),
    )
    const missing = compareWithReference([t7], referenceOf(docked!, moved!)).find(
      (c) => c.kind === 'missing-in-ll2',
    )!
    expect(conflictSentence(missing)).toBe(
      'LL2 has no record of Soyuz T-7 at Salyut 7 within 2 days of the reference’s, from 1982-08-29 00:00 UTC at Salyut-7 forward; it has Soyuz T-7 there from 1982-08-20 18:32:00 UTC at Salyut-7 aft.',
    )
    expect(conflictSideText(missing, 'll2')).toBe(
      'none within 2 days; from 1982-08-20 18:32:00 UTC at Salyut-7 aft',
    )
  })

  it('names the nearest two under LL2’s own name for the vehicle, and how many it has', () => {
    const atlantis = ['1995-06-29T13:00:16Z', '1995-11-15T06:27:38Z', '1996-09-19T03:13:18Z'].map(
      (docking, i) =>
        makeEvent({
          id: 300 + i,
          vehicle: 'Space Shuttle Atlantis',
          station: [5, 'Mir'],
          port: [50, 'Mir SO'],
          docking,
        }),
    )
    const sts76 = makeStay({
      id: 900020,
      vehicle: 'STS-76 (Atlantis)',
      station: 'Mir',
      port: 'Docking Module (SO)',
      docking: '1996-03-24T00:00:00Z',
      dockingPrecision: 'day',
    })
    const missing = compareWithReference(atlantis, referenceOf(sts76)).find(
      (c) => c.kind === 'missing-in-ll2',
    )!
    expect(conflictSideText(missing, 'll2')).toBe(
      'none within 2 days; Space Shuttle Atlantis from 1995-11-15 06:27:38 UTC at Mir SO and from 1996-09-19 03:13:18 UTC at Mir SO (the 2 nearest of 3)',
    )
    expect(conflictSentence(missing)).toBe(
      'LL2 has no record of STS-76 (Atlantis) at Mir within 2 days of the reference’s, from 1996-03-24 (day precision) at Docking Module (SO); it has Space Shuttle Atlantis there from 1995-11-15 06:27:38 UTC at Mir SO and from 1996-09-19 03:13:18 UTC at Mir SO (the 2 nearest of 3).',
    )
  })
})

describe('the reference’s verdict on one LL2 docking', () => {
  const comparison = referenceComparison(
    [soyuz26, soyuz27, elsewhere],
    referenceOf(makeStay(SOYUZ_26_REF), soyuz27Ref),
  )

  it('disagrees where a conflict names it, each conflict once', () => {
    const v = referenceVerdict(comparison, soyuz26.id)
    expect(v.kind).toBe('disagrees')
    expect(v.kind === 'disagrees' && v.conflicts.map((c) => c.kind)).toEqual(['port'])
    expect([...comparison.byEvent.keys()]).toEqual([soyuz26.id])
  })

  it('disputes nothing where a record matched it without conflict', () => {
    expect(referenceVerdict(comparison, soyuz27.id)).toEqual({ kind: 'agrees' })
  })

  it('is silent where no reference speaks, and before the comparison is known', () => {
    expect(referenceVerdict(comparison, elsewhere.id)).toEqual({ kind: 'silent' })
    expect(referenceVerdict(null, soyuz26.id)).toEqual({ kind: 'silent' })
  })
})

describe('what the reference says of records listed together', () => {
  const soyuz28 = makeEvent({
    ...SOYUZ_26,
    id: 186,
    vehicle: 'Soyuz 28',
    docking: '1978-03-03T17:28:00Z',
    departure: '1978-03-10T13:23:00Z',
  })
  const soyuz28Ref = makeStay({
    id: 900003,
    vehicle: 'Soyuz 28',
    port: 'Salyut-6 forward',
    docking: '1978-03-03T17:28:00Z',
    departure: '1978-03-10T13:23:00Z',
  })
  const comparison = referenceComparison(
    [soyuz26, soyuz27, soyuz28, elsewhere],
    referenceOf(makeStay(SOYUZ_26_REF), soyuz27Ref, soyuz28Ref),
  )

  it('gives every disagreement with any of them', () => {
    expect(referenceWords([soyuz27.id, soyuz26.id], comparison)).toEqual([
      'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
    ])
  })

  it('says it disputes none of them when it matched each, by how many there are', () => {
    expect(referenceWords([soyuz27.id], comparison)).toEqual([
      'The reference disputes nothing in this record.',
    ])
    expect(referenceWords([soyuz27.id, soyuz28.id], comparison)).toEqual([
      'The reference disputes neither record.',
    ])
  })

  it('says nothing when it is silent on one of them, or not yet known', () => {
    expect(referenceWords([soyuz27.id, elsewhere.id], comparison)).toEqual([])
    expect(referenceWords([soyuz26.id], null)).toEqual([])
    expect(referenceWords([], comparison)).toEqual([])
  })
})

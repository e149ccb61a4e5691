import { describe, expect, it } from 'vitest'

import { compareWithReference } from '../../../shared/reference/compare'
import { matchStays } from '../../../shared/reference/match'
import {
  conflictValueText,
  countConflicts,
  type SourceConflict,
} from '../../../shared/reference/source-conflict'
import { makeEvent } from '../query/make-event'
import { makeStay, referenceOf } from './make-stay'

const SALYUT_6 = [14, 'Salyut 6'] as const
const FORWARD = [4, 'Forward'] as const
const AFT = [9, 'Core aft'] as const

// LL2 record 183 and the RP-1357 record beside it, as both give them.
const soyuz26Ll2 = makeEvent({
  id: 183,
  vehicle: 'Soyuz 26',
  station: SALYUT_6,
  port: FORWARD,
  docking: '1977-12-11T03:02:41Z',
  departure: '1978-01-16T08:08:00Z',
})
const soyuz26Ref = makeStay({
  id: 900001,
  vehicle: 'Soyuz 26',
  port: 'Salyut-6 aft',
  docking: '1977-12-11T03:02:41Z',
  departure: '1978-01-16T08:08:00Z',
})

const kinds = (conflicts: ReadonlyArray<SourceConflict>) => conflicts.map((c) => c.kind)

describe('matchStays', () => {
  it('pairs the same vehicle at the same station despite different ids and spellings', () => {
    const ll2 = makeEvent({
      id: 208,
      vehicle: 'Soyuz T-5',
      station: [15, 'Salyut 7'],
      docking: '1982-05-14T12:36:00Z',
    })
    const ref = makeStay({
      id: 900036,
      vehicle: 'Soyuz-T 5',
      station: 'Salyut-7',
      port: 'Salyut-7 aft',
      docking: '1982-05-14T12:36:00Z',
    })
    const m = matchStays([ref], [ll2])
    expect(m.matches).toHaveLength(1)
    expect(m.unmatchedStays).toHaveLength(0)
    expect(m.unmatchedEvents).toHaveLength(0)
  })

  it('does not pair dockings more than two days apart', () => {
    const ll2 = makeEvent({
      id: 1,
      vehicle: 'Soyuz 26',
      station: SALYUT_6,
      docking: '1977-12-13T03:02:42Z',
    })
    const m = matchStays([soyuz26Ref], [ll2])
    expect(m.matches).toHaveLength(0)
  })

  it('does not pair the same vehicle name at another station', () => {
    const ll2 = makeEvent({
      id: 223,
      vehicle: 'Soyuz 26',
      station: [15, 'Salyut 7'],
      docking: '1977-12-11T03:02:41Z',
    })
    expect(matchStays([soyuz26Ref], [ll2]).matches).toHaveLength(0)
  })

  it('pairs a relocation leg by leg, closest docking first', () => {
    // Soyuz 31: aft on 27 August, moved forward on 7 September (LL2 189 and 190).
    const aftLl2 = makeEvent({
      id: 189,
      vehicle: 'Soyuz 31',
      station: SALYUT_6,
      port: AFT,
      docking: '1978-08-27T21:37:00Z',
      departure: '1978-09-07T10:53:00Z',
    })
    const fwdLl2 = makeEvent({
      id: 190,
      vehicle: 'Soyuz 31',
      station: SALYUT_6,
      port: FORWARD,
      docking: '1978-09-07T11:21:00Z',
    })
    const fwdRef = makeStay({
      id: 900010,
      vehicle: 'Soyuz 31',
      port: 'Salyut-6 forward',
      docking: '1978-09-07T11:21:00Z',
    })
    const aftRef = makeStay({ id: 900009, vehicle: 'Soyuz 31', docking: '1978-08-27T21:37:00Z' })
    const m = matchStays([fwdRef, aftRef], [aftLl2, fwdLl2])
    const pairs = m.matches.map((p) => [p.stay.id, p.event.id]).sort()
    expect(pairs).toEqual([
      [900009, 189],
      [900010, 190],
    ])
  })
})

describe('compareWithReference', () => {
  it('reports Soyuz 26 at the forward port in LL2 and aft in RP-1357 as a port conflict', () => {
    const conflicts = compareWithReference([soyuz26Ll2], referenceOf(soyuz26Ref))
    expect(kinds(conflicts)).toEqual(['port'])
    const c = conflicts[0]!
    expect(c).toMatchObject({
      vehicle: 'Soyuz 26',
      station: 'Salyut 6',
      ll2Id: 183,
      referenceId: 900001,
    })
    expect(conflictValueText(c.ll2)).toBe('Forward')
    expect(conflictValueText(c.reference)).toBe('Salyut-6 aft')
    expect(c.sources).toEqual(soyuz26Ref.sources)
  })

  it('finds nothing when the records agree within their precision', () => {
    const ll2 = makeEvent({ ...soyuz26Spec(), port: AFT, docking: '1977-12-11T03:03:20Z' })
    const ref = makeStay({
      id: 900001,
      vehicle: 'Soyuz 26',
      docking: '1977-12-11T00:00:00Z',
      dockingPrecision: 'day',
      departure: '1978-01-16T08:08:00Z',
    })
    expect(compareWithReference([ll2], referenceOf(ref))).toEqual([])
  })

  it('reports a docking three hours off between two minute-precise records', () => {
    // Three hours apart, as LL2 474 and the reference are on Soyuz 34's docking.
    const ll2 = makeEvent({ ...soyuz26Spec(), port: AFT, docking: '1977-12-11T06:02:41Z' })
    const conflicts = compareWithReference([ll2], referenceOf(soyuz26Ref))
    expect(kinds(conflicts)).toEqual(['docking'])
    expect(conflictValueText(conflicts[0]!.ll2)).toBe('1977-12-11 06:02:41 UTC')
    expect(conflictValueText(conflicts[0]!.reference)).toBe('1977-12-11 03:02 UTC')
  })

  it('reports a departure LL2 leaves open, and none the reference does not give', () => {
    const open = makeEvent({ ...soyuz26Spec(), port: AFT, departure: null })
    expect(kinds(compareWithReference([open], referenceOf(soyuz26Ref)))).toEqual(['departure'])
    const refOpen = makeStay({ id: 900001, vehicle: 'Soyuz 26', docking: '1977-12-11T03:02:41Z' })
    const ll2 = makeEvent({ ...soyuz26Spec(), port: AFT })
    expect(compareWithReference([ll2], referenceOf(refOpen))).toEqual([])
  })

  it('never calls a port unknown on one side a conflict', () => {
    const ll2 = makeEvent({ ...soyuz26Spec(), port: [7, 'Mir-Progress 27'] })
    expect(compareWithReference([ll2], referenceOf(soyuz26Ref))).toEqual([])
  })

  it('reports a reference stay LL2 lacks as missing in LL2', () => {
    const progress4 = makeStay({
      id: 900011,
      vehicle: 'Progress 4',
      docking: '1978-10-06T01:00:00Z',
    })
    const conflicts = compareWithReference([soyuz26Ll2], referenceOf(soyuz26Ref, progress4))
    const missing = conflicts.filter((c) => c.kind === 'missing-in-ll2')
    expect(missing).toHaveLength(1)
    expect(missing[0]).toMatchObject({ vehicle: 'Progress 4', ll2Id: null, referenceId: 900011 })
    expect(conflictValueText(missing[0]!.reference)).toBe('Salyut-6 aft from 1978-10-06 01:00 UTC')
  })

  it('reports an LL2 event missing in the reference only within the time and station it covers', () => {
    const last = makeStay({
      id: 900002,
      vehicle: 'Soyuz 27',
      docking: '1978-01-11T14:05:54Z',
      departure: '1978-03-16T07:58:00Z',
    })
    const inside = makeEvent({
      id: 500,
      vehicle: 'Progress 99',
      station: SALYUT_6,
      docking: '1978-02-01T00:00:01Z',
    })
    const after = makeEvent({
      id: 501,
      vehicle: 'Progress 98',
      station: SALYUT_6,
      docking: '1978-03-17T00:00:01Z',
    })
    const elsewhere = makeEvent({
      id: 502,
      vehicle: 'Soyuz TM-1',
      station: [5, 'Mir'],
      docking: '1978-02-01T00:00:01Z',
    })
    const ll2Soyuz27 = makeEvent({
      id: 184,
      vehicle: 'Soyuz 27',
      station: SALYUT_6,
      docking: '1978-01-11T14:05:54Z',
      departure: '1978-03-16T07:58:00Z',
    })
    const conflicts = compareWithReference(
      [soyuz26Ll2, ll2Soyuz27, inside, after, elsewhere],
      referenceOf(soyuz26Ref, last),
    )
    const missing = conflicts.filter((c) => c.kind === 'missing-in-reference')
    expect(missing.map((c) => c.ll2Id)).toEqual([500])
  })

  it('counts every kind, stating zero for kinds not found', () => {
    const counts = countConflicts(compareWithReference([soyuz26Ll2], referenceOf(soyuz26Ref)))
    expect(counts).toEqual({
      port: 1,
      docking: 0,
      departure: 0,
      'missing-in-ll2': 0,
      'missing-in-reference': 0,
    })
  })
})

function soyuz26Spec() {
  return {
    id: 183,
    vehicle: 'Soyuz 26',
    station: SALYUT_6,
    docking: '1977-12-11T03:02:41Z',
    departure: '1978-01-16T08:08:00Z',
  }
}

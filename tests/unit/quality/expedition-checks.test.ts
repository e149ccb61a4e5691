import { describe, expect, it } from 'vitest'

import { namedStation, reviewExpeditions } from '../../../shared/quality/expedition-checks'
import { stationId } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { makeExpedition } from '../analysis/expedition-fixtures'

const stations = [
  { id: stationId(9), name: 'Salyut 1' },
  { id: stationId(13), name: 'Salyut 5' },
  { id: stationId(14), name: 'Salyut 6' },
  { id: stationId(7), name: 'Tiangong 1' },
]
const s1 = [9, 'Salyut 1'] as const
const s5 = [13, 'Salyut 5'] as const
const tg1 = [7, 'Tiangong 1'] as const

// LL2's own errors, as in the bundled 2.1.0 expedition list.
const expeditions = [
  makeExpedition(1, 'Shenzhou 10', '2013-06-13T05:11:00Z', '2012-06-25T21:07:00Z', tg1),
  makeExpedition(2, 'Salyut 6 EP-5', '1980-05-26T18:20:39Z', '1980-06-03T15:06:24Z', s5),
  makeExpedition(3, 'Soyuz 10', '1971-04-23T23:54:06Z', '1971-04-24T23:40:00Z', s1),
  makeExpedition(4, 'Soyuz 33', '1979-04-10T17:34:33Z', '1979-04-12T16:35:40Z'),
  makeExpedition(5, 'Salyut 6 EO-4', '1980-04-09T13:38:21Z', '1980-10-11T09:49:57Z'),
]
const events = [
  // Soyuz 10 soft-docked for under six hours: no boarding.
  makeEvent({
    id: 8,
    vehicle: 'Soyuz 10',
    station: s1,
    docking: '1971-04-24T01:47:00Z',
    departure: '1971-04-24T07:37:00Z',
  }),
  // Soyuz 32 was docked through Soyuz 33's flight, but arrived before it.
  makeEvent({
    id: 9,
    vehicle: 'Soyuz 32',
    docking: '1979-02-26T16:30:00Z',
    departure: '1979-06-13T16:51:00Z',
  }),
  makeEvent({
    id: 10,
    vehicle: 'Soyuz 35',
    docking: '1980-04-10T15:15:00Z',
    departure: '1980-06-03T11:50:00Z',
  }),
  makeEvent({
    id: 11,
    vehicle: 'Soyuz 36',
    docking: '1980-05-27T19:56:00Z',
    departure: '1980-07-31T11:55:00Z',
  }),
]

describe('reviewExpeditions', () => {
  const review = reviewExpeditions(expeditions, stations, events)

  it('flags an end before the start, the wrong station and crews that never boarded', () => {
    expect(review.flags.map((f) => [f.kind, f.expeditionIds])).toEqual([
      ['expedition-end-before-start', [1]],
      ['expedition-wrong-station', [2]],
      ['expedition-never-boarded', [3]],
      ['expedition-never-boarded', [4]],
    ])
    expect(review.flags.every((f) => f.eventIds.length === 0)).toBe(true)
    expect(review.flags[1]!.message).toContain('filed under Salyut 5, but its name says Salyut 6')
  })

  it('accepts the rest, refiling the misfiled one under the station its name says', () => {
    expect(review.accepted.map((x) => [x.name, x.stationName, x.stationId])).toEqual([
      ['Salyut 6 EP-5', 'Salyut 6', 14],
      ['Salyut 6 EO-4', 'Salyut 6', 14],
    ])
  })
})

describe('namedStation', () => {
  it('takes a whole-word station name at the start, the longest that fits', () => {
    const ten = [...stations, { id: stationId(99), name: 'Salyut 6 annex' }]
    expect(
      namedStation(makeExpedition(1, 'Salyut 6 annex EO-1', '2000-01-01', null), ten)?.id,
    ).toBe(99)
    expect(
      namedStation(makeExpedition(1, 'Salyut 60', '2000-01-01', null, s5), stations),
    ).toBeNull()
    expect(namedStation(makeExpedition(1, 'Expedition 1', '2000-01-01', null), stations)).toBeNull()
  })
})

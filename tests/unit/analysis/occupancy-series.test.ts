import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../../shared/analysis/effective-end'
import {
  occupancyAtTime,
  occupancyByStation,
  occupancySeries,
  peakOccupancy,
} from '../../../shared/analysis/occupancy-series'
import { DAY_MS, stationId, utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const at = (iso: string) => utcMillis(Date.parse(iso))
const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
const endOf = endAtNow(at('2000-12-31T00:00:00Z'), NO_END_FACTS)

// Station 1: Soyuz A 01-01..01-10 (crew), Progress B 01-05..01-20 (cargo),
// Soyuz C 01-10..01-15 (crew; arrives as A leaves), Progress D 01-12..open.
// Station 2: one Soyuz 01-03..01-04, to show stations are kept apart.
const events = [
  makeEvent({ id: 1, vehicle: 'Soyuz A', docking: '2000-01-01', departure: '2000-01-10' }),
  makeEvent({ id: 2, vehicle: 'Progress B', docking: '2000-01-05', departure: '2000-01-20' }),
  makeEvent({ id: 3, vehicle: 'Soyuz C', docking: '2000-01-10', departure: '2000-01-15' }),
  makeEvent({ id: 4, vehicle: 'Progress D', docking: '2000-01-12', departure: null }),
  makeEvent({
    id: 5,
    vehicle: 'Soyuz E',
    station: [2, 'Mir'],
    docking: '2000-01-03',
    departure: '2000-01-04',
  }),
  makeEvent({ id: 6, vehicle: 'Nowhere', station: null, docking: '2000-01-01', departure: null }),
]

describe('occupancySeries', () => {
  it('gives one step per change point, stacked by role, for one station', () => {
    const s = occupancySeries(events, { endOf, stationId: stationId(14) })
    expect(s.keys).toEqual(['crew', 'cargo', 'module', 'other'])
    // Worked by hand: 1 (A) → 2 (A+B) → still 2 at 01-10 but crew C replaced A:
    // same counts, so no step → 3 (C+B+D) → 2 (B+D) → 1 (D) → 0 at the end rule.
    expect(s.steps.map((st) => [iso(st.at), st.total, st.counts.slice(0, 2)])).toEqual([
      ['2000-01-01', 1, [1, 0]],
      ['2000-01-05', 2, [1, 1]],
      ['2000-01-12', 3, [1, 2]],
      ['2000-01-15', 2, [0, 2]],
      ['2000-01-20', 1, [0, 1]],
      ['2000-12-31', 0, [0, 0]],
    ])
    expect(s.stationName).toBe('Salyut 6')
  })

  it('stacks by family when asked, emitting a step when only the stack changes', () => {
    const swap = [
      makeEvent({ id: 1, vehicle: 'Soyuz A', docking: '2000-01-01', departure: '2000-01-10' }),
      makeEvent({ id: 2, vehicle: 'Progress B', docking: '2000-01-10', departure: '2000-01-20' }),
    ]
    const s = occupancySeries(swap, { endOf, stackBy: 'family' })
    const soyuz = s.keys.indexOf('Soyuz')
    const progress = s.keys.indexOf('Progress')
    expect(
      s.steps.map((st) => [iso(st.at), st.total, st.counts[soyuz], st.counts[progress]]),
    ).toEqual([
      ['2000-01-01', 1, 1, 0],
      ['2000-01-10', 1, 0, 1],
      ['2000-01-20', 0, 0, 0],
    ])
  })

  it('leaves out events with no station or whose departure precedes docking', () => {
    const bad = makeEvent({ id: 7, docking: '2000-02-01', departure: '2000-01-01' })
    const s = occupancySeries([events[5]!, bad], { endOf })
    expect(s.steps).toEqual([])
  })
})

describe('occupancyByStation', () => {
  it('gives one series per station with events', () => {
    const all = occupancyByStation(events, { endOf })
    expect(all.map((s) => [s.stationName, Math.max(...s.steps.map((st) => st.total))])).toEqual([
      ['Mir', 1],
      ['Salyut 6', 3],
    ])
  })
})

describe('peakOccupancy', () => {
  it('finds the maximum and every interval at which it held', () => {
    const twoPeaks = [
      makeEvent({ id: 1, docking: '2000-01-01', departure: '2000-01-31' }),
      makeEvent({ id: 2, docking: '2000-01-05', departure: '2000-01-07' }),
      makeEvent({ id: 3, docking: '2000-01-20', departure: '2000-01-25' }),
    ]
    const peak = peakOccupancy(occupancySeries(twoPeaks, { endOf }))
    expect(peak.count).toBe(2)
    expect(peak.intervals.map((p) => [iso(p.start), iso(p.end), p.lengthMs / DAY_MS])).toEqual([
      ['2000-01-05', '2000-01-07', 2],
      ['2000-01-20', '2000-01-25', 5],
    ])
  })

  it('joins consecutive peak steps where only the stack changed', () => {
    const s = occupancySeries(
      [
        makeEvent({ id: 1, vehicle: 'Soyuz A', docking: '2000-01-01', departure: '2000-01-10' }),
        makeEvent({ id: 2, vehicle: 'Soyuz B', docking: '2000-01-02', departure: '2000-01-05' }),
        makeEvent({ id: 3, vehicle: 'Progress C', docking: '2000-01-05', departure: '2000-01-08' }),
      ],
      { endOf },
    )
    const peak = peakOccupancy(s)
    expect(peak.intervals.map((p) => [iso(p.start), iso(p.end)])).toEqual([
      ['2000-01-02', '2000-01-08'],
    ])
  })

  it('counts past 255 vehicles docked at once (the counts are kept as narrow as they fit)', () => {
    // 300 vehicles arrive a day apart through 2000 and all leave on 2001-06-01.
    const day = (i: number) => iso(at('2000-01-01T00:00:00Z') + i * DAY_MS)
    const crowd = Array.from({ length: 300 }, (_, i) =>
      makeEvent({ id: i + 1, vehicle: `Soyuz ${i}`, docking: day(i), departure: '2001-06-01' }),
    )
    const s = occupancySeries(crowd, { endOf })
    expect(s.steps.map((st) => st.total)).toEqual([
      ...Array.from({ length: 300 }, (_, i) => i + 1),
      0,
    ])
    expect(s.steps[299]!.counts).toEqual([300, 0, 0, 0])
    const peak = peakOccupancy(s)
    expect(peak.count).toBe(300)
    expect(peak.intervals.map((p) => [iso(p.start), iso(p.end)])).toEqual([
      [day(299), '2001-06-01'],
    ])
  })

  it('is zero with no intervals when nothing was docked', () => {
    expect(peakOccupancy(occupancySeries([], { endOf }))).toEqual({ count: 0, intervals: [] })
  })
})

describe('occupancyAtTime', () => {
  it('reads the step holding at an instant, counting an arrival at its instant', () => {
    const s = occupancySeries(events, { endOf, stationId: stationId(14) })
    expect(occupancyAtTime(s, at('1999-12-31'))).toBe(0)
    expect(occupancyAtTime(s, at('2000-01-05'))).toBe(2)
    expect(occupancyAtTime(s, at('2000-01-13'))).toBe(3)
    expect(occupancyAtTime(s, at('2001-01-01'))).toBe(0)
  })
})

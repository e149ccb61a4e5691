import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../shared/analysis/effective-end'
import { buildBars, type ChartRow } from '../../shared/chart/chart-model'
import { lastActivity, rowsWithDockingsIn } from '../../shared/chart/station-order'
import { dataExtent } from '../../shared/chart/timeline-rows'
import { stationId, utcMillis } from '../../shared/domain/units'
import { effectiveEnd } from '../../shared/occupancy/effective-end'
import {
  endFacts,
  NO_END_FACTS,
  stationLives,
  type EndFacts,
} from '../../shared/occupancy/end-facts'
import { dockedAt, occupancyAt } from '../../shared/occupancy/occupancy'
import { makeEvent } from './query/make-event'
import {
  CARGO_DRAGON_C211,
  ISS,
  MS_18_DOCKS,
  SOYUZ_MS_17,
  SOYUZ_MS_18,
  SOYUZ_MS_29,
} from './query/port-reused'

const NOW = utcMillis(Date.parse('2026-07-24T00:00:00Z'))
const DEORBIT = Date.parse('1991-02-07T00:00:00Z')
const STATIONS = [
  { id: stationId(15), status: 'De-Orbited', deorbited: '1991-02-07', founded: '1982-04-19' },
  { id: stationId(4), status: 'Active', deorbited: null },
  { id: stationId(7), status: 'De-Orbited', deorbited: null },
]
// The stations' lives alone: no event here has a later docking at its port.
const facts: EndFacts = { ...NO_END_FACTS, lives: stationLives(STATIONS) }
const open = (station: readonly [number, string], docking = '1985-10-02T00:00:00Z') =>
  makeEvent({ id: 1, station, docking })

describe('effectiveEnd', () => {
  it('ends an open event at a re-entered station at its deorbit date, departure unknown', () => {
    expect(effectiveEnd(open([15, 'Salyut 7']), facts, NOW)).toEqual({
      end: DEORBIT,
      state: 'unknown',
    })
  })

  it('runs an open event at an active station to now, still docked', () => {
    expect(effectiveEnd(open([4, 'ISS'], '2026-01-01T00:00:00Z'), facts, NOW)).toEqual({
      end: NOW,
      state: 'docked',
    })
  })

  it('calls an open event unknown at a station LL2 says re-entered on no date', () => {
    expect(effectiveEnd(open([7, 'Tiangong 1']), facts, NOW).state).toBe('unknown')
  })

  it('keeps a departure, but never past the re-entry, and knows no station without facts', () => {
    const late = makeEvent({
      id: 2,
      station: [15, 'Salyut 7'],
      docking: '1990-12-01T00:00:00Z',
      departure: '1991-03-01T00:00:00Z',
    })
    expect(effectiveEnd(late, facts, NOW)).toEqual({ end: DEORBIT, state: 'departed' })
    expect(effectiveEnd(open([15, 'Salyut 7']), NO_END_FACTS, NOW).state).toBe('docked')
  })

  it('is the end bars and occupancy use', () => {
    const e = open([15, 'Salyut 7'])
    const [bar] = buildBars([e], NOW, { endFacts: facts })
    expect(bar?.end).toBe(DEORBIT)
    expect(bar?.endState).toBe('unknown')
    const after = utcMillis(DEORBIT + 1)
    expect(dockedAt([e], after, facts)).toEqual([])
    expect(dockedAt([e], utcMillis(DEORBIT - 1), facts)).toEqual([e])
    expect(occupancyAt([e], after, facts).count).toBe(0)
  })

  it("is the measures' end rule once given the data's end facts, one rule per instant and facts", () => {
    const e = open([15, 'Salyut 7'])
    expect(endAtNow(NOW, facts)(e)).toBe(DEORBIT)
    // Without facts a measure cannot know the station re-entered: the stay runs to now.
    expect(endAtNow(NOW, NO_END_FACTS)(e)).toBe(NOW)
    // The same array of stations (and events) give the same facts, and so the same rule,
    // which is what lets measures remembered per rule be shared.
    const stations = [{ id: stationId(15), status: 'De-Orbited', deorbited: '1991-02-07' }]
    const events = [e]
    expect(endFacts(events, stations)).toBe(endFacts(events, stations))
    expect(endAtNow(NOW, endFacts(events, stations))).toBe(
      endAtNow(NOW, endFacts(events, stations)),
    )
    expect(endAtNow(NOW, facts)).not.toBe(endAtNow(NOW, NO_END_FACTS))
  })

  describe('with a later docking at the same port', () => {
    const ms17 = SOYUZ_MS_17
    const ms18 = SOYUZ_MS_18
    const MS18_DOCKS = MS_18_DOCKS

    it('ends an open stay there, departure unknown, naming who docked', () => {
      const all = [ms17, ms18]
      const f = endFacts(all, STATIONS)
      expect(effectiveEnd(ms17, f, NOW)).toEqual({
        end: MS18_DOCKS,
        state: 'unknown',
        next: { eventId: ms18.id, vehicle: 'Soyuz MS-18', at: MS18_DOCKS },
      })
      const [bar] = buildBars([ms17], NOW, { endFacts: f })
      expect([bar?.end, bar?.endState]).toEqual([MS18_DOCKS, 'unknown'])
      // Docked up to MS-18's arrival, and not after: one vehicle at the port at a time.
      expect(dockedAt(all, utcMillis(MS18_DOCKS - 1), f)).toEqual([ms17])
      expect(dockedAt(all, MS18_DOCKS, f)).toEqual([ms18])
      expect(occupancyAt(all, NOW, f).count).toBe(0)
      expect(endAtNow(NOW, f)(ms17)).toBe(MS18_DOCKS)
      // The departed record keeps its own departure.
      expect(effectiveEnd(ms18, f, NOW).state).toBe('departed')
    })

    it('is where "Fit all", the station order and the rows in view end it', () => {
      const f = endFacts([ms17, ms18], STATIONS)
      // MS-17 alone (a search for it): its span ends at MS-18's docking, not now.
      expect(dataExtent([ms17], NOW, f)).toEqual({ start: ms17.docking, end: MS18_DOCKS })
      expect(dataExtent([ms17], NOW, NO_END_FACTS)).toEqual({ start: ms17.docking, end: NOW })
      expect(lastActivity([ms17, ms18], NOW, f).get(4)).toBe(ms18.departure)
      const after = { start: Date.parse('2022-01-01'), end: Date.parse('2023-01-01') }
      const rows = [{ kind: 'port', stationId: 4, portId: 9 }] as unknown as ChartRow[]
      expect(rowsWithDockingsIn(rows, [ms17], after, NOW, f)).toEqual([])
      expect(rowsWithDockingsIn(rows, [ms17], after, NOW, NO_END_FACTS)).toEqual(rows)
    })

    it("calls a stay unknown, still to now, when its station's record, taken later, no longer lists it", () => {
      const [c211, ms29] = [CARGO_DRAGON_C211, SOYUZ_MS_29]
      const iss = (active: number[] | null) => [
        { id: stationId(4), status: 'Active', deorbited: null, activeDockingEventIds: active },
      ]
      expect(effectiveEnd(c211, endFacts([c211, ms29], iss([642])), NOW)).toEqual({
        end: NOW,
        state: 'unknown',
        notListed: { within: null },
      })
      expect(effectiveEnd(ms29, endFacts([c211, ms29], iss([642])), NOW).state).toBe('docked')
      // A record listing nothing later than it, or nothing at all, says nothing of it.
      expect(effectiveEnd(c211, endFacts([c211, ms29], iss([])), NOW).state).toBe('docked')
      expect(effectiveEnd(c211, endFacts([c211, ms29], iss(null)), NOW).state).toBe('docked')
      expect(effectiveEnd(ms29, endFacts([c211, ms29], iss([628])), NOW).state).toBe('docked')
    })

    it("ends it by the end of the day its station's record was captured, which no longer lists it", () => {
      const [c211, ms29] = [CARGO_DRAGON_C211, SOYUZ_MS_29]
      const sameDay = makeEvent({
        id: 650,
        station: ISS,
        port: [1, 'Unity nadir'],
        docking: '2026-07-24T09:00:00Z',
      })
      const day = {
        from: utcMillis(Date.parse('2026-07-24T00:00:00Z')),
        to: utcMillis(Date.parse('2026-07-25T00:00:00Z')),
      }
      const iss = (active: number[], within = day) => [
        {
          id: stationId(4),
          status: 'Active',
          deorbited: null,
          activeDockingEventIds: active,
          listedWithin: within,
        },
      ]
      const all = [c211, ms29, sameDay]
      const later = utcMillis(Date.parse('2026-12-01T00:00:00Z'))
      expect(effectiveEnd(c211, endFacts(all, iss([642])), later)).toEqual({
        end: day.to,
        state: 'unknown',
        notListed: { within: day },
      })
      // The record's date alone dates it: no later docking need be listed.
      const soloRecord = endFacts([c211, sameDay], iss([650]))
      expect(effectiveEnd(c211, soloRecord, later).end).toBe(day.to)
      // Docked on the capture day: perhaps after the capture, so nothing is known.
      expect(effectiveEnd(sameDay, endFacts(all, iss([642])), later)).toEqual({
        end: later,
        state: 'docked',
      })
      // A record listing nothing says nothing, dated or not.
      expect(effectiveEnd(c211, endFacts(all, iss([])), later).state).toBe('docked')
      // A fetch's instant bounds it at that instant; on an earlier clock the bound still holds.
      const fetched = utcMillis(Date.parse('2026-08-01T12:00:00Z'))
      const served = endFacts(all, iss([642], { from: fetched, to: fetched }))
      expect(effectiveEnd(c211, served, later).end).toBe(fetched)
      expect(effectiveEnd(c211, served, utcMillis(Date.parse('2026-01-01T00:00:00Z'))).end).toBe(
        fetched,
      )
    })

    it('leaves it still docked when the later docking is at another port or at the same instant', () => {
      const elsewhere = makeEvent({
        id: 280,
        station: ISS,
        port: [10, 'Poisk zenith'],
        docking: '2021-04-09T11:05:00Z',
      })
      expect(effectiveEnd(ms17, endFacts([ms17, elsewhere], STATIONS), NOW)).toEqual({
        end: NOW,
        state: 'docked',
      })
      // One docking recorded twice is a duplicate for the checks, not a departure.
      const twice = { ...ms18, docking: ms17.docking }
      expect(effectiveEnd(ms17, endFacts([ms17, twice], STATIONS), NOW).state).toBe('docked')
    })

    it('ends it at the re-entry when that comes first', () => {
      const salyut = [15, 'Salyut 7'] as const
      const first = makeEvent({ id: 1, station: salyut, docking: '1990-01-01T00:00:00Z' })
      const afterDeorbit = makeEvent({ id: 2, station: salyut, docking: '1991-03-01T00:00:00Z' })
      expect(effectiveEnd(first, endFacts([first, afterDeorbit], STATIONS), NOW)).toEqual({
        end: DEORBIT,
        state: 'unknown',
      })
    })
  })
})

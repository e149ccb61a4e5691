import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../shared/analysis/effective-end'
import { buildBars } from '../../shared/chart/chart-model'
import { stationId, utcMillis } from '../../shared/domain/units'
import { effectiveEnd, NO_LIVES, stationLives } from '../../shared/occupancy/effective-end'
import { dockedAt, occupancyAt } from '../../shared/occupancy/occupancy'
import { makeEvent } from './query/make-event'

const NOW = utcMillis(Date.parse('2026-07-24T00:00:00Z'))
const DEORBIT = Date.parse('1991-02-07T00:00:00Z')
const lives = stationLives([
  { id: stationId(15), status: 'De-Orbited', deorbited: '1991-02-07', founded: '1982-04-19' },
  { id: stationId(4), status: 'Active', deorbited: null },
  { id: stationId(7), status: 'De-Orbited', deorbited: null },
])
const open = (station: readonly [number, string], docking = '1985-10-02T00:00:00Z') =>
  makeEvent({ id: 1, station, docking })

describe('effectiveEnd', () => {
  it('ends an open event at a re-entered station at its deorbit date, departure unknown', () => {
    expect(effectiveEnd(open([15, 'Salyut 7']), lives, NOW)).toEqual({
      end: DEORBIT,
      state: 'unknown',
    })
  })

  it('runs an open event at an active station to now, still docked', () => {
    expect(effectiveEnd(open([4, 'ISS'], '2026-01-01T00:00:00Z'), lives, NOW)).toEqual({
      end: NOW,
      state: 'docked',
    })
  })

  it('calls an open event unknown at a station LL2 says re-entered on no date', () => {
    expect(effectiveEnd(open([7, 'Tiangong 1']), lives, NOW).state).toBe('unknown')
  })

  it('keeps a departure, but never past the re-entry, and knows no station without facts', () => {
    const late = makeEvent({
      id: 2,
      station: [15, 'Salyut 7'],
      docking: '1990-12-01T00:00:00Z',
      departure: '1991-03-01T00:00:00Z',
    })
    expect(effectiveEnd(late, lives, NOW)).toEqual({ end: DEORBIT, state: 'departed' })
    expect(effectiveEnd(open([15, 'Salyut 7']), NO_LIVES, NOW).state).toBe('docked')
  })

  it('is the end bars and occupancy use', () => {
    const e = open([15, 'Salyut 7'])
    const [bar] = buildBars([e], NOW, { lives })
    expect(bar?.end).toBe(DEORBIT)
    expect(bar?.endState).toBe('unknown')
    expect(bar?.isOpen).toBe(false)
    const after = utcMillis(DEORBIT + 1)
    expect(dockedAt([e], after, lives)).toEqual([])
    expect(dockedAt([e], utcMillis(DEORBIT - 1), lives)).toEqual([e])
    expect(occupancyAt([e], after, undefined, lives).count).toBe(0)
  })

  it("is the measures' end rule once given the stations' lives, one rule per instant and lives", () => {
    const e = open([15, 'Salyut 7'])
    expect(endAtNow(NOW, lives)(e)).toBe(DEORBIT)
    // Without lives a measure cannot know the station re-entered: the stay runs to now.
    expect(endAtNow(NOW)(e)).toBe(NOW)
    // The same array of stations gives the same lives, and so the same rule,
    // which is what lets measures remembered per rule be shared.
    const stations = [{ id: stationId(15), status: 'De-Orbited', deorbited: '1991-02-07' }]
    expect(stationLives(stations)).toBe(stationLives(stations))
    expect(endAtNow(NOW, stationLives(stations))).toBe(endAtNow(NOW, stationLives(stations)))
    expect(endAtNow(NOW, lives)).not.toBe(endAtNow(NOW, NO_LIVES))
  })
})

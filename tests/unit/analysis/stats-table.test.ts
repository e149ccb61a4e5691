import { describe, expect, it } from 'vitest'

import { endAtNow, unknownEndsAt } from '../../../shared/analysis/effective-end'
import type { DockingEvent } from '../../../shared/domain/model'
import { endFacts, NO_END_FACTS } from '../../../shared/occupancy/end-facts'
import { statsRecords, statsTable } from '../../../shared/analysis/stats-table'
import { clipEvents } from '../../../shared/analysis/window'
import { utcMillis, type UtcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'

const at = (iso: string) => utcMillis(Date.parse(iso))
const NOW = at('2001-01-01')
const options = {
  endOf: endAtNow(NOW, NO_END_FACTS),
  from: at('2000-01-01'),
  to: at('2000-02-01'),
  unknownEndsAt: (evs: ReadonlyArray<DockingEvent>, t: UtcMillis) =>
    unknownEndsAt(evs, t, NO_END_FACTS, NOW),
}

const events = [
  // Starts before the window: 10 of its days fall inside.
  makeEvent({
    id: 1,
    vehicle: 'Soyuz A',
    port: [1, 'fwd'],
    docking: '1999-12-20',
    departure: '2000-01-11',
  }),
  makeEvent({
    id: 2,
    vehicle: 'Progress B',
    port: [2, 'aft'],
    docking: '2000-01-05',
    departure: '2000-01-25',
  }),
  // Open: runs to the window's end (20 days inside).
  makeEvent({
    id: 3,
    vehicle: 'Progress C',
    port: [1, 'fwd'],
    docking: '2000-01-12',
    departure: null,
  }),
  // After the window: not counted.
  makeEvent({
    id: 4,
    vehicle: 'Soyuz D',
    port: [1, 'fwd'],
    docking: '2000-03-01',
    departure: '2000-03-05',
  }),
]

describe('statsTable', () => {
  it('per role: arrivals in the window, days docked inside it, the peak and when it began', () => {
    const rows = statsRecords(statsTable(events, 'role', options))
    expect(
      rows.map((r) => [r.role, r.dockings, r.days_docked, r.peak_docked, r.peak_from]),
    ).toEqual([
      // Progress B 20 d + Progress C 20 d; both docked 01-12..01-25.
      ['cargo', 2, 40, 2, '2000-01-12T00:00:00Z'],
      // Soyuz A arrived before the window, so 0 arrivals, but 10 days docked in it.
      ['crew', 0, 10, 1, '2000-01-01T00:00:00Z'],
    ])
  })

  it('says how many of a peak’s stays have an unknown departure, so the peak is at most its count', () => {
    // Soyuz D docks at fwd on 2000-03-01: Progress C, with no departure, had left by then.
    const facts = endFacts(events, [])
    const withFacts = {
      ...options,
      endOf: endAtNow(NOW, facts),
      unknownEndsAt: (evs: ReadonlyArray<DockingEvent>, t: UtcMillis) =>
        unknownEndsAt(evs, t, facts, NOW),
    }
    const peakOf = (o: typeof options) =>
      statsRecords(statsTable(events, 'role', o)).map((r) => [
        r.role,
        r.peak_docked,
        r.peak_unknown_departures,
      ])
    expect(peakOf(withFacts)).toEqual([
      ['cargo', 2, 1],
      ['crew', 1, 0],
    ])
    // With no facts Progress C counts as still docked: no bound to give.
    expect(peakOf(options)).toEqual([
      ['cargo', 2, 0],
      ['crew', 1, 0],
    ])
  })

  it('per station: the most at once and the median visit', () => {
    const [row] = statsRecords(statsTable(events, 'station', options))
    // In the window: A until 01-11, B 01-05..01-25, C from 01-12: at most 2 at once (01-05..01-11 and 01-12..01-25).
    expect([
      row!.station,
      row!.dockings,
      row!.days_docked,
      row!.peak_docked,
      row!.peak_from,
    ]).toEqual(['Salyut 6', 2, 50, 2, '2000-01-05T00:00:00Z'])
    // Closed visits arriving in the window: B (20 d); C is open.
    expect([row!.median_visit_days, row!.longest_visit]).toEqual([20, 'Progress B'])
  })

  it('per port: the busiest port by time occupied in the window first', () => {
    const rows = statsRecords(statsTable(events, 'port', options))
    // fwd: A 10 d + C 20 d = 30 d of its life 01-01..02-01 (31 d); aft: B 20 of 20 d.
    expect(rows.map((r) => [r.port, r.days_occupied, r.days_existed, r.life_basis])).toEqual([
      ['fwd', 30, 31, 'events'],
      ['aft', 20, 20, 'events'],
    ])
  })
})

describe('statsTable per port in a window', () => {
  it("measures a port's life over all time, not only its dockings in the window", () => {
    const sparse = [
      makeEvent({ id: 1, port: [1, 'fwd'], docking: '1999-06-01', departure: '1999-07-01' }),
      makeEvent({ id: 2, port: [1, 'fwd'], docking: '2000-01-10', departure: '2000-01-20' }),
      makeEvent({ id: 3, port: [1, 'fwd'], docking: '2000-06-01', departure: '2000-07-01' }),
    ]
    const [row] = statsRecords(statsTable(sparse, 'port', options))
    // The port existed all of January (31 d) and was busy 10 of them.
    expect([row!.days_occupied, row!.days_existed, row!.share]).toEqual([10, 31, 0.323])
  })
})

describe('clipEvents', () => {
  it('cuts dockings to the window and drops those outside it', () => {
    const cut = clipEvents(events, options.endOf, options.from, options.to)
    expect(cut.map((e) => [e.id, e.docking === options.from, e.departure === options.to])).toEqual([
      [1, true, false],
      [2, false, false],
      [3, false, true],
    ])
  })
})

import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../../shared/analysis/effective-end'
import { statsRecords, statsTable } from '../../../shared/analysis/stats-table'
import { clipEvents } from '../../../shared/analysis/window'
import { utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'

const at = (iso: string) => utcMillis(Date.parse(iso))
const options = { endOf: endAtNow(at('2001-01-01')), from: at('2000-01-01'), to: at('2000-02-01') }

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

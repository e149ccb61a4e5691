import { describe, expect, it } from 'vitest'

import { endAtNow } from '../../../shared/analysis/effective-end'
import { portTotals, portUtilisation } from '../../../shared/analysis/port-utilisation'
import { DAY_MS, portId, utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const at = (iso: string) => utcMillis(Date.parse(iso))
const days = (ms: number) => ms / DAY_MS
const endOf = endAtNow(at('2002-01-01'), NO_END_FACTS)

const fwd = [4, 'forward'] as const
const aft = [5, 'aft'] as const
// Forward: 2000-12-01..2001-01-31, then 2001-03-01..04-01 with an overlapping
// (erroneous) 2001-03-15..03-20 that must not count twice.
// Aft: 2001-02-01..02-11.
const events = [
  makeEvent({ id: 1, port: fwd, docking: '2000-12-01', departure: '2001-01-31' }),
  makeEvent({ id: 2, port: fwd, docking: '2001-03-01', departure: '2001-04-01' }),
  makeEvent({ id: 3, port: fwd, docking: '2001-03-15', departure: '2001-03-20' }),
  makeEvent({ id: 4, port: aft, docking: '2001-02-01', departure: '2001-02-11' }),
  makeEvent({ id: 5, port: null, docking: '2001-02-01', departure: '2001-02-11' }),
]

describe('portUtilisation', () => {
  it('divides time occupied by time the port existed, year by year, from first to last event', () => {
    const rows = portUtilisation(events, { endOf })
    expect(
      rows.map((r) => [r.portName, r.year, days(r.occupiedMs), days(r.existedMs), r.basis]),
    ).toEqual([
      // 2000: forward existed Dec 1 → Jan 1 (31 d), occupied all of it.
      ['forward', 2000, 31, 31, 'events'],
      // 2001: forward existed Jan 1 → Apr 1 (90 d); occupied Jan 1–31 (30 d) + Mar (31 d).
      ['forward', 2001, 61, 90, 'events'],
      // Aft lived only for its one docking: 10 of 10 days.
      ['aft', 2001, 10, 10, 'events'],
    ])
    expect(rows[1]!.share).toBeCloseTo(61 / 90, 10)
  })

  it('uses a module-based life when given, and says so', () => {
    const lives = new Map([
      [
        portId(4),
        {
          portId: portId(4),
          start: at('2000-11-01'),
          end: at('2002-01-01'),
          basis: 'module' as const,
        },
      ],
    ])
    const rows = portUtilisation(events, { endOf, lives }).filter((r) => r.portId === 4)
    expect(rows.map((r) => [r.year, days(r.occupiedMs), days(r.existedMs), r.basis])).toEqual([
      [2000, 31, 61, 'module'],
      [2001, 61, 365, 'module'],
    ])
  })
})

describe('portTotals', () => {
  it('ranks ports by time docked, overlaps counted once', () => {
    const rows = portTotals(events, { endOf })
    expect(rows.map((r) => [r.portName, days(r.occupiedMs), r.dockings])).toEqual([
      ['forward', 92, 3],
      ['aft', 10, 1],
    ])
  })

  it('counts an open docking up to the end rule', () => {
    const open = [makeEvent({ id: 1, port: fwd, docking: '2001-12-01', departure: null })]
    expect(days(portTotals(open, { endOf })[0]!.occupiedMs)).toBe(31)
  })
})

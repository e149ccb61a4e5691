import { describe, expect, it } from 'vitest'

import { stationId, utcMillis } from '../../../shared/domain/units'
import { checkData, flagKey, type CheckedStation } from '../../../shared/quality/data-checks'
import { FLAG_KINDS } from '../../../shared/quality/data-flag'
import { dockingAt } from '../query/make-event'

const NOW = utcMillis(Date.parse('2026-07-24T00:00:00Z'))
const SALYUT_7: CheckedStation = {
  id: stationId(15),
  name: 'Salyut 7',
  status: 'De-Orbited',
  founded: '1982-04-19',
  deorbited: '1991-02-07',
}
const ISS: CheckedStation = {
  id: stationId(4),
  name: 'ISS',
  status: 'Active',
  founded: '1998-11-20',
  deorbited: null,
  activeDockingEventIds: [10],
}
const s7 = [15, 'Salyut 7'] as const
const iss = [4, 'ISS'] as const
const fwd = [1, 'Forward'] as const
const aft = [2, 'Aft'] as const
const S7_FWD = { station: s7, port: fwd }
const S7_AFT = { station: s7, port: aft }
const ISS_FWD = { station: iss, port: fwd }
const ISS_AFT = { station: iss, port: aft }

const kindsOf = (flags: ReadonlyArray<{ kind: string; eventIds: ReadonlyArray<number> }>) =>
  flags.map((f) => [f.kind, [...f.eventIds]])

describe('checkData', () => {
  it('finds nothing in clean data and still counts every kind, at 0', () => {
    const checks = checkData(
      [
        dockingAt(S7_FWD, 1, 'Soyuz T-5', '1982-05-14T00:00:00Z', '1982-08-27T00:00:00Z'),
        // Touching stays on one port do not overlap.
        dockingAt(S7_FWD, 2, 'Soyuz T-7', '1982-08-27T00:00:00Z', '1982-12-10T00:00:00Z'),
        dockingAt(ISS_FWD, 10, 'Soyuz MS-27', '2026-04-01T00:00:00Z'),
      ],
      [SALYUT_7, ISS],
      NOW,
    )
    expect(checks.flags).toEqual([])
    expect(Object.keys(checks.counts)).toEqual([...FLAG_KINDS])
    expect(Object.values(checks.counts)).toEqual(FLAG_KINDS.map(() => 0))
  })

  it('flags two events on one port at once, naming the overlap', () => {
    const { flags } = checkData(
      [
        dockingAt(S7_FWD, 1, 'Soyuz T-10', '1984-02-09T00:00:00Z', '1984-04-11T00:00:00Z'),
        dockingAt(S7_FWD, 2, 'Soyuz T-11', '1984-04-04T00:00:00Z', '1984-10-02T00:00:00Z'),
        dockingAt(S7_AFT, 3, 'Progress 20', '1984-04-17T00:00:00Z', '1984-05-06T00:00:00Z'),
      ],
      [SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['port-overlap', [1, 2]]])
    expect(flags[0]!.message).toContain('Soyuz T-10 and Soyuz T-11')
    expect(flags[0]!.message).toContain('from 1984-04-04T00:00:00Z to 1984-04-11T00:00:00Z')
  })

  it('flags one vehicle at two ports at once, but not its relocation', () => {
    const { flags } = checkData(
      [
        dockingAt(S7_AFT, 189, 'Soyuz 31', '1984-01-01T00:00:00Z', '1984-01-10T00:00:00Z'),
        dockingAt(S7_FWD, 190, 'Soyuz-31', '1984-01-10T00:28:00Z', '1984-02-01T00:00:00Z'),
        dockingAt(
          { station: iss, port: [11, 'Forward'] },
          191,
          'Soyuz 31',
          '1984-01-20T00:00:00Z',
          '1984-01-21T00:00:00Z',
        ),
      ],
      [SALYUT_7, ISS],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([
      ['vehicle-two-places', [190, 191]],
      ['outside-station-life', [191]],
    ])
    expect(flags[0]!.message).toContain('Salyut 7 (Forward) and at ISS (Forward) at once')
  })

  it('flags a departure before its docking', () => {
    const { flags } = checkData(
      [dockingAt(S7_AFT, 5, 'Progress 13', '1982-05-25T00:00:00Z', '1982-05-24T00:00:00Z')],
      [SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['departure-before-docking', [5]]])
    expect(flags[0]!.message).toBe(
      'Progress 13 departs Salyut 7 (Aft) (1982-05-24T00:00:00Z) before it docks (1982-05-25T00:00:00Z).',
    )
  })

  it('flags dockings before launch and after re-entry, and departures after re-entry', () => {
    const { flags } = checkData(
      [
        dockingAt(S7_FWD, 1, undefined, '1982-04-18T23:00:00Z', '1982-05-01T00:00:00Z'),
        dockingAt(S7_FWD, 2, undefined, '1991-03-01T00:00:00Z', '1991-03-02T00:00:00Z'),
        dockingAt(S7_AFT, 3, undefined, '1990-12-01T00:00:00Z', '1991-02-08T00:00:00Z'),
        dockingAt(S7_AFT, 4, undefined, '1986-01-01T00:00:00Z', '1986-02-01T00:00:00Z'),
      ],
      [SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([
      ['outside-station-life', [1]],
      ['outside-station-life', [3]],
      ['outside-station-life', [2]],
    ])
    expect(flags[0]!.message).toContain('before the station was launched (1982-04-19)')
    expect(flags[2]!.message).toContain('after the station re-entered (1991-02-07)')
  })

  it('flags an open event at a re-entered station', () => {
    const { flags } = checkData(
      [dockingAt(S7_FWD, 7, 'Cosmos 1686', '1985-10-02T00:00:00Z')],
      [SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['open-after-deorbit', [7]]])
    expect(flags[0]!.message).toBe(
      'Cosmos 1686 has no departure, but Salyut 7 re-entered on 1991-02-07: departure unknown, its bar ends there.',
    )
  })

  it('flags an open event an active station no longer lists, only when the station gives a list', () => {
    const unlisted = { ...ISS, id: stationId(40), activeDockingEventIds: null }
    const { flags } = checkData(
      [
        dockingAt(ISS_FWD, 10, 'Soyuz MS-27', '2026-04-01T00:00:00Z'),
        dockingAt(ISS_AFT, 11, 'Progress MS-20', '2022-06-03T00:00:00Z'),
        // Docked after the latest docking the record lists: perhaps newer than the record.
        dockingAt(
          { station: iss, port: [3, 'Nadir'] },
          13,
          'Progress MS-33',
          '2026-05-01T00:00:00Z',
        ),
        dockingAt(
          { station: [40, 'Unlisted'], port: [9, 'Nadir'] },
          12,
          undefined,
          '2022-06-03T00:00:00Z',
        ),
      ],
      [ISS, unlisted],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['unknown-departure', [11]]])
    expect(flags[0]!.message).toContain('ISS no longer lists it among its current dockings')
  })

  it("says when a dated record no longer listing it was taken, and that its bar ends by that day's end", () => {
    const dated = {
      ...ISS,
      listedWithin: {
        from: utcMillis(Date.parse('2026-07-24T00:00:00Z')),
        to: utcMillis(Date.parse('2026-07-25T00:00:00Z')),
      },
    }
    const { flags } = checkData(
      [
        dockingAt(ISS_FWD, 10, 'Soyuz MS-27', '2026-04-01T00:00:00Z'),
        dockingAt(ISS_AFT, 11, 'Progress MS-20', '2022-06-03T00:00:00Z'),
      ],
      [dated],
      NOW,
    )
    expect(flags.map((f) => f.message)).toEqual([
      "Progress MS-20 has no departure, yet ISS's record taken on 2026-07-24 no longer lists it among its current dockings: departure unknown, its bar ends by 2026-07-25T00:00:00Z.",
    ])
  })

  it('flags an open event whose port a later docking used, once, and sees no overlap there', () => {
    const { flags, counts } = checkData(
      [
        // Unlisted by the ISS, and its port taken in 2021: the port's reuse says more.
        dockingAt(ISS_AFT, 11, 'Soyuz MS-17', '2020-10-14T08:48:00Z'),
        dockingAt(ISS_AFT, 12, 'Soyuz MS-18', '2021-04-09T11:05:00Z', '2021-10-17T01:14:00Z'),
        // At Salyut 7, the next docking comes before the re-entry and ends the stay.
        dockingAt(S7_FWD, 7, 'Cosmos 1686', '1985-10-02T00:00:00Z'),
        dockingAt(S7_FWD, 8, 'Soyuz T-15', '1986-05-06T00:00:00Z', '1986-06-25T00:00:00Z'),
      ],
      [ISS, SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([
      ['open-port-reused', [7]],
      ['open-port-reused', [11]],
    ])
    expect(flags[1]!.message).toBe(
      'Soyuz MS-17 has no departure, but Soyuz MS-18 docked at ISS (Aft) on 2021-04-09T11:05:00Z: departure unknown, its bar ends there.',
    )
    expect([
      counts['port-overlap'],
      counts['open-after-deorbit'],
      counts['unknown-departure'],
    ]).toEqual([0, 0, 0])
  })

  it('flags the same vehicle docking at one port twice within an hour', () => {
    const { flags } = checkData(
      [
        dockingAt(S7_FWD, 20, 'Soyuz T-9', '1983-06-28T10:46:00Z', '1983-06-28T10:50:00Z'),
        dockingAt(S7_FWD, 21, 'Soyuz T 9', '1983-06-28T11:46:00Z', '1983-11-23T00:00:00Z'),
        // An hour and a minute later: a second docking, not a copy.
        dockingAt(S7_AFT, 22, 'Progress 17', '1983-08-19T00:00:00Z', '1983-08-19T00:30:00Z'),
        dockingAt(S7_AFT, 23, 'Progress 17', '1983-08-19T01:01:00Z', '1983-09-17T00:00:00Z'),
      ],
      [SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['duplicate', [20, 21]]])
    expect(flags[0]!.message).toContain('Events 20 and 21 both dock Soyuz T-9')
  })

  it('indexes flags by event, counts them by kind and keys them stably', () => {
    const checks = checkData(
      [
        dockingAt(S7_FWD, 1, undefined, '1984-02-09T00:00:00Z', '1984-10-02T00:00:00Z'),
        dockingAt(S7_FWD, 2, undefined, '1984-04-04T00:00:00Z'),
      ],
      [SALYUT_7],
      NOW,
    )
    // The open event, last at its port, ends at the re-entry: it overlaps its
    // neighbour's stay (and is itself open).
    expect(checks.counts['port-overlap']).toBe(1)
    expect(checks.counts['open-after-deorbit']).toBe(1)
    expect(checks.flagsOf.get(2 as never)?.map((f) => f.kind)).toEqual([
      'port-overlap',
      'open-after-deorbit',
    ])
    expect(checks.flagsOf.get(1 as never)?.map(flagKey)).toEqual(['port-overlap:1-2'])
  })
})

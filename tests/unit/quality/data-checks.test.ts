import { describe, expect, it } from 'vitest'

import { stationId, utcMillis } from '../../../shared/domain/units'
import { checkData, flagKey, type CheckedStation } from '../../../shared/quality/data-checks'
import { FLAG_KINDS } from '../../../shared/quality/data-flag'
import { makeEvent } from '../query/make-event'

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

const kindsOf = (flags: ReadonlyArray<{ kind: string; eventIds: ReadonlyArray<number> }>) =>
  flags.map((f) => [f.kind, [...f.eventIds]])

describe('checkData', () => {
  it('finds nothing in clean data and still counts every kind, at 0', () => {
    const checks = checkData(
      [
        makeEvent({
          id: 1,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz T-5',
          docking: '1982-05-14T00:00:00Z',
          departure: '1982-08-27T00:00:00Z',
        }),
        // Touching stays on one port do not overlap.
        makeEvent({
          id: 2,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz T-7',
          docking: '1982-08-27T00:00:00Z',
          departure: '1982-12-10T00:00:00Z',
        }),
        makeEvent({
          id: 10,
          station: iss,
          port: fwd,
          vehicle: 'Soyuz MS-27',
          docking: '2026-04-01T00:00:00Z',
        }),
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
        makeEvent({
          id: 1,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz T-10',
          docking: '1984-02-09T00:00:00Z',
          departure: '1984-04-11T00:00:00Z',
        }),
        makeEvent({
          id: 2,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz T-11',
          docking: '1984-04-04T00:00:00Z',
          departure: '1984-10-02T00:00:00Z',
        }),
        makeEvent({
          id: 3,
          station: s7,
          port: aft,
          vehicle: 'Progress 20',
          docking: '1984-04-17T00:00:00Z',
          departure: '1984-05-06T00:00:00Z',
        }),
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
        makeEvent({
          id: 189,
          station: s7,
          port: aft,
          vehicle: 'Soyuz 31',
          docking: '1984-01-01T00:00:00Z',
          departure: '1984-01-10T00:00:00Z',
        }),
        makeEvent({
          id: 190,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz-31',
          docking: '1984-01-10T00:28:00Z',
          departure: '1984-02-01T00:00:00Z',
        }),
        makeEvent({
          id: 191,
          station: iss,
          port: [11, 'Forward'],
          vehicle: 'Soyuz 31',
          docking: '1984-01-20T00:00:00Z',
          departure: '1984-01-21T00:00:00Z',
        }),
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
      [
        makeEvent({
          id: 5,
          station: s7,
          port: aft,
          vehicle: 'Progress 13',
          docking: '1982-05-25T00:00:00Z',
          departure: '1982-05-24T00:00:00Z',
        }),
      ],
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
        makeEvent({
          id: 1,
          station: s7,
          port: fwd,
          docking: '1982-04-18T23:00:00Z',
          departure: '1982-05-01T00:00:00Z',
        }),
        makeEvent({
          id: 2,
          station: s7,
          port: fwd,
          docking: '1991-03-01T00:00:00Z',
          departure: '1991-03-02T00:00:00Z',
        }),
        makeEvent({
          id: 3,
          station: s7,
          port: aft,
          docking: '1990-12-01T00:00:00Z',
          departure: '1991-02-08T00:00:00Z',
        }),
        makeEvent({
          id: 4,
          station: s7,
          port: aft,
          docking: '1986-01-01T00:00:00Z',
          departure: '1986-02-01T00:00:00Z',
        }),
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
      [
        makeEvent({
          id: 7,
          station: s7,
          port: fwd,
          vehicle: 'Cosmos 1686',
          docking: '1985-10-02T00:00:00Z',
        }),
      ],
      [SALYUT_7],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['open-after-deorbit', [7]]])
    expect(flags[0]!.message).toBe(
      'Cosmos 1686 has no departure, but Salyut 7 re-entered on 1991-02-07: departure unknown, its bar ends there.',
    )
  })

  it('flags an open event an active station does not list, only when the station gives a list', () => {
    const unlisted = { ...ISS, id: stationId(40), activeDockingEventIds: null }
    const { flags } = checkData(
      [
        makeEvent({
          id: 10,
          station: iss,
          port: fwd,
          vehicle: 'Soyuz MS-27',
          docking: '2026-04-01T00:00:00Z',
        }),
        makeEvent({
          id: 11,
          station: iss,
          port: aft,
          vehicle: 'Progress MS-20',
          docking: '2022-06-03T00:00:00Z',
        }),
        makeEvent({
          id: 12,
          station: [40, 'Unlisted'],
          port: [9, 'Nadir'],
          docking: '2022-06-03T00:00:00Z',
        }),
      ],
      [ISS, unlisted],
      NOW,
    )
    expect(kindsOf(flags)).toEqual([['unknown-departure', [11]]])
    expect(flags[0]!.message).toContain('ISS does not list it among its current dockings')
  })

  it('flags the same vehicle docking at one port twice within an hour', () => {
    const { flags } = checkData(
      [
        makeEvent({
          id: 20,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz T-9',
          docking: '1983-06-28T10:46:00Z',
          departure: '1983-06-28T10:50:00Z',
        }),
        makeEvent({
          id: 21,
          station: s7,
          port: fwd,
          vehicle: 'Soyuz T 9',
          docking: '1983-06-28T11:46:00Z',
          departure: '1983-11-23T00:00:00Z',
        }),
        // An hour and a minute later: a second docking, not a copy.
        makeEvent({
          id: 22,
          station: s7,
          port: aft,
          vehicle: 'Progress 17',
          docking: '1983-08-19T00:00:00Z',
          departure: '1983-08-19T00:30:00Z',
        }),
        makeEvent({
          id: 23,
          station: s7,
          port: aft,
          vehicle: 'Progress 17',
          docking: '1983-08-19T01:01:00Z',
          departure: '1983-09-17T00:00:00Z',
        }),
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
        makeEvent({ id: 1, station: s7, port: fwd, docking: '1984-02-09T00:00:00Z' }),
        makeEvent({
          id: 2,
          station: s7,
          port: fwd,
          docking: '1984-04-04T00:00:00Z',
          departure: '1984-10-02T00:00:00Z',
        }),
      ],
      [SALYUT_7],
      NOW,
    )
    // The open event ends at the re-entry, so it overlaps its neighbour (and is itself open).
    expect(checks.counts['port-overlap']).toBe(1)
    expect(checks.counts['open-after-deorbit']).toBe(1)
    expect(checks.flagsOf.get(1 as never)?.map((f) => f.kind)).toEqual([
      'port-overlap',
      'open-after-deorbit',
    ])
    expect(checks.flagsOf.get(2 as never)?.map(flagKey)).toEqual(['port-overlap:1-2'])
  })
})

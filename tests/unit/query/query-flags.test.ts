import { parseArgs } from 'node:util'

import { describe, expect, it } from 'vitest'

import { CliFailure, UsageError } from '../../../electron/cli/cli-errors'
import type { Flags } from '../../../electron/cli/flags'
import {
  parseQueryFlags,
  QUERY_FILTER_OPTIONS,
  stationIdsOf,
} from '../../../electron/cli/query-flags'
import { matchingEvents } from '../../../shared/query/evaluate'
import { DEFAULT_QUERY } from '../../../shared/query/query'
import { utcMillis } from '../../../shared/domain/units'
import { snapshotData } from '../../fixtures/docking-data'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const data = snapshotData()

/** Parses argv as `cli list` does, then into a Query. */
const parse = (...argv: string[]) => {
  const { values } = parseArgs({
    args: argv,
    options: { ...QUERY_FILTER_OPTIONS, ordering: { type: 'string' } },
    strict: true,
  })
  return parseQueryFlags(values as Flags, data)
}

describe('parseQueryFlags', () => {
  it('gives every event in docking order, with LL2 search semantics, for no flags', () => {
    expect(parse()).toEqual({ ...DEFAULT_QUERY, searchMode: 'll2', searchVehicleNames: false })
  })

  it('reads every filter flag into the query', () => {
    const q = parse(
      '--search',
      'soyuz, t',
      '--station',
      'salyut 7',
      '--port',
      'Salyut-6 aft',
      '--port',
      '4',
      '--chaser',
      '17',
      '--docking-gt',
      '1980-01-01',
      '--docking-gte',
      '1980-01-01T06:00',
      '--docking-lt',
      '1985-06-01T12:00:00+02:00',
      '--docking-lte',
      '1986-01-01T00:00:00Z',
      '--source',
      'snapshot',
      '--family',
      'soyuz',
      '--family',
      'Progress',
      '--ordering=-departure',
    )
    expect(q).toEqual({
      ...DEFAULT_QUERY,
      search: 'soyuz, t',
      searchMode: 'll2',
      searchVehicleNames: false,
      stations: [15],
      ports: [9, 4],
      chaserFlightId: 17,
      families: ['Soyuz', 'Progress'],
      sources: ['snapshot'],
      docking: {
        gt: utcMillis(Date.parse('1980-01-01T00:00:00Z')),
        gte: utcMillis(Date.parse('1980-01-01T06:00:00Z')),
        lt: utcMillis(Date.parse('1985-06-01T10:00:00Z')),
        lte: utcMillis(Date.parse('1986-01-01T00:00:00Z')),
      },
      ordering: '-departure',
    })
  })

  it('resolves a partial station name to every station it names', () => {
    // LL2 ids: Salyut 1 to 7 are stations 9 to 15 (Salyut 2 never had a crew: no events).
    const salyuts = data.stations.filter((s) => /^Salyut \d$/.test(s.name)).map((s) => s.id)
    expect(salyuts).toEqual([9, 10, 11, 12, 13, 14, 15])
    expect(parse('--station', 'salyut').stations).toEqual(salyuts)
    expect(stationIdsOf(data, ['14', 'Salyut 6'])).toEqual([14])
  })

  it('selects the events cli list shows for the flags', () => {
    const q = parse('--station', 'Salyut 6', '--family', 'progress', '--ordering=-docking')
    const shown = matchingEvents(data.events, q, utcMillis(0), { endFacts: NO_END_FACTS })
    expect(shown.length).toBeGreaterThan(3)
    expect(shown.every((e) => e.stationId === 14 && e.family === 'Progress')).toBe(true)
    expect(shown.map((e) => e.docking)).toEqual(shown.map((e) => e.docking).sort((a, b) => b - a))
  })

  it('refuses malformed values with a usage error that names the flag and the choices', () => {
    const usage = (argv: string[], message: RegExp) => {
      expect(() => parse(...argv)).toThrow(UsageError)
      expect(() => parse(...argv)).toThrow(message)
    }
    usage(['--docking-gte', 'yesterday'], /--docking-gte wants an ISO 8601 time .* not "yesterday"/)
    usage(['--docking-lt', '1985-13-45'], /--docking-lt wants an ISO 8601 time/)
    usage(['--chaser', 'soyuz'], /--chaser wants a whole number, not "soyuz"/)
    usage(['--chaser=-3'], /--chaser wants a whole number/)
    usage(['--ordering=sideways'], /--ordering is one of docking, -docking, departure, -departure/)
    usage(['--source', 'fax'], /--source is one of snapshot, ll2, import/)
    usage(['--family', 'Buran'], /--family is one of .*Soyuz/)
  })

  it('says what the cache has when a station or port name matches nothing', () => {
    // Space Station Freedom was never built; Columbus has no docking port.
    expect(() => parse('--station', 'Freedom')).toThrow(CliFailure)
    expect(() => parse('--station', 'Freedom')).toThrow(
      /no station matches "Freedom"; the cache has: .*Mir \(5\).*Salyut 6 \(14\)/,
    )
    expect(() => parse('--port', 'Columbus nadir')).toThrow(/no port matches "Columbus nadir"/)
  })

  it('reports a malformed value before looking up names', () => {
    expect(() => parse('--station', 'Freedom', '--docking-gt', 'soon')).toThrow(UsageError)
  })
})

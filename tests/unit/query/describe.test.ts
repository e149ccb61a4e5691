import { describe, expect, it } from 'vitest'

import {
  describeQuery,
  filterChips,
  formatBound,
  formatStay,
  NO_FILTERS_TEXT,
  removeChip,
  type PlaceNames,
} from '../../../shared/query/describe'
import { DEFAULT_QUERY, UNKNOWN_OPTION, type Query } from '../../../shared/query/query'
import {
  DAY_MS,
  durationMs,
  HOUR_MS,
  portId,
  stationId,
  utcMillis,
} from '../../../shared/domain/units'

const names: PlaceNames = {
  stationName: (id) => (id === 14 ? 'Salyut 6' : undefined),
  portName: (id) => (id === 5 ? 'Salyut-6 aft (Salyut 6)' : undefined),
}

const busy: Query = {
  ...DEFAULT_QUERY,
  search: ' soyuz ',
  stations: [stationId(14), stationId(99)],
  ports: [portId(5)],
  agencies: [''],
  roles: ['cargo'],
  states: ['docked'],
  docking: { gt: null, gte: utcMillis(Date.parse('1980-01-01T00:00:00Z')), lt: null, lte: null },
  minStay: durationMs(10 * DAY_MS),
}

describe('filterChips', () => {
  it('names every active filter in words', () => {
    expect(filterChips(busy, names).map((c) => `${c.kind}: ${c.value}`)).toEqual([
      'Search: “soyuz”',
      'Station: Salyut 6',
      'Station: Station 99',
      'Port: Salyut-6 aft (Salyut 6)',
      'Agency: Unknown',
      'Role: Cargo vehicle',
      'State: Still docked',
      'Docked on or after: 1980 UTC',
      'Stay at least: 10 days',
    ])
  })

  it('shows nothing for the default query, whatever its order', () => {
    expect(filterChips(DEFAULT_QUERY, names)).toEqual([])
    expect(filterChips({ ...DEFAULT_QUERY, ordering: '-departure', search: ' , ' }, names)).toEqual(
      [],
    )
  })

  it('shows the filters only the CLI sets, last, and removes them one by one', () => {
    const cli: Query = { ...busy, sources: ['import', 'snapshot'], chaserFlightId: 11 }
    const chips = filterChips(cli, names)
    expect(chips.slice(-3).map((c) => `${c.kind}: ${c.value}`)).toEqual([
      'Source: Imported file',
      'Source: Bundled snapshot',
      'Chaser flight: 11',
    ])
    expect(removeChip(cli, 'chaserFlightId')).toEqual({ ...cli, chaserFlightId: null })
    expect(removeChip(cli, 'sources:import').sources).toEqual(['snapshot'])
  })

  it('removes exactly the filter of the chip', () => {
    for (const chip of filterChips(busy, names)) {
      const after = removeChip(busy, chip.key)
      const left = filterChips(after, names).map((c) => c.key)
      expect(left).toEqual(
        filterChips(busy, names)
          .map((c) => c.key)
          .filter((k) => k !== chip.key),
      )
    }
    expect(removeChip(busy, 'nonsense:1')).toBe(busy)
  })
})

// Names as an export has them: plain port names, and an id the data does not know.
const fileNames: PlaceNames = {
  stationName: (id) => (id === 9006 ? 'Salyut 6' : undefined),
  portName: (id) => (id === 9602 ? 'Salyut-6 aft' : undefined),
}

describe('describeQuery', () => {
  it('says when nothing is filtered', () => {
    expect(describeQuery(DEFAULT_QUERY, fileNames)).toBe(NO_FILTERS_TEXT)
    expect(describeQuery({ ...DEFAULT_QUERY, ordering: '-docking' }, fileNames)).toBe(
      NO_FILTERS_TEXT,
    )
  })

  it('names every set filter in the order of the chips, values grouped per filter', () => {
    const text = describeQuery(
      {
        ...DEFAULT_QUERY,
        search: ' soyuz ',
        searchMode: 'll2',
        searchVehicleNames: false,
        stations: [stationId(9006), stationId(42)],
        ports: [portId(9602)],
        families: ['Soyuz', 'Progress'],
        configurations: ['Soyuz 7K-T', UNKNOWN_OPTION],
        agencies: ['Soviet Space Program'],
        roles: ['crew'],
        states: ['docked'],
        docking: {
          gt: null,
          gte: utcMillis(Date.parse('1980-01-01T00:00:00Z')),
          lt: utcMillis(Date.parse('1981-01-01T00:00:00Z')),
          lte: null,
        },
        minStay: durationMs(3 * 864e5),
        maxStay: durationMs(0.5 * 864e5),
      },
      fileNames,
    )
    expect(text).toBe(
      'search "soyuz" (anywhere in a name, as Launch Library 2); stations: Salyut 6, #42; ports: Salyut-6 aft; families: Soyuz, Progress; ' +
        'configurations: Soyuz 7K-T, (none given); agencies: Soviet Space Program; roles: crew vehicle; ' +
        'state: still docked; docking on or after 1980 UTC; docking before 1981 UTC; ' +
        'stay at least 3 days; stay at most 0.5 days',
    )
  })

  it('says how the search matched', () => {
    expect(describeQuery({ ...DEFAULT_QUERY, search: 'kvant' }, fileNames)).toBe(
      'search "kvant" (word starts in names, dates, notes and sources)',
    )
    expect(describeQuery({ ...DEFAULT_QUERY, search: 'kvant', searchMode: 'll2' }, fileNames)).toBe(
      'search "kvant" (anywhere in a name, as Launch Library 2, and in configurations and agencies)',
    )
  })

  it('quotes a search once, showing a typed phrase as typed', () => {
    const phrase: Query = { ...DEFAULT_QUERY, search: '"Soyuz 31" progress' }
    expect(filterChips(phrase, names)[0]?.value).toBe('"Soyuz 31" progress')
    expect(describeQuery(phrase, fileNames)).toBe(
      'search "Soyuz 31" progress (word starts in names, dates, notes and sources)',
    )
    const curly: Query = { ...DEFAULT_QUERY, search: '“Soyuz 31”' }
    expect(filterChips(curly, names)[0]?.value).toBe('“Soyuz 31”')
    expect(describeQuery(curly, fileNames)).toBe(
      'search “Soyuz 31” (word starts in names, dates, notes and sources)',
    )
  })

  it('names departure bounds as typed, apart from docking bounds', () => {
    const q: Query = {
      ...DEFAULT_QUERY,
      departure: {
        ...DEFAULT_QUERY.departure,
        gte: utcMillis(Date.parse('1979-06-01T00:00:00Z')),
        lte: utcMillis(Date.parse('1980-01-01T00:00:00Z') - 1),
      },
    }
    expect(describeQuery(q, fileNames)).toBe(
      'departure on or after 1979-06 UTC; departure on or before 1979 UTC',
    )
    expect(filterChips(q, names).map((c) => c.key)).toEqual(['departure:gte', 'departure:lte'])
    expect(removeChip(q, 'departure:lte').departure).toEqual({ ...q.departure, lte: null })
  })

  it('ends with the sources and chaser flight the CLI can filter on', () => {
    expect(
      describeQuery(
        { ...DEFAULT_QUERY, families: ['Soyuz'], sources: ['import'], chaserFlightId: 11 },
        fileNames,
      ),
    ).toBe('families: Soyuz; sources: import; chaser flight 11')
  })

  it('describes what each chip shows, one part per filter', () => {
    const line = describeQuery(busy, names)
    expect(line.split('; ')).toHaveLength(new Set(filterChips(busy, names).map((c) => c.kind)).size)
    expect(line).toContain('stations: Salyut 6, #99')
  })
})

describe('formatting', () => {
  it('shows bounds as the shortest date that says them, in UTC', () => {
    expect(formatBound('gte', Date.parse('1980-01-01T00:00:00Z'))).toBe('1980 UTC')
    expect(formatBound('gte', Date.parse('1980-03-02T00:00:00Z'))).toBe('1980-03-02 UTC')
    expect(formatBound('gte', Date.parse('1980-01-01T06:30:00Z'))).toBe('1980-01-01 06:30 UTC')
    // An upper bound "on or before" holds the last instant of what was typed.
    expect(formatBound('lte', Date.parse('1980-02-01T00:00:00Z') - 1)).toBe('1980-01 UTC')
    expect(formatBound('lte', Date.parse('1980-02-01T00:00:00Z'))).toBe(
      '1980-02-01 00:00:00.000 UTC',
    )
  })

  it('shows stays in days, or hours below a day', () => {
    expect(formatStay(DAY_MS)).toBe('1 day')
    expect(formatStay(2.5 * DAY_MS)).toBe('2.5 days')
    expect(formatStay(6 * HOUR_MS)).toBe('6 hours')
  })
})

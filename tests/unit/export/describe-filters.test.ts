import { describe, expect, it } from 'vitest'

import { describeFilters, NO_FILTERS_TEXT } from '../../../shared/export/describe-filters'
import { DEFAULT_FILTER_STATE, UNKNOWN_OPTION } from '../../../shared/query/filter-state'
import { durationMs, utcMillis } from '../../../shared/units'

const names = { stations: new Map([[9006, 'Salyut 6']]), ports: new Map([[9602, 'Salyut-6 aft']]) }

describe('describeFilters', () => {
  it('says when nothing is filtered', () => {
    expect(describeFilters(DEFAULT_FILTER_STATE, names)).toBe(NO_FILTERS_TEXT)
  })

  it('names every set filter in the panel order', () => {
    const text = describeFilters(
      {
        ...DEFAULT_FILTER_STATE,
        search: ' soyuz ',
        searchVehicleNames: false,
        stations: [9006 as never, 42 as never],
        ports: [9602 as never],
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
      names,
    )
    expect(text).toBe(
      'search "soyuz"; stations: Salyut 6, #42; ports: Salyut-6 aft; families: Soyuz, Progress; ' +
        'configurations: Soyuz 7K-T, (none given); agencies: Soviet Space Program; roles: crew vehicle; ' +
        'state: still docked; docking on or after 1980-01-01T00:00:00Z; docking before 1981-01-01T00:00:00Z; ' +
        'stay at least 3 days; stay at most 0.5 days',
    )
  })

  it('says when search also looks at vehicle names', () => {
    expect(describeFilters({ ...DEFAULT_FILTER_STATE, search: 'kvant' }, names)).toBe(
      'search "kvant" (also in vehicle configurations and agencies)',
    )
  })
})

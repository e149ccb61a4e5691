import { describe, expect, it } from 'vitest'

import {
  filterChips,
  formatBound,
  formatStay,
  removeChip,
  type ChipNames,
} from '../../../shared/query/filter-chips'
import { DEFAULT_FILTER_STATE, type FilterState } from '../../../shared/query/filter-state'
import { DAY_MS, durationMs, HOUR_MS, portId, stationId, utcMillis } from '../../../shared/units'

const names: ChipNames = {
  stationName: (id) => (id === 14 ? 'Salyut 6' : undefined),
  portName: (id) => (id === 5 ? 'Salyut-6 aft (Salyut 6)' : undefined),
}

const busy: FilterState = {
  ...DEFAULT_FILTER_STATE,
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
      'Docked on or after: 1980-01-01 UTC',
      'Stay at least: 10 days',
    ])
  })

  it('shows nothing for the default state', () => {
    expect(filterChips(DEFAULT_FILTER_STATE, names)).toEqual([])
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

describe('formatting', () => {
  it('shows midnight bounds as dates and others to the minute, in UTC', () => {
    expect(formatBound(Date.parse('1980-01-01T00:00:00Z'))).toBe('1980-01-01 UTC')
    expect(formatBound(Date.parse('1980-01-01T06:30:00Z'))).toBe('1980-01-01 06:30 UTC')
  })

  it('shows stays in days, or hours below a day', () => {
    expect(formatStay(DAY_MS)).toBe('1 day')
    expect(formatStay(2.5 * DAY_MS)).toBe('2.5 days')
    expect(formatStay(6 * HOUR_MS)).toBe('6 hours')
  })
})

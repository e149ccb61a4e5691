import { describe, expect, it } from 'vitest'

import {
  clearAllFilters,
  DEFAULT_FILTER_STATE,
  isEmptyFilter,
  normalizeFilterState,
  toggleOption,
  validateFilterState,
} from '../../../shared/query/filter-state'
import { stationId, utcMillis } from '../../../shared/units'

describe('normalizeFilterState', () => {
  it('round-trips a full state through JSON unchanged', () => {
    const state = {
      ...DEFAULT_FILTER_STATE,
      search: 'soyuz, mir',
      searchVehicleNames: false,
      stations: [stationId(2)],
      families: ['Soyuz' as const],
      configurations: ['Soyuz TM', ''],
      states: ['docked' as const],
      docking: { gt: null, gte: utcMillis(0), lt: null, lte: utcMillis(1e12) },
      minStay: null,
      maxStay: null,
    }
    expect(normalizeFilterState(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it('gives the default state for anything that is not an object', () => {
    for (const bad of [null, undefined, 42, 'x', [1, 2]]) {
      expect(normalizeFilterState(bad)).toEqual(DEFAULT_FILTER_STATE)
    }
  })

  it('repairs bad fields one by one and keeps the good ones', () => {
    const repaired = normalizeFilterState({
      search: 7,
      stations: [2, 'mir', -1, 2, 4.5, 9],
      families: ['Soyuz', 'Buran'],
      roles: 'crew',
      docking: { gt: 'yesterday', lte: 5 },
      minStay: -3,
      maxStay: 86_400_000,
      extra: true,
    })
    expect(repaired.search).toBe('')
    expect(repaired.stations).toEqual([2, 9])
    expect(repaired.families).toEqual(['Soyuz'])
    expect(repaired.roles).toEqual([])
    expect(repaired.docking).toEqual({ gt: null, gte: null, lt: null, lte: 5 })
    expect(repaired.minStay).toBeNull()
    expect(repaired.maxStay).toBe(86_400_000)
    expect(repaired).not.toHaveProperty('extra')
  })
})

describe('validateFilterState', () => {
  it('fills missing fields with defaults', () => {
    const r = validateFilterState({ search: 'kvant' })
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_FILTER_STATE, search: 'kvant' } })
  })

  it('names the bad field instead of repairing it', () => {
    const r = validateFilterState({ families: ['Buran'] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^families\.0: /)
    const unknownKey = validateFilterState({ colour: 'red' })
    expect(unknownKey.ok).toBe(false)
    const badBound = validateFilterState({ docking: { gt: 'tomorrow' } })
    expect(!badBound.ok && badBound.error).toMatch(/^docking\.gt: /)
  })
})

describe('state helpers', () => {
  it('toggles an option in and out', () => {
    const on = toggleOption(DEFAULT_FILTER_STATE, 'roles', 'cargo')
    expect(on.roles).toEqual(['cargo'])
    expect(toggleOption(on, 'roles', 'cargo').roles).toEqual([])
    expect(DEFAULT_FILTER_STATE.roles).toEqual([])
  })

  it('knows when nothing is filtered, and clear all gets back there', () => {
    expect(isEmptyFilter(DEFAULT_FILTER_STATE)).toBe(true)
    expect(isEmptyFilter({ ...DEFAULT_FILTER_STATE, search: ' , ' })).toBe(true)
    const busy = { ...DEFAULT_FILTER_STATE, search: 'x', searchVehicleNames: false, minStay: null }
    expect(isEmptyFilter(busy)).toBe(false)
    const cleared = clearAllFilters({ ...busy, roles: ['crew'] })
    expect(isEmptyFilter(cleared)).toBe(true)
    expect(cleared.searchVehicleNames).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'

import {
  clearAllFilters,
  DEFAULT_QUERY,
  isEmptyFilter,
  normalizeQuery,
  toggleOption,
  validateQuery,
  type Query,
} from '../../../shared/query/query'
import { stationId, utcMillis } from '../../../shared/domain/units'
import { jsonShapeProblem } from '../../../shared/json/json-shape'

describe('normalizeQuery', () => {
  it('round-trips a full state through JSON unchanged', () => {
    const state = {
      ...DEFAULT_QUERY,
      search: 'soyuz, mir',
      searchMode: 'll2',
      searchVehicleNames: false,
      stations: [stationId(2)],
      families: ['Soyuz' as const],
      configurations: ['Soyuz TM', ''],
      states: ['docked' as const],
      docking: { gt: null, gte: utcMillis(0), lt: null, lte: utcMillis(1e12) },
      minStay: null,
      maxStay: null,
      chaserFlightId: 11,
      sources: ['import' as const],
      ordering: '-departure' as const,
    }
    expect(normalizeQuery(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it('gives the default state for anything that is not an object', () => {
    for (const bad of [null, undefined, 42, 'x', [1, 2]]) {
      expect(normalizeQuery(bad)).toEqual(DEFAULT_QUERY)
    }
  })

  it('repairs bad fields one by one and keeps the good ones', () => {
    const repaired = normalizeQuery({
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

  it('reads a query stored before ordering, sources and chaser flight existed', () => {
    const old = { search: 'mir', stations: [2] }
    expect(normalizeQuery(old)).toEqual({ ...DEFAULT_QUERY, search: 'mir', stations: [2] })
    const bad = normalizeQuery({
      ordering: 'sideways',
      sources: ['ll2', 'fax'],
      chaserFlightId: -1,
    })
    expect(bad.ordering).toBe('docking')
    expect(bad.sources).toEqual(['ll2'])
    expect(bad.chaserFlightId).toBeNull()
  })
})

describe('validateQuery', () => {
  it('fills missing fields with defaults', () => {
    const r = validateQuery({ search: 'kvant' })
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_QUERY, search: 'kvant' } })
  })

  it('names the bad field instead of repairing it', () => {
    const r = validateQuery({ families: ['Buran'] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^families\.0: /)
    const unknownKey = validateQuery({ colour: 'red' })
    expect(unknownKey.ok).toBe(false)
    const badBound = validateQuery({ docking: { gt: 'tomorrow' } })
    expect(!badBound.ok && badBound.error).toMatch(/^docking\.gt: /)
    const badOrdering = validateQuery({ ordering: 'sideways' })
    expect(!badOrdering.ok && badOrdering.error).toMatch(/^ordering: /)
  })
})

describe('state helpers', () => {
  it('toggles an option in and out', () => {
    const on = toggleOption(DEFAULT_QUERY, 'roles', 'cargo')
    expect(on.roles).toEqual(['cargo'])
    expect(toggleOption(on, 'roles', 'cargo').roles).toEqual([])
    expect(DEFAULT_QUERY.roles).toEqual([])
  })

  it('knows when nothing is filtered, and clear all gets back there', () => {
    expect(isEmptyFilter(DEFAULT_QUERY)).toBe(true)
    // The order is not a filter; a chaser flight or a source is.
    expect(isEmptyFilter({ ...DEFAULT_QUERY, ordering: '-docking' })).toBe(true)
    expect(isEmptyFilter({ ...DEFAULT_QUERY, chaserFlightId: 0 })).toBe(false)
    expect(isEmptyFilter({ ...DEFAULT_QUERY, sources: ['ll2'] })).toBe(false)
    expect(isEmptyFilter({ ...DEFAULT_QUERY, search: ' , ' })).toBe(true)
    const busy: Query = {
      ...DEFAULT_QUERY,
      search: 'x',
      searchMode: 'll2',
      searchVehicleNames: false,
      minStay: null,
    }
    expect(isEmptyFilter(busy)).toBe(false)
    const cleared = clearAllFilters({ ...busy, roles: ['crew'], ordering: 'departure' })
    expect(isEmptyFilter(cleared)).toBe(true)
    expect(cleared.searchVehicleNames).toBe(false)
    expect(cleared.searchMode).toBe('ll2')
    expect(cleared.ordering).toBe('departure')
    const leaving = { ...DEFAULT_QUERY.departure, lt: utcMillis(0) }
    expect(isEmptyFilter({ ...DEFAULT_QUERY, departure: leaving })).toBe(false)
  })
})

describe('queries cross IPC', () => {
  // Main refuses a request that refers to one object twice (electron/ipc/handlers.ts).
  const strict = { maxDepth: 32, forbidPrototypeKeys: true, allowSharedReferences: false }

  it('shares no object between the docking and departure ranges', () => {
    expect(jsonShapeProblem(DEFAULT_QUERY, strict)).toBeNull()
    expect(jsonShapeProblem(clearAllFilters(DEFAULT_QUERY), strict)).toBeNull()
    expect(jsonShapeProblem(normalizeQuery({ docking: 'x', departure: 'y' }), strict)).toBeNull()
  })
})

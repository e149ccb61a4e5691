import { describe, expect, it } from 'vitest'

import { REQUEST_SCHEMAS } from '../../../shared/ipc/validators'
import { checkPref, MAX_PREF_CHARS, PREF_KEYS, PREFS, readPref } from '../../../shared/prefs/prefs'
import { DEFAULT_QUERY } from '../../../shared/query/query'
import { TABLE_COLUMN_IDS } from '../../../shared/table/table-layout'

describe('the preference table', () => {
  it('accepts each default as a value of its own key', () => {
    for (const key of PREF_KEYS) expect(checkPref(key, PREFS[key].default).ok).toBe(true)
  })

  it('refuses a value of the wrong shape, naming the key and field', () => {
    expect(checkPref('view.theme', 'purple')).toMatchObject({ ok: false })
    const bad = checkPref('filters.current', { ...DEFAULT_QUERY, roles: ['pilot'] })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/^filters\.current.*roles/)
  })

  it('refuses values larger than the cap before checking their shape', () => {
    const huge = checkPref('filters.current', {
      ...DEFAULT_QUERY,
      search: 'x'.repeat(MAX_PREF_CHARS),
    })
    expect(huge).toMatchObject({ ok: false })
    if (!huge.ok) expect(huge.error).toContain(`more than the ${MAX_PREF_CHARS}`)
    const long = checkPref(
      'view.collapsed-stations',
      Array.from({ length: 1_000_000 }, () => 1),
    )
    expect(long.ok).toBe(false)
    // Under the cap, the schema's own bound still holds.
    expect(
      checkPref(
        'view.collapsed-stations',
        Array.from({ length: 1001 }, (_, i) => i),
      ).ok,
    ).toBe(false)
  })

  it('reads a stored value, repairing what it can and defaulting the rest', () => {
    expect(readPref('view.theme', 'dark')).toBe('dark')
    expect(readPref('view.theme', 'purple')).toBe('system')
    expect(readPref('view.hide-empty-ports', 'yes')).toBe(false)
    expect(readPref('view.collapsed-stations', [3, null, 4])).toEqual([3, 4])
    expect(readPref('filters.views', [{ id: 'a', name: 'A', filters: 5, savedAt: 1 }])).toEqual([
      { id: 'a', name: 'A', filters: DEFAULT_QUERY, savedAt: 1 },
    ])
    expect(readPref('filters.current', null)).toBe(DEFAULT_QUERY)
  })
})

describe('the table preferences', () => {
  it('store shown columns, widths and order only as the table can use them', () => {
    expect(checkPref('table.hidden-columns', ['family', 'role']).ok).toBe(true)
    // The vehicle names the row; an unknown column or one listed twice is a bug.
    expect(checkPref('table.hidden-columns', ['vehicle']).ok).toBe(false)
    expect(checkPref('table.hidden-columns', ['colour']).ok).toBe(false)
    expect(checkPref('table.hidden-columns', ['role', 'role']).ok).toBe(false)
    expect(checkPref('table.column-widths', { vehicle: 120, port: 200 }).ok).toBe(true)
    expect(checkPref('table.column-widths', { vehicle: 12 }).ok).toBe(false)
    expect(checkPref('table.column-widths', { colour: 100 }).ok).toBe(false)
    expect(checkPref('table.sort', { column: 'station', direction: 'descending' }).ok).toBe(true)
    expect(checkPref('table.sort', { column: 'station', direction: 'up' }).ok).toBe(false)
    const order = ['port', ...TABLE_COLUMN_IDS.filter((id) => id !== 'port')]
    expect(checkPref('table.column-order', order).ok).toBe(true)
    // Every column once: an order that lost one, or holds one twice, is a bug.
    expect(checkPref('table.column-order', order.slice(1)).ok).toBe(false)
    expect(checkPref('table.column-order', [...order.slice(1), 'port', 'port']).ok).toBe(false)
    expect(checkPref('table.column-order', [...order.slice(1), 'colour']).ok).toBe(false)
  })

  it('read an older or hand-edited value keeping its good entries, in the table’s order', () => {
    expect(
      readPref('table.hidden-columns', ['role', 'vehicle', 'colour', 'family', 'role']),
    ).toEqual(['family', 'role'])
    expect(readPref('table.hidden-columns', 'role')).toEqual([])
    expect(
      readPref('table.column-widths', { vehicle: 12.4, port: 'wide', colour: 9, role: 999 }),
    ).toEqual({ vehicle: 48, role: 480 })
    expect(readPref('table.sort', { column: 'colour', direction: 'ascending' })).toEqual({
      column: 'docking',
      direction: 'ascending',
    })
    // The user's order kept, less unknown ids and repeats; a column it lacks
    // (added since) goes back after the one it follows by default.
    expect(
      readPref('table.column-order', [
        'station',
        'vehicle',
        'colour',
        'docking',
        'departure',
        'duration',
        'port',
        'vehicle',
        'role',
      ]),
    ).toEqual([
      'station',
      'vehicle',
      'docking',
      'departure',
      'duration',
      'port',
      'family',
      'role',
      'visit',
    ])
    expect(readPref('table.column-order', 'port')).toEqual(TABLE_COLUMN_IDS)
  })
})

describe('the prefs channels', () => {
  const accepts = (channel: 'dt:prefs:get' | 'dt:prefs:set', value: unknown) =>
    REQUEST_SCHEMAS[channel].safeParse(value).success

  it('take only keys of the table, and values of that key’s type', () => {
    expect(accepts('dt:prefs:get', { key: 'view.theme' })).toBe(true)
    expect(accepts('dt:prefs:get', { key: 'view.colour' })).toBe(false)
    expect(accepts('dt:prefs:set', { key: 'view.theme', value: 'dark' })).toBe(true)
    expect(accepts('dt:prefs:set', { key: 'view.theme', value: true })).toBe(false)
    expect(accepts('dt:prefs:set', { key: 'view.main', value: 'table', extra: 1 })).toBe(false)
    expect(accepts('dt:prefs:set', { key: 'filters.views', value: 'x'.repeat(300_000) })).toBe(
      false,
    )
  })
})

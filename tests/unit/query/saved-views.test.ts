import { describe, expect, it } from 'vitest'

import { DEFAULT_QUERY } from '../../../shared/query/query'
import {
  addView,
  deleteView,
  MAX_VIEW_NAME,
  normalizeSavedViews,
  renameView,
  updateViewFilters,
  viewNameProblem,
  type SavedView,
} from '../../../shared/query/saved-views'

const mir: SavedView = {
  id: 'a',
  name: 'Mir cargo',
  filters: { ...DEFAULT_QUERY, roles: ['cargo'] },
  savedAt: 1,
}

describe('saved views', () => {
  it('adds, renames, updates and deletes without touching other views', () => {
    const two = addView([mir], {
      id: 'b',
      name: '  ISS crew ',
      filters: DEFAULT_QUERY,
      savedAt: 2,
    })
    expect(two.map((v) => v.name)).toEqual(['Mir cargo', 'ISS crew'])
    const renamed = renameView(two, 'b', 'Station crews')
    expect(renamed.map((v) => v.name)).toEqual(['Mir cargo', 'Station crews'])
    const updated = updateViewFilters(renamed, 'a', { ...DEFAULT_QUERY, search: 'x' }, 3)
    expect(updated[0]!.filters.search).toBe('x')
    expect(updated[0]!.savedAt).toBe(3)
    expect(updated[1]).toBe(renamed[1])
    expect(deleteView(updated, 'a').map((v) => v.id)).toEqual(['b'])
  })

  it('refuses empty, too long and duplicate names', () => {
    expect(viewNameProblem([mir], '  ')).toMatch(/name/)
    expect(viewNameProblem([mir], 'x'.repeat(MAX_VIEW_NAME + 1))).toMatch(/at most/)
    expect(viewNameProblem([mir], ' MIR CARGO')).toMatch(/already exists/)
    // Renaming a view to its own name (in another case) is fine.
    expect(viewNameProblem([mir], 'MIR cargo', 'a')).toBeNull()
    expect(viewNameProblem([mir], 'Salyut')).toBeNull()
  })

  it('reads a stored list, dropping what is not a view and repairing filters', () => {
    const stored = JSON.parse(
      JSON.stringify([
        mir,
        { id: 'a', name: 'duplicate id', filters: {}, savedAt: 5 },
        { name: 'no id' },
        'junk',
        { id: 'c', name: 'Old', filters: { roles: ['crew', 'pilot'] } },
      ]),
    )
    const views = normalizeSavedViews(stored)
    expect(views.map((v) => v.id)).toEqual(['a', 'c'])
    expect(views[0]).toEqual(mir)
    expect(views[1]!.filters.roles).toEqual(['crew'])
    expect(views[1]!.savedAt).toBe(0)
    expect(normalizeSavedViews({ not: 'a list' })).toEqual([])
  })
})

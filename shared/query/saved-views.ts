/**
 * Named views: queries the user saved under a name to reopen later.
 *
 * Pure list updaters plus a lenient reader for the stored list, so a corrupt
 * preference loses only the broken entries, never the app's start.
 */
import { z } from 'zod'

import { normalizeQuery, type Query } from './query'

/** A query saved under a name. */
export interface SavedView {
  readonly id: string
  readonly name: string
  readonly filters: Query
  /** When it was saved or last updated, UTC millis. */
  readonly savedAt: number
}

/** Longest view name accepted; longer names do not fit the list. */
export const MAX_VIEW_NAME = 80

/** Most views kept; a list longer than this is no longer a list anyone reads. */
export const MAX_VIEWS = 100

const storedView = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(MAX_VIEW_NAME),
  filters: z.unknown(),
  savedAt: z.number().finite().catch(0),
})

/**
 * Reads a stored list of views, dropping entries that are not views.
 *
 * Each view's filters are repaired with `normalizeQuery`; duplicate ids
 * keep the first. Anything that is not an array gives an empty list.
 */
export function normalizeSavedViews(value: unknown): ReadonlyArray<SavedView> {
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  const views: SavedView[] = []
  for (const entry of value) {
    const parsed = storedView.safeParse(entry)
    if (!parsed.success || seen.has(parsed.data.id)) continue
    seen.add(parsed.data.id)
    views.push({
      id: parsed.data.id,
      name: parsed.data.name.trim() || parsed.data.id,
      filters: normalizeQuery(parsed.data.filters),
      savedAt: parsed.data.savedAt,
    })
  }
  return views.slice(0, MAX_VIEWS)
}

/**
 * Why a name cannot be used for a view, or null when it can.
 *
 * Names are compared without case or surrounding blanks, so "Mir" and "mir "
 * are the same view to a reader. `exceptId` is the view being renamed.
 */
export function viewNameProblem(
  views: ReadonlyArray<SavedView>,
  name: string,
  exceptId: string | null = null,
): string | null {
  const trimmed = name.trim()
  if (trimmed === '') return 'Give the view a name.'
  if (trimmed.length > MAX_VIEW_NAME) return `Names are at most ${MAX_VIEW_NAME} characters.`
  const key = trimmed.toLowerCase()
  const clash = views.find((v) => v.id !== exceptId && v.name.trim().toLowerCase() === key)
  return clash ? `A view named “${clash.name}” already exists.` : null
}

/**
 * Adds a view at the end of the list.
 *
 * The caller checks the name with `viewNameProblem` first and supplies the id
 * and time (no clock or randomness here). Past `MAX_VIEWS` the list is not grown.
 */
export function addView(
  views: ReadonlyArray<SavedView>,
  view: SavedView,
): ReadonlyArray<SavedView> {
  if (views.length >= MAX_VIEWS) return views
  return [...views, { ...view, name: view.name.trim() }]
}

/** Renames one view; other views and unknown ids are left alone. */
export function renameView(
  views: ReadonlyArray<SavedView>,
  id: string,
  name: string,
): ReadonlyArray<SavedView> {
  return views.map((v) => (v.id === id ? { ...v, name: name.trim() } : v))
}

/** Replaces a view's filters with new ones (the "update view" action). */
export function updateViewFilters(
  views: ReadonlyArray<SavedView>,
  id: string,
  filters: Query,
  savedAt: number,
): ReadonlyArray<SavedView> {
  return views.map((v) => (v.id === id ? { ...v, filters, savedAt } : v))
}

/** Removes one view. */
export function deleteView(views: ReadonlyArray<SavedView>, id: string): ReadonlyArray<SavedView> {
  return views.filter((v) => v.id !== id)
}

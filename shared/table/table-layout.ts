/**
 * The table view's columns as the user arranges them: which show, how wide,
 * sorted by which. Here, not in the renderer, because the preference table
 * (shared/prefs) stores them and checks what it stores against these ids.
 */

/**
 * The table's columns in display order: who, then when (the table's default
 * sort), then where. At 1024 px beside a side panel about 760 px are left,
 * and the dates came sixth, past the edge, behind a sideways scroll.
 */
export const TABLE_COLUMN_IDS = [
  'vehicle',
  'docking',
  'departure',
  'duration',
  'station',
  'port',
  'family',
  'role',
  'visit',
] as const

/** One of the table's columns. */
export type ColumnId = (typeof TABLE_COLUMN_IDS)[number]

/** The column that names a row's spacecraft: never hidden, or a row would not say what it is. */
export const ALWAYS_SHOWN: ColumnId = 'vehicle'

/** Narrowest and widest a column may be sized or dragged, px. */
export const COLUMN_LIMITS = { min: 48, max: 480 } as const

/** A width as a column may have it: whole px within COLUMN_LIMITS. */
export const clampColumnWidth = (w: number): number =>
  Math.round(Math.min(COLUMN_LIMITS.max, Math.max(COLUMN_LIMITS.min, w)))

/** How the table's rows are ordered. */
export interface SortSpec {
  readonly column: ColumnId
  readonly direction: 'ascending' | 'descending'
}

/** Oldest docking first: the order the table opens in. */
export const DEFAULT_SORT: SortSpec = { column: 'docking', direction: 'ascending' }

/** Widths the user dragged, px; a column not in it is sized to its content. */
export type ColumnWidths = Partial<Record<ColumnId, number>>

export const isColumnId = (x: unknown): x is ColumnId =>
  typeof x === 'string' && (TABLE_COLUMN_IDS as ReadonlyArray<string>).includes(x)

/**
 * The sort the table shows: a sort by a column the user has since hidden
 * would order the rows by something no longer on screen, so it falls back to
 * the default until that column shows again.
 */
export function shownSort(sort: SortSpec, hidden: ReadonlyArray<ColumnId>): SortSpec {
  return hidden.includes(sort.column) ? DEFAULT_SORT : sort
}

/**
 * A list of hidden columns as the app keeps it: known ids only, each once, in
 * the table's order, never the vehicle (an older or hand-edited value loses
 * only its bad entries).
 */
export function normalizeHidden(stored: unknown): ReadonlyArray<ColumnId> {
  if (!Array.isArray(stored)) return []
  return TABLE_COLUMN_IDS.filter((id) => id !== ALWAYS_SHOWN && stored.includes(id))
}

/** The table's columns in the order the user put them: every column, once. */
export type ColumnOrder = ReadonlyArray<ColumnId>

/**
 * A stored column order as the app can use it: known ids, each once, in the
 * stored order. A column it lacks (added since, or lost in a hand edit) goes
 * back after the column it follows in TABLE_COLUMN_IDS, or first.
 */
export function normalizeOrder(stored: unknown): ColumnOrder {
  const out: ColumnId[] = []
  if (Array.isArray(stored))
    for (const id of stored) if (isColumnId(id) && !out.includes(id)) out.push(id)
  TABLE_COLUMN_IDS.forEach((id, i) => {
    if (out.includes(id)) return
    const before = i === 0 ? -1 : out.indexOf(TABLE_COLUMN_IDS[i - 1]!)
    out.splice(before + 1, 0, id)
  })
  return out
}

/**
 * `order` with `column` taken out and put back just before `before` (null:
 * last); the same order when that is where it stands.
 */
export function placeColumn(
  order: ColumnOrder,
  column: ColumnId,
  before: ColumnId | null,
): ColumnOrder {
  if (column === before || !order.includes(column)) return order
  const out = order.filter((id) => id !== column)
  const at = before === null ? out.length : out.indexOf(before)
  if (at < 0) return order
  out.splice(at, 0, column)
  return out.every((id, i) => id === order[i]) ? order : out
}

/** `order` with `column` moved one place left (-1) or right (1); at an end, the same order. */
export function moveColumn(order: ColumnOrder, column: ColumnId, by: -1 | 1): ColumnOrder {
  const from = order.indexOf(column)
  if (from < 0 || from + by < 0 || from + by >= order.length) return order
  return placeColumn(order, column, by < 0 ? order[from - 1]! : (order[from + 2] ?? null))
}

/** Stored widths as the app can use them: known columns, whole px within COLUMN_LIMITS. */
export function normalizeWidths(stored: unknown): ColumnWidths {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {}
  const out: ColumnWidths = {}
  for (const id of TABLE_COLUMN_IDS) {
    const w = (stored as Record<string, unknown>)[id]
    if (typeof w === 'number' && Number.isFinite(w)) out[id] = clampColumnWidth(w)
  }
  return out
}

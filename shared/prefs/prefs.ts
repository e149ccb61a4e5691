/**
 * Every user preference the app keeps, in one table: key → schema and default.
 *
 * Main validates each value it is asked to store against the table (a key not
 * in it, a value of the wrong shape or one too big is refused), and the
 * renderer reads stored values through the same table, so both sides agree on
 * what a preference may hold and an older or hand-edited value never breaks
 * the app.
 */
import { z } from 'zod'

import { DEFAULT_QUERY, normalizeQuery, validateQuery, type Query } from '../query/query'
import { MAX_VIEW_NAME, MAX_VIEWS, normalizeSavedViews, type SavedView } from '../query/saved-views'
import {
  ALWAYS_SHOWN,
  COLUMN_LIMITS,
  DEFAULT_SORT,
  normalizeHidden,
  normalizeOrder,
  normalizeWidths,
  TABLE_COLUMN_IDS,
  type ColumnId,
  type ColumnOrder,
  type ColumnWidths,
  type SortSpec,
} from '../table/table-layout'
import type { TimeZoneMode } from '../time/time-format'
import { COUNT_BY, type CountBy } from '../visits/count-by'

/** Light, dark, or whatever the system prefers. */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** The main area shows the chart or the table of the same rows. */
export type MainView = 'chart' | 'table' | 'analysis'

/** How station rows are ordered, top to bottom. */
export type StationOrder = 'recent' | 'name' | 'first'

/** The station orders a user can choose, in menu order. */
export const STATION_ORDERS: ReadonlyArray<StationOrder> = ['recent', 'name', 'first']

/** The parts of the one-line strip above the chart (legend and data summaries), in strip order. */
export const SUMMARY_PARTS = ['legend', 'overlaps', 'conflicts', 'checks'] as const

/** A part of the strip above the chart that opens below it. */
export type SummaryPart = (typeof SUMMARY_PARTS)[number]

/** Which part of the strip is open; 'none' keeps the strip to one line. */
export type SummaryOpen = SummaryPart | 'none'

/**
 * Widths a side panel may be dragged to, px. Narrower and its lists wrap
 * every word; wider and the chart stops dominating even a large screen.
 */
export const PANEL_WIDTH_LIMITS = { min: 180, max: 640 } as const

/**
 * Longest stored value, in characters of JSON (256 Ki). The biggest real
 * preference (100 saved views with long searches) is far below it; anything
 * larger is a bug or an attack, and would be read back on every start.
 */
export const MAX_PREF_CHARS = 256 * 1024

/** Most stations kept folded; more than any cache holds. */
const MAX_COLLAPSED_STATIONS = 1000

/** One preference: what it may hold, what it is when unset, how an older value is repaired. */
interface PrefSpec<T> {
  /** Strict check of a value to store. */
  readonly schema: z.ZodType<T>
  readonly default: T
  /**
   * Lenient reading of a stored value that fails `schema` (an older version, a
   * hand-edited file), keeping what is still good; without it such a value
   * reads as the default.
   */
  readonly repair?: (stored: unknown) => T
}

const spec = <T>(s: PrefSpec<T>): PrefSpec<T> => s

// The filter state has its own strict validator (it names the bad field); zod
// only carries its verdict, so the two cannot disagree.
const filterStateSchema: z.ZodType<Query> = z.unknown().transform((value, ctx) => {
  const checked = validateQuery(value)
  if (checked.ok) return checked.value
  ctx.addIssue({ code: 'custom', message: checked.error })
  return z.NEVER
})

const savedViewSchema: z.ZodType<SavedView> = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(MAX_VIEW_NAME),
  filters: filterStateSchema,
  savedAt: z.number().finite(),
})

const columnId = z.enum(TABLE_COLUMN_IDS)
/** A list of table columns names none twice. */
const noColumnTwice = (ids: ReadonlyArray<ColumnId>) => new Set(ids).size === ids.length

const panelWidthSchema = z.number().int().min(PANEL_WIDTH_LIMITS.min).max(PANEL_WIDTH_LIMITS.max)

/** The preference table. */
export const PREFS = {
  'view.theme': spec<ThemeChoice>({
    schema: z.enum(['system', 'light', 'dark']),
    default: 'system',
  }),
  'view.time-zone': spec<TimeZoneMode>({ schema: z.enum(['utc', 'local']), default: 'utc' }),
  'view.collapsed-stations': spec<ReadonlyArray<number>>({
    schema: z.array(z.number().int()).max(MAX_COLLAPSED_STATIONS),
    default: [],
    // One bad entry loses only itself, not the other folded stations.
    repair: (stored) =>
      Array.isArray(stored)
        ? stored.filter((x): x is number => Number.isInteger(x)).slice(0, MAX_COLLAPSED_STATIONS)
        : [],
  }),
  'view.hide-empty-ports': spec<boolean>({ schema: z.boolean(), default: false }),
  'view.main': spec<MainView>({
    schema: z.enum(['chart', 'table', 'analysis']),
    default: 'chart',
  }),
  /** Move the chart to fit the results after each filter change (issue #15: on by default). */
  'view.fit-on-filter': spec<boolean>({ schema: z.boolean(), default: true }),
  'view.show-reference': spec<boolean>({ schema: z.boolean(), default: false }),
  'view.station-order': spec<StationOrder>({
    schema: z.enum(STATION_ORDERS as [StationOrder, ...StationOrder[]]),
    default: 'recent',
  }),
  'view.hide-rows-out-of-view': spec<boolean>({ schema: z.boolean(), default: false }),
  /** Counts, stays and table rows by docking or by visit (issue #13: relocations are legs). */
  'view.count-by': spec<CountBy>({
    schema: z.enum(COUNT_BY as [CountBy, ...CountBy[]]),
    default: 'docking',
  }),
  'layout.filters-width': spec<number>({ schema: panelWidthSchema, default: 260 }),
  'layout.details-width': spec<number>({ schema: panelWidthSchema, default: 320 }),
  'layout.filters-collapsed': spec<boolean>({ schema: z.boolean(), default: false }),
  'layout.details-collapsed': spec<boolean>({ schema: z.boolean(), default: false }),
  /**
   * The open part of the legend-and-summaries strip. Closed by default: at
   * 1024x700 the open legend and summaries took the rows' room (issue #15).
   */
  'layout.summary-open': spec<SummaryOpen>({
    schema: z.enum(['none', ...SUMMARY_PARTS]),
    default: 'none',
  }),
  'table.sort': spec<SortSpec>({
    schema: z.strictObject({ column: columnId, direction: z.enum(['ascending', 'descending']) }),
    default: DEFAULT_SORT,
  }),
  'table.hidden-columns': spec<ReadonlyArray<ColumnId>>({
    schema: z
      .array(columnId.exclude([ALWAYS_SHOWN]))
      .max(TABLE_COLUMN_IDS.length)
      .refine(noColumnTwice, 'a column listed twice'),
    default: [],
    repair: normalizeHidden,
  }),
  'table.column-order': spec<ColumnOrder>({
    schema: z
      .array(columnId)
      .length(TABLE_COLUMN_IDS.length)
      .refine(noColumnTwice, 'a column listed twice'),
    default: TABLE_COLUMN_IDS,
    repair: normalizeOrder,
  }),
  'table.column-widths': spec<ColumnWidths>({
    schema: z.partialRecord(
      columnId,
      z.number().int().min(COLUMN_LIMITS.min).max(COLUMN_LIMITS.max),
    ),
    default: {},
    repair: normalizeWidths,
  }),
  'filters.current': spec<Query>({
    schema: filterStateSchema,
    default: DEFAULT_QUERY,
    repair: normalizeQuery,
  }),
  'filters.views': spec<ReadonlyArray<SavedView>>({
    schema: z
      .array(savedViewSchema)
      .max(MAX_VIEWS)
      .refine((views) => new Set(views.map((v) => v.id)).size === views.length, 'duplicate ids'),
    default: [],
    repair: normalizeSavedViews,
  }),
} as const

/** Any preference key. */
export type PrefKey = keyof typeof PREFS
/** The value a preference holds. */
export type PrefValue<K extends PrefKey> = (typeof PREFS)[K]['default']
/** Every preference with its value. */
export type PrefValues = { readonly [K in PrefKey]: PrefValue<K> }

/** Every preference key, in table order. */
export const PREF_KEYS = Object.keys(PREFS) as ReadonlyArray<PrefKey>

/** Is this a key of the table? */
export function isPrefKey(key: unknown): key is PrefKey {
  return typeof key === 'string' && Object.hasOwn(PREFS, key)
}

/** The value to store, or why it may not be stored. */
export type PrefCheck<K extends PrefKey> =
  | { readonly ok: true; readonly value: PrefValue<K> }
  | { readonly ok: false; readonly error: string }

/**
 * Checks a value before it is stored: its size as JSON first (so a huge value
 * is refused before anything walks it), then the key's schema.
 */
export function checkPref<K extends PrefKey>(key: K, value: unknown): PrefCheck<K> {
  const chars = jsonLength(value)
  if (chars === null) return { ok: false, error: `${key}: not a JSON value` }
  if (chars > MAX_PREF_CHARS)
    return {
      ok: false,
      error: `${key}: ${chars} characters as JSON, more than the ${MAX_PREF_CHARS} a preference may hold`,
    }
  const parsed = (PREFS[key].schema as z.ZodType<PrefValue<K>>).safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? `${key}.${issue.path.join('.')}` : key
  return { ok: false, error: `${where}: ${issue?.message ?? 'invalid value'}` }
}

/**
 * Reads a stored value: as stored when it passes the schema, repaired where the
 * key knows how, else the default. Never throws: a bad preference must not stop
 * the app from opening.
 */
export function readPref<K extends PrefKey>(key: K, stored: unknown): PrefValue<K> {
  const entry = PREFS[key] as PrefSpec<PrefValue<K>>
  if (stored === null || stored === undefined) return entry.default
  const checked = checkPref(key, stored)
  if (checked.ok) return checked.value
  return entry.repair ? entry.repair(stored) : entry.default
}

/** Length of a value as JSON, or null when it has no JSON form (undefined, a BigInt, a cycle). */
function jsonLength(value: unknown): number | null {
  try {
    const json = JSON.stringify(value)
    return typeof json === 'string' ? json.length : null
  } catch {
    return null
  }
}

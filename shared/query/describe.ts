/**
 * A query in words: removable chips for the panel, one line for export footers and file headers.
 *
 * Both come from one walk over the query (`queryPhrases`), in one order, with
 * one vocabulary, so a chip and a footer never disagree on what was filtered.
 * Chips name one value each and know how to remove only themselves ("Port:
 * Salyut-6 aft (Salyut 6)", "Docked on or after: 1980-01-01 UTC"); the line
 * groups values per filter ("ports: Salyut-6 aft; docking on or after
 * 1980-01-01T00:00:00Z"), because a figure in a paper must say what it leaves
 * out and a JSON blob would not be read.
 */
import { ROLE_STYLES } from '../chart/style'
import type { VehicleRole } from '../domain/model'
import { DAY_MS, HOUR_MS } from '../domain/units'
import { boundText } from './bound-text'
import {
  NO_TIME_BOUNDS,
  OPTION_DIMENSIONS,
  UNKNOWN_OPTION,
  type OptionDimension,
  type Query,
  type TimeBounds,
} from './query'
import { searchTerms } from './search'
import { countNoun } from '../format/count-noun'

/** Names to show for station and port ids; anything missing is shown by id. */
export interface PlaceNames {
  readonly stationName: (id: number) => string | undefined
  readonly portName: (id: number) => string | undefined
}

/** One active filter, as a removable chip. */
export interface FilterChip {
  /** Stable key, e.g. `ports:4` or `docking:gte`. */
  readonly key: string
  /** What it filters on, e.g. "Port". */
  readonly kind: string
  /** The value in words, e.g. "Salyut-6 aft (Salyut 6)". */
  readonly value: string
}

/** Words for the "nothing filtered" case of the one-line description. */
export const NO_FILTERS_TEXT = 'none (all events)'

/** The query's two time ranges. */
type RangeField = 'docking' | 'departure'

/** What a phrase is about: a list dimension, one time bound, or a single-valued filter. */
type Topic =
  | 'search'
  | OptionDimension
  | `${RangeField}:${keyof TimeBounds}`
  | 'minStay'
  | 'maxStay'
  | 'chaserFlightId'
  | 'conflictsWithReference'
  | 'flagged'

/** One active filter value, before it is put into words. */
interface Phrase {
  readonly topic: Topic
  /** The chip key: the topic, plus `:value` for list dimensions. */
  readonly key: string
  readonly value: string | number
}

// The one order of every description: the panel's, then the filters only the CLI sets.
const BOUNDS: ReadonlyArray<keyof TimeBounds> = ['gt', 'gte', 'lt', 'lte']
const RANGES: ReadonlyArray<RangeField> = ['docking', 'departure']
const LISTS_BEFORE_BOUNDS = OPTION_DIMENSIONS.filter((d) => d !== 'sources')

/** The active filters of a query, one phrase per value, in description order. */
function queryPhrases(query: Query): ReadonlyArray<Phrase> {
  const phrases: Phrase[] = []
  if (searchTerms(query.search).length > 0) {
    phrases.push({ topic: 'search', key: 'search', value: query.search.trim() })
  }
  const list = (d: OptionDimension) => {
    for (const value of query[d] as ReadonlyArray<string | number>)
      phrases.push({ topic: d, key: `${d}:${value}`, value })
  }
  LISTS_BEFORE_BOUNDS.forEach(list)
  for (const range of RANGES)
    for (const bound of BOUNDS) {
      const t = query[range][bound]
      if (t !== null)
        phrases.push({ topic: `${range}:${bound}`, key: `${range}:${bound}`, value: t })
    }
  if (query.minStay !== null)
    phrases.push({ topic: 'minStay', key: 'minStay', value: query.minStay })
  if (query.maxStay !== null)
    phrases.push({ topic: 'maxStay', key: 'maxStay', value: query.maxStay })
  if (query.flagged) phrases.push({ topic: 'flagged', key: 'flagged', value: 'flagged' })
  list('sources')
  if (query.chaserFlightId !== null) {
    phrases.push({ topic: 'chaserFlightId', key: 'chaserFlightId', value: query.chaserFlightId })
  }
  if (query.conflictsWithReference) {
    const key = 'conflictsWithReference'
    phrases.push({ topic: key, key, value: 'yes' })
  }
  return phrases
}

/** How a topic reads on a chip ("Port") and in the line ("ports"). */
const TOPIC_WORDS: { readonly [T in Topic]: { readonly chip: string; readonly line: string } } = {
  search: { chip: 'Search', line: 'search' },
  stations: { chip: 'Station', line: 'stations' },
  ports: { chip: 'Port', line: 'ports' },
  families: { chip: 'Family', line: 'families' },
  configurations: { chip: 'Configuration', line: 'configurations' },
  agencies: { chip: 'Agency', line: 'agencies' },
  roles: { chip: 'Role', line: 'roles' },
  states: { chip: 'State', line: 'state' },
  sources: { chip: 'Source', line: 'sources' },
  'docking:gt': { chip: 'Docked after', line: 'docking after' },
  'docking:gte': { chip: 'Docked on or after', line: 'docking on or after' },
  'docking:lt': { chip: 'Docked before', line: 'docking before' },
  'docking:lte': { chip: 'Docked on or before', line: 'docking on or before' },
  'departure:gt': { chip: 'Departed after', line: 'departure after' },
  'departure:gte': { chip: 'Departed on or after', line: 'departure on or after' },
  'departure:lt': { chip: 'Departed before', line: 'departure before' },
  'departure:lte': { chip: 'Departed on or before', line: 'departure on or before' },
  minStay: { chip: 'Stay at least', line: 'stay at least' },
  maxStay: { chip: 'Stay at most', line: 'stay at most' },
  chaserFlightId: { chip: 'Chaser flight', line: 'chaser flight' },
  conflictsWithReference: { chip: 'Conflicts', line: 'only' },
  flagged: { chip: 'Data checks', line: 'data checks' },
}

const ROLE_WORDS: Readonly<Record<VehicleRole, string>> = {
  crew: 'Crew vehicle',
  cargo: 'Cargo vehicle',
  module: 'Station module',
  other: 'Other',
}
const STATE_WORDS: Readonly<Record<string, string>> = {
  docked: 'Still docked',
  departed: 'Departed',
  unknown: 'Departure unknown',
}
const SOURCE_WORDS: Readonly<Record<string, string>> = {
  snapshot: 'Bundled snapshot',
  ll2: 'Launch Library 2',
  import: 'Imported file',
}

/**
 * Formats a time bound as typed: "1980 UTC", "1980-06-14 12:30 UTC".
 *
 * Always labelled UTC: a filter bound read as local time would be off by hours.
 */
export function formatBound(kind: keyof TimeBounds, t: number): string {
  return `${boundText(kind, t)} UTC`
}

/** Whether a topic is one bound of a time range, and which. */
function boundOf(topic: Topic): keyof TimeBounds | null {
  const colon = topic.indexOf(':')
  return colon < 0 ? null : (topic.slice(colon + 1) as keyof TimeBounds)
}

/** Formats a stay length in days, or hours below a day ("45 days", "2.5 days", "6 hours"). */
export function formatStay(ms: number): string {
  if (ms < DAY_MS) {
    const hours = Math.round((ms / HOUR_MS) * 10) / 10
    return countNoun(hours, 'hour')
  }
  const days = Math.round((ms / DAY_MS) * 10) / 10
  return countNoun(days, 'day')
}

// The line writes whole days as "3 days", others to one decimal ("0.5 days").
function lineDays(ms: number): string {
  const d = ms / DAY_MS
  const text = Number.isInteger(d) ? String(d) : d.toFixed(1)
  return `${text} ${d === 1 ? 'day' : 'days'}`
}

/** Words for an option value of a dimension, as the panel and chips show it. */
export function optionLabel(
  dimension: OptionDimension,
  value: string | number,
  names: PlaceNames,
): string {
  switch (dimension) {
    case 'stations':
      return names.stationName(Number(value)) ?? `Station ${value}`
    case 'ports':
      return names.portName(Number(value)) ?? `Port ${value}`
    case 'roles':
      return ROLE_WORDS[value as VehicleRole] ?? String(value)
    case 'states':
      return STATE_WORDS[String(value)] ?? String(value)
    case 'sources':
      return SOURCE_WORDS[String(value)] ?? String(value)
    case 'configurations':
    case 'agencies':
      return value === UNKNOWN_OPTION ? 'Unknown' : String(value)
    case 'families':
      return String(value)
  }
}

// A search that has quote marks of its own (a phrase, in words mode) is shown
// as typed: wrapping it again read `“"Soyuz 31"”` on a chip and `""Soyuz 31""`
// in an export's footer.
function quotedSearch(search: string, open: string, close: string): string {
  return /["“”]/.test(search) ? search : `${open}${search}${close}`
}

function chipValue(p: Phrase, names: PlaceNames): string {
  switch (p.topic) {
    case 'search':
      return quotedSearch(String(p.value), '“', '”')
    case 'minStay':
    case 'maxStay':
      return formatStay(Number(p.value))
    case 'chaserFlightId':
      return String(p.value)
    case 'conflictsWithReference':
      return 'with the reference records'
    case 'flagged':
      return 'Flagged only'
    default: {
      const bound = boundOf(p.topic)
      return bound
        ? formatBound(bound, Number(p.value))
        : optionLabel(p.topic as OptionDimension, p.value, names)
    }
  }
}

// The line writes unknown ids as "#id" rather than dropping them, so it never
// claims less filtering than was done, and keeps the legend's role words.
function lineValue(p: Phrase, names: PlaceNames): string {
  switch (p.topic) {
    case 'search':
      return quotedSearch(String(p.value), '"', '"')
    case 'stations':
      return names.stationName(Number(p.value)) ?? `#${p.value}`
    case 'ports':
      return names.portName(Number(p.value)) ?? `#${p.value}`
    case 'roles':
      return ROLE_STYLES[p.value as VehicleRole].label.toLowerCase()
    case 'states':
      return STATE_WORDS[String(p.value)]!.toLowerCase()
    case 'configurations':
    case 'agencies':
      return p.value === UNKNOWN_OPTION ? '(none given)' : String(p.value)
    case 'minStay':
    case 'maxStay':
      return lineDays(Number(p.value))
    case 'conflictsWithReference':
      return 'events conflicting with the reference records'
    case 'flagged':
      return 'flagged events only'
    default: {
      const bound = boundOf(p.topic)
      return bound ? formatBound(bound, Number(p.value)) : String(p.value)
    }
  }
}

/**
 * How the search matches, in words: for the help text, the chip's title and the line.
 */
export function searchModeWords(query: Pick<Query, 'searchMode' | 'searchVehicleNames'>): string {
  if (query.searchMode === 'words') return 'word starts in names, dates, notes and sources'
  return query.searchVehicleNames
    ? 'anywhere in a name, as Launch Library 2, and in configurations and agencies'
    : 'anywhere in a name, as Launch Library 2'
}

/** The chips of every active filter, search first, in description order. */
export function filterChips(query: Query, names: PlaceNames): ReadonlyArray<FilterChip> {
  return queryPhrases(query).map((p) => ({
    key: p.key,
    kind: TOPIC_WORDS[p.topic].chip,
    value: chipValue(p, names),
  }))
}

/**
 * Describes a query's filters in one line of plain words, for export footers and file headers.
 *
 * Every set filter appears, in the chips' order, separated by "; "; a list
 * filter names all its values ("families: Soyuz, Progress"). The ordering is
 * not a filter and is not described. Returns `NO_FILTERS_TEXT` when nothing is
 * filtered.
 */
export function describeQuery(query: Query, names: PlaceNames): string {
  const parts: string[] = []
  let previous: Topic | null = null
  for (const p of queryPhrases(query)) {
    const words = lineValue(p, names)
    const isList = (OPTION_DIMENSIONS as ReadonlyArray<string>).includes(p.topic)
    if (isList && p.topic === previous) parts[parts.length - 1] += `, ${words}`
    else parts.push(`${TOPIC_WORDS[p.topic].line}${isList ? ':' : ''} ${words}`)
    previous = p.topic
  }
  if (parts.length > 0 && searchTerms(query.search).length > 0)
    parts[0] += ` (${searchModeWords(query)})`
  return parts.length === 0 ? NO_FILTERS_TEXT : parts.join('; ')
}

/**
 * The query without the filter a chip stands for; other filters untouched.
 *
 * Unknown keys leave the query as it is, so a stale chip click is harmless.
 */
export function removeChip(query: Query, key: string): Query {
  if (key === 'search') return { ...query, search: '' }
  if (key === 'minStay') return { ...query, minStay: null }
  if (key === 'maxStay') return { ...query, maxStay: null }
  if (key === 'chaserFlightId') return { ...query, chaserFlightId: null }
  if (key === 'conflictsWithReference') return { ...query, conflictsWithReference: false }
  if (key === 'flagged') return { ...query, flagged: false }
  const colon = key.indexOf(':')
  const head = colon < 0 ? key : key.slice(0, colon)
  const tail = key.slice(colon + 1)
  if ((head === 'docking' || head === 'departure') && tail in NO_TIME_BOUNDS) {
    return { ...query, [head]: { ...query[head], [tail]: null } }
  }
  if ((OPTION_DIMENSIONS as ReadonlyArray<string>).includes(head)) {
    const dimension = head as OptionDimension
    const values = query[dimension] as ReadonlyArray<string | number>
    return { ...query, [dimension]: values.filter((v) => String(v) !== tail) }
  }
  return query
}

/**
 * Active filters as removable chips.
 *
 * Each chip names one thing narrowing the data in words a user reads ("Port:
 * Salyut-6 aft", "Docked on or after 1980-01-01 UTC") and knows how to remove
 * only itself. Pure, so the panel, exports' captions and tests share it.
 */
import { DAY_MS, HOUR_MS, toIsoUtc } from '../units'
import {
  NO_DOCKING_BOUNDS,
  UNKNOWN_OPTION,
  type DockingBounds,
  type FilterState,
  type OptionDimension,
} from './filter-state'
import { searchTerms } from './search'

/** One active filter. */
export interface FilterChip {
  /** Stable key, e.g. `ports:4` or `docking:gte`. */
  readonly key: string
  /** What it filters on, e.g. "Port". */
  readonly kind: string
  /** The value in words, e.g. "Salyut-6 aft (Salyut 6)". */
  readonly value: string
}

/** Names to show for ids; anything missing is shown by id. */
export interface ChipNames {
  readonly stationName: (id: number) => string | undefined
  readonly portName: (id: number) => string | undefined
}

const KIND: { readonly [D in OptionDimension]: string } = {
  stations: 'Station',
  ports: 'Port',
  families: 'Family',
  configurations: 'Configuration',
  agencies: 'Agency',
  roles: 'Role',
  states: 'State',
}

const ROLE_WORDS: Readonly<Record<string, string>> = {
  crew: 'Crew vehicle',
  cargo: 'Cargo vehicle',
  module: 'Station module',
  other: 'Other',
}
const STATE_WORDS: Readonly<Record<string, string>> = {
  docked: 'Still docked',
  departed: 'Departed',
}

const BOUND_WORDS: { readonly [B in keyof DockingBounds]: string } = {
  gt: 'Docked after',
  gte: 'Docked on or after',
  lt: 'Docked before',
  lte: 'Docked on or before',
}

/**
 * Formats an instant for a chip: the date alone at midnight UTC, else to the minute.
 *
 * Always labelled UTC: a filter bound read as local time would be off by hours.
 */
export function formatBound(t: number): string {
  const iso = toIsoUtc(t)
  return t % DAY_MS === 0 ? `${iso.slice(0, 10)} UTC` : `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

/** Formats a stay length in days, or hours below a day ("45 days", "2.5 days", "6 hours"). */
export function formatStay(ms: number): string {
  if (ms < DAY_MS) {
    const hours = Math.round((ms / HOUR_MS) * 10) / 10
    return `${hours} ${hours === 1 ? 'hour' : 'hours'}`
  }
  const days = Math.round((ms / DAY_MS) * 10) / 10
  return `${days} ${days === 1 ? 'day' : 'days'}`
}

/** Words for an option value of a dimension, as the panel and chips show it. */
export function optionLabel(
  dimension: OptionDimension,
  value: string | number,
  names: ChipNames,
): string {
  switch (dimension) {
    case 'stations':
      return names.stationName(Number(value)) ?? `Station ${value}`
    case 'ports':
      return names.portName(Number(value)) ?? `Port ${value}`
    case 'roles':
      return ROLE_WORDS[String(value)] ?? String(value)
    case 'states':
      return STATE_WORDS[String(value)] ?? String(value)
    case 'configurations':
    case 'agencies':
      return value === UNKNOWN_OPTION ? 'Unknown' : String(value)
    case 'families':
      return String(value)
  }
}

const DIMENSIONS: ReadonlyArray<OptionDimension> = [
  'stations',
  'ports',
  'families',
  'configurations',
  'agencies',
  'roles',
  'states',
]

/** The chips of every active filter, search first, in panel order. */
export function filterChips(state: FilterState, names: ChipNames): ReadonlyArray<FilterChip> {
  const chips: FilterChip[] = []
  if (searchTerms(state.search).length > 0) {
    chips.push({ key: 'search', kind: 'Search', value: `“${state.search.trim()}”` })
  }
  for (const dimension of DIMENSIONS) {
    for (const value of state[dimension] as ReadonlyArray<string | number>) {
      chips.push({
        key: `${dimension}:${value}`,
        kind: KIND[dimension],
        value: optionLabel(dimension, value, names),
      })
    }
  }
  for (const bound of Object.keys(BOUND_WORDS) as Array<keyof DockingBounds>) {
    const t = state.docking[bound]
    if (t !== null)
      chips.push({ key: `docking:${bound}`, kind: BOUND_WORDS[bound], value: formatBound(t) })
  }
  if (state.minStay !== null) {
    chips.push({ key: 'minStay', kind: 'Stay at least', value: formatStay(state.minStay) })
  }
  if (state.maxStay !== null) {
    chips.push({ key: 'maxStay', kind: 'Stay at most', value: formatStay(state.maxStay) })
  }
  return chips
}

/**
 * The state without the filter a chip stands for; other filters untouched.
 *
 * Unknown keys leave the state as it is, so a stale chip click is harmless.
 */
export function removeChip(state: FilterState, key: string): FilterState {
  if (key === 'search') return { ...state, search: '' }
  if (key === 'minStay') return { ...state, minStay: null }
  if (key === 'maxStay') return { ...state, maxStay: null }
  const colon = key.indexOf(':')
  const head = colon < 0 ? key : key.slice(0, colon)
  const tail = key.slice(colon + 1)
  if (head === 'docking' && tail in NO_DOCKING_BOUNDS) {
    return { ...state, docking: { ...state.docking, [tail]: null } }
  }
  if ((DIMENSIONS as ReadonlyArray<string>).includes(head)) {
    const dimension = head as OptionDimension
    const values = state[dimension] as ReadonlyArray<string | number>
    return { ...state, [dimension]: values.filter((v) => String(v) !== tail) }
  }
  return state
}

/**
 * The filter state in words, for export footers and file headers.
 *
 * A figure in a paper must say what it leaves out; "Filters: family Soyuz;
 * docking on or after 1980-01-01" does, where a JSON blob would not be read.
 */
import { DAY_MS, toIsoUtc } from '../units'
import { type FilterState, UNKNOWN_OPTION } from '../query/filter-state'
import { ROLE_STYLES } from '../chart-style'

/** Names of stations and ports by id, so ids can be written as names. */
export interface FilterNames {
  readonly stations: ReadonlyMap<number, string>
  readonly ports: ReadonlyMap<number, string>
}

/** Words for the "nothing filtered" case. */
export const NO_FILTERS_TEXT = 'none (all events)'

const list = (values: ReadonlyArray<string>): string => values.join(', ')
const orUnknown = (v: string): string => (v === UNKNOWN_OPTION ? '(none given)' : v)

// Whole days print as "3 days", others to one decimal ("0.5 days").
function days(ms: number): string {
  const d = ms / DAY_MS
  const text = Number.isInteger(d) ? String(d) : d.toFixed(1)
  return `${text} ${d === 1 ? 'day' : 'days'}`
}

/**
 * Describes a filter state in one line of plain words.
 *
 * Every set filter appears, in the panel's order, separated by "; ".
 * Ids without a known name are written as "#id" rather than dropped, so the
 * text never claims less filtering than was done. Returns `NO_FILTERS_TEXT`
 * when nothing is filtered.
 */
export function describeFilters(state: FilterState, names: FilterNames): string {
  const parts: string[] = []
  const search = state.search.trim()
  if (search !== '') {
    parts.push(
      `search "${search}"${state.searchVehicleNames ? ' (also in vehicle configurations and agencies)' : ''}`,
    )
  }
  const name = (map: ReadonlyMap<number, string>, id: number) => map.get(id) ?? `#${id}`
  if (state.stations.length > 0)
    parts.push(`stations: ${list(state.stations.map((id) => name(names.stations, id)))}`)
  if (state.ports.length > 0)
    parts.push(`ports: ${list(state.ports.map((id) => name(names.ports, id)))}`)
  if (state.families.length > 0) parts.push(`families: ${list(state.families)}`)
  if (state.configurations.length > 0)
    parts.push(`configurations: ${list(state.configurations.map(orUnknown))}`)
  if (state.agencies.length > 0) parts.push(`agencies: ${list(state.agencies.map(orUnknown))}`)
  if (state.roles.length > 0)
    parts.push(`roles: ${list(state.roles.map((r) => ROLE_STYLES[r].label.toLowerCase()))}`)
  if (state.states.length > 0) {
    parts.push(
      `state: ${list(state.states.map((s) => (s === 'docked' ? 'still docked' : 'departed')))}`,
    )
  }
  const { gt, gte, lt, lte } = state.docking
  if (gt !== null) parts.push(`docking after ${toIsoUtc(gt)}`)
  if (gte !== null) parts.push(`docking on or after ${toIsoUtc(gte)}`)
  if (lt !== null) parts.push(`docking before ${toIsoUtc(lt)}`)
  if (lte !== null) parts.push(`docking on or before ${toIsoUtc(lte)}`)
  if (state.minStay !== null) parts.push(`stay at least ${days(state.minStay)}`)
  if (state.maxStay !== null) parts.push(`stay at most ${days(state.maxStay)}`)
  return parts.length === 0 ? NO_FILTERS_TEXT : parts.join('; ')
}

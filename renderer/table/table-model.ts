/**
 * The table view's rows and sorting: the same events the chart draws, one
 * row per bar or, counting by visit, one per visit; sortable by any column.
 */
import type { DockingEvent } from '../../shared/domain/model'
import { ROLE_STYLES } from '../../shared/chart/style'
import type { EffectiveEnd } from '../../shared/occupancy/effective-end'
import type { CountBy, CountUnit } from '../../shared/visits/count-by'
import type { Visit } from '../../shared/visits/visits'
import {
  clampColumnWidth,
  TABLE_COLUMN_IDS,
  type ColumnId,
  type ColumnOrder,
  type SortSpec,
} from '../../shared/table/table-layout'

/** A column: its header text, and whether it holds names (see contentWidths). */
export interface TableColumn {
  readonly id: ColumnId
  readonly label: string
  readonly names?: true
}

const COLUMN_WORDS: Record<ColumnId, TableColumn> = {
  vehicle: { id: 'vehicle', label: 'Vehicle', names: true },
  docking: { id: 'docking', label: 'Docked' },
  departure: { id: 'departure', label: 'Departed' },
  duration: { id: 'duration', label: 'Duration' },
  station: { id: 'station', label: 'Station', names: true },
  port: { id: 'port', label: 'Port', names: true },
  family: { id: 'family', label: 'Family' },
  role: { id: 'role', label: 'Role' },
  visit: { id: 'visit', label: 'Visit' },
}

/** The header texts counting by visit, where a row is a whole stay. */
const VISIT_LABELS: Partial<Record<ColumnId, string>> = {
  port: 'Ports',
  docking: 'Arrived',
  duration: 'Total stay',
  visit: 'Visit (legs)',
}

const VISIT_WORDS = Object.fromEntries(
  TABLE_COLUMN_IDS.map((id) => [
    id,
    { ...COLUMN_WORDS[id], label: VISIT_LABELS[id] ?? COLUMN_WORDS[id].label },
  ]),
) as Record<ColumnId, TableColumn>

/**
 * The columns with the header texts of a counting mode, in the user's
 * `order`, less those the user hid.
 */
export function columnsFor(
  by: CountBy,
  hidden: ReadonlyArray<ColumnId> = [],
  order: ColumnOrder = TABLE_COLUMN_IDS,
): ReadonlyArray<TableColumn> {
  const words = by === 'docking' ? COLUMN_WORDS : VISIT_WORDS
  return order.filter((id) => !hidden.includes(id)).map((id) => words[id])
}

/** One row of the table: a docking, or a visit drawn as one stay. */
export interface TableRow {
  /**
   * What the row shows: the docking itself, or the visit as one stay (first
   * matching leg's names, the visit's arrival and departure, its legs' ports).
   */
  readonly shown: DockingEvent
  /** The docking the row selects: the docking, or the visit's first matching leg. */
  readonly eventId: number
  /** Ids of the matching dockings the row stands for. */
  readonly legIds: ReadonlyArray<number>
  /** The whole visit when counting by visit; null counting dockings. */
  readonly visit: Visit | null
  /** Where the stay ends, as the chart draws it. */
  readonly end: EffectiveEnd
}

/**
 * The table's rows: one per unit (`countUnits`) whose dockings the chart
 * draws. `endOf` gives a drawn docking's end; a unit with none drawn is left out.
 */
export function tableRows(
  units: ReadonlyArray<CountUnit>,
  endOf: (eventId: number) => EffectiveEnd | undefined,
): ReadonlyArray<TableRow> {
  const rows: TableRow[] = []
  for (const unit of units) {
    const legs = unit.events
      .filter((e) => endOf(e.id) !== undefined)
      .sort((a, b) => a.docking - b.docking || a.id - b.id)
    const first = legs[0]
    if (!first) continue
    const last = legs[legs.length - 1]!
    const v = unit.visit
    rows.push(
      v === null
        ? {
            shown: first,
            eventId: first.id,
            legIds: [first.id],
            visit: null,
            end: endOf(first.id)!,
          }
        : {
            shown: visitAsStay(v, legs),
            eventId: first.id,
            legIds: legs.map((e) => e.id),
            visit: v,
            end: v.departure === null ? endOf(last.id)! : { end: v.departure, state: 'departed' },
          },
    )
  }
  return rows
}

/** A visit as one stay: arrival to last departure, its matching legs' ports in order. */
function visitAsStay(v: Visit, legs: ReadonlyArray<DockingEvent>): DockingEvent {
  const first = legs[0]!
  const last = legs[legs.length - 1]!
  const ports = [...new Set(legs.map((e) => e.portName ?? '?'))]
  const p = first.provenance
  return {
    ...first,
    id: v.id,
    portName: ports.join(' → '),
    docking: v.arrival,
    departure: v.departure,
    provenance:
      p === null ? null : { ...p, departurePrecision: last.provenance?.departurePrecision ?? null },
  }
}

const text = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

// A stay with no departure sorts as the latest departure; its duration runs
// to where its bar ends (`endOf`): now while still docked.
function value(
  e: DockingEvent,
  column: ColumnId,
  endOf: (e: DockingEvent) => number,
  visitIdOf: (e: DockingEvent) => number,
): string | number {
  switch (column) {
    case 'vehicle':
      return e.vehicle
    case 'station':
      return e.stationName ?? ''
    case 'port':
      return e.portName ?? ''
    case 'family':
      return e.family
    case 'role':
      return ROLE_STYLES[e.role].label
    case 'docking':
      return e.docking
    case 'departure':
      return e.departure ?? Number.POSITIVE_INFINITY
    case 'duration':
      return endOf(e) - e.docking
    case 'visit':
      return visitIdOf(e)
  }
}

/**
 * Events sorted by `sort`, ties broken by docking time then id, so order is stable.
 *
 * `endOf` gives where an event's stay ends (`effectiveEnd`), which durations run to.
 * `visitIdOf` gives an event's visit id (its first leg's), which sorts the
 * visit column so a visit's legs sit together.
 */
export function sortEvents(
  events: ReadonlyArray<DockingEvent>,
  sort: SortSpec,
  endOf: (e: DockingEvent) => number,
  visitIdOf: (e: DockingEvent) => number = (e) => e.id,
): ReadonlyArray<DockingEvent> {
  const sign = sort.direction === 'ascending' ? 1 : -1
  return [...events].sort((a, b) => {
    const va = value(a, sort.column, endOf, visitIdOf)
    const vb = value(b, sort.column, endOf, visitIdOf)
    const c =
      typeof va === 'number' && typeof vb === 'number'
        ? va === vb
          ? 0
          : va < vb
            ? -1
            : 1
        : text.compare(String(va), String(vb))
    return sign * c || a.docking - b.docking || a.id - b.id
  })
}

/** Rows sorted as `sortEvents` sorts what they show, durations to where each row's bar ends. */
export function sortRows(
  rows: ReadonlyArray<TableRow>,
  sort: SortSpec,
  visitIdOf: (e: DockingEvent) => number,
): ReadonlyArray<TableRow> {
  const byShown = new Map(rows.map((r) => [r.shown, r]))
  return sortEvents(
    rows.map((r) => r.shown),
    sort,
    (e) => byShown.get(e)!.end.end,
    visitIdOf,
  ).map((e) => byShown.get(e)!)
}

/** The next sort after clicking `column`: a new column ascends, the same one flips. */
export function nextSort(current: SortSpec, column: ColumnId): SortSpec {
  if (current.column !== column) return { column, direction: 'ascending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

/** A cell's horizontal padding plus room for the sort mark, px. */
export const CELL_PADDING = 24

/** The share of a names column's rows whose longest names may be cut. */
const NAMES_CUT_SHARE = 0.01

/**
 * Widths that fit each column's header and its widest cell (within
 * COLUMN_LIMITS), so dates with "(day precision)" show whole while short
 * columns stay short. A names column fits all but its longest names, one
 * row in a hundred (none in a table under a hundred rows): one long name (a
 * Cygnus named for an astronaut) would otherwise widen the column for every
 * row and push the dates out of view. A cut name ends in an ellipsis and
 * shows whole in its cell's tooltip. `measure` gives a string's width in the
 * table's font.
 */
export function contentWidths(
  columns: ReadonlyArray<Pick<TableColumn, 'label' | 'names'>>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  measure: (text: string) => number,
): number[] {
  // Many cells repeat (station, family, role): measure each text once.
  const measured = new Map<string, number>()
  const width = (text: string) => {
    let w = measured.get(text)
    if (w === undefined) measured.set(text, (w = measure(text)))
    return w
  }
  const cut = Math.floor(rows.length * NAMES_CUT_SHARE)
  return columns.map((column, c) => {
    let widest = width(column.label)
    if (column.names && cut > 0) {
      // Sorted only where a rank is wanted; every other column needs just its widest cell.
      const cells = Float64Array.from(rows, (row) => width(row[c] ?? '')).sort()
      widest = Math.max(widest, cells[cells.length - 1 - cut]!)
    } else for (const row of rows) widest = Math.max(widest, width(row[c] ?? ''))
    return clampColumnWidth(widest + CELL_PADDING)
  })
}

/**
 * The Analysis view's crewed periods: LL2 expeditions where they cover the
 * time, the crew-vehicle proxy elsewhere, each period saying which, and the
 * data checks' doubts about the expeditions said beside them.
 */
import {
  crewedPeriods,
  expeditionListHorizon,
  type CrewBasis,
  type CrewedPeriods,
} from '../analysis/crewed-periods'
import type { EndRule } from '../analysis/effective-end'
import type { Expedition } from '../domain/expedition'
import type { DockingEvent, Station } from '../domain/model'
import type { StationId, UtcMillis } from '../domain/units'
import { expeditionFlagsAt, reviewExpeditions } from '../quality/expedition-checks'
import type { CsvCell } from '../export/csv'
import { days, utcDate, type AnalysisTable } from './analysis-table'

/** How a period's basis reads on screen, crewed and uncrewed. */
export const CREW_BASIS_LABELS: Readonly<Record<CrewBasis, { crewed: string; uncrewed: string }>> =
  {
    expeditions: { crewed: 'by expeditions', uncrewed: 'by expeditions' },
    'crew-vehicle-proxy': {
      crewed: 'proxy: crew vehicle docked',
      uncrewed: 'proxy: no crew vehicle docked',
    },
  }

/** Crewed periods per station in view, and what the reader should know of their basis. */
export interface CrewSection {
  readonly periods: ReadonlyArray<CrewedPeriods>
  /** Station names by id, for labels. */
  readonly names: ReadonlyMap<number, string>
  /** Sentences on expeditions left out, refiled or unreadable. */
  readonly notes: ReadonlyArray<string>
  /** How many expeditions the periods rest on (after the checks). */
  readonly expeditionsUsed: number
  readonly table: AnalysisTable
}

/** Where the measures look: each station's span in view. */
export interface StationSpan {
  readonly name: string
  readonly start: UtcMillis
  readonly end: UtcMillis
}

/** What the crew measure reads beyond the filtered events. */
export interface CrewInputs {
  readonly stations: ReadonlyArray<Station>
  /** Every event, for the never-boarded check (a filter does not hide a station's dockings). */
  readonly allEvents: ReadonlyArray<DockingEvent>
  readonly expeditions: ReadonlyArray<Expedition>
  /** Why the expeditions could not be read, when they could not. */
  readonly expeditionsProblem?: string | null
}

/**
 * A station's periods and gaps as table rows in time order. Both lists are
 * sorted, so they are merged (a period before a gap at the same start, as a
 * stable sort of periods then gaps puts them).
 */
function addRows(rows: CsvCell[][], p: CrewedPeriods, names: ReadonlyMap<number, string>): void {
  const station = names.get(p.stationId) ?? `Station ${p.stationId}`
  const row = (s: CrewedPeriods['gaps'][number], crewed: boolean) =>
    rows.push([
      station,
      crewed ? 'crewed' : 'uncrewed',
      utcDate(s.start, true),
      utcDate(s.end, true),
      days(s.lengthMs),
      CREW_BASIS_LABELS[s.basis][crewed ? 'crewed' : 'uncrewed'],
    ])
  let i = 0
  let j = 0
  while (i < p.periods.length || j < p.gaps.length) {
    if (j >= p.gaps.length || (i < p.periods.length && p.periods[i]!.start <= p.gaps[j]!.start))
      row(p.periods[i++]!, true)
    else row(p.gaps[j++]!, false)
  }
}

/**
 * How many expeditions some period names. Only the expeditions' names are
 * looked for: the proxy names a vehicle per crew docking, thousands of them.
 */
function expeditionsUsed(
  accepted: ReadonlyArray<Expedition>,
  periods: ReadonlyArray<CrewedPeriods>,
): number {
  const wanted = new Set<string>()
  for (let i = 0; i < accepted.length; i++) wanted.add(accepted[i]!.name)
  const used = new Set<string>()
  for (let i = 0; i < periods.length && wanted.size > 0; i++) {
    const spans = periods[i]!.periods
    for (let j = 0; j < spans.length; j++) {
      const names = spans[j]!.names
      for (let k = 0; k < names.length; k++) if (wanted.has(names[k]!)) used.add(names[k]!)
    }
  }
  return accepted.filter((x) => used.has(x.name)).length
}

/** The crew section for the filtered events, over each station's span in view. */
export function crewSection(
  events: ReadonlyArray<DockingEvent>,
  spans: ReadonlyMap<StationId, StationSpan>,
  inputs: CrewInputs,
  endOf: EndRule,
): CrewSection {
  const review = reviewExpeditions(inputs.expeditions, inputs.stations, inputs.allEvents)
  const openUntil = expeditionListHorizon(review.accepted)
  const periods = [...spans].map(([id, s]) =>
    crewedPeriods(id, review.accepted, events, {
      endOf,
      from: s.start,
      to: s.end,
      ...(openUntil === undefined ? {} : { openUntil }),
    }),
  )
  const names = new Map([...spans].map(([id, s]) => [id as number, s.name]))
  const flags = expeditionFlagsAt(
    review,
    inputs.expeditions,
    inputs.stations,
    new Set(names.keys()),
  )
  const notes = [
    ...(inputs.expeditionsProblem
      ? [`Expeditions could not be read (${inputs.expeditionsProblem}); every period is the proxy.`]
      : []),
    ...flags.map((f) => f.message),
  ]
  const rows: CsvCell[][] = []
  for (let k = 0; k < periods.length; k++) addRows(rows, periods[k]!, names)
  return {
    periods,
    names,
    notes,
    expeditionsUsed: expeditionsUsed(review.accepted, periods),
    table: {
      columns: [
        { key: 'station', label: 'Station' },
        { key: 'state', label: 'State' },
        { key: 'from_utc', label: 'From (UTC)' },
        { key: 'to_utc', label: 'To (UTC)' },
        { key: 'days', label: 'Days' },
        { key: 'basis', label: 'Basis' },
      ],
      rows,
    },
  }
}

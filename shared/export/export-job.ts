/**
 * From app state to export input: one path for the app's dialog and the CLI.
 *
 * Both start from the loaded data, the query and the user's choices, and the
 * job evaluates the query itself, so `cli export` with the same filters draws
 * the figure the app draws.
 */
import { buildBars, type BarFacts, type ChartRow, layoutRows } from '../chart/chart-model'
import { dataFacts } from '../quality/data-facts'
import type { ThemeName } from '../chart/style'
import type { DockingData, DockingEvent } from '../domain/model'
import { describeQuery, type PlaceNames } from '../query/describe'
import { matchingEvents } from '../query/evaluate'
import type { Query } from '../query/query'
import { buildRows } from '../chart/timeline-rows'
import type { UtcMillis } from '../domain/units'
import { endFacts } from '../occupancy/end-facts'
import {
  type DataExportMeta,
  type ExportRow,
  overlapsRange,
  toCsv,
  toExportRow,
  toJsonExport,
} from './data-export'
import { csvMetadata } from './csv-metadata'
import { exportFileName, type ExportExtension } from './file-name'
import { type ExportSize, renderTimelineSvg, type SvgExport, wholeRange } from './svg-export'
import type { TimeRange } from '../chart/figure-types'
import { placeReferenceStays, referenceLines, type ReferenceLine } from '../chart/reference-lines'
import type { ReferenceComparison } from '../reference/compare'
import { countUnits, type CountBy } from '../visits/count-by'

/** Which span an image covers. */
export type RangeChoice =
  | { readonly kind: 'all' }
  | { readonly kind: 'visible'; readonly window: TimeRange }
  | { readonly kind: 'custom'; readonly start: UtcMillis; readonly end: UtcMillis }

/** The state an export is taken from. */
export interface ExportContext {
  readonly data: DockingData
  /** What to export; recorded in the file so the export can be reproduced. */
  readonly query: Query
  readonly appVersion: string
  /** Export time: the clock for still-docked stays and the file's date. */
  readonly now: UtcMillis
  /**
   * The reference records and their conflicts with `data` (`compareWithReference`
   * over all events): what the "conflicts with reference" filter and the
   * reference layer read. Without it no event conflicts and no line is drawn.
   */
  readonly reference?: ReferenceComparison
  /** How the app counts (`view.count-by`); by visit, data rows come a visit's legs together. */
  readonly countBy?: CountBy
}

/** What the user chose for a figure. */
export interface ChartExportOptions {
  readonly range: RangeChoice
  readonly size: ExportSize
  readonly theme: ThemeName
  readonly title?: string | null
  /** Stations collapsed on screen, drawn collapsed in the figure. */
  readonly collapsedStations?: ReadonlyArray<number>
  /** Leave out rows with no docking in the range (default true). */
  readonly hideEmptyRows?: boolean
  /** The rows as the chart shows them (`selectChartRows`); default: laid out from the events. */
  readonly rows?: ReadonlyArray<ChartRow>
  /** Pattern fills as vector shapes, for a PDF (see `SvgExportInput.vectorPatterns`). */
  readonly vectorPatterns?: boolean
  /** Draw the "Compare with reference" layer, as the screen does while it is on. */
  readonly showReference?: boolean
}

/** Station and port names of the data, for writing filters in words. */
export function placeNamesOf(data: DockingData): PlaceNames {
  const stations = new Map(data.stations.map((s) => [s.id as number, s.name]))
  const ports = new Map(data.ports.map((p) => [p.id as number, p.name]))
  return { stationName: (id) => stations.get(id), portName: (id) => ports.get(id) }
}

/** The query's filters in words. */
export function filtersTextOf(ctx: ExportContext): string {
  return describeQuery(ctx.query, placeNamesOf(ctx.data))
}

/** The events matching the query, in its ordering (docking, as `cli list` orders, by default). */
export function filteredEvents(ctx: ExportContext): ReadonlyArray<DockingEvent> {
  const flagged = ctx.query.flagged ? dataFacts(ctx.data, ctx.now).checks.flagged : undefined
  return matchingEvents(ctx.data.events, ctx.query, ctx.now, {
    conflictEventIds: ctx.reference?.byEvent,
    flaggedEventIds: flagged,
    endFacts: endFacts(ctx.data.events, ctx.data.stations),
  })
}

/** What bars read besides the events (end facts, flags, visits), for `buildBars`. */
export function barFactsOf(ctx: ExportContext): BarFacts {
  const { checks, visits } = dataFacts(ctx.data, ctx.now)
  return { endFacts: checks.endFacts, flagged: checks.flagged, visits }
}

/** The reference lines of a figure with the layer on, placed in its rows. */
function figureReferenceLines(
  ctx: ExportContext,
  rows: ReadonlyArray<ChartRow>,
): ReadonlyArray<ReferenceLine> {
  const reference = ctx.reference
  if (!reference) return []
  const { stations, ports, events } = ctx.data
  const placed = placeReferenceStays(reference.data.stays, events, stations, ports)
  return referenceLines(placed, reference.conflicts, rows)
}

/** The time span a range choice means for these events; null when there is nothing to draw. */
export function resolveRange(
  choice: RangeChoice,
  events: ReadonlyArray<DockingEvent>,
  now: UtcMillis,
  facts: BarFacts,
): TimeRange | null {
  switch (choice.kind) {
    case 'visible':
      return choice.window
    case 'custom':
      return { start: choice.start, end: choice.end }
    case 'all':
      return wholeRange(buildBars(events, now, facts))
  }
}

/** A figure ready to save: the SVG, what it shows, and a file name. */
export interface ChartExport {
  readonly result: SvgExport
  readonly events: ReadonlyArray<DockingEvent>
  readonly range: TimeRange
  /** Names of the stations drawn, for the file name. */
  readonly stations: ReadonlyArray<string>
}

/**
 * Renders the filtered data as a figure.
 *
 * Returns null when no filtered event has a port to draw it at, or the range
 * is empty; callers say so instead of saving a blank figure.
 */
export function prepareChartExport(
  ctx: ExportContext,
  options: ChartExportOptions,
): ChartExport | null {
  const events = filteredEvents(ctx)
  const facts = barFactsOf(ctx)
  const range = resolveRange(options.range, events, ctx.now, facts)
  if (range === null || !(range.end > range.start)) return null
  const bars = buildBars(events, ctx.now, facts)
  const rows =
    options.rows ??
    layoutRows(buildRows(ctx.data.stations, ctx.data.ports, events), {
      collapsedStations: new Set(options.collapsedStations ?? []),
      // A port with only a reference line must keep its row; the figure drops truly empty ones.
      hideEmptyPorts: !options.showReference,
    })
  const result = renderTimelineSvg({
    rows,
    bars,
    references: options.showReference ? figureReferenceLines(ctx, rows) : [],
    hideEmptyRows: options.hideEmptyRows ?? true,
    range,
    // The whole range is the data's: names get room past it, as on the chart. A range the user set is kept.
    roomForNames: options.range.kind === 'all',
    size: options.size,
    vectorPatterns: options.vectorPatterns ?? false,
    theme: options.theme,
    title: options.title ?? null,
    footer: {
      credit: ctx.data.info.credit,
      dataAsOf: ctx.data.info.dataAsOf,
      filters: filtersTextOf(ctx),
      appVersion: ctx.appVersion,
    },
    now: ctx.now,
  })
  if (result.bars.length === 0) return null
  const drawn = new Set(result.rows.map((r) => r.stationId as number))
  const stations = ctx.data.stations.filter((s) => drawn.has(s.id)).map((s) => s.name)
  return { result, events, range, stations }
}

/** A data file ready to save. */
export interface DataExport {
  readonly rows: ReadonlyArray<ExportRow>
  readonly meta: DataExportMeta
  readonly content: string
  /**
   * For CSV, the sidecar describing it (`csv-metadata.ts`), to be written as
   * `<file>` + `CSV_METADATA_SUFFIX`; null for JSON, which carries its own envelope.
   */
  readonly sidecar: string | null
  readonly suggestedName: string
}

/**
 * The filtered events as CSV or JSON.
 *
 * With a `range`, only events overlapping it are kept (the rule figures use);
 * the header records it. Rows are dockings either way (each names its visit);
 * counted by visit, a visit's legs come together and the header says so.
 */
export function prepareDataExport(
  ctx: ExportContext,
  format: 'csv' | 'json',
  range: TimeRange | null = null,
): DataExport {
  const facts = dataFacts(ctx.data, ctx.now)
  const countBy = ctx.countBy ?? 'docking'
  const units = countUnits(
    filteredEvents(ctx).filter(
      (e) => range === null || overlapsRange(e, range, ctx.now, facts.checks.endFacts),
    ),
    countBy,
    facts.visits,
  )
  const info = ctx.data.info
  const rows = units.flatMap((u) =>
    u.events.map((e) => toExportRow(e, ctx.now, facts, info.ll2Server)),
  )
  const meta: DataExportMeta = {
    appVersion: ctx.appVersion,
    exportedAt: ctx.now,
    dataAsOf: info.dataAsOf,
    provenance: info.provenance,
    credit: info.credit,
    ll2Server: info.ll2Server,
    filters: ctx.query,
    filtersText: filtersTextOf(ctx),
    range,
    countedBy: countBy,
    unitCount: units.length,
  }
  const suggestedName = suggestedFileName(ctx, format, range)
  return format === 'csv'
    ? {
        rows,
        meta,
        content: toCsv(rows),
        sidecar: csvMetadata(meta, rows.length, suggestedName),
        suggestedName,
      }
    : { rows, meta, content: toJsonExport(rows, meta), sidecar: null, suggestedName }
}

/**
 * The default file name for an export of the current filters.
 *
 * Named after the stations with a filtered event, or "all-stations" when
 * that is every station in the data.
 */
export function suggestedFileName(
  ctx: ExportContext,
  extension: ExportExtension,
  range: TimeRange | null,
): string {
  const ids = new Set<number>()
  for (const e of filteredEvents(ctx)) if (e.stationId !== null) ids.add(e.stationId)
  const all = new Set(ctx.data.stations.map((s) => s.id as number))
  // Every station shown is "all stations", the shortest honest name.
  const names =
    ids.size === all.size ? [] : ctx.data.stations.filter((s) => ids.has(s.id)).map((s) => s.name)
  return exportFileName({ stations: names, range, exportedAt: ctx.now, extension })
}

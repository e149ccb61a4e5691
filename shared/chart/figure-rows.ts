/**
 * The rows and bars of an exported figure, measured and placed with the
 * screen's own layout (`bar-scene.ts`): the figure's rows become row bands,
 * its range the time window, so bars, hatches and labels land where the
 * screen would put them at that size.
 */
import { findOverlaps, placeBars, type Bar, type ChartRow, type PlacedBar } from './chart-model'
import { groupBy } from './group-by'
import type { PortId, StationId, UtcMillis } from '../domain/units'
import { buildScene, layoutScene, type RowBand, type SceneLayout } from './bar-scene'
import type { ReferenceLine } from './reference-lines'

/** A row of the figure, before it is given a height. */
export interface FigureRow {
  /** `station`: a header row; `port`: a port's bars; `collapsed`: a station holding all its bars. */
  readonly kind: 'station' | 'port' | 'collapsed'
  /** The chart row's id (`stationRowId`/`portRowId`), which placed bars name. */
  readonly id: string
  readonly stationId: StationId
  readonly portId: PortId | null
  readonly label: string
  readonly bars: ReadonlyArray<PlacedBar>
  /** Reference lines in the row (the "Compare with reference" layer); empty when it is off. */
  readonly references: ReadonlyArray<ReferenceLine>
}

/**
 * Rows to draw, with their bars: the chart's rows in its order, each bar in
 * its port's row or its collapsed station's row (`placeBars`), only bars
 * overlapping the range. With `hideEmpty`, rows without such a bar (or
 * reference line) go, and so do station headers left without ports. Reference lines (placed in the
 * same rows, `referenceLines`) go with their row.
 */
export function planFigureRows(
  rows: ReadonlyArray<ChartRow>,
  bars: ReadonlyArray<Bar>,
  range: { readonly start: UtcMillis; readonly end: UtcMillis },
  hideEmpty: boolean,
  references: ReadonlyArray<ReferenceLine> = [],
): ReadonlyArray<FigureRow> {
  const inRange = bars.filter((b) => b.end >= range.start && b.start <= range.end)
  const byRow = groupBy(placeBars(inRange, rows), (p) => p.rowId)
  const linesByRow = groupBy(
    references.filter((l) => l.end >= range.start && l.start <= range.end),
    (l) => l.rowId,
  )
  const planned: FigureRow[] = []
  let header: FigureRow | null = null
  for (const row of rows) {
    const rowBars = byRow.get(row.id) ?? []
    // A reference line alone keeps its row: it may be the disagreement the figure is for.
    const isEmpty = rowBars.length === 0 && !linesByRow.has(row.id)
    if (row.kind === 'station') {
      header = null
      if (row.collapsed) {
        if (hideEmpty && isEmpty) continue
        const label = `${row.label} (all ports)`
        planned.push({
          kind: 'collapsed',
          id: row.id,
          stationId: row.stationId,
          portId: null,
          label,
          bars: rowBars,
          references: linesByRow.get(row.id) ?? [],
        })
      } else {
        header = {
          kind: 'station',
          id: row.id,
          stationId: row.stationId,
          portId: null,
          label: row.label,
          bars: [],
          references: [],
        }
        // A header is written when its first port is, so an emptied station leaves no trace.
        if (!hideEmpty) {
          planned.push(header)
          header = null
        }
      }
      continue
    }
    if (hideEmpty && isEmpty) continue
    if (header) {
      planned.push(header)
      header = null
    }
    planned.push({
      kind: 'port',
      id: row.id,
      stationId: row.stationId,
      portId: row.portId,
      label: row.label,
      bars: rowBars,
      references: linesByRow.get(row.id) ?? [],
    })
  }
  return planned
}

/** Where the figure's bars go: its time range across the plot, its rows as bands. */
export interface FigurePlot {
  readonly start: number
  readonly end: number
  /** Plot width, px; x = 0 is the plot's left edge. */
  readonly width: number
  readonly rows: ReadonlyArray<RowBand>
  readonly barHeight: number
}

/**
 * Lays out the bars of `rows` and the overlaps between them as the screen
 * does, in plot px. Every bar is drawn one by one (no strips): a figure is
 * read closer than a screen at a glance.
 */
export function layoutFigureBars(
  rows: ReadonlyArray<FigureRow>,
  plot: FigurePlot,
  measure: (text: string) => number,
): SceneLayout {
  const placed = rows.flatMap((r) => r.bars)
  const overlaps = findOverlaps(placed.map((p) => p.bar))
  const scene = buildScene(
    { bars: placed, runs: [] },
    overlaps,
    placed,
    rows.flatMap((r) => r.references),
  )
  const bottom = plot.rows.reduce((y, r) => Math.max(y, r.top + r.height), 0)
  return layoutScene(
    scene,
    {
      start: plot.start,
      end: plot.end,
      width: plot.width,
      height: bottom,
      rows: plot.rows,
      barHeight: plot.barHeight,
      edgeEndsLabels: true,
    },
    measure,
  )
}

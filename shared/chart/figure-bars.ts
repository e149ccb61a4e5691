/**
 * The bars of an exported figure, drawn by the screen's own layout and
 * builder (`bar-display-list.ts`) inside the plot, with the arrowheads that
 * mark open ends on paper.
 */
import { buildBarDisplayList } from './bar-display-list'
import type { DrawnItem, RowBand, SceneLayout } from './bar-scene'
import { END, group, type Box, type DisplayItem, type Meta } from './display-list'
import { layoutFigureBars, type FigureRow } from './figure-rows'
import { BAR_TEXT_SIZE, barTextWidth, fontOf, type Frame } from './figure-text'
import type { ExportBarGeometry } from './figure-types'
import type { ReferenceLine } from './reference-lines'
import { familySlug, OVERLAP_STYLE, REFERENCE_STYLE } from './style'
import { toIsoUtc, type UtcMillis } from '../domain/units'
import type { Bar } from './chart-model'
import type { TimeScale } from '../export/time-axis'
import { formatInstant } from '../time/time-format'

/** What the SVG says about a reference line: its record, set, and the stay in words. */
export function referenceMeta(line: ReferenceLine): Meta {
  // At the record's own precision: a date known to the day never reads as midnight.
  const from = formatInstant(line.start, 'utc', line.startPrecision)
  const span = line.hasDeparture
    ? `${from} to ${formatInstant(line.end, 'utc', line.endPrecision)}`
    : `from ${from}, departure not given`
  return {
    cls: `reference-stay${line.hasConflict ? ' has-conflict' : ''}`,
    data: { 'reference-id': line.referenceId, set: line.setId, 'port-id': line.portId },
    title: `${line.hasConflict ? REFERENCE_STYLE.conflictLabel : REFERENCE_STYLE.label}: ${line.vehicle} at ${line.portName}, ${span}`,
  }
}

/** How a bar's end reads in a figure's tooltip. */
function endWords(b: Bar, now: UtcMillis): string {
  if (b.endState === 'docked') return `still docked at ${toIsoUtc(now)}`
  switch (b.unknownEnd) {
    case 're-entry':
      return `departure unknown (ends at station re-entry, ${toIsoUtc(b.end)})`
    case 'next-docking':
      return `departure unknown (ends at the next docking at its port, ${toIsoUtc(b.end)})`
    case 'not-listed':
      return `departure unknown (its station no longer lists it as docked; runs to ${toIsoUtc(b.end)})`
  }
  return toIsoUtc(b.end)
}

/**
 * The bars, hatches and labels of `rows` placed by the screen's own layout,
 * in page px. `bands` are the rows' bar bands (a row's key lane excluded).
 */
export function placeFigureBars(
  rows: ReadonlyArray<FigureRow>,
  bands: ReadonlyArray<RowBand>,
  scale: TimeScale,
  rowHeight: number,
  plot: Box,
): SceneLayout {
  const placed = layoutFigureBars(
    rows,
    {
      start: scale.start,
      end: scale.end,
      width: plot.w,
      rows: bands,
      barHeight: Math.round(rowHeight * 0.7),
    },
    barTextWidth,
  )
  // Plot px to page px.
  const shift = (d: DrawnItem): DrawnItem => ({
    ...d,
    x0: d.x0 + plot.x,
    x1: d.x1 + plot.x,
    labelX: d.labelX + plot.x,
  })
  return {
    hatches: placed.hatches.map(shift),
    items: placed.items.map(shift),
    references: placed.references.map(shift),
    width: plot.x + plot.w,
  }
}

/** Draws the placed bars, hatches and labels, and the arrowheads of open ends. */
export function drawBars(
  f: Frame,
  rows: ReadonlyArray<FigureRow>,
  layout: SceneLayout,
  plot: Box,
  out: DisplayItem[],
  markers: DisplayItem[],
): ReadonlyArray<ExportBarGeometry> {
  const { input, pal } = f
  const events = new Map(rows.flatMap((r) => r.bars.map((p) => [p.bar.eventId as number, p.bar])))
  out.push(group({ clip: plot, meta: { cls: 'bars' } }))
  buildBarDisplayList(
    layout,
    {
      ink: {
        theme: input.theme,
        fg: pal.text,
        bg: pal.background,
        focus: pal.text,
        match: pal.text,
        matchFg: pal.background,
        runFill: pal.mutedText,
      },
      look: { font: fontOf(BAR_TEXT_SIZE), radius: 1.5 },
      marks: { selectedId: null, terms: [] },
      measure: barTextWidth,
      describeLabel: (d) => ({ cls: 'bar-label', data: { 'event-id': d.item.id } }),
      describe: (d): Meta | undefined => {
        const it = d.item
        if (it.kind === 'reference') return referenceMeta(it.line)
        if (it.kind === 'overlap')
          return {
            cls: 'overlap',
            data: { 'event-ids': it.overlap.eventIds.join(' ') },
            title: `${OVERLAP_STYLE.label}: ${it.overlap.labels[0]} and ${it.overlap.labels[1]}`,
          }
        const b = it.kind === 'bar' ? events.get(it.id) : undefined
        if (!b) return undefined
        const when = `${toIsoUtc(b.start)} to ${endWords(b, input.now)}`
        return {
          cls: `bar family-${familySlug(b.family)} role-${b.role}${b.endState === 'docked' ? ' is-open' : ''}${b.endState === 'unknown' ? ' is-end-unknown' : ''}${b.hasOverlap ? ' has-overlap' : ''}${b.isFlagged ? ' is-flagged' : ''}`,
          data: { 'event-id': b.eventId, 'port-id': b.portId, start: b.start, end: b.end },
          title: `${b.label}: ${when} (UTC)`,
        }
      },
    },
    out,
  )
  out.push(END)
  const right = plot.x + plot.w
  return layout.items.flatMap((d) => {
    const it = d.item
    if (it.kind !== 'bar') return []
    const clippedStart = d.x0 < plot.x
    const clippedEnd = d.x1 > right
    const x = Math.max(d.x0, plot.x)
    // The arrowhead past an open end says "still docked" on paper, where no fade survives a photocopy.
    if (it.isOpen && !clippedEnd) {
      const yc = d.top + d.height / 2
      const a = d.height / 2
      markers.push({
        kind: 'polygon',
        points: [d.x1, yc - a, d.x1 + a, yc, d.x1, yc + a],
        fill: pal.openMarker,
        meta: { cls: 'open-marker', data: { 'event-id': it.id } },
      })
    }
    const b = events.get(it.id)!
    return [
      {
        eventId: b.eventId,
        portId: b.portId,
        x,
        y: d.top,
        width: Math.min(d.x1, right) - x,
        height: d.height,
        isOpen: b.endState === 'docked',
        clippedStart,
        clippedEnd,
      },
    ]
  })
}

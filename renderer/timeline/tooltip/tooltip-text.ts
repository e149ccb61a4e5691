/**
 * What the chart says on hover: the tooltips of bars, strips and overlap
 * hatches (bar and strip labels live with the scene, shared/chart/bar-scene.ts).
 *
 * Plain text only: the canvas paints it and the tooltip sets it with
 * textContent (chart-tooltip.ts), so no API string is ever parsed as HTML.
 */
import type { BarRun } from '../../../shared/chart/lod'
import { runLabel } from '../../../shared/chart/bar-scene'
import type { Overlap } from '../../../shared/chart/chart-model'
import { ROLE_STYLES } from '../../../shared/chart/style'
import type { DockingEvent } from '../../../shared/domain/model'
import {
  formatDuration,
  formatInstant,
  isDateOnly,
  type TimeZoneMode,
} from '../../../shared/time/time-format'

/** A tooltip as plain text: a title, labelled lines and a note; the view sets it as text, never HTML. */
export interface TooltipContent {
  readonly title: string
  readonly lines: ReadonlyArray<readonly [string, string]>
  readonly note?: string
}

/** A strip's tooltip: what it stands for and how to see its bars. */
export function runTooltip(r: BarRun, zone: TimeZoneMode): TooltipContent {
  return {
    title: runLabel(r),
    lines: [
      ['From', formatInstant(r.start, zone, 'minute')],
      ['To', formatInstant(r.end, zone, 'minute')],
    ],
    note: 'Too close together to draw one by one: click or zoom in to see each.',
  }
}

/** An overlap hatch's tooltip: the two events and the span they share. */
export function overlapTooltip(o: Overlap, zone: TimeZoneMode): TooltipContent {
  return {
    title: 'Overlap on one port',
    lines: [
      ['Events', `${o.labels[0]} and ${o.labels[1]}`],
      ['From', formatInstant(o.start, zone)],
      ['To', formatInstant(o.end, zone)],
    ],
    note: 'Two vehicles on one port at once: a data error.',
  }
}

/** Lines of a bar's tooltip, as plain text (label, value). */
function tooltipLines(
  e: DockingEvent,
  zone: TimeZoneMode,
  now: number,
): Array<readonly [string, string]> {
  const p = e.provenance
  const approx = isDateOnly(p?.dockingPrecision) || isDateOnly(p?.departurePrecision)
  const lines: Array<readonly [string, string]> = [
    ['Port', `${e.stationName ?? 'Unknown station'} · ${e.portName ?? 'unknown port'}`],
    ['Docked', formatInstant(e.docking, zone, p?.dockingPrecision)],
    [
      'Departed',
      e.departure === null
        ? 'still docked'
        : formatInstant(e.departure, zone, p?.departurePrecision),
    ],
    [
      'Duration',
      e.departure === null
        ? `${formatDuration(now - e.docking, approx)} so far (still docked)`
        : formatDuration(e.departure - e.docking, approx),
    ],
    ['Kind', `${e.family} · ${ROLE_STYLES[e.role].label.toLowerCase()}`],
  ]
  return lines
}

/** A bar's tooltip: vehicle, port, docked, departed, duration, kind. */
export function barTooltip(e: DockingEvent, zone: TimeZoneMode, now: number): TooltipContent {
  return { title: e.vehicle, lines: tooltipLines(e, zone, now) }
}

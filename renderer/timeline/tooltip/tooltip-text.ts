/**
 * What the chart says on hover: the tooltips of bars, strips and overlap
 * hatches (bar and strip labels live with the scene, shared/chart/bar-scene.ts).
 *
 * Plain text only: the canvas paints it and the tooltip sets it with
 * textContent (chart-tooltip.ts), so no API string is ever parsed as HTML.
 */
import type { BarRun } from '../../../shared/chart/lod'
import { occupancyIn } from '../../../shared/chart/heat-strip'
import { runLabel } from '../../../shared/chart/bar-labels'
import type { Overlap } from '../../../shared/chart/chart-model'
import { ROLE_STYLES } from '../../../shared/chart/style'
import type { DockingEvent } from '../../../shared/domain/model'
import type { EffectiveEnd } from '../../../shared/occupancy/effective-end'
import type { DataFlag } from '../../../shared/quality/data-flag'
import { departureWords, durationWords } from '../../../shared/time/stay-words'
import { formatInstant, type TimeZoneMode } from '../../../shared/time/time-format'
import type { Visit } from '../../../shared/visits/visits'

/** A tooltip as plain text: a title, labelled lines and a note; the view sets it as text, never HTML. */
export interface TooltipContent {
  readonly title: string
  readonly lines: ReadonlyArray<readonly [string, string]>
  readonly note?: string
}

/** A share as a whole percentage, never rounding a sliver to 0 % or a near miss to 100 %. */
export function percent(share: number): string {
  const p = Math.round(share * 100)
  if (share > 0 && p === 0) return '< 1 %'
  if (share < 1 && p === 100) return '> 99 %'
  return `${p} %`
}

/**
 * A strip's tooltip: what it stands for, the share of its span with a
 * vehicle docked, and, for the stretch of time under the pointer (`here`),
 * how many dockings touch it and how much of it was occupied.
 */
export function runTooltip(
  r: BarRun,
  zone: TimeZoneMode,
  here?: { readonly from: number; readonly to: number },
): TooltipContent {
  const whole = occupancyIn(r.intervals, r.start, r.end)
  const lines: Array<readonly [string, string]> = [
    ['From', formatInstant(r.start, zone, 'minute')],
    ['To', formatInstant(r.end, zone, 'minute')],
    ['Occupied', `${percent(whole.share)} of that time`],
  ]
  if (here) {
    const at = occupancyIn(r.intervals, here.from, here.to)
    lines.push(
      [
        'Here',
        `${formatInstant(here.from, zone, 'minute')} to ${formatInstant(here.to, zone, 'minute')}`,
      ],
      ['Dockings here', String(at.count)],
      ['Occupied here', percent(at.share)],
    )
  }
  return {
    title: runLabel(r),
    lines,
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

/** What a bar's tooltip says besides the event: where its stay ends, its visit, its flags. */
export interface BarContext {
  readonly end: EffectiveEnd
  /** The bar's visit when it has more than one leg. */
  readonly visit?: Visit | null
  readonly flags?: ReadonlyArray<DataFlag>
}

/** Lines of a bar's tooltip, as plain text (label, value). */
function tooltipLines(
  e: DockingEvent,
  zone: TimeZoneMode,
  context: BarContext,
): Array<readonly [string, string]> {
  const p = e.provenance
  const lines: Array<readonly [string, string]> = [
    ['Port', `${e.stationName ?? 'Unknown station'} · ${e.portName ?? 'unknown port'}`],
    ['Docked', formatInstant(e.docking, zone, p?.dockingPrecision)],
    ['Departed', departureWords(e, context.end, zone)],
    ['Duration', durationWords(e, context.end)],
    ['Kind', `${e.family} · ${ROLE_STYLES[e.role].label.toLowerCase()}`],
  ]
  const visit = context.visit
  if (visit && visit.legs.length > 1)
    lines.push(['Visit', `leg ${visit.legs.indexOf(e.id) + 1} of ${visit.legs.length}`])
  for (const f of context.flags ?? []) lines.push(['Data check', f.message])
  return lines
}

/** A bar's tooltip: vehicle, port, docked, departed, duration, kind, visit leg and flags. */
export function barTooltip(
  e: DockingEvent,
  zone: TimeZoneMode,
  context: BarContext,
): TooltipContent {
  return { title: e.vehicle, lines: tooltipLines(e, zone, context) }
}

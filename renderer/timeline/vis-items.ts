/**
 * The chart's rows as vis-timeline groups, the bars' labels and tooltips,
 * and the bars as vis items (which the benchmarks hand a bare vis-timeline
 * to compare with the app's canvas).
 *
 * Plain objects only (no vis import). Every API string that reaches vis as
 * HTML is escaped here, and vis-timeline's own XSS filter stays on as a
 * second line (PR #840); tooltips are plain text, set as text by the view.
 */
import type { BarRun } from '../../shared/chart-lod'
import type { ChartRow, Overlap, PlacedBar } from '../../shared/chart-model'
import { familySlug, ROLE_STYLES } from '../../shared/chart-style'
import { barLabel, runLabel } from '../../shared/chart/bar-scene'
import type { DockingEvent } from '../../shared/model'
import {
  formatDuration,
  formatInstant,
  isDateOnly,
  type TimeZoneMode,
} from '../../shared/time-format'

/** A vis-timeline group as we build it. */
export interface GroupSpec {
  readonly id: string
  readonly content: string
  readonly className: string
  readonly order: number
  /** Changes whenever anything drawn in the group's label changes. */
  readonly key: string
}

/** A vis-timeline item as we build it. */
export interface ItemSpec {
  readonly id: number | string
  readonly group: string
  readonly content: string
  readonly start: number
  readonly end: number
  readonly type: 'range' | 'background'
  readonly className: string
  /** Tooltip HTML for background items (bars build theirs lazily on hover). */
  readonly title?: string
  readonly selectable?: boolean
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Groups for the drawn rows; station labels are real buttons, added by the view. */
export function toGroups(rows: ReadonlyArray<ChartRow>): GroupSpec[] {
  return rows.map((r) =>
    r.kind === 'station'
      ? {
          id: r.id,
          content: escapeHtml(r.label),
          className: `station-row${r.collapsed ? ' is-collapsed' : ''}`,
          order: r.order,
          key: `${r.label}|${r.collapsed}|${r.shownPorts}|${r.totalPorts}|${r.eventCount}|${r.order}`,
        }
      : {
          id: r.id,
          content: escapeHtml(r.label),
          className: 'port-row',
          order: r.order,
          key: `${r.label}|${r.order}`,
        },
  )
}

/** CSS classes of a bar: its event, family, role and states. */
export function barClassName(placed: PlacedBar): string {
  const b = placed.bar
  return [
    `event-${b.eventId}`,
    `family-${familySlug(b.family)}`,
    `role-${b.role}`,
    b.isOpen ? 'is-open' : '',
    b.hasOverlap ? 'has-overlap' : '',
    placed.isSummary ? 'is-summary' : '',
  ]
    .filter(Boolean)
    .join(' ')
}

/** Bar items: label inside, class names for colour, pattern and state. */
export function toBarItems(placed: ReadonlyArray<PlacedBar>): ItemSpec[] {
  return placed.map((p) => ({
    id: p.bar.eventId,
    group: p.rowId,
    content: escapeHtml(barLabel(p.bar)),
    start: p.bar.start,
    end: p.bar.end,
    type: 'range',
    className: barClassName(p),
  }))
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
export function tooltipLines(
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

/** A tooltip as plain text: a title, labelled lines and a note; the view sets it as text, never HTML. */
export interface TooltipContent {
  readonly title: string
  readonly lines: ReadonlyArray<readonly [string, string]>
  readonly note?: string
}

/** A bar's tooltip: vehicle, port, docked, departed, duration, kind. */
export function barTooltip(e: DockingEvent, zone: TimeZoneMode, now: number): TooltipContent {
  return { title: e.vehicle, lines: tooltipLines(e, zone, now) }
}

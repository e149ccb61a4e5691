/**
 * The chart's view model as vis-timeline groups and items.
 *
 * Plain objects only (no vis import), so the benchmark can hand the very same
 * items to a bare vis-timeline. Every API string that reaches HTML is escaped
 * here; vis-timeline's own XSS filter stays on as a second line (PR #840).
 */
import type { BarRun } from '../../shared/chart-lod'
import type { Bar, ChartRow, Overlap, PlacedBar } from '../../shared/chart-model'
import { familySlug, ROLE_STYLES } from '../../shared/chart-style'
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

/** A bar's label text: an open end is marked. */
export const barLabel = (b: Bar): string => (b.isOpen ? `${b.label} ▸` : b.label)

/** A strip's label text: how many dockings it stands for. */
export const runLabel = (r: BarRun): string => `${r.count} dockings`

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

/** Strips standing in for runs of dense bars: a count, a neutral fill, a tooltip saying how to see them. */
export function toRunItems(runs: ReadonlyArray<BarRun>, zone: TimeZoneMode): ItemSpec[] {
  return runs.map((r) => ({
    id: r.id,
    group: r.rowId,
    content: runLabel(r),
    start: r.start,
    end: r.end,
    type: 'range',
    className: r.isSummary ? 'bar-run is-summary' : 'bar-run',
    title: `<strong>${runLabel(r)}</strong><br>${escapeHtml(
      formatInstant(r.start, zone, 'minute'),
    )} – ${escapeHtml(formatInstant(r.end, zone, 'minute'))}<br>Too close together to draw one by one: click or zoom in to see each.`,
  }))
}

/** Hatched background items over each overlap, in the port's (or collapsed station's) row. */
export function toOverlapItems(
  overlaps: ReadonlyArray<Overlap>,
  placed: ReadonlyArray<PlacedBar>,
  zone: TimeZoneMode,
): ItemSpec[] {
  const rowOf = new Map(placed.map((p) => [p.bar.eventId as number, p.rowId]))
  const out: ItemSpec[] = []
  for (const o of overlaps) {
    const group = rowOf.get(o.eventIds[0])
    if (!group) continue
    out.push({
      id: `overlap-${o.eventIds[0]}-${o.eventIds[1]}`,
      group,
      content: '',
      start: o.start,
      end: Math.max(o.end, o.start + 1),
      type: 'background',
      className: 'overlap-hatch',
      title: `<strong>Overlap on one port</strong><br>${escapeHtml(o.labels[0])} and ${escapeHtml(
        o.labels[1],
      )}<br>${escapeHtml(formatInstant(o.start, zone))} – ${escapeHtml(formatInstant(o.end, zone))}`,
      selectable: false,
    })
  }
  return out
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

/** A bar's tooltip as escaped HTML: vehicle, port, docked, departed, duration. */
export function tooltipHtml(e: DockingEvent, zone: TimeZoneMode, now: number): string {
  const rows = tooltipLines(e, zone, now)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('')
  return `<div class="bar-tooltip"><strong>${escapeHtml(e.vehicle)}</strong><table>${rows}</table></div>`
}

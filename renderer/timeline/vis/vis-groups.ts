/**
 * The chart's rows as vis-timeline groups.
 *
 * Plain objects only (no vis import). Every API string that reaches vis as
 * HTML is escaped here, and vis-timeline's own XSS filter stays on as a
 * second line (PR #840).
 */
import type { ChartRow } from '../../../shared/chart/chart-model'

/** A vis-timeline group as we build it. */
export interface GroupSpec {
  readonly id: string
  readonly content: string
  readonly className: string
  readonly order: number
  /**
   * Changes whenever vis must lay the group out again: its label's text,
   * class or order. A station's counts are not in it: they live only in its
   * button's title and data (station-toggle.ts), which change in place, so a
   * keystroke that changes counts costs vis no full redraw.
   */
  readonly key: string
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

/** Groups for the drawn rows; station labels are real buttons, added by the controller. */
export function toGroups(rows: ReadonlyArray<ChartRow>): GroupSpec[] {
  return rows.map((r) =>
    r.kind === 'station'
      ? {
          id: r.id,
          content: escapeHtml(r.label),
          className: `station-row${r.collapsed ? ' is-collapsed' : ''}`,
          order: r.order,
          key: `${r.label}|${r.collapsed}|${r.totalPorts}|${r.order}`,
        }
      : {
          id: r.id,
          // In an element of its own, so a long name can take two lines (timeline.css).
          content: `<span>${escapeHtml(r.label)}</span>`,
          className: 'port-row',
          order: r.order,
          key: `${r.label}|${r.order}`,
        },
  )
}

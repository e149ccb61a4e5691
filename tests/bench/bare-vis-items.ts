/**
 * The app's bars as vis-timeline items, for the benchmarks' bare
 * vis-timeline pages: what the chart would hand vis if bars were vis items
 * (they were, before the bar canvas), to compare the two.
 */
import type { PlacedBar } from '../../shared/chart/chart-model'
import { familySlug } from '../../shared/chart/style'
import { barLabel } from '../../shared/chart/bar-labels'
import { escapeHtml } from '../../renderer/timeline/vis/vis-groups'

/** A vis-timeline range item, as plain data for a page. */
export interface BareItem {
  readonly id: number
  readonly group: string
  readonly content: string
  readonly start: number
  readonly end: number
  readonly type: 'range'
  readonly className: string
}

/** CSS classes of a bar: its event, family, role and states. */
function barClassName(placed: PlacedBar): string {
  const b = placed.bar
  return [
    `event-${b.eventId}`,
    `family-${familySlug(b.family)}`,
    `role-${b.role}`,
    b.endState === 'docked' ? 'is-open' : '',
    b.hasOverlap ? 'has-overlap' : '',
    placed.isSummary ? 'is-summary' : '',
  ]
    .filter(Boolean)
    .join(' ')
}

/** Bar items: label inside (escaped: vis shows it as HTML), class names for colour and state. */
export function toBarItems(placed: ReadonlyArray<PlacedBar>): BareItem[] {
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

/**
 * Which drawn item the canvas marks as selected: the selected docking's bar,
 * or, while its row is too dense to draw it apart, the strip it is in.
 */
import type { BarRun } from '../../../shared/chart/lod'
import type { EventId } from '../../../shared/domain/units'

/** The id to mark (a bar's event id or a strip's id), or null when the docking is not drawn. */
export function selectionMark(
  selectedId: number | null,
  barIds: ReadonlySet<number>,
  runs: Iterable<BarRun>,
): number | string | null {
  if (selectedId === null) return null
  if (barIds.has(selectedId)) return selectedId
  for (const r of runs) if (r.eventIds.includes(selectedId as EventId)) return r.id
  return null
}

/**
 * The chart's rows as vis groups, with the station fold buttons in their
 * labels and the focus on a button just pressed kept across vis's redraws.
 */
import { DataSet } from 'vis-data/peer'
import type { DataGroup } from 'vis-timeline/peer'

import type { ChartRow } from '../../../shared/chart/chart-model'
import { diffKeys } from './group-diff'
import { isStationToggle, stationButton, type StationButtons } from './station-toggle'
import { toGroups, type GroupSpec } from './vis-groups'

export class RowGroups {
  /** The group DataSet vis draws the rows from. */
  readonly groups = new DataSet<DataGroup>()
  private readonly keys = new Map<string | number, string>()
  private readonly buttons: StationButtons = new Map()
  /** The station button to give focus back to after vis re-attaches it. */
  private refocus: HTMLElement | null = null

  constructor(private readonly onToggle: (stationId: number) => void) {
    document.addEventListener('pointerdown', this.onUserActs, true)
    document.addEventListener('keydown', this.onUserActs, true)
  }

  /** Brings the group DataSet in line with the drawn rows, touching only changed groups. */
  setRows(rows: ReadonlyArray<ChartRow>): void {
    const specs = toGroups(rows)
    const byId = new Map<string, ChartRow>(rows.map((r) => [r.id, r]))
    const focused = document.activeElement
    const { changed, gone } = diffKeys(this.keys, specs, (g: GroupSpec) => g.key)
    // Counts changed, label not: the button is brought up to date in place, vis is not told.
    for (const row of rows)
      if (row.kind === 'station') stationButton(this.buttons, row, this.onToggle)
    if (gone.length) this.groups.remove(gone)
    if (changed.length)
      this.groups.update(
        changed.map((g): DataGroup => {
          const row = byId.get(g.id)
          return {
            id: g.id,
            content:
              row?.kind === 'station' ? stationButton(this.buttons, row, this.onToggle) : g.content,
            className: g.className,
            order: g.order,
            // Labels are cut to leave the chart room; the whole name shows on hover.
            title: row?.label,
          } as DataGroup
        }),
      )
    if (focused instanceof HTMLElement && isStationToggle(focused)) {
      this.refocus = focused
      if (focused.isConnected && document.activeElement !== focused) focused.focus()
    }
  }

  // vis re-attaches a station's label when groups change and again when it
  // reorders them, a redraw or two later, and each time the button just
  // pressed loses focus: give it back until the user acts again.
  /** Called after each vis redraw. */
  restoreFocus(): void {
    const f = this.refocus
    if (f && f.isConnected && document.activeElement !== f) f.focus()
  }

  /** Stops listening for the user; `clear` empties the groups once vis is gone. */
  detach(): void {
    document.removeEventListener('pointerdown', this.onUserActs, true)
    document.removeEventListener('keydown', this.onUserActs, true)
  }

  clear(): void {
    this.keys.clear()
    this.groups.clear()
  }

  private readonly onUserActs = () => {
    this.refocus = null
  }
}

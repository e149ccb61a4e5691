/**
 * The station row labels: real buttons that fold and unfold the station's
 * ports, kept per station so focus survives a regroup.
 */
import type { StationChartRow } from '../../../shared/chart/chart-model'

/** Station label buttons by station id. */
export type StationButtons = Map<number, HTMLButtonElement>

/** Whether `el` is a station's fold button. */
export const isStationToggle = (el: HTMLElement): boolean => el.classList.contains('station-toggle')

/** The station's button, created on first use and brought up to date with `row`. */
export function stationButton(
  buttons: StationButtons,
  row: StationChartRow,
  onToggle: (id: number) => void,
): HTMLButtonElement {
  let b = buttons.get(row.stationId)
  if (!b) {
    b = document.createElement('button')
    b.type = 'button'
    b.className = 'station-toggle'
    b.addEventListener('click', (e) => {
      e.stopPropagation()
      onToggle(row.stationId)
    })
    buttons.set(row.stationId, b)
  }
  // textContent, never innerHTML: the name is an API string.
  b.textContent = row.label
  b.setAttribute('aria-expanded', String(!row.collapsed))
  b.dataset.ports = String(row.totalPorts)
  b.dataset.events = String(row.eventCount)
  b.title = `${row.collapsed ? 'Expand' : 'Collapse'} ${row.label} (${row.totalPorts} ${
    row.totalPorts === 1 ? 'port' : 'ports'
  }, ${row.eventCount} dockings)`
  return b
}

/**
 * The station row labels: real buttons that fold and unfold the station's
 * ports, kept per station so focus survives a regroup.
 */
import type { StationChartRow } from '../../../shared/chart/chart-model'
import { countNoun } from '../../../shared/format/count-noun'

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
    // The name in a span of its own, so it can take a second line beside the
    // fold arrow; its label span also holds the folded note (timeline.css).
    const label = document.createElement('span')
    const name = document.createElement('span')
    label.className = 'station-label'
    name.className = 'station-name'
    label.append(name)
    b.append(label)
    b.addEventListener('click', (e) => {
      e.stopPropagation()
      onToggle(row.stationId)
    })
    buttons.set(row.stationId, b)
  }
  // textContent, never innerHTML: the name is an API string. Each write only
  // when the value changes: rows are brought up to date on every keystroke,
  // and the folded style (aria-expanded) and the folded note (data-folded) read these.
  const label = b.firstElementChild as HTMLElement
  const name = label.firstElementChild!
  if (name.textContent !== row.label) name.textContent = row.label
  setAttr(label, 'data-folded', ` · ${countNoun(row.totalPorts, 'port')} folded`)
  setAttr(b, 'title', stationTitle(row))
  setAttr(b, 'aria-expanded', String(!row.collapsed))
  return b
}

const stationTitle = (row: StationChartRow): string =>
  `${row.collapsed ? 'Expand' : 'Collapse'} ${row.label} (${countNoun(row.totalPorts, 'port')}, ${countNoun(
    row.eventCount,
    'docking',
  )})`

function setAttr(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value)
}

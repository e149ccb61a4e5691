import { formatInstant } from '../../../shared/time/time-format'
import { selectSelectedEvent } from '../../state/selectors'
import { useAppStore } from '../../state/store'

/**
 * Says which docking is selected, for screen readers: the bars are pixels,
 * so a selection made with N/P or a click is announced here.
 */
export function SelectionAnnouncer() {
  const e = useAppStore(selectSelectedEvent)
  const zone = useAppStore((s) => s.timeZone)
  let text = ''
  if (e) {
    const where = `${e.stationName ?? 'unknown station'} · ${e.portName ?? 'unknown port'}`
    const departed =
      e.departure === null
        ? 'still docked'
        : `departed ${formatInstant(e.departure, zone, e.provenance?.departurePrecision)}`
    text = `Selected ${e.vehicle} at ${where}, docked ${formatInstant(e.docking, zone, e.provenance?.dockingPrecision)}, ${departed}`
  }
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="selection-announcer">
      {text}
    </p>
  )
}

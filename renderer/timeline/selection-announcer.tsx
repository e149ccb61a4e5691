import { formatInstant } from '../../shared/time-format'
import { useAppStore } from '../state/store'

/**
 * Says which docking is selected, for screen readers: the bars are pixels,
 * so a selection made with N/P or a click is announced here.
 */
export function SelectionAnnouncer() {
  const text = useAppStore((s) => {
    const id = s.selectedEventId
    const e = id === null ? undefined : s.data?.events.find((x) => x.id === id)
    if (!e) return ''
    const where = `${e.stationName ?? 'unknown station'} · ${e.portName ?? 'unknown port'}`
    const departed =
      e.departure === null
        ? 'still docked'
        : `departed ${formatInstant(e.departure, s.timeZone, e.provenance?.departurePrecision)}`
    return `Selected ${e.vehicle} at ${where}, docked ${formatInstant(e.docking, s.timeZone, e.provenance?.dockingPrecision)}, ${departed}`
  })
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="selection-announcer">
      {text}
    </p>
  )
}

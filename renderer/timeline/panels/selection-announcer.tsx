import { formatInstant } from '../../../shared/time/time-format'
import { effectiveEnd } from '../../../shared/occupancy/effective-end'
import { endClause } from '../../../shared/time/stay-words'
import { selectSelectedEvent } from '../../state/selectors'
import { selectDataChecks } from '../../state/quality-selectors'
import { useAppStore } from '../../state/store'

/**
 * Says which docking is selected, for screen readers: the bars are pixels,
 * so a selection made with N/P or a click is announced here.
 */
export function SelectionAnnouncer() {
  const e = useAppStore(selectSelectedEvent)
  const zone = useAppStore((s) => s.timeZone)
  const endFacts = useAppStore(selectDataChecks).endFacts
  const now = useAppStore((s) => s.now)
  let text = ''
  if (e) {
    const where = `${e.stationName ?? 'unknown station'} · ${e.portName ?? 'unknown port'}`
    const end = effectiveEnd(e, endFacts, now)
    text = `Selected ${e.vehicle} at ${where}, docked ${formatInstant(e.docking, zone, e.provenance?.dockingPrecision)}, ${endClause(e, end, zone)}`
  }
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="selection-announcer">
      {text}
    </p>
  )
}

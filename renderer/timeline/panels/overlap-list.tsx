import { windowAround } from '../../../shared/chart/window'
import { formatInstant } from '../../../shared/time/time-format'
import { selectOverlaps } from '../../state/selectors'
import { useAppStore, useAppStoreApi } from '../../state/store'
import { countNoun } from '../../../shared/format/count-noun'
import { ReferenceWords } from './reference-words'

/**
 * Overlaps on one port are data errors (or relocations logged late); they are
 * hatched on the chart and listed here so none goes unnoticed, each with what
 * the reference compilations say of its two records. Opened from the strip
 * above the chart (summary-strip.tsx), which shows their count.
 */
export function OverlapList() {
  const appStore = useAppStoreApi()
  const overlaps = useAppStore(selectOverlaps)
  const timeZone = useAppStore((s) => s.timeZone)
  const ports = useAppStore((s) => s.data?.ports)
  if (overlaps.length === 0) return null
  const portName = (id: number) => ports?.find((p) => p.id === id)?.name ?? `port ${id}`
  const show = (i: number) => {
    const o = overlaps[i]
    if (!o) return
    const s = appStore.getState()
    s.showEvent(o.eventIds[0], windowAround(o.start, o.end))
  }
  return (
    <section className="overlap-list" data-testid="overlap-list" aria-labelledby="overlap-title">
      <h2 id="overlap-title" className="summary-title">
        <span aria-hidden="true">⚠ </span>
        {countNoun(overlaps.length, 'overlap')} on one port (data errors)
      </h2>
      <ul>
        {overlaps.map((o, i) => (
          <li key={`${o.eventIds[0]}-${o.eventIds[1]}`}>
            <button type="button" className="link-button" onClick={() => show(i)}>
              {o.labels[0]} and {o.labels[1]} at {portName(o.portId)}
            </button>{' '}
            <span className="muted">
              {formatInstant(o.start, timeZone)} – {formatInstant(o.end, timeZone)}
            </span>
            <ReferenceWords eventIds={o.eventIds} />
          </li>
        ))}
      </ul>
    </section>
  )
}

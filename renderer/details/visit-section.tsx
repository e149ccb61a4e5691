import { windowShowing } from '../../shared/chart/window'
import { flagKey } from '../../shared/quality/data-checks'
import { FLAG_LABELS, type DataFlag } from '../../shared/quality/data-flag'
import { formatDuration, formatInstant, type TimeZoneMode } from '../../shared/time/time-format'
import type { DockingEvent } from '../../shared/domain/model'
import { visitStay, type Visit } from '../../shared/visits/visits'
import { useAppStore, useAppStoreApi } from '../state/store'

/**
 * The selected docking's visit: arrival, departure, total stay and each leg
 * (a relocation is one visit of several legs), each leg selectable.
 */
export function VisitSection({
  event,
  visit,
  zone,
}: {
  readonly event: DockingEvent
  readonly visit: Visit | null
  readonly zone: TimeZoneMode
}) {
  const appStore = useAppStoreApi()
  const events = useAppStore((s) => s.data?.events)
  if (!visit) return null
  const byId = new Map((events ?? []).map((e) => [e.id as number, e]))
  const stay = visitStay(visit)
  return (
    <section className="detail-visit" aria-label="Visit" data-testid="detail-visit">
      <h3>Visit{visit.legs.length > 1 ? ` · ${visit.legs.length} legs` : ' · one leg'}</h3>
      <dl className="detail-fields">
        <dt>Arrival</dt>
        <dd data-field="Visit arrival">{formatInstant(visit.arrival, zone)}</dd>
        <dt>Departure</dt>
        <dd data-field="Visit departure">
          {visit.departure === null ? 'none recorded' : formatInstant(visit.departure, zone)}
        </dd>
        <dt>Total stay</dt>
        <dd data-field="Visit stay">
          {stay === null ? 'open (no departure recorded)' : formatDuration(stay)}
        </dd>
      </dl>
      {visit.legs.length > 1 && (
        <ol className="visit-legs">
          {visit.legs.map((id) => {
            const leg = byId.get(id)
            const label = `${leg?.portName ?? 'unknown port'}, ${leg ? formatInstant(leg.docking, zone) : ''}`
            return (
              <li key={id}>
                {id === event.id ? (
                  <span aria-current="true">{label} (this docking)</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      const s = appStore.getState()
                      s.showEvent(id, leg && windowShowing(leg.docking, s.visibleWindow))
                    }}
                  >
                    {label}
                  </button>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

/** The data checks that flag the selected docking, each with its sentence. */
export function FlagSection({ flags }: { readonly flags: ReadonlyArray<DataFlag> }) {
  if (flags.length === 0) return null
  return (
    <section className="detail-flags" aria-label="Data checks" data-testid="detail-flags">
      <h3>Data checks</h3>
      <ul>
        {flags.map((f) => (
          <li key={flagKey(f)}>
            <strong>{FLAG_LABELS[f.kind]}:</strong> {f.message}
          </li>
        ))}
      </ul>
    </section>
  )
}

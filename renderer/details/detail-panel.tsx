import { useMemo, type ReactNode } from 'react'

import { ROLE_STYLES } from '../../shared/chart/style'
import { summarizeDetail } from '../../shared/domain/event-detail'
import type { DockingEvent } from '../../shared/domain/model'
import { DETAIL_TIMEOUT_MS } from '../../shared/ipc/contract'
import { originSentence } from '../../shared/domain/origin-sentence'
import { departureWords, durationWords } from '../../shared/time/stay-words'
import { formatInstant, type TimeZoneMode } from '../../shared/time/time-format'
import { selectSelectedEvent } from '../state/selectors'
import { selectFilteredEvents } from '../state/filter-selectors'
import {
  eventFacts,
  selectDataChecks,
  selectVisits,
  type EventFacts,
} from '../state/quality-selectors'
import { ExternalLink } from '../components/external-link'
import { CiteSection } from './cite-section'
import { FlagSection, VisitSection } from './visit-section'
import { ReferenceSection } from './reference-section'
import type { DetailState } from '../state/view-slice'
import { useAppStore, useAppStoreApi } from '../state/store'

const SOURCE_NAMES: Readonly<Record<DockingEvent['source'], string>> = {
  snapshot: 'Bundled snapshot (Launch Library 2 by The Space Devs)',
  ll2: 'Launch Library 2',
  import: 'Imported file',
}

/** A row of the details list; "—" for what the record does not say. */
function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-field={label}>{children ?? <span className="muted">—</span>}</dd>
    </>
  )
}

/** A detail status line, with the one action that helps when there is one. */
function StatusLine({
  tone,
  children,
  reason,
  retry,
}: {
  readonly tone?: 'warning' | 'error'
  readonly children: ReactNode
  /** The technical why (the server's or the network's words), under the plain one. */
  readonly reason?: string | null
  readonly retry?: { readonly label: string; readonly run: () => void }
}) {
  return (
    <p
      className={tone ? `detail-status is-${tone}` : 'detail-status'}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      {children}
      {retry && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={retry.run}>
            {retry.label}
          </button>
        </>
      )}
      {reason && <span className="detail-reason">{reason}</span>}
    </p>
  )
}

function detailStatus(detail: DetailState, zone: TimeZoneMode, fetch: () => void): ReactNode {
  const retry = { label: 'Try again', run: fetch }
  switch (detail.status) {
    case 'idle':
      return null
    case 'loading':
      return <StatusLine>Reading the cache…</StatusLine>
    case 'fetching':
      // A slow or hung network can hold this for a while: say what is awaited and for how long.
      return (
        <StatusLine>
          Fetching the detailed record (launch, landing, mission) from Launch Library 2; it gives up
          after {(2 * DETAIL_TIMEOUT_MS) / 1000} s…
        </StatusLine>
      )
    case 'error':
      return (
        <StatusLine tone="error" retry={retry} reason={detail.error.message}>
          The details could not be read.
        </StatusLine>
      )
    case 'ready': {
      const d = detail.detail
      switch (d.state) {
        case 'cached':
          return (
            <StatusLine>
              Detailed LL2 record from the cache
              {d.detailFetchedAt !== null
                ? `, fetched ${formatInstant(d.detailFetchedAt, zone, 'minute')}`
                : ''}
              .
            </StatusLine>
          )
        case 'fetched':
          return <StatusLine>Detailed LL2 record fetched just now and cached.</StatusLine>
        case 'offline':
          return (
            <StatusLine tone="warning" retry={retry} reason={d.message}>
              Launch, landing and mission need the detailed LL2 record, which could not be fetched.
            </StatusLine>
          )
        case 'not-fetched':
          return (
            <StatusLine retry={{ label: 'Fetch it from LL2', run: fetch }} reason={d.message}>
              Launch, landing and mission need the detailed LL2 record, which is not in the cache.
            </StatusLine>
          )
        case 'not-in-ll2':
          return (
            <StatusLine>
              Not in Launch Library 2: {d.message ?? 'this record has no LL2 counterpart.'}
            </StatusLine>
          )
      }
    }
  }
}

function EventFields({
  event: e,
  raw,
  zone,
  facts,
}: {
  readonly event: DockingEvent
  readonly raw: unknown
  readonly zone: TimeZoneMode
  readonly facts: EventFacts
}) {
  const s = summarizeDetail(raw)
  const p = e.provenance
  const ll2Id = e.origin.apiVersion !== null ? String(e.id) : null
  return (
    <dl className="detail-fields">
      <Field label="Spacecraft">{e.vehicle}</Field>
      <Field label="Serial">{e.serial}</Field>
      <Field label="Configuration">
        {e.configuration || p?.spacecraftType
          ? [e.configuration, p?.spacecraftType].filter(Boolean).join(' · ')
          : null}
      </Field>
      <Field label="Family and role">
        {e.family} · {ROLE_STYLES[e.role].label.toLowerCase()}
      </Field>
      <Field label="Agency">{e.agency}</Field>
      <Field label="Station and port">
        {e.stationName ?? 'Unknown station'} · {e.portName ?? 'unknown port'}
      </Field>
      <Field label="Docked">{formatInstant(e.docking, zone, p?.dockingPrecision)}</Field>
      <Field label="Departed">{departureWords(e, facts.end, zone)}</Field>
      <Field label="Duration">{durationWords(e, facts.end)}</Field>
      <Field label="Launch">
        {s.launchName
          ? [
              s.launchName,
              s.launchTime !== null ? formatInstant(s.launchTime, zone) : null,
              s.launchSite,
              s.launchStatus,
            ]
              .filter(Boolean)
              .join(' · ')
          : null}
      </Field>
      <Field label="Landing">{s.landing}</Field>
      <Field label="Mission">
        {s.missionName
          ? [
              s.missionName,
              s.missionType,
              s.missionEnd !== null ? `ended ${formatInstant(s.missionEnd, zone)}` : null,
            ]
              .filter(Boolean)
              .join(' · ')
          : null}
      </Field>
      <Field label="LL2 id">
        {ll2Id ?? <span className="muted">Not an LL2 record (local id {e.id})</span>}
      </Field>
      <Field label="LL2 link">
        {e.url ? <ExternalLink url={e.url}>Open in Launch Library 2</ExternalLink> : null}
      </Field>
      <Field label="Source">{SOURCE_NAMES[e.source]}</Field>
      <Field label="Record">{originSentence(e)}</Field>
      {/* Bundled and imported records were never fetched: say when the cache got them. */}
      <Field label={e.source === 'll2' ? 'Fetched' : 'Added to cache'}>
        {formatInstant(e.fetchedAt, zone, 'minute')}
      </Field>
      {p && (
        <>
          <Field label="Precision">
            docking to the {p.dockingPrecision ?? 'unstated precision'}, departure to the{' '}
            {p.departurePrecision ?? 'unstated precision'}
          </Field>
          {p.portBasis && <Field label="Port basis">{p.portBasis}</Field>}
          {p.notes && <Field label="Notes">{p.notes}</Field>}
          <Field label="Sources">
            {p.sources.length > 0 ? (
              <ul className="source-list">
                {p.sources.map((src) => (
                  <li key={src}>
                    <ExternalLink url={src}>{src}</ExternalLink>
                  </li>
                ))}
              </ul>
            ) : null}
          </Field>
        </>
      )}
    </dl>
  )
}

/** Details of the selected docking, with the detailed LL2 record fetched on demand. */
export function DetailPanel() {
  const appStore = useAppStoreApi()
  const selectedEventId = useAppStore((s) => s.selectedEventId)
  const detail = useAppStore((s) => s.detail)
  const zone = useAppStore((s) => s.timeZone)
  const now = useAppStore((s) => s.now)
  const event = useAppStore(selectSelectedEvent)
  // A panel's "Show", the cursor list or a visit's leg can select what the filters hide.
  // A yes or no, so a keystroke that leaves it as it was renders none of this panel.
  const hidden = useAppStore(
    (s) =>
      s.selectedEventId !== null &&
      !selectFilteredEvents(s).some((e) => e.id === s.selectedEventId),
  )
  const shown =
    detail.status === 'ready' && detail.eventId === selectedEventId ? detail.detail.event : event
  // Visits and checks are memoised per store; the facts are cheap lookups into them.
  const checks = useAppStore(selectDataChecks)
  const visits = useAppStore(selectVisits)
  const facts = useMemo(
    () => (shown ? eventFacts(appStore.getState(), shown, now) : null),
    [shown, now, checks, visits],
  )
  // The panel holding this goes away with the selection (app.tsx); nothing to show meanwhile.
  if (selectedEventId === null || !shown || !facts) return null
  return (
    <aside className="detail-panel" aria-label="Docking details" data-testid="detail-panel">
      <header className="detail-header">
        <h2>{shown.vehicle}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close details"
          title="Close details (Esc)"
          onClick={() => appStore.getState().selectEvent(null)}
        >
          ×
        </button>
      </header>
      {hidden && (
        <p className="detail-status is-warning" data-testid="detail-hidden">
          Not on the chart or in the table: the current filters hide it.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const s = appStore.getState()
              s.clearAllFilters()
              s.showEvent(selectedEventId!)
            }}
          >
            Clear all filters
          </button>
        </p>
      )}
      {detailStatus(detail, zone, () => appStore.getState().fetchDetail())}
      <EventFields
        event={shown}
        raw={detail.status === 'ready' ? detail.detail.detail : null}
        zone={zone}
        facts={facts}
      />
      <VisitSection event={shown} visit={facts.visit} zone={zone} />
      <FlagSection flags={facts.flags} />
      <ReferenceSection eventId={shown.id} />
      <CiteSection event={shown} end={facts.end} />
    </aside>
  )
}

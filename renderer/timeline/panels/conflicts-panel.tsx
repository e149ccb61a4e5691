import { useState } from 'react'

import { windowAround } from '../../../shared/chart/window'
import {
  CONFLICT_KINDS,
  countConflicts,
  ll2Sources,
  referenceSources,
  type ConflictKind,
  type SourceConflict,
} from '../../../shared/reference/source-conflict'
import { DAY_MS, toIsoUtc, type UtcMillis } from '../../../shared/domain/units'
import { conflictsCsv, conflictsCsvMetadata } from '../../../shared/reference/conflict-row'
import { conflictSideText } from '../../../shared/reference/missing-record'
import { ExternalLink } from '../../components/external-link'
import { SaveCsvButton } from '../../components/save-csv-button'
import { referenceExportMeta } from '../../export/reference-export-meta'
import { selectReferenceComparison } from '../../state/reference-selectors'
import { useAppStore, useAppStoreApi, useShallow } from '../../state/store'
import { countNoun } from '../../../shared/format/count-noun'

/** How each kind reads in the panel. */
const KIND_WORDS: Readonly<Record<ConflictKind, string>> = {
  port: 'Port',
  docking: 'Docking time',
  departure: 'Departure time',
  'missing-in-ll2': 'Not in LL2 records held here',
  'missing-in-reference': 'Not in the reference',
}

/** The stay a conflict is about, to bring into view. */
function spanOf(c: SourceConflict): readonly [number, number] {
  const ends = [c.ll2, c.reference].flatMap((v) =>
    v?.kind === 'time' ? [v.at] : v?.kind === 'stay' ? [v.docking] : [],
  )
  const last = Math.max(c.at, ...ends)
  // A week either side: the neighbours on the port are what make sense of it.
  return [c.at - 7 * DAY_MS, last + 7 * DAY_MS]
}

/**
 * What each side rests on. A record the reference lacks has no reference
 * source of its own: its LL2 record is named as LL2's, not listed as the
 * reference's, beside the reference's sources for that vehicle's other stays
 * there, if it has any.
 */
function SourcesCell({ c }: { readonly c: SourceConflict }) {
  const reference = referenceSources(c)
  const ll2 = ll2Sources(c)
  if (reference.length === 0 && ll2.length === 0)
    return (
      <td className="conflict-sources">
        <span className="muted">—</span>
      </td>
    )
  return (
    <td className="conflict-sources">
      <ul>
        {ll2.map((url) => (
          <li key={url}>
            LL2: <ExternalLink url={url}>record {c.ll2Id}</ExternalLink>
          </li>
        ))}
        {ll2.length > 0 && reference.length > 0 && (
          <li className="muted">The reference, for its other stays there:</li>
        )}
        {reference.map((url) => (
          <li key={url}>
            <ExternalLink url={url}>{url}</ExternalLink>
          </li>
        ))}
      </ul>
    </td>
  )
}

function ConflictRowView({ c }: { readonly c: SourceConflict }) {
  const appStore = useAppStoreApi()
  const show = () => {
    const s = appStore.getState()
    const w = windowAround(...spanOf(c))
    if (c.ll2Id !== null) s.showEvent(c.ll2Id, w)
    else {
      // A record LL2 lacks is only on the reference layer: switch it on to see it.
      s.setShowReference(true)
      s.jumpTo(w)
    }
  }
  const record = c.ll2Id !== null ? `LL2 ${c.ll2Id}` : `reference ${c.referenceId}`
  return (
    <tr data-kind={c.kind}>
      <td>{KIND_WORDS[c.kind]}</td>
      <td>{c.vehicle}</td>
      <td>{c.station}</td>
      <td>{conflictSideText(c, 'll2') ?? <span className="muted">no record</span>}</td>
      <td>{conflictSideText(c, 'reference') ?? <span className="muted">no record</span>}</td>
      <SourcesCell c={c} />
      <td>
        <button
          type="button"
          className="link-button"
          aria-label={`Show ${c.vehicle} (${record}) on the chart`}
          onClick={show}
        >
          Show
        </button>
      </td>
    </tr>
  )
}

/** Saves the conflicts shown (all, or one kind) as CSV, and says how that went. */
function ExportConflicts({
  shown,
  kind,
}: {
  readonly shown: ReadonlyArray<SourceConflict>
  readonly kind: ConflictKind | null
}) {
  const appStore = useAppStoreApi()
  const make = (exportedAt: UtcMillis) => {
    const name = `docking-timeline_source-conflicts${kind ? `_${kind}` : ''}_${toIsoUtc(exportedAt).slice(0, 10)}.csv`
    const meta = { kind, ...referenceExportMeta(appStore.getState(), exportedAt) }
    return {
      name,
      content: conflictsCsv(shown),
      metadata: conflictsCsvMetadata(shown, meta, name),
      holds: countNoun(shown.length, 'conflict'),
    }
  }
  return <SaveCsvButton label={`Export ${kind === null ? 'all' : 'these'} as CSV…`} make={make} />
}

/** The panel's body once the comparison is known. */
function ConflictList({ conflicts }: { readonly conflicts: ReadonlyArray<SourceConflict> }) {
  const [kind, setKind] = useState<ConflictKind | null>(null)
  const counts = countConflicts(conflicts)
  const shown = kind === null ? conflicts : conflicts.filter((c) => c.kind === kind)
  return (
    <>
      <div className="conflict-counts" role="group" aria-label="Conflicts by kind">
        <button type="button" aria-pressed={kind === null} onClick={() => setKind(null)}>
          All {conflicts.length}
        </button>
        {CONFLICT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            data-kind={k}
            onClick={() => setKind(kind === k ? null : k)}
          >
            {KIND_WORDS[k]} {counts[k]}
          </button>
        ))}
      </div>
      {conflicts.length === 0 ? (
        <p role="status">0 conflicts: LL2 and the reference records agree wherever both speak.</p>
      ) : (
        <>
          <ExportConflicts shown={shown} kind={kind} />
          <div className="conflict-table-wrap">
            <table className="conflict-table" aria-label="Source conflicts">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Vehicle</th>
                  <th scope="col">Station</th>
                  <th scope="col">LL2 says</th>
                  <th scope="col">Reference says</th>
                  <th scope="col">Sources</th>
                  <th scope="col">
                    <span className="visually-hidden">Go to</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <ConflictRowView
                    key={`${c.kind}-${c.ll2Id}-${c.referenceSet}-${c.referenceId}`}
                    c={c}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  )
}

/**
 * Where LL2 and the reference records (NASA RP-1357 compilations) disagree:
 * kind, vehicle, both values, the reference's sources, and a button that
 * shows the record on the chart. Times are UTC at each record's precision.
 * Opened from the strip above the chart (summary-strip.tsx), which shows the count.
 */
export function ConflictsPanel() {
  const comparison = useAppStore(selectReferenceComparison)
  const { status, error, problems } = useAppStore(
    useShallow((s) => ({
      status: s.referenceStatus,
      error: s.referenceError,
      problems: s.reference?.problems,
    })),
  )
  const count = comparison?.conflicts.length
  return (
    <section
      className="conflicts-panel"
      data-testid="conflicts-panel"
      aria-labelledby="conflicts-title"
    >
      <h2 id="conflicts-title" className="summary-title">
        Source conflicts: {count === undefined ? '…' : count} (LL2 against the reference records)
      </h2>
      {status === 'error' ? (
        <p role="alert">The reference records could not be read: {error?.message}</p>
      ) : comparison === null ? (
        <p role="status">Reading the reference records…</p>
      ) : (
        <>
          <p className="muted">
            References:{' '}
            {comparison.data.sets
              .map((s) => `${s.title} (${countNoun(s.count, 'record')})`)
              .join('; ') || 'none'}
            . Records match on vehicle and station with dockings within 2 days; times differ only
            beyond both records' stated precision; ports compare by side. Times in UTC.
          </p>
          {problems?.map((p) => (
            <p key={p} role="alert">
              {p}
            </p>
          ))}
          <ConflictList conflicts={comparison.conflicts} />
        </>
      )}
    </section>
  )
}

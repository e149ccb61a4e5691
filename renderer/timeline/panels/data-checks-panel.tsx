import { windowAround } from '../../../shared/chart/window'
import { flagKey } from '../../../shared/quality/data-checks'
import { FLAG_KINDS, FLAG_LABELS, type DataFlag } from '../../../shared/quality/data-flag'
import { selectDataChecks } from '../../state/quality-selectors'
import { useAppStore, useAppStoreApi } from '../../state/store'
import { countNoun } from '../../../shared/format/count-noun'
import { ReferenceWords } from './reference-words'
import { toIsoUtc, type UtcMillis } from '../../../shared/domain/units'
import { dataChecksCsv, dataChecksCsvMetadata } from '../../../shared/quality/data-checks-csv'
import { referenceWords } from '../../../shared/reference/conflict-sentence'
import { selectReferenceComparison } from '../../state/reference-selectors'
import { SaveCsvButton } from '../../components/save-csv-button'
import { referenceExportMeta } from '../../export/reference-export-meta'

/** Saves every doubt, with the reference's word on each, as CSV. */
function ExportDataChecks({ flags }: { readonly flags: ReadonlyArray<DataFlag> }) {
  const appStore = useAppStoreApi()
  const make = (exportedAt: UtcMillis) => {
    const s = appStore.getState()
    const comparison = selectReferenceComparison(s)
    const name = `docking-timeline_data-checks_${toIsoUtc(exportedAt).slice(0, 10)}.csv`
    const meta = referenceExportMeta(s, exportedAt)
    return {
      name,
      content: dataChecksCsv(flags, (ids) => referenceWords(ids, comparison)),
      metadata: dataChecksCsvMetadata(flags, meta, name),
      holds: countNoun(flags.length, 'doubt'),
    }
  }
  return <SaveCsvButton label="Export all as CSV…" make={make} />
}

/**
 * Every doubt the data checks raise, with a count per kind ("0 found" for a
 * clean kind, so a reader knows it was checked), each flag selectable (it
 * selects and centres its first event) with what the reference compilations
 * say of its records, the `flagged` filter, and the list saved as CSV.
 * Opened from the strip above the chart (summary-strip.tsx), which shows the total.
 */
export function DataChecksPanel() {
  const appStore = useAppStoreApi()
  const checks = useAppStore(selectDataChecks)
  const flaggedOnly = useAppStore((s) => s.filters.flagged)
  const events = useAppStore((s) => s.data?.events)
  if (!events || events.length === 0) return null
  const show = (f: DataFlag) => {
    const s = appStore.getState()
    const mine = events.filter((e) => f.eventIds.includes(e.id))
    if (mine.length === 0) return
    const start = Math.min(...mine.map((e) => e.docking))
    const end = Math.max(...mine.map((e) => e.departure ?? e.docking))
    s.showEvent(f.eventIds[0]!, windowAround(start, end))
  }
  const total = checks.flags.length
  return (
    <section className="data-checks" data-testid="data-checks" aria-labelledby="data-checks-title">
      <h2 id="data-checks-title" className="summary-title">
        Data checks: {total === 0 ? 'nothing found' : countNoun(total, 'doubt')}
      </h2>
      <label className="data-checks-filter">
        <input
          type="checkbox"
          checked={flaggedOnly}
          onChange={(e) => {
            const flagged = e.currentTarget.checked
            appStore.getState().setFilters((q) => ({ ...q, flagged }))
          }}
        />{' '}
        Show flagged dockings only
      </label>
      {total > 0 && <ExportDataChecks flags={checks.flags} />}
      <ul className="data-checks-kinds">
        {FLAG_KINDS.map((kind) => {
          const flags = checks.flags.filter((f) => f.kind === kind)
          return (
            <li key={kind} data-kind={kind}>
              <span className="data-checks-kind">{FLAG_LABELS[kind]}</span>:{' '}
              <span data-testid={`count-${kind}`}>
                {flags.length === 0 ? '0 found' : `${flags.length} found`}
              </span>
              {flags.length > 0 && (
                <ul>
                  {flags.map((f) => (
                    <li key={flagKey(f)}>
                      <button type="button" className="link-button" onClick={() => show(f)}>
                        {f.message}
                      </button>
                      <ReferenceWords eventIds={f.eventIds} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

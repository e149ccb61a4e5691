import type { DataInfo } from '../../shared/domain/model'
import { sourceSummary } from '../../shared/domain/source-counts'
import { toIsoUtc } from '../../shared/domain/units'
import { ImportButton } from '../import/import-button'
import { useAppStore } from '../state/store'
import { countNoun } from '../../shared/format/count-noun'

/**
 * The footer line: where the data came from, how much and how fresh, in
 * one line; the full provenance is one click away in "Data sources", and
 * more data one click away in "Import…".
 */
export function StatusBar({ info }: { readonly info: DataInfo }) {
  const openSources = useAppStore((s) => s.setDataSourcesOpen)
  return (
    <footer className="status-bar" aria-label="Data status">
      <span
        className="status-item status-sources"
        data-testid="data-summary"
        title={sourceSummary(info.sources)}
      >
        Data: {sourceSummary(info.sources)}
      </span>
      <span className="status-item">
        {countNoun(info.eventCount, 'event')} · {countNoun(info.stationCount, 'station')} ·{' '}
        {countNoun(info.portCount, 'port')}
      </span>
      <span className="status-item" data-testid="data-as-of">
        {info.dataAsOf
          ? `Data as of ${toIsoUtc(info.dataAsOf)} UTC`
          : 'Not yet synced with Launch Library 2'}
      </span>
      <button
        type="button"
        className="link-button status-item"
        aria-haspopup="dialog"
        onClick={() => openSources(true)}
      >
        Data sources…
      </button>
      <ImportButton className="link-button status-item" />
    </footer>
  )
}

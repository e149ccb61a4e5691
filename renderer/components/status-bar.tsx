import type { DataInfo } from '../../shared/domain/model'
import { toIsoUtc } from '../../shared/domain/units'

/** The footer line: where the data came from and how fresh it is. */
export function StatusBar({ info }: { readonly info: DataInfo }) {
  return (
    <footer className="status-bar" aria-label="Data status">
      <span data-testid="data-provenance">Data: {info.provenance}</span>
      <span>
        {info.eventCount} events · {info.stationCount} stations · {info.portCount} ports
      </span>
      <span data-testid="data-as-of">
        {info.dataAsOf
          ? `Data as of ${toIsoUtc(info.dataAsOf)} UTC`
          : 'Not yet synced with Launch Library 2'}
      </span>
    </footer>
  )
}

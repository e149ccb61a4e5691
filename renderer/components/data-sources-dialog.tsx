import { useEffect } from 'react'

import type { DataInfo } from '../../shared/domain/model'
import { sourceCountParts } from '../../shared/domain/source-counts'
import { formatInstant } from '../../shared/time/time-format'
import { ImportButton } from '../import/import-button'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { useModalDialog } from './use-modal-dialog'

/**
 * "Data sources": the credit, the cache's provenance in full, how fresh it
 * is, which server it came from and how many events each source gave.
 * What the status bar's one line leaves out.
 */
export function DataSourcesDialog({ info }: { readonly info: DataInfo }) {
  const appStore = useAppStoreApi()
  const { open, status } = useAppStore(
    useShallow((s) => ({ open: s.dataSourcesOpen, status: s.syncStatus })),
  )
  const ref = useModalDialog(open)
  useEffect(() => {
    // The server the data came from is the sync service's to say.
    if (open) void appStore.getState().loadSync()
  }, [open, appStore])
  const synced = status !== null && (status.lastFullSync ?? status.lastIncrementalSync) !== null
  const parts = sourceCountParts(info.sources)

  return (
    <dialog
      ref={ref}
      className="dialog data-sources-dialog"
      aria-labelledby="data-sources-title"
      onClose={() => appStore.getState().setDataSourcesOpen(false)}
    >
      <h2 id="data-sources-title">Data sources</h2>
      <p>
        Docking data: <strong>Launch Library 2 by The Space Devs</strong> (thespacedevs.com).
      </p>
      <dl className="facts">
        <dt>Data as of</dt>
        <dd data-testid="sources-as-of">
          {info.dataAsOf ? formatInstant(info.dataAsOf, 'utc', 'minute') : 'not yet synced'}
        </dd>
        <dt>Server</dt>
        <dd data-testid="sources-server">
          {synced ? status.baseUrl : 'none yet: the data has not been synced'}
        </dd>
        <dt>Events by source</dt>
        <dd>
          {parts.length === 0 ? (
            'none'
          ) : (
            <ul className="plain-list" data-testid="sources-counts">
              {parts.map((p) => (
                <li key={p.source}>{p.text}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h3>Provenance</h3>
      <p className="provenance-text" data-testid="data-provenance">
        {info.provenance}
      </p>
      <form method="dialog" className="dialog-actions">
        <ImportButton
          label="Import a file…"
          onOpen={() => appStore.getState().setDataSourcesOpen(false)}
        />
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  )
}

import { useEffect } from 'react'

import { MessageState } from './components/message-state'
import { StatusBar } from './components/status-bar'
import { Toolbar } from './components/toolbar'
import { DetailPanel } from './details/detail-panel'
import { ExportButton } from './export/export-button'
import { FilterPanel } from './filters/filter-panel'
import { subscribeToMain } from './ipc/subscriptions'
import { useAppStore, useAppStoreApi, useShallow } from './state/store'
import { SyncButton } from './sync/sync-button'
import { ChartArea } from './timeline/chart-area'

/** The whole window. */
export function App() {
  const { dataStatus, data, dataError, appInfo, timeZone } = useAppStore(
    useShallow((s) => ({
      dataStatus: s.dataStatus,
      data: s.data,
      dataError: s.dataError,
      appInfo: s.appInfo,
      timeZone: s.timeZone,
    })),
  )

  const appStore = useAppStoreApi()
  useEffect(() => {
    const off = subscribeToMain(appStore)
    void appStore.getState().loadData()
    void appStore.getState().loadPrefs()
    void appStore.getState().loadReference()
    return off
  }, [appStore])

  return (
    <div className="app">
      <header className="app-header">
        <h1>Docking Timeline</h1>
        <span className="utc-label" data-testid="zone-label">
          {timeZone === 'utc' ? 'Times in UTC' : 'Times in local time'}
        </span>
        <Toolbar />
        <SyncButton />
        <ExportButton />
      </header>
      {appInfo?.cacheRecovery && (
        <div className="banner" role="alert">
          The cache file could not be read ({appInfo.cacheRecovery.reason}). It was kept as{' '}
          <code>{appInfo.cacheRecovery.movedAside}</code> and a fresh cache was built from the
          bundled snapshot.
        </div>
      )}
      {appInfo?.snapshotProblem && (
        <div className="banner" role="alert">
          {appInfo.snapshotProblem} The app started with an empty cache: sync from Launch Library 2
          or import a file of docking events to fill it.
        </div>
      )}
      <div className="app-body">
        {/* With no readable cache there is nothing to filter: one error, not two. */}
        {dataStatus !== 'error' && <FilterPanel />}
        <main className="app-main">
          {dataStatus === 'loading' || dataStatus === 'idle' ? (
            <p className="loading" role="status">
              Loading the cache…
            </p>
          ) : dataStatus === 'error' ? (
            <MessageState tone="error" title="The cache cannot be read">
              <p>{dataError?.message}</p>
              <p>
                Check that the app's data folder is writable and has free space, then restart
                Docking Timeline. Nothing has been deleted.
              </p>
            </MessageState>
          ) : data && data.events.length === 0 ? (
            <MessageState tone="empty" title="No docking events yet">
              <p>The local cache is empty.</p>
              <p>
                Sync from Launch Library 2 (needs a network connection), or import a file of LL2
                docking events with <code>npm run cli -- import FILE</code>.
              </p>
            </MessageState>
          ) : (
            <ChartArea />
          )}
        </main>
        <DetailPanel />
      </div>
      {data && <StatusBar info={data.info} />}
    </div>
  )
}

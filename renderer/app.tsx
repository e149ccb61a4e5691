import { useEffect } from 'react'

import { DataSourcesDialog } from './components/data-sources-dialog'
import { MessageState } from './components/message-state'
import { StatusBar } from './components/status-bar'
import { Toolbar } from './components/toolbar'
import { ViewOptions } from './components/view-options'
import { DetailPanel } from './details/detail-panel'
import { ExportButton } from './export/export-button'
import { FilterPanel } from './filters/filter-panel'
import { ImportButton } from './import/import-button'
import { ImportDialog } from './import/import-dialog'
import { subscribeToMain } from './ipc/subscriptions'
import { CHART_REGION_ID } from './layout/use-layout-keys'
import { Workspace } from './layout/workspace'
import { useAppStore, useAppStoreApi, useShallow } from './state/store'
import { SyncButton } from './sync/sync-button'
import { useApplyTheme } from './theme/theme'
import { ChartArea } from './timeline/chart-area'
import { CursorPanel } from './timeline/panels/cursor-panel'

/** The whole window. */
export function App() {
  const { dataStatus, data, appInfo, timeZone, theme, hasSelection, hasCursor } = useAppStore(
    useShallow((s) => ({
      theme: s.theme,
      dataStatus: s.dataStatus,
      data: s.data,
      appInfo: s.appInfo,
      timeZone: s.timeZone,
      hasSelection: s.selectedEventId !== null,
      hasCursor: s.cursor !== null,
    })),
  )

  const appStore = useAppStoreApi()
  useApplyTheme(theme)
  useEffect(() => {
    const off = subscribeToMain(appStore)
    void appStore.getState().loadData()
    void appStore.getState().loadPrefs()
    void appStore.getState().loadReference()
    return off
  }, [appStore])

  return (
    <div className="app">
      <a className="skip-link" href={`#${CHART_REGION_ID}`}>
        Skip to the chart
      </a>
      {/* DOM order is screen order, so Tab follows the layout: the title's line, then the toolbar's. */}
      <header className="app-header">
        <h1>Docking Timeline</h1>
        <span className="utc-label" data-testid="zone-label">
          {timeZone === 'utc' ? 'Times in UTC' : 'Times in local time'}
        </span>
        <SyncButton />
        <ExportButton />
        <ViewOptions />
        <Toolbar />
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
      <Workspace
        // With no readable cache there is nothing to filter: one error, not two.
        filters={dataStatus !== 'error' ? <FilterPanel /> : null}
        main={<MainContent />}
        details={
          hasSelection || hasCursor ? (
            <div className="details-stack">
              {hasSelection && <DetailPanel />}
              <CursorPanel />
            </div>
          ) : null
        }
      />
      {data && <StatusBar info={data.info} />}
      {data && <DataSourcesDialog info={data.info} />}
      <ImportDialog />
    </div>
  )
}

/** What the middle of the window shows: the chart, or why there is none. */
function MainContent() {
  const { dataStatus, data, dataError } = useAppStore(
    useShallow((s) => ({ dataStatus: s.dataStatus, data: s.data, dataError: s.dataError })),
  )
  // A reload (after a sync or an import) keeps the chart and its view up until the new data lands.
  return dataStatus === 'idle' || (dataStatus === 'loading' && !data) ? (
    <p className="loading" role="status">
      Loading the cache…
    </p>
  ) : dataStatus === 'error' ? (
    <MessageState tone="error" title="The cache cannot be read">
      <p>{dataError?.message}</p>
      <p>
        Check that the app's data folder is writable and has free space, then restart Docking
        Timeline. Nothing has been deleted.
      </p>
    </MessageState>
  ) : data && data.events.length === 0 ? (
    <MessageState tone="empty" title="No docking events yet">
      <p>The local cache is empty.</p>
      <p>
        Sync from Launch Library 2 (needs a network connection), or import a file of LL2 docking
        events (<code>npm run cli -- import FILE</code> does the same from a terminal).
      </p>
      <ImportButton className="header-button" label="Import a file…" />
    </MessageState>
  ) : (
    <ChartArea />
  )
}

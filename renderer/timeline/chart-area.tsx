import '../styles/timeline.css'

import type { MainView } from '../../shared/prefs/prefs'
import { AnalysisView } from '../analysis/analysis-view'
import { EventTable } from '../table/event-table'
import { TableColumnsMenu } from '../table/table-columns-menu'
import { NoMatches } from '../filters/no-matches'
import { selectFilteredEvents } from '../state/filter-selectors'
import { useAppStore } from '../state/store'
import { HelpDialog } from './panels/help-dialog'
import { SelectionAnnouncer } from './panels/selection-announcer'
import { SummaryPanel, SummaryStrip } from './panels/summary-strip'
import { Navigator } from './navigator/navigator'
import { TimelineView } from './timeline-view'
import { useChartKeys } from './keys/use-chart-keys'

/** The views, in tab order. */
const VIEWS: ReadonlyArray<MainView> = ['chart', 'table', 'analysis']

/**
 * The main area: chart, table or analysis of the same rows, under one line
 * of view tabs and the legend-and-summaries strip.
 * The time cursor's list sits in the details panel (app.tsx), not in a column here.
 */
export function ChartArea() {
  const mainView = useAppStore((s) => s.mainView)
  const setMainView = useAppStore((s) => s.setMainView)
  const nothingMatches = useAppStore((s) => selectFilteredEvents(s).length === 0)
  useChartKeys()
  const tab = (view: MainView, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${view}`}
      aria-selected={mainView === view}
      aria-controls={`panel-${view}`}
      tabIndex={mainView === view ? 0 : -1}
      onClick={() => setMainView(view)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault()
          const at = VIEWS.indexOf(view) + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)
          const next = VIEWS[at % VIEWS.length]!
          setMainView(next)
          document.getElementById(`tab-${next}`)?.focus()
        }
      }}
    >
      {label}
    </button>
  )
  return (
    <div className="chart-area">
      <div className={mainView === 'table' ? 'chart-bar with-columns-menu' : 'chart-bar'}>
        <div role="tablist" aria-label="View" className="view-tabs">
          {tab('chart', 'Chart')}
          {tab('table', 'Table')}
          {tab('analysis', 'Analysis')}
        </div>
        <SummaryStrip />
        {mainView === 'table' && <TableColumnsMenu />}
      </div>
      <SummaryPanel />
      <div className="chart-body">
        {/* The chart stays mounted while the table shows, so its window and scroll survive. */}
        <div
          id="panel-chart"
          role="tabpanel"
          aria-labelledby="tab-chart"
          className="chart-panel"
          hidden={mainView !== 'chart'}
        >
          <TimelineView />
          {nothingMatches && (
            <div className="chart-no-matches">
              <NoMatches />
            </div>
          )}
          <Navigator />
        </div>
        {mainView === 'table' && (
          <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" className="table-panel">
            <EventTable />
          </div>
        )}
        {mainView === 'analysis' && (
          <div
            id="panel-analysis"
            role="tabpanel"
            aria-labelledby="tab-analysis"
            className="analysis-panel"
          >
            <AnalysisView />
          </div>
        )}
      </div>
      <SelectionAnnouncer />
      <HelpDialog />
    </div>
  )
}

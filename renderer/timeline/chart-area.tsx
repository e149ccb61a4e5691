import '../styles/timeline.css'

import { EventTable } from '../table/event-table'
import { useAppStore } from '../state/store'
import { HelpDialog } from './panels/help-dialog'
import { Legend } from './panels/legend'
import { OverlapList } from './panels/overlap-list'
import { SelectionAnnouncer } from './panels/selection-announcer'
import { TimelineView } from './timeline-view'
import { useChartKeys } from './keys/use-chart-keys'

/**
 * The main area: chart or table of the same rows, the legend and overlaps.
 * The time cursor's list sits in the details panel (app.tsx), not in a column here.
 */
export function ChartArea() {
  const mainView = useAppStore((s) => s.mainView)
  const setMainView = useAppStore((s) => s.setMainView)
  useChartKeys()
  const tab = (view: 'chart' | 'table', label: string) => (
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
          const next = view === 'chart' ? 'table' : 'chart'
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
      <div className="chart-bar">
        <div role="tablist" aria-label="View" className="view-tabs">
          {tab('chart', 'Chart')}
          {tab('table', 'Table')}
        </div>
        <Legend />
      </div>
      <OverlapList />
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
        </div>
        {mainView === 'table' && (
          <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" className="table-panel">
            <EventTable />
          </div>
        )}
      </div>
      <SelectionAnnouncer />
      <HelpDialog />
    </div>
  )
}

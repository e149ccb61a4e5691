import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react'

import { useAppStore, useShallow } from '../state/store'
import { fitPanels } from './panel-fit'
import { SidePanel } from './side-panel'
import { CHART_REGION_ID, useLayoutKeys } from './use-layout-keys'

/** Width of `el`, followed as the window resizes. */
function useWidth(el: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(() => window.innerWidth)
  useLayoutEffect(() => {
    const node = el.current
    if (!node) return
    setWidth(node.clientWidth)
    const ro = new ResizeObserver(() => setWidth(node.clientWidth))
    ro.observe(node)
    return () => ro.disconnect()
  }, [el])
  return width
}

/**
 * The window below the header: filters on the left, the chart (or table)
 * in the middle, details and the time cursor's list on the right. The side
 * panels fold and resize, and yield to the chart when the window is small
 * (panel-fit.ts).
 */
export function Workspace({
  filters,
  main,
  details,
}: {
  /** Null when there is nothing to filter. */
  readonly filters: ReactNode | null
  readonly main: ReactNode
  /** Null when nothing is selected and the cursor is off: the panel is gone. */
  readonly details: ReactNode | null
}) {
  const body = useRef<HTMLDivElement>(null)
  const width = useWidth(body)
  const s = useAppStore(
    useShallow((st) => ({
      filtersWidth: st.filtersWidth,
      detailsWidth: st.detailsWidth,
      filtersCollapsed: st.filtersCollapsed,
      detailsCollapsed: st.detailsCollapsed,
      priority: st.panelPriority,
      selectedEventId: st.selectedEventId,
    })),
  )
  const setCollapsed = useAppStore((st) => st.setPanelCollapsed)
  const fit = fitPanels(
    width,
    {
      filters: { width: s.filtersWidth, collapsed: s.filtersCollapsed, present: filters !== null },
      details: { width: s.detailsWidth, collapsed: s.detailsCollapsed, present: details !== null },
    },
    s.priority,
  )
  useLayoutKeys(fit)

  // A new selection opens the details: the user asked about that docking.
  useEffect(() => {
    if (s.selectedEventId !== null) setCollapsed('details', false)
  }, [s.selectedEventId, setCollapsed])

  return (
    <div
      className="app-body"
      ref={body}
      style={{ '--row-label-max': `${fit.labelMax}px` } as CSSProperties}
    >
      {filters !== null && (
        <SidePanel id="filters" title="Filters" side="left" fit={fit.filters}>
          {filters}
        </SidePanel>
      )}
      <main className="app-main" id={CHART_REGION_ID} tabIndex={-1} aria-label="Chart and table">
        {main}
      </main>
      {details !== null && (
        <SidePanel id="details" title="Details" side="right" fit={fit.details}>
          {details}
        </SidePanel>
      )}
    </div>
  )
}

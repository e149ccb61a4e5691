import type { ReactNode } from 'react'

import type { SidePanelId } from '../state/layout-slice'
import { useAppStore } from '../state/store'
import type { PanelFit } from './panel-fit'
import { ResizeHandle } from './resize-handle'
import { PANEL_KEYS } from './use-layout-keys'

/**
 * A side panel beside the chart: open at its fitted width with a resize
 * handle on its chart side, or folded to a rail with one button that
 * opens it again. The chart side is 'right' for the left panel.
 */
export function SidePanel({
  id,
  title,
  side,
  fit,
  children,
}: {
  readonly id: SidePanelId
  readonly title: string
  readonly side: 'left' | 'right'
  readonly fit: PanelFit
  readonly children: ReactNode
}) {
  const setCollapsed = useAppStore((s) => s.setPanelCollapsed)
  const setWidth = useAppStore((s) => s.setPanelWidth)
  const domId = `panel-${id}`
  const key = PANEL_KEYS[id]

  if (!fit.open) {
    return (
      <div className={`panel-rail rail-${side}`} data-testid={`${id}-rail`}>
        <button
          type="button"
          className="rail-button"
          aria-expanded={false}
          aria-controls={domId}
          title={
            fit.squeezedShut
              ? `Show ${title.toLowerCase()} (${key}); the window has room for one side panel, so the other folds`
              : `Show ${title.toLowerCase()} (${key})`
          }
          onClick={() => setCollapsed(id, false)}
        >
          <span aria-hidden="true">{side === 'left' ? '»' : '«'}</span>
          <span className="rail-label">{title}</span>
        </button>
      </div>
    )
  }

  const handle = (
    <ResizeHandle
      label={`Resize ${title.toLowerCase()}`}
      controls={domId}
      width={fit.width}
      edge={side === 'left' ? 'right' : 'left'}
      onResize={(w) => setWidth(id, w)}
    />
  )
  return (
    <>
      {side === 'right' && handle}
      <section
        id={domId}
        className={`side-panel side-${side}`}
        style={{ width: fit.width }}
        aria-label={title}
        data-testid={`${id}-side-panel`}
      >
        <div className="side-panel-head">
          <h2 className="side-panel-title">{title}</h2>
          <button
            type="button"
            className="icon-button panel-fold"
            aria-expanded={true}
            aria-controls={domId}
            aria-label={`Hide ${title.toLowerCase()}`}
            title={`Hide ${title.toLowerCase()} (${key})`}
            onClick={() => setCollapsed(id, true)}
          >
            {side === 'left' ? '«' : '»'}
          </button>
        </div>
        <div className="side-panel-body">{children}</div>
      </section>
      {side === 'left' && handle}
    </>
  )
}

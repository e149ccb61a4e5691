import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

import { PANEL_WIDTH_LIMITS } from '../../shared/prefs/prefs'

/** px one arrow press moves a handle; Shift moves it further. */
const KEY_STEP = 16
const KEY_STEP_LARGE = 64

/**
 * The drag handle between a side panel and the chart: a focusable
 * separator that pointer drags and the arrow keys (Home/End: narrowest and
 * widest) resize, as the WAI-ARIA window splitter pattern has it.
 */
export function ResizeHandle({
  label,
  controls,
  width,
  edge,
  onResize,
  min = PANEL_WIDTH_LIMITS.min,
  max = PANEL_WIDTH_LIMITS.max,
  className = '',
}: {
  readonly label: string
  /** Id of the panel it resizes. */
  readonly controls: string
  readonly width: number
  /** Which side of the panel the handle is on: dragging away from the panel widens it. */
  readonly edge: 'left' | 'right'
  readonly onResize: (width: number) => void
  /** Narrowest and widest, px (default: a side panel's limits). */
  readonly min?: number
  readonly max?: number
  readonly className?: string
}) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null)
  const sign = edge === 'right' ? 1 : -1

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { startX: e.clientX, startWidth: width }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (d) onResize(Math.min(max, Math.max(min, d.startWidth + sign * (e.clientX - d.startX))))
  }
  const endDrag = () => {
    drag.current = null
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP
    const next: Record<string, number> = {
      ArrowLeft: width - sign * step,
      ArrowRight: width + sign * step,
      Home: min,
      End: max,
    }
    const w = next[e.key]
    if (w === undefined) return
    e.preventDefault()
    // The chart's arrow keys pan; here they belong to the handle.
    e.stopPropagation()
    onResize(Math.min(max, Math.max(min, w)))
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(width)}
      tabIndex={0}
      className={`resize-handle resize-${edge} ${className}`.trim()}
      title={`${label}: drag, or focus and use the arrow keys`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
    />
  )
}

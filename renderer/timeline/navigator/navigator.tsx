import '../../styles/navigator.css'

import { useDeferredValue, useEffect, useMemo, useRef } from 'react'

import { countUpTo, endAtNow, unknownEndsAt } from '../../../shared/analysis/effective-end'
import { firstPeak, occupancySeries } from '../../../shared/analysis/occupancy-series'
import { dataExtent } from '../../../shared/chart/timeline-rows'
import { fitWindow } from '../../../shared/chart/window'
import { selectFilteredEvents } from '../../state/filter-selectors'
import { selectEndFacts } from '../../state/quality-selectors'
import { useAppStore, useAppStoreApi } from '../../state/store'
import { measureNavigator } from '../perf-marks'
import { NavigatorStrip } from './navigator-strip'

const MOVE_HINT = 'Drag, or use ← → (Shift: bigger steps), Home and End, to move the window'
const EDGE_HINT = 'Drag, or use ← → (Shift: bigger steps), to move this end of the window'

/**
 * The navigator under the timeline (#14): vehicles docked over the whole
 * range of the filtered dockings, and the chart's window as a brush to drag,
 * resize or move with the keys. It follows the chart's window and moves the
 * chart through the store's window requests.
 */
export function Navigator() {
  const appStore = useAppStoreApi()
  // Deferred as the filter lists' counts are: a keystroke paints the chart's
  // bars first, and the overview's occupancy catches up in a render React may
  // put off.
  const events = useDeferredValue(useAppStore(selectFilteredEvents))
  const now = useAppStore((s) => s.now)
  // Of all the data: a stay ends by its port's next docking even when a filter hides it.
  const facts = useAppStore(selectEndFacts)
  const theme = useAppStore((s) => s.theme)
  const timeZone = useAppStore((s) => s.timeZone)
  const host = useRef<HTMLDivElement>(null)
  const strip = useRef<NavigatorStrip | null>(null)

  const series = useMemo(() => {
    if (events.length === 0) return null
    // The bars' end rule (`effectiveEnd`).
    const endOf = endAtNow(now, facts)
    return measureNavigator(() => occupancySeries(events, { endOf }))
  }, [events, now, facts])
  const extent = useMemo(
    () => measureNavigator(() => dataExtent(events, now, facts)),
    [events, now, facts],
  )
  // "up to" when a stay with an unknown departure is counted at the peak:
  // it counts to the latest it can have ended.
  const peak = useMemo(() => {
    if (!series) return ''
    const { count, start } = firstPeak(series)
    if (count === 0 || start === null) return ''
    return countUpTo(count, unknownEndsAt(events, start, facts, now))
  }, [series, events, facts, now])

  useEffect(() => {
    const el = host.current
    if (!el) return
    const s = new NavigatorStrip(el, (w) => appStore.getState().requestWindow(w))
    strip.current = s
    s.setWindow(appStore.getState().visibleWindow)
    // Every frame of a zoom or pan: only the brush moves, outside React.
    const stop = appStore.subscribe((state, prev) => {
      if (state.visibleWindow !== prev.visibleWindow) s.setWindow(state.visibleWindow)
    })
    return () => {
      stop()
      s.destroy()
      strip.current = null
    }
  }, [])

  useEffect(() => {
    strip.current?.setData(series, extent ? fitWindow(extent) : null)
  }, [series, extent])
  useEffect(() => strip.current?.setZone(timeZone), [timeZone])
  useEffect(() => {
    // After the app has put the theme on the page.
    const f = requestAnimationFrame(() => strip.current?.redraw())
    return () => cancelAnimationFrame(f)
  }, [theme])

  return (
    <div
      ref={host}
      className="navigator"
      data-testid="navigator"
      role="group"
      aria-label="Navigator: vehicles docked over the whole range, with the chart's window"
      hidden={events.length === 0}
    >
      <span className="navigator-caption" aria-hidden="true">
        Vehicles docked, all shown stations{peak ? ` · peak ${peak}` : ''}
      </span>
      <canvas className="navigator-canvas" aria-hidden="true" />
      <div
        className="navigator-brush"
        data-part="body"
        role="slider"
        tabIndex={0}
        title={MOVE_HINT}
        hidden
      />
      <div
        className="navigator-handle"
        data-part="start"
        role="slider"
        tabIndex={0}
        title={EDGE_HINT}
        hidden
      />
      <div
        className="navigator-handle"
        data-part="end"
        role="slider"
        tabIndex={0}
        title={EDGE_HINT}
        hidden
      />
    </div>
  )
}

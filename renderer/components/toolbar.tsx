import { presetWindow, windowWords, zoomWindow, type WindowPreset } from '../../shared/chart/window'
import { selectFitWindow } from '../state/fit-selectors'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { ZOOM_STEP, zoomToSelection } from '../timeline/keys/shortcuts'
import { GoToDate } from './go-to-date'
import { MoreOptions } from './more-options'

const PRESETS: ReadonlyArray<{ readonly id: WindowPreset; readonly label: string }> = [
  { id: '1m', label: '1 month' },
  { id: '1y', label: '1 year' },
  { id: '10y', label: '10 years' },
  { id: 'all', label: 'All' },
]

/**
 * Chart navigation on one line (at 1024 px too): back and forward, zoom,
 * presets, jump to a date, the time cursor, and "More…" for the row options
 * and time zone.
 */
export function Toolbar() {
  const s = useAppStore(
    useShallow((st) => ({
      cursor: st.cursor,
      hasSelection: st.selectedEventId !== null,
      hasWindow: st.visibleWindow !== null,
      backTo: st.viewHistory.back.at(-1)?.window ?? null,
      forwardTo: st.viewHistory.forward.at(-1)?.window ?? null,
    })),
  )
  const store = useAppStoreApi().getState

  const zoom = (factor: number) => {
    const w = store().visibleWindow
    if (w) store().requestWindow(zoomWindow(w, factor))
  }
  const preset = (p: WindowPreset) => {
    const st = store()
    const w = st.visibleWindow
    if (!w) return
    const fit = selectFitWindow(st)
    store().jumpTo(presetWindow(p, w, fit), undefined, p === 'all' && fit ? 'fit' : 'other')
  }
  return (
    <div className="toolbar" role="toolbar" aria-label="Chart navigation">
      <div className="tool-group" role="group" aria-label="History">
        <button
          type="button"
          onClick={() => store().goBack()}
          disabled={!s.backTo || !s.hasWindow}
          aria-label="Back"
          title={
            s.backTo
              ? `Back to ${windowWords(s.backTo)} (Alt+←)`
              : 'Back to where the chart jumped from (Alt+←)'
          }
        >
          ←
        </button>
        <button
          type="button"
          onClick={() => store().goForward()}
          disabled={!s.forwardTo || !s.hasWindow}
          aria-label="Forward"
          title={
            s.forwardTo ? `Forward to ${windowWords(s.forwardTo)} (Alt+→)` : 'Forward again (Alt+→)'
          }
        >
          →
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="Zoom">
        <button
          type="button"
          onClick={() => zoom(ZOOM_STEP)}
          disabled={!s.hasWindow}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => zoom(1 / ZOOM_STEP)}
          disabled={!s.hasWindow}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </button>
        <button
          type="button"
          title="Fit all the data (F)"
          onClick={() => {
            const w = selectFitWindow(store())
            if (w) store().jumpTo(w, undefined, 'fit')
          }}
        >
          Fit all
        </button>
        <button
          type="button"
          title="Zoom to the selected docking (Z)"
          disabled={!s.hasSelection}
          onClick={() => zoomToSelection(store())}
        >
          Zoom to selection
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="Show a range">
        {PRESETS.map((p) => (
          <button key={p.id} type="button" disabled={!s.hasWindow} onClick={() => preset(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <GoToDate />
      <div className="tool-group" role="group" aria-label="Chart options">
        <button
          type="button"
          aria-pressed={s.cursor !== null}
          title="Show what was docked where at one instant (C)"
          onClick={() => {
            const st = store()
            const w = st.visibleWindow
            st.setCursor(st.cursor !== null || !w ? null : (w.start + w.end) / 2)
          }}
        >
          Time cursor
        </button>
      </div>
      <MoreOptions />
    </div>
  )
}

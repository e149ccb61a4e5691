import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { PopoverButton } from './popover-button'

/**
 * The toolbar's "More…" popover: row options and the time zone, set once and
 * remembered, so they need not take room on the toolbar's one line.
 */
export function MoreOptions() {
  return (
    <PopoverButton
      label="More…"
      title="Row options and time zone"
      panelLabel="More chart options"
      className="tool-group more-options"
    >
      <MoreOptionControls />
    </PopoverButton>
  )
}

/** The row options: each a store flag, its setter, its words and why one would tick it. */
const ROW_OPTIONS = [
  { flag: 'hideEmptyPorts', set: 'setHideEmptyPorts', label: 'Hide empty ports', title: undefined },
  {
    flag: 'showReference',
    set: 'setShowReference',
    label: 'Compare with reference',
    title: "A thin line per reference record (NASA RP-1357 compilations) under its port's bars",
  },
  {
    flag: 'hideRowsOutOfView',
    set: 'setHideRowsOutOfView',
    label: 'Hide rows with nothing in view',
    title: 'Rows come back as you pan or zoom to their dockings',
  },
] as const

/** What the popover holds. */
function MoreOptionControls() {
  const s = useAppStore(
    useShallow((st) => ({
      timeZone: st.timeZone,
      hideEmptyPorts: st.hideEmptyPorts,
      showReference: st.showReference,
      hideRowsOutOfView: st.hideRowsOutOfView,
    })),
  )
  const store = useAppStoreApi().getState
  return (
    <>
      {ROW_OPTIONS.map((o) => (
        <label key={o.flag} className="check" title={o.title}>
          <input
            type="checkbox"
            checked={s[o.flag]}
            onChange={(e) => store()[o.set](e.target.checked)}
          />
          {o.label}
        </label>
      ))}
      <div className="more-zone" role="radiogroup" aria-label="Time zone">
        <span className="tool-label">Times in</span>
        {(['utc', 'local'] as const).map((z) => (
          <label key={z} className="check">
            <input
              type="radio"
              name="time-zone"
              value={z}
              checked={s.timeZone === z}
              onChange={() => store().setTimeZone(z)}
            />
            {z === 'utc' ? 'UTC' : 'Local'}
          </label>
        ))}
      </div>
    </>
  )
}

import { useEffect, useId, useRef, useState } from 'react'

import { useAppStore, useAppStoreApi, useShallow } from '../state/store'

/**
 * The toolbar's "More…" popover: row options and the time zone, set once and
 * remembered, so they need not take room on the toolbar's one line. It opens
 * on its button, takes focus to its first control, and closes on Escape
 * (focus back to the button), on a click outside, or when focus leaves it.
 */
export function MoreOptions() {
  const [open, setOpen] = useState(false)
  const wrap = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    wrap.current?.querySelector<HTMLElement>('[data-popover] input')?.focus()
    const onPointer = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  return (
    <div
      className="tool-group more-options"
      ref={wrap}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return
        // Handled here: the chart's Escape (close the details) must not fire too.
        e.preventDefault()
        e.stopPropagation()
        setOpen(false)
        button.current?.focus()
      }}
      onBlur={(e) => {
        if (open && !wrap.current?.contains(e.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={panelId}
        title="Row options and time zone"
        onClick={() => setOpen(!open)}
      >
        More… <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="more-popover"
          role="group"
          aria-label="More chart options"
          data-popover
        >
          <MoreOptionControls />
        </div>
      )}
    </div>
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

import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/**
 * A button that opens a small panel of controls under it (the toolbar's
 * "More…", the table's "Columns"). The panel takes focus to its first
 * control, and closes on Escape (focus back to the button), on a click
 * outside, or when focus leaves it.
 */
export function PopoverButton({
  label,
  title,
  panelLabel,
  className,
  children,
}: {
  /** The button's words; a ▾ follows them. */
  readonly label: string
  readonly title: string
  /** The open panel's accessible name. */
  readonly panelLabel: string
  readonly className: string
  readonly children: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const wrap = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    wrap.current?.querySelector<HTMLElement>('[data-popover] input:not(:disabled)')?.focus()
    const onPointer = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  return (
    <div
      className={`popover-anchor ${className}`}
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
        title={title}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="popover" role="group" aria-label={panelLabel} data-popover>
          {children}
        </div>
      )}
    </div>
  )
}

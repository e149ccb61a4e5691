import { useEffect, useRef, type RefObject } from 'react'

/**
 * A `<dialog>` shown modally while `open` holds (the store's flag), so the
 * browser traps focus and Escape closes it; the dialog's `onClose` puts the
 * flag back.
 */
export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return ref
}

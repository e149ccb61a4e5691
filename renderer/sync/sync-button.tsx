import { useState } from 'react'

import { useAppStore } from '../state/store'
import { SyncDialog } from './sync-dialog'

/** The Sync action in the header; shows progress while a sync runs. */
export function SyncButton() {
  const [open, setOpen] = useState(false)
  const status = useAppStore((s) => s.syncStatus)
  const label =
    status?.state === 'running'
      ? `Syncing ${status.pagesDone}${status.pagesTotal ? `/${status.pagesTotal}` : ''}…`
      : status?.state === 'waiting'
        ? 'Sync waiting for rate limit…'
        : 'Sync…'
  return (
    <>
      <button
        type="button"
        className="header-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        {label}
      </button>
      {open && <SyncDialog onClose={() => setOpen(false)} />}
    </>
  )
}

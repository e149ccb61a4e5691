import { useState } from 'react'

import { useAppStore } from '../state/store'
import { ExportDialog } from './export-dialog'

/** The Export… action in the header (issue #6): opens the export dialog. */
export function ExportButton() {
  const [open, setOpen] = useState(false)
  const hasData = useAppStore((s) => (s.data?.events.length ?? 0) > 0)
  return (
    <>
      <button
        type="button"
        className="header-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        disabled={!hasData}
        title={
          hasData
            ? 'Save the chart as SVG, PNG or PDF, or the rows as CSV or JSON'
            : 'No data to export yet'
        }
      >
        Export…
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  )
}

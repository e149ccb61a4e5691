import { useState } from 'react'

import { utcMillis, type UtcMillis } from '../../shared/domain/units'
import { CSV_SIDECAR_WORDS } from '../../shared/export/csv-metadata'
import { useAppStoreApi } from '../state/store'
import { ActionStatus, type ActionOutcome } from './action-status'

/** A CSV to save: its suggested name, its text and sidecar, and what it holds in words ("13 conflicts"). */
export interface CsvToSave {
  readonly name: string
  readonly content: string
  readonly metadata: string
  readonly holds: string
}

/**
 * A panel's "Export as CSV…": saves what `make` builds, stamped with the
 * moment of saving, through the native dialog, with its sidecar beside it,
 * and says how that went.
 */
export function SaveCsvButton({
  label,
  make,
}: {
  readonly label: string
  readonly make: (exportedAt: UtcMillis) => CsvToSave
}) {
  const appStore = useAppStoreApi()
  const [said, setSaid] = useState<ActionOutcome | null>(null)
  const save = async () => {
    // Whole seconds: the stamp is written as ISO 8601 without fractions.
    const csv = make(utcMillis(Math.floor(appStore.clock.now() / 1000) * 1000))
    const r = await appStore.api.saveFile({
      format: 'csv',
      suggestedName: csv.name,
      content: csv.content,
      encoding: 'utf8',
      csvMetadata: csv.metadata,
    })
    setSaid(
      !r.ok
        ? { ok: false, text: `Not saved: ${r.error.message}` }
        : r.value.saved
          ? { ok: true, text: `Saved ${csv.holds} to ${r.value.path}, ${CSV_SIDECAR_WORDS}` }
          : null,
    )
  }
  return (
    <div className="csv-actions">
      <button type="button" className="header-button" onClick={() => void save()}>
        {label}
      </button>{' '}
      <ActionStatus outcome={said} />
    </div>
  )
}

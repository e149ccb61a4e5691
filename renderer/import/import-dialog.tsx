import '../styles/import.css'

import { useId, useState, type FormEvent } from 'react'

import { formatBytes } from '../../shared/format/byte-size'
import { MAX_IMPORT_BYTES } from '../../shared/ll2/import-input'
import {
  describeApiVersions,
  describeImport,
  UNPLACED_WORDS,
  type ImportReport,
} from '../../shared/ll2/import-report'
import { useModalDialog } from '../components/use-modal-dialog'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { countNoun } from '../../shared/format/count-noun'

/**
 * "Import docking events": the user picks a JSON file, the renderer reads it
 * (no path crosses to main), main imports it, and the dialog says what changed.
 */
export function ImportDialog() {
  const appStore = useAppStoreApi()
  const { open, status } = useAppStore(
    useShallow((s) => ({ open: s.importOpen, status: s.importStatus })),
  )
  const ref = useModalDialog(open)
  const [file, setFile] = useState<File | null>(null)
  const ids = { file: useId(), hint: useId() }
  const running = status.state === 'reading' || status.state === 'importing'
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (file) void appStore.getState().importFile(file)
  }

  return (
    <dialog
      ref={ref}
      className="dialog import-dialog"
      aria-labelledby="import-title"
      onClose={() => appStore.getState().setImportOpen(false)}
    >
      <h2 id="import-title">Import docking events</h2>
      <p id={ids.hint} className="field-hint">
        A JSON file of Launch Library 2 docking events (LL2 2.1.0, 2.2.0 or 2.3.0): a list response
        (<code>{'{count, next, results}'}</code>) or a plain list of records, normal or detailed, up
        to {formatBytes(MAX_IMPORT_BYTES)}. LL2 ids are stable: a stored record is updated in place,
        new ones are added, and nothing is removed.
      </p>
      <form className="import-field" onSubmit={submit}>
        <label htmlFor={ids.file}>File to import</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          disabled={running}
          aria-describedby={ids.hint}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="primary" disabled={!file || running}>
          Import
        </button>
      </form>
      {running && (
        <div className="import-progress">
          <progress aria-label="Import progress" />
          <p role="status" data-testid="import-status">
            {status.state === 'reading' ? 'Reading' : 'Importing'} {status.fileName}…
          </p>
        </div>
      )}
      {status.state === 'done' && <ImportResult report={status.report} />}
      {status.state === 'error' && (
        <p className="error-text" role="alert" data-testid="import-error">
          Import failed. {status.message}.
        </p>
      )}
      <form method="dialog" className="dialog-actions">
        <button type="submit">Close</button>
      </form>
    </dialog>
  )
}

/** What an import did, in words, then the figures behind them. */
function ImportResult({ report }: { readonly report: ImportReport }) {
  return (
    <section className="import-result" aria-label="Import result">
      <p role="status" data-testid="import-summary" className="import-summary">
        {describeImport(report)}
      </p>
      <dl className="facts">
        <dt>Records in the file</dt>
        <dd>
          {report.records} ({describeApiVersions(report.apiVersions)})
        </dd>
        <dt>Placed at</dt>
        <dd>
          {countNoun(report.stations, 'station')}, {countNoun(report.ports, 'port')}
        </dd>
      </dl>
      {report.unplaced.length > 0 && (
        <>
          <h3>Not placed, so not stored</h3>
          <ul className="import-unplaced" data-testid="import-unplaced">
            {report.unplaced.map((g) => (
              <li key={g.reason}>
                {g.count} {UNPLACED_WORDS[g.reason]}, for example{' '}
                {g.examples.map((x) => `LL2 ${x.id} (${x.detail})`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

import '../styles/export.css'

import { useEffect, useId, useMemo, useRef, useState } from 'react'

import type { ThemeName } from '../../shared/chart/style'
import { windowWords } from '../../shared/chart/window'
import { filteredEvents, filtersTextOf, type ExportContext } from '../../shared/export/export-job'
import { NO_FILTERS_TEXT } from '../../shared/query/describe'
import {
  MAX_EXPORT_WIDTH,
  MIN_EXPORT_WIDTH,
  PAPER_SIZES,
  type PaperSize,
} from '../../shared/export/svg-export'
import type { ExportFormat } from '../../shared/ipc/contract'
import { utcMillis } from '../../shared/domain/units'
import { selectChartRows } from '../state/selectors'
import { selectReferenceComparison } from '../state/reference-selectors'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { resolvedTheme } from '../theme/theme'
import { runExport, type ExportOutcome, type ExportStep } from './run-export'
import { countNoun } from '../../shared/format/count-noun'

const FORMATS: ReadonlyArray<{ value: ExportFormat; label: string; hint: string }> = [
  { value: 'svg', label: 'SVG', hint: 'vector figure, text stays text' },
  { value: 'png', label: 'PNG', hint: 'image at 1× to 4×' },
  { value: 'pdf', label: 'PDF', hint: 'one landscape page, vector text' },
  { value: 'csv', label: 'CSV', hint: 'the filtered rows, for spreadsheets' },
  { value: 'json', label: 'JSON', hint: 'the filtered rows, for scripts' },
]

const STEP_TEXT: Readonly<Record<ExportStep, string>> = {
  rendering: 'Drawing the figure…',
  rasterising: 'Rasterising the PNG…',
  printing: 'Printing the PDF…',
  saving: 'Waiting for the save dialog…',
}

/** The Export dialog: format, range, size, theme and title, then the native save dialog. */
export function ExportDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const ids = { width: useId(), scale: useId(), paper: useId(), title: useId(), status: useId() }
  const { data, filters, appInfo, themeChoice, visibleWindow } = useAppStore(
    useShallow((s) => ({
      data: s.data,
      filters: s.filters,
      appInfo: s.appInfo,
      themeChoice: s.theme,
      visibleWindow: s.visibleWindow,
    })),
  )
  const rows = useAppStore(selectChartRows)
  const comparison = useAppStore(selectReferenceComparison)
  const showReference = useAppStore((s) => s.showReference)
  const countBy = useAppStore((s) => s.countBy)
  const appStore = useAppStoreApi()
  const [format, setFormat] = useState<ExportFormat>('svg')
  const [range, setRange] = useState<'visible' | 'all'>('all')
  const [width, setWidth] = useState('1600')
  const [scale, setScale] = useState(2)
  const [paper, setPaper] = useState<PaperSize>('A4')
  const [theme, setTheme] = useState<'light' | 'current'>('light')
  const [title, setTitle] = useState('')
  const [step, setStep] = useState<ExportStep | null>(null)
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const currentTheme: ThemeName = resolvedTheme(themeChoice)
  const isImage = format === 'svg' || format === 'png' || format === 'pdf'
  const widthNumber = Number(width)
  const widthProblem =
    isImage && format !== 'pdf'
      ? !Number.isInteger(widthNumber) ||
        widthNumber < MIN_EXPORT_WIDTH ||
        widthNumber > MAX_EXPORT_WIDTH
        ? `A whole number of pixels from ${MIN_EXPORT_WIDTH} to ${MAX_EXPORT_WIDTH}.`
        : null
      : null
  const busy = step !== null

  // The context at the time the dialog shows; the clock is read again at export.
  const summary = useMemo(() => {
    if (!data) return null
    const ctx: ExportContext = {
      data,
      query: filters,
      appVersion: appInfo?.version ?? 'unknown',
      now: appStore.clock.now(),
      reference: comparison ?? undefined,
    }
    return { count: filteredEvents(ctx).length, filtersText: filtersTextOf(ctx) }
  }, [data, filters, appInfo, comparison])

  const start = async () => {
    if (!data || widthProblem) return
    setOutcome(null)
    const result = await runExport(
      appStore.api,
      {
        format,
        range,
        width: widthNumber,
        scale,
        paper,
        theme: theme === 'light' ? 'light' : currentTheme,
        title,
      },
      {
        ctx: {
          data,
          query: filters,
          appVersion: appInfo?.version ?? 'unknown',
          // Whole seconds: the export time is printed in footers and headers.
          now: utcMillis(Math.floor(appStore.clock.now() / 1000) * 1000),
          reference: comparison ?? undefined,
          countBy,
        },
        rows,
        visibleWindow,
        showReference,
      },
      setStep,
    )
    setStep(null)
    setOutcome(result)
  }

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      aria-describedby="export-summary"
      onClose={onClose}
      onCancel={(e) => {
        // Escape must not close the dialog under a running export; its result would be lost.
        if (busy) e.preventDefault()
      }}
    >
      <h2 id="export-title">Export</h2>
      <p id="export-summary" className="export-summary">
        {summary
          ? summary.filtersText === NO_FILTERS_TEXT
            ? `All ${countNoun(summary.count, 'docking event')} (no filters).`
            : `${countNoun(summary.count, 'docking event')} ${summary.count === 1 ? 'matches' : 'match'} the current filters (${summary.filtersText}).`
          : 'No data is loaded.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
      >
        <fieldset disabled={busy}>
          <legend>Format</legend>
          <div className="export-options">
            {FORMATS.map((f) => (
              <label key={f.value} className="export-option">
                <input
                  type="radio"
                  name="export-format"
                  value={f.value}
                  checked={format === f.value}
                  onChange={() => setFormat(f.value)}
                />
                <span>
                  <strong>{f.label}</strong> <span className="muted">{f.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {isImage ? (
          <>
            <fieldset disabled={busy}>
              <legend>Range</legend>
              <label className="export-option">
                <input
                  type="radio"
                  name="export-range"
                  checked={range === 'all'}
                  onChange={() => setRange('all')}
                />
                Whole filtered range
              </label>
              <label className="export-option">
                <input
                  type="radio"
                  name="export-range"
                  checked={range === 'visible'}
                  disabled={!visibleWindow}
                  onChange={() => setRange('visible')}
                />
                Visible window
                {visibleWindow ? ` (${windowWords(visibleWindow)})` : ' (the chart is not shown)'}
              </label>
            </fieldset>

            <fieldset disabled={busy}>
              <legend>Size</legend>
              {format === 'pdf' ? (
                <div className="field">
                  <label htmlFor={ids.paper}>Paper (landscape)</label>
                  <select
                    id={ids.paper}
                    value={paper}
                    onChange={(e) => setPaper(e.target.value as PaperSize)}
                  >
                    {PAPER_SIZES.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <div className="field">
                  <label htmlFor={ids.width}>Width in pixels (height follows the rows)</label>
                  <input
                    id={ids.width}
                    type="number"
                    inputMode="numeric"
                    min={MIN_EXPORT_WIDTH}
                    max={MAX_EXPORT_WIDTH}
                    step={1}
                    value={width}
                    aria-invalid={widthProblem !== null}
                    aria-describedby={widthProblem ? `${ids.width}-error` : undefined}
                    onChange={(e) => setWidth(e.target.value)}
                  />
                  {widthProblem && (
                    <p id={`${ids.width}-error`} className="field-error">
                      {widthProblem}
                    </p>
                  )}
                </div>
              )}
              {format === 'png' && (
                <div className="field">
                  <label htmlFor={ids.scale}>Scale</label>
                  <select
                    id={ids.scale}
                    value={scale}
                    onChange={(e) => setScale(Number(e.target.value))}
                  >
                    {[1, 2, 3, 4].map((s) => (
                      <option key={s} value={s}>
                        {s}×{Number.isFinite(widthNumber) ? ` (${widthNumber * s} px wide)` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </fieldset>

            <fieldset disabled={busy}>
              <legend>Theme</legend>
              <label className="export-option">
                <input
                  type="radio"
                  name="export-theme"
                  checked={theme === 'light'}
                  onChange={() => setTheme('light')}
                />
                Light, for print
              </label>
              <label className="export-option">
                <input
                  type="radio"
                  name="export-theme"
                  checked={theme === 'current'}
                  onChange={() => setTheme('current')}
                />
                Current ({currentTheme})
              </label>
            </fieldset>

            <div className="field">
              <label htmlFor={ids.title}>Title (optional)</label>
              <input
                id={ids.title}
                type="text"
                maxLength={200}
                value={title}
                disabled={busy}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
          </>
        ) : (
          <p className="muted">
            Every filtered docking event, one row each: LL2 id, station, port, vehicle,
            configuration, agency, role, docking and departure (UTC, ISO 8601), stay in days, still
            docked, source and LL2 address. The header records the filters, the data’s date and the
            app version.
          </p>
        )}

        <div id={ids.status} className="export-status" role="status" aria-live="polite">
          {step && (
            <>
              <span className="spinner" aria-hidden="true" /> {STEP_TEXT[step]}
            </>
          )}
          {!step && outcome?.kind === 'saved' && (
            <>
              Saved {outcome.detail} to <code>{outcome.path}</code>
            </>
          )}
          {!step && outcome?.kind === 'cancelled' && 'Not saved: the save dialog was cancelled.'}
        </div>
        {!step && outcome?.kind === 'failed' && (
          <p className="export-error" role="alert">
            {outcome.message}
          </p>
        )}

        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()} disabled={busy}>
            Close
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || !data || widthProblem !== null}
          >
            Export {FORMATS.find((f) => f.value === format)?.label}…
          </button>
        </div>
      </form>
    </dialog>
  )
}

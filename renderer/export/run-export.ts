import type { ChartRow } from '../../shared/chart/chart-model'
import type { ThemeName } from '../../shared/chart/style'
import type { TimeWindow } from '../../shared/chart/window'
import {
  prepareChartExport,
  prepareDataExport,
  suggestedFileName,
  type ExportContext,
  type RangeChoice,
} from '../../shared/export/export-job'
import { CSV_SIDECAR_WORDS } from '../../shared/export/csv-metadata'
import type { PaperSize } from '../../shared/export/svg-export'
import type { AppApi, AppError, ExportFormat, Result, SaveResult } from '../../shared/ipc/contract'
import { rasteriseSvg } from './rasterise'
import { countNoun } from '../../shared/format/count-noun'

/** Everything the dialog lets the user choose. */
export interface ExportChoice {
  readonly format: ExportFormat
  readonly range: 'visible' | 'all'
  readonly width: number
  /** PNG scale, 1 to 4. */
  readonly scale: number
  readonly paper: PaperSize
  readonly theme: ThemeName
  readonly title: string
}

/** What the app shows now, as the export sees it. */
export interface ExportView {
  readonly ctx: ExportContext
  readonly rows: ReadonlyArray<ChartRow>
  readonly visibleWindow: TimeWindow | null
  /** The "Compare with reference" layer is on: the figure draws it too. */
  readonly showReference: boolean
}

/** The steps the dialog reports while an export runs. */
export type ExportStep = 'rendering' | 'rasterising' | 'printing' | 'saving'

/** How an export ended. */
export type ExportOutcome =
  | { readonly kind: 'saved'; readonly path: string; readonly detail: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string }

const failed = (message: string): ExportOutcome => ({ kind: 'failed', message })

function outcomeOf(result: Result<SaveResult>, detail: string): ExportOutcome {
  if (!result.ok) return failed(messageOf(result.error))
  return result.value.saved
    ? { kind: 'saved', path: result.value.path, detail }
    : { kind: 'cancelled' }
}

function messageOf(error: AppError): string {
  switch (error.code) {
    case 'io-error':
      return `The file could not be written: ${error.message}`
    case 'invalid-argument':
      return `The export was refused: ${error.message}`
    default:
      return error.message
  }
}

/**
 * Makes the file the user asked for and hands it to main's save dialog.
 *
 * Never throws: every failure comes back as a `failed` outcome in plain words.
 */
export async function runExport(
  api: AppApi,
  choice: ExportChoice,
  view: ExportView,
  onStep: (step: ExportStep) => void,
): Promise<ExportOutcome> {
  try {
    const { ctx } = view
    if (choice.format === 'csv' || choice.format === 'json') {
      onStep('rendering')
      const data = prepareDataExport(ctx, choice.format)
      onStep('saving')
      const result = await api.saveFile({
        format: choice.format,
        suggestedName: data.suggestedName,
        content: data.content,
        encoding: 'utf8',
        ...(data.sidecar === null ? {} : { csvMetadata: data.sidecar }),
      })
      return outcomeOf(
        result,
        `${data.rows.length} docking events${data.sidecar === null ? '' : `, ${CSV_SIDECAR_WORDS}`}`,
      )
    }
    const range: RangeChoice =
      choice.range === 'visible' && view.visibleWindow
        ? { kind: 'visible', window: view.visibleWindow }
        : { kind: 'all' }
    onStep('rendering')
    // Let the dialog paint its progress before the synchronous render.
    await new Promise((r) => setTimeout(r, 0))
    const chart = prepareChartExport(ctx, {
      range,
      size:
        choice.format === 'pdf'
          ? { kind: 'paper', paper: choice.paper }
          : { kind: 'width', width: choice.width },
      theme: choice.theme,
      title: choice.title,
      rows: view.rows,
      // Chromium prints SVG patterns as raster tiles; shapes stay sharp at any dpi.
      vectorPatterns: choice.format === 'pdf',
      showReference: view.showReference,
    })
    if (!chart) {
      return failed(
        'Nothing to draw: no filtered docking at a known port falls in this range. Change the filters or choose the whole filtered range.',
      )
    }
    const name = suggestedFileName(ctx, choice.format, chart.range)
    const detail = countNoun(chart.result.bars.length, 'docking')
    if (choice.format === 'svg') {
      onStep('saving')
      const result = await api.saveFile({
        format: 'svg',
        suggestedName: name,
        content: chart.result.svg,
        encoding: 'utf8',
      })
      return outcomeOf(result, detail)
    }
    if (choice.format === 'png') {
      onStep('rasterising')
      const png = await rasteriseSvg(
        chart.result.svg,
        chart.result.width,
        chart.result.height,
        choice.scale,
      )
      onStep('saving')
      const result = await api.saveFile({
        format: 'png',
        suggestedName: name,
        content: png.base64,
        encoding: 'base64',
      })
      return outcomeOf(result, `${detail}, ${png.width}×${png.height} px`)
    }
    onStep('printing')
    const result = await api.savePdf({
      // The page inlines the SVG into HTML, where an XML declaration has no place.
      svg: chart.result.svg.replace(/^<\?xml[^>]*>\s*/, ''),
      pageSize: choice.paper,
      suggestedName: name,
    })
    return outcomeOf(result, `${detail}, one ${choice.paper} landscape page`)
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e))
  }
}

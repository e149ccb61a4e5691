/**
 * Exports of one analysis chart: the chart as SVG or PNG framed with the
 * reader footer the timeline figures carry, its table as CSV or JSON.
 */
import * as Plot from '@observablehq/plot'

import {
  tableCsv,
  tableCsvMetadata,
  tableJson,
  type AnalysisTable,
  type TableExportMeta,
} from '../../shared/analysis-view/analysis-table'
import type { ExportFooter } from '../../shared/chart/figure-types'
import { frameFigure } from '../../shared/export/figure-frame'
import { toIsoUtc, type UtcMillis } from '../../shared/domain/units'
import type { AppApi, Result, SaveResult } from '../../shared/ipc/contract'
import { rasteriseSvg } from '../export/rasterise'
import type { ChartSpec } from './analysis-charts'

/** What a chart export needs besides the chart. */
export interface AnalysisExportContext {
  readonly api: AppApi
  readonly footer: ExportFooter
  readonly now: UtcMillis
}

/** The file kinds a section exports. */
export type AnalysisExportFormat = 'svg' | 'png' | 'csv' | 'json'

const fileName = (slug: string, now: UtcMillis, ext: AnalysisExportFormat) =>
  `docking-timeline_analysis_${slug}_${toIsoUtc(now).slice(0, 10)}.${ext}`

/** The chart drawn for print (light theme, its key as SVG), framed with title and footer. */
export function chartFigure(
  spec: ChartSpec,
  title: string,
  subtitle: string,
  ctx: AnalysisExportContext,
) {
  const color = spec.options.color
  const plot = Plot.plot({
    ...spec.options,
    color: color ? { ...color, legend: false } : undefined,
  }) as SVGSVGElement & {
    scale(name: 'color'): { domain: unknown[]; range?: string[] } | undefined
  }
  plot.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  const scale = color ? plot.scale('color') : undefined
  const legend =
    scale?.range === undefined
      ? []
      : scale.domain.map((d, i) => ({
          label: String(d),
          colour: scale.range![i % scale.range!.length]!,
        }))
  return frameFigure({
    svg: new XMLSerializer().serializeToString(plot),
    width: Number(spec.options.width ?? 800),
    height: Number(plot.getAttribute('height') ?? spec.options.height ?? 300),
    title,
    subtitle,
    theme: 'light',
    legend,
    footer: ctx.footer,
    now: ctx.now,
  })
}

/** Saves one export of a section; resolves to what main's save dialog reports. */
export async function exportSection(
  format: AnalysisExportFormat,
  section: {
    readonly slug: string
    readonly title: string
    readonly answer: string
    readonly table: AnalysisTable
    readonly printSpec: () => ChartSpec
  },
  ctx: AnalysisExportContext,
): Promise<Result<SaveResult>> {
  const name = fileName(section.slug, ctx.now, format)
  if (format === 'csv' || format === 'json') {
    const meta: TableExportMeta = {
      title: section.title,
      appVersion: ctx.footer.appVersion,
      exportedAt: ctx.now,
      dataAsOf: ctx.footer.dataAsOf,
      credit: ctx.footer.credit,
      filtersText: ctx.footer.filters,
    }
    return ctx.api.saveFile(
      format === 'csv'
        ? {
            format,
            suggestedName: name,
            content: tableCsv(section.table),
            encoding: 'utf8',
            csvMetadata: tableCsvMetadata(section.table, meta, name),
          }
        : {
            format,
            suggestedName: name,
            content: tableJson(section.table, meta),
            encoding: 'utf8',
          },
    )
  }
  const figure = chartFigure(section.printSpec(), section.title, section.answer, ctx)
  if (format === 'svg')
    return ctx.api.saveFile({ format, suggestedName: name, content: figure.svg, encoding: 'utf8' })
  const png = await rasteriseSvg(figure.svg, figure.width, figure.height, 2)
  return ctx.api.saveFile({ format, suggestedName: name, content: png.base64, encoding: 'base64' })
}

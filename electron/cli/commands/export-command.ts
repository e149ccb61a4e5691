/**
 * `cli export`: batch figures and data files without opening the app.
 *
 * Filters exactly as `cli list` does (same flags, same Query), then
 * draws with the same SVG renderer and writes the same CSV/JSON as the app's
 * Export dialog (issue #6).
 */
import fs from 'node:fs'
import path from 'node:path'

import type { ThemeName } from '../../../shared/chart/style'
import {
  prepareChartExport,
  prepareDataExport,
  type ExportContext,
  type RangeChoice,
} from '../../../shared/export/export-job'
import { CSV_METADATA_SUFFIX, retargetCsvMetadata } from '../../../shared/export/csv-metadata'
import {
  MAX_EXPORT_WIDTH,
  MIN_EXPORT_WIDTH,
  PAPER_SIZES,
  type ExportSize,
  type PaperSize,
} from '../../../shared/export/svg-export'
import { toIsoUtc, utcMillis } from '../../../shared/domain/units'
import { readCliData } from '../cli-context'
import { CliFailure, UsageError } from '../cli-errors'
import { COMMON_OPTIONS, COMMON_USAGE, type Command } from '../command'
import { bool, parseIntFlag, parseTimeFlag, str, type Flags } from '../flags'
import { parseQueryFlags, QUERY_FILTER_OPTIONS } from '../query-flags'
import { countNoun } from '../../../shared/format/count-noun'

const FORMATS = ['svg', 'csv', 'json'] as const
type CliExportFormat = (typeof FORMATS)[number]

function sizeOf(flags: Flags): ExportSize {
  const width = str(flags, 'width')
  const paper = str(flags, 'paper')
  if (width !== undefined && paper !== undefined)
    throw new UsageError('choose one of --width and --paper')
  if (paper !== undefined) {
    const found = PAPER_SIZES.find((p) => p.toLowerCase() === paper.toLowerCase())
    if (!found) throw new UsageError(`--paper is one of ${PAPER_SIZES.join(', ')}`)
    return { kind: 'paper', paper: found satisfies PaperSize }
  }
  if (width === undefined) return { kind: 'width', width: 1600 }
  const px = parseIntFlag('width', width, MIN_EXPORT_WIDTH)
  if (px > MAX_EXPORT_WIDTH) throw new UsageError(`--width is at most ${MAX_EXPORT_WIDTH} pixels`)
  return { kind: 'width', width: px }
}

function rangeOf(flags: Flags): RangeChoice {
  const from = str(flags, 'from')
  const to = str(flags, 'to')
  if (from === undefined && to === undefined) return { kind: 'all' }
  if (from === undefined || to === undefined)
    throw new UsageError('give both --from and --to, or neither for the whole filtered range')
  const start = parseTimeFlag('from', from)
  const end = parseTimeFlag('to', to)
  if (!(end > start)) throw new UsageError('--to must be later than --from')
  return { kind: 'custom', start, end }
}

/** Writes next to the target, then renames: a failed export never leaves half a file. */
function writeAtomically(file: string, content: string, force: boolean): void {
  const dir = path.dirname(file)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new CliFailure(`cannot write ${file}: the folder ${dir} does not exist`)
  if (fs.existsSync(file)) {
    if (fs.statSync(file).isDirectory()) throw new UsageError(`--out ${file} is a folder`)
    if (!force) throw new CliFailure(`${file} exists; add --force to overwrite it`)
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    fs.writeFileSync(tmp, content)
    fs.renameSync(tmp, file)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw new CliFailure(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** `export`: the filtered events as an SVG figure, CSV or JSON. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write the filtered events as an SVG figure, CSV or JSON file',
  usage: `usage: cli export --format svg|csv|json --out FILE [filters as in list] [options]
  --format svg|csv|json     what to write
  --out FILE                where to write it (refuses to overwrite without --force)
  --force                   overwrite FILE if it exists
  --from ISO --to ISO       time range (UTC): the figure's axis; data files keep the
                            events overlapping it. Default: the whole filtered range
  --title TEXT              heading of the figure
  --width PX                figure width, ${MIN_EXPORT_WIDTH} to ${MAX_EXPORT_WIDTH} (default 1600; height follows the rows)
  --paper A4|Letter|A3      size the figure to one landscape page instead
  --theme light|dark        figure colours (default light, for print)
Filters, as in list:
  --search TEXT, --station NAME|ID, --port NAME|ID, --chaser ID,
  --docking-gt/--docking-gte/--docking-lt/--docking-lte ISO,
  --source snapshot|ll2|import, --family NAME   (see: cli list --help)
${COMMON_USAGE}
Files record the filters, the data's date and the app version, so an export can be reproduced:
SVG in its footer, JSON in its envelope, CSV in FILE${CSV_METADATA_SUFFIX} beside it
(W3C CSV on the Web metadata), keeping the CSV a plain table with its header on row 1.`,
  options: {
    ...COMMON_OPTIONS,
    ...QUERY_FILTER_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    title: { type: 'string' },
    width: { type: 'string' },
    paper: { type: 'string' },
    theme: { type: 'string' },
  },
  positionals: 0,
  async run(flags, _positionals, ctx) {
    const format = str(flags, 'format')
    if (format === undefined || !FORMATS.includes(format as CliExportFormat))
      throw new UsageError(`--format is one of ${FORMATS.join(', ')}`)
    const out = str(flags, 'out')
    if (out === undefined || out.trim() === '') throw new UsageError('export needs --out FILE')
    const range = rangeOf(flags)
    const size = sizeOf(flags)
    const theme = str(flags, 'theme') ?? 'light'
    if (theme !== 'light' && theme !== 'dark') throw new UsageError('--theme is light or dark')
    if (format !== 'svg') {
      for (const f of ['title', 'width', 'paper', 'theme'] as const) {
        if (str(flags, f) !== undefined)
          throw new UsageError(`--${f} applies to figures, not to ${format} files`)
      }
    }

    const data = readCliData(flags, ctx)
    const exportCtx: ExportContext = {
      data,
      query: parseQueryFlags(flags, data),
      appVersion: ctx.version,
      // Whole seconds: the export time is printed in footers and headers.
      now: utcMillis(Math.floor(ctx.now() / 1000) * 1000),
    }
    const file = path.resolve(out)

    if (format === 'svg') {
      const chart = prepareChartExport(exportCtx, {
        range,
        size,
        theme: theme satisfies ThemeName,
        title: str(flags, 'title') ?? null,
      })
      if (!chart) {
        throw new CliFailure(
          'nothing to draw: no filtered docking at a known port falls in the range; check the filters with cli list',
        )
      }
      writeAtomically(file, chart.result.svg, bool(flags, 'force'))
      const r = chart.result
      const dims = r.physical
        ? `${r.physical.widthMm}×${Math.round(r.physical.heightMm)} mm`
        : `${r.width}×${r.height} px`
      ctx.out(
        `Wrote ${countNoun(r.bars.length, 'docking')} (${toIsoUtc(chart.range.start)} to ${toIsoUtc(chart.range.end)}) to ${file}, ${dims}\n`,
      )
      return 0
    }
    const dataRange = range.kind === 'custom' ? { start: range.start, end: range.end } : null
    const result = prepareDataExport(exportCtx, format as 'csv' | 'json', dataRange)
    const sidecar = result.sidecar === null ? null : file + CSV_METADATA_SUFFIX
    // Both refused before either is written, so no CSV is left without its description.
    if (sidecar !== null && fs.existsSync(sidecar) && !bool(flags, 'force'))
      throw new CliFailure(`${sidecar} exists; add --force to overwrite it`)
    writeAtomically(file, result.content, bool(flags, 'force'))
    if (sidecar !== null)
      writeAtomically(sidecar, retargetCsvMetadata(result.sidecar!, path.basename(file)), true)
    ctx.out(
      `Wrote ${result.rows.length} docking events to ${file}${sidecar === null ? '' : `, described in ${sidecar}`}\n`,
    )
    return 0
  },
}

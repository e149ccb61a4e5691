import '../styles/analysis.css'

import { useEffect, useMemo, useRef, useState } from 'react'

import { analysisModel, type AnalysisModel } from '../../shared/analysis-view/analysis-model'
import { firstRows, rowCount, type AnalysisTable } from '../../shared/analysis-view/analysis-table'
import { windowAround, type TimeWindow } from '../../shared/chart/window'
import { CSV_SIDECAR_WORDS } from '../../shared/export/csv-metadata'
import { filtersTextOf } from '../../shared/export/export-job'
import { utcMillis } from '../../shared/domain/units'
import { countedByWords } from '../../shared/visits/count-by'
import { selectCountWords } from '../state/count-selectors'
import { selectFilteredEvents } from '../state/filter-selectors'
import { selectEndFacts } from '../state/quality-selectors'
import { effectiveEndTime } from '../../shared/occupancy/effective-end'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'
import { useResolvedTheme } from '../theme/theme'
import { chartSpec, type ChartId, type ChartTarget } from './analysis-charts'
import { exportSection, type AnalysisExportFormat } from './analysis-export'
import { answers } from '../../shared/analysis-view/answers'
import { PlotFigure } from './plot-figure'
import { NoMatches } from '../filters/no-matches'

const SECTIONS: ReadonlyArray<{ readonly id: ChartId; readonly title: string }> = [
  { id: 'ports', title: 'Port utilisation: busiest port by time docked' },
  { id: 'occupancy', title: 'Occupancy over time' },
  { id: 'crew', title: 'Crewed periods and gaps' },
  { id: 'traffic', title: 'Traffic: arrivals per year' },
  { id: 'stays', title: 'Stays by family' },
  { id: 'comparison', title: 'Station comparison by age' },
]

/** How wide the charts may be: the view's width, followed as the window resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(800)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    // Wide windows put each table beside its chart; narrower ones under it.
    const measure = () => {
      const w = el.clientWidth - 40
      setWidth(Math.max(360, Math.floor(w >= 1200 ? w * 0.6 : w)))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/**
 * Rows a table shows before "Show all": the occupancy peaks alone run to
 * thousands of rows on a large query, and rendering them all delays the view.
 */
const FIRST_ROWS = 100

function TableOf({ table, caption }: { table: AnalysisTable; caption: string }) {
  const [showAll, setShowAll] = useState(false)
  // The first rows only, so a long table's others are not made until asked for.
  const rows = showAll ? table.rows : firstRows(table, FIRST_ROWS)
  const count = rowCount(table)
  return (
    <div className="analysis-table-wrap">
      <table className="analysis-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j}>{cell === null ? '–' : String(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < count && (
        <button type="button" className="analysis-show-all" onClick={() => setShowAll(true)}>
          Show all {count.toLocaleString('en')} rows (first {rows.length} shown)
        </button>
      )}
    </div>
  )
}

/**
 * The Analysis view: each measure of the filtered events as a chart, the
 * sentence that answers its question, and a table beside it; a click on a
 * chart's mark moves the timeline there.
 */
export function AnalysisView() {
  const appStore = useAppStoreApi()
  const events = useAppStore(selectFilteredEvents)
  const { now, data, filters, appInfo, expeditions, expeditionsError, countBy } = useAppStore(
    useShallow((s) => ({
      now: s.now,
      data: s.data,
      filters: s.filters,
      appInfo: s.appInfo,
      expeditions: s.expeditions,
      expeditionsError: s.expeditionsError,
      countBy: s.countBy,
    })),
  )
  const countWords = useAppStore(selectCountWords)
  const endFacts = useAppStore(selectEndFacts)
  const theme = useResolvedTheme()
  const root = useRef<HTMLDivElement>(null)
  const width = useWidth(root)
  const [status, setStatus] = useState<string | null>(null)
  const model: AnalysisModel = useMemo(
    () =>
      analysisModel(
        events,
        now,
        {
          stations: data?.stations ?? [],
          allEvents: data?.events ?? events,
          expeditions,
          expeditionsProblem: expeditionsError?.message ?? null,
        },
        countBy,
      ),
    [events, now, data, expeditions, expeditionsError, countBy],
  )
  const said = useMemo(() => answers(model), [model])
  const lives = useMemo(() => {
    const spans = new Map<number, TimeWindow>()
    for (const e of events) {
      if (e.portId === null) continue
      // Where its bar ends, as the chart draws it.
      const end = effectiveEndTime(e, endFacts, now)
      const s = spans.get(e.portId)
      spans.set(e.portId, {
        start: utcMillis(Math.min(s?.start ?? e.docking, e.docking)),
        end: utcMillis(Math.max(s?.end ?? end, end)),
      })
    }
    return (id: number) => {
      const s = spans.get(id)
      return s ? windowAround(s.start, s.end) : null
    }
  }, [events, now, endFacts])

  const specs = useMemo(
    () => new Map(SECTIONS.map(({ id }) => [id, chartSpec(id, model, theme, width, lives)])),
    [model, theme, width, lives],
  )
  const navigate = (target: ChartTarget) => {
    const st = appStore.getState()
    st.jumpTo(target.window, target.reveal)
    st.setMainView('chart')
  }
  const save = async (id: ChartId, title: string, format: AnalysisExportFormat) => {
    if (!data) return
    const stamp = utcMillis(Math.floor(appStore.clock.now() / 1000) * 1000)
    const ctx = { data, query: filters, appVersion: appInfo?.version ?? 'unknown', now: stamp }
    setStatus(`Exporting ${title}…`)
    const result = await exportSection(
      format,
      {
        slug: id,
        title,
        answer: said[id],
        table: model[id].table,
        printSpec: () => chartSpec(id, model, 'light', 800, lives),
      },
      {
        api: appStore.api,
        now: stamp,
        footer: {
          credit: data.info.credit,
          dataAsOf: data.info.dataAsOf,
          filters: `${filtersTextOf(ctx)}; ${countedByWords(countBy)}`,
          appVersion: ctx.appVersion,
        },
      },
    ).catch((e: unknown) => ({
      ok: false as const,
      error: { code: 'io-error' as const, message: e instanceof Error ? e.message : String(e) },
    }))
    setStatus(
      !result.ok
        ? `Export failed: ${result.error.message}`
        : result.value.saved
          ? `Saved ${result.value.path}${format === 'csv' ? `, ${CSV_SIDECAR_WORDS}` : ''}`
          : 'Export cancelled.',
    )
  }

  if (events.length === 0)
    return (
      <div className="analysis-view" ref={root}>
        <NoMatches consequence="So there is nothing to measure." />
      </div>
    )
  return (
    <div className="analysis-view" ref={root} data-theme-resolved={theme}>
      <p className="analysis-intro">
        Measures of the {countWords} the filters keep; stays and arrivals are{' '}
        {countedByWords(countBy)}. Click a bar or point to show that time on the timeline; every
        chart has its table beside it.
      </p>
      <p className="analysis-status" role="status">
        {status}
      </p>
      {SECTIONS.map(({ id, title }, order) => (
        <section key={id} className="analysis-section" aria-labelledby={`analysis-${id}`}>
          <h2 id={`analysis-${id}`}>{title}</h2>
          <p className="analysis-answer" data-testid={`answer-${id}`}>
            {said[id]}
          </p>
          {id === 'crew' && model.crew.notes.length > 0 && (
            <details className="analysis-notes" data-testid="crew-notes">
              <summary>
                {model.crew.notes.length} doubtful{' '}
                {model.crew.notes.length === 1 ? 'expedition' : 'expeditions'} in LL2&rsquo;s list
                (left out or refiled, as the data checks say)
              </summary>
              <ul>
                {model.crew.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="analysis-pair">
            <PlotFigure
              spec={specs.get(id)!}
              label={`${title}. ${said[id]}`}
              order={order}
              onNavigate={navigate}
            />
            <TableOf table={model[id].table} caption={`${title}: table`} />
          </div>
          <div className="analysis-exports" role="group" aria-label={`Export ${title}`}>
            {(['svg', 'png', 'csv', 'json'] as const).map((f) => (
              <button key={f} type="button" onClick={() => void save(id, title, f)}>
                {f === 'svg' || f === 'png'
                  ? `Chart ${f.toUpperCase()}`
                  : `Table ${f.toUpperCase()}`}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}

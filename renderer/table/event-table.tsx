import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'

import { windowShowing } from '../../shared/chart/window'
import { ROLE_STYLES } from '../../shared/chart/style'
import type { DockingEvent } from '../../shared/domain/model'
import type { Bar } from '../../shared/chart/chart-model'
import type { EffectiveEnd } from '../../shared/occupancy/effective-end'
import { departureCellWords, durationWords } from '../../shared/time/stay-words'
import { formatInstant } from '../../shared/time/time-format'
import type { Visit } from '../../shared/visits/visits'
import { Highlighted } from '../filters/highlighted'
import { NoMatches } from '../filters/no-matches'
import { selectBars } from '../state/selectors'
import { SEARCH_MATCH_CLASS, selectSearchMatches } from '../state/filter-selectors'
import { selectCountUnits } from '../state/count-selectors'
import { selectVisits } from '../state/quality-selectors'
import { useAppStore, useAppStoreApi } from '../state/store'
import { ResizeHandle } from '../layout/resize-handle'
import { useHeaderDrag } from './header-drag'
import { COLUMN_LIMITS, shownSort, type ColumnId } from '../../shared/table/table-layout'
import {
  CELL_PADDING,
  columnsFor,
  contentWidths,
  nextSort,
  sortRows,
  tableRows,
  type TableRow,
} from './table-model'
import { countNoun } from '../../shared/format/count-noun'

/** A row's end is its bar's: the table says what the chart draws. */
const endOfBar = (b: Bar): EffectiveEnd => ({ end: b.end, state: b.endState })

/** Row height in px; fixed so only the rows in view are rendered. */
const ROW_HEIGHT = 30
/** Rows rendered beyond the visible ones, each side. */
const OVERSCAN = 10

/** A row's text per column; the table lays them out in its columns' order. */
function cellTexts(
  row: TableRow,
  zone: 'utc' | 'local',
  visit: Visit | undefined,
): Record<ColumnId, string> {
  const { shown: e, end } = row
  const p = e.provenance
  return {
    vehicle: e.vehicle,
    station: e.stationName ?? '',
    port: e.portName ?? '',
    family: e.family,
    role: ROLE_STYLES[e.role].label,
    docking: formatInstant(e.docking, zone, p?.dockingPrecision),
    departure: departureCellWords(e, end, zone),
    duration: durationWords(e, end),
    visit: row.visit ? visitLegsText(row.visit, row.legIds.length) : visitText(e, visit),
  }
}

/** A visit in a cell: its id, and which leg this is when it has several. */
function visitText(e: DockingEvent, visit: Visit | undefined): string {
  if (!visit) return ''
  return visit.legs.length > 1
    ? `#${visit.id} · leg ${visit.legs.indexOf(e.id) + 1} of ${visit.legs.length}`
    : `#${visit.id}`
}

/** A visit row's id and legs, saying so when the filters keep only some of them. */
function visitLegsText(visit: Visit, shown: number): string {
  const n = visit.legs.length
  const legs = countNoun(n, 'leg')
  return `#${visit.id} · ${shown < n ? `${legs} (${shown} shown)` : legs}`
}

let measureContext: CanvasRenderingContext2D | null = null

/** Width of `text` in the font of `el`, px (a canvas measures without laying out 10,000 rows). */
function measurerFor(el: HTMLElement | null): (text: string) => number {
  measureContext ??= document.createElement('canvas').getContext('2d')
  const ctx = measureContext
  if (!ctx || !el) return (text) => text.length * 7
  const style = getComputedStyle(el)
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
  return (text) => ctx.measureText(text).width
}

/**
 * The same rows as the chart, as a grid a keyboard and a screen reader can
 * use (vis-timeline has neither, #1915): sortable headers, arrow keys move
 * between rows, Enter selects, and the selection is the chart's.
 *
 * Only the rows in view are in the DOM, with aria-rowindex telling assistive
 * technology where they sit, so 10,000 rows stay quick.
 */
export function EventTable() {
  const appStore = useAppStoreApi()
  const bars = useAppStore(selectBars)
  const units = useAppStore(selectCountUnits)
  const countBy = useAppStore((s) => s.countBy)
  const hidden = useAppStore((s) => s.tableHiddenColumns)
  const order = useAppStore((s) => s.tableColumnOrder)
  const columns = useMemo(() => columnsFor(countBy, hidden, order), [countBy, hidden, order])
  const headerDrag = useHeaderDrag(
    columns.map((c) => c.id),
    (column, before) => appStore.getState().placeTableColumn(column, before),
  )
  const timeZone = useAppStore((s) => s.timeZone)
  const selectedEventId = useAppStore((s) => s.selectedEventId)
  const matches = useAppStore(selectSearchMatches)
  // Kept in the store, so the table opens again as the user left it, tab switch or restart.
  const sort = shownSort(
    useAppStore((s) => s.tableSort),
    hidden,
  )
  const [active, setActive] = useState(0)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)
  const body = useRef<HTMLDivElement>(null)
  const head = useRef<HTMLDivElement>(null)
  const root = useRef<HTMLDivElement>(null)
  // Widths the user dragged; the rest follow the content.
  const dragged = useAppStore((s) => s.tableColumnWidths)

  const visits = useAppStore(selectVisits)
  const barOf = useMemo(() => new Map(bars.map((b) => [b.eventId as number, b])), [bars])
  const rows = useMemo(() => {
    const endOf = (id: number) => {
      const bar = barOf.get(id)
      return bar ? endOfBar(bar) : undefined
    }
    return sortRows(tableRows(units, endOf), sort, (e) => visits.visitOf.get(e.id)?.id ?? e.id)
  }, [barOf, units, sort, visits])

  const texts = useMemo(
    () =>
      rows.map((r) => {
        const byColumn = cellTexts(r, timeZone, visits.visitOf.get(r.shown.id))
        return columns.map((c) => byColumn[c.id])
      }),
    [rows, timeZone, visits, columns],
  )
  // The table's font is known once it is on screen; until then, a rough guess.
  const [measure, setMeasure] = useState(() => measurerFor(null))
  useEffect(() => setMeasure(() => measurerFor(root.current)), [])
  const fitted = useMemo(() => contentWidths(columns, texts, measure), [texts, measure, columns])
  const widths = columns.map((c, i) => dragged[c.id] ?? fitted[i]!)
  const columnsStyle = {
    '--table-columns': widths.map((w) => `${w}px`).join(' '),
    '--table-width': `${widths.reduce((a, b) => a + b, 0)}px`,
  } as CSSProperties

  useEffect(() => {
    const el = body.current
    if (!el) return
    const ro = new ResizeObserver(() => setHeight(el.clientHeight))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const scrollIntoView = (i: number) => {
    const el = body.current
    if (!el) return
    const top = i * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight
  }

  // A selection made on the chart brings its row into view.
  useEffect(() => {
    if (selectedEventId === null) return
    const i = rows.findIndex((r) => r.legIds.includes(selectedEventId))
    if (i < 0) return
    setActive(i)
    scrollIntoView(i)
  }, [selectedEventId, rows])

  const move = (i: number) => {
    const n = Math.max(0, Math.min(rows.length - 1, i))
    setActive(n)
    scrollIntoView(n)
    // Focus follows after React renders the row.
    requestAnimationFrame(() =>
      body.current?.querySelector<HTMLElement>(`[data-row="${n}"]`)?.focus(),
    )
  }

  // The selection is the chart's: it follows, window and rows, to show it on return.
  const choose = (row: TableRow | undefined) => {
    if (!row) return
    const s = appStore.getState()
    s.showEvent(row.eventId, windowShowing(row.shown.docking, s.visibleWindow))
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((body.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => choose(rows[active]),
      ' ': () => choose(rows[active]),
    }
    const action = keys[e.key]
    if (action) {
      e.preventDefault()
      action()
    }
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0))

  return (
    <div
      ref={root}
      style={columnsStyle}
      className="event-table"
      role="grid"
      aria-label={`${countBy === 'visit' ? 'Visits' : 'Docking events'}, ${rows.length} rows, times in ${timeZone === 'utc' ? 'UTC' : 'local time'}`}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      id="event-table"
      data-testid="event-table"
    >
      <div className="event-table-head" role="rowgroup" ref={head}>
        <div className="event-table-row" role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <div
              key={c.id}
              role="columnheader"
              className={`col-${c.id}${headerDrag.drag?.column === c.id ? ' is-dragged' : ''}`}
              aria-sort={sort.column === c.id ? sort.direction : 'none'}
            >
              <button
                type="button"
                title="Click to sort; drag sideways to move the column"
                {...headerDrag.handlers(c.id)}
                onClick={() => {
                  if (headerDrag.clicked()) appStore.getState().setTableSort(nextSort(sort, c.id))
                }}
              >
                {c.label}
                <span aria-hidden="true" className="sort-mark">
                  {sort.column === c.id ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </span>
              </button>
              <ResizeHandle
                label={`Resize ${c.label} column`}
                controls="event-table"
                width={widths[columns.indexOf(c)]!}
                edge="right"
                min={COLUMN_LIMITS.min}
                max={COLUMN_LIMITS.max}
                className="column-handle"
                onResize={(w) => appStore.getState().setTableColumnWidth(c.id, w)}
              />
            </div>
          ))}
          {headerDrag.drag && (
            <>
              {/* The mark after the copy: it stays in sight where the copy passes over it. */}
              <div
                className="column-drag-ghost"
                aria-hidden="true"
                style={{ left: headerDrag.drag.ghostX, width: headerDrag.drag.ghostWidth }}
              >
                {columns.find((c) => c.id === headerDrag.drag!.column)?.label}
              </div>
              <div
                className="column-drop-mark"
                aria-hidden="true"
                style={{ left: headerDrag.drag.markX }}
              />
            </>
          )}
        </div>
      </div>
      <div
        className="event-table-body"
        role="rowgroup"
        ref={body}
        onScroll={(e) => {
          setScrollTop(e.currentTarget.scrollTop)
          // The header scrolls sideways with the rows.
          if (head.current) head.current.scrollLeft = e.currentTarget.scrollLeft
        }}
        onKeyDown={onKeyDown}
      >
        {rows.length === 0 ? (
          <NoMatches />
        ) : (
          <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
            {rows.slice(first, last).map((row, k) => {
              const i = first + k
              const selected = selectedEventId !== null && row.legIds.includes(selectedEventId)
              const isMatch = row.legIds.some((id) => matches.eventIds.has(id))
              return (
                <div
                  key={row.shown.id}
                  role="row"
                  data-row={i}
                  data-event-id={row.eventId}
                  data-visit-id={row.visit?.id}
                  aria-rowindex={i + 2}
                  aria-selected={selected}
                  tabIndex={i === activeIndex ? 0 : -1}
                  className={`event-table-row${selected ? ' is-selected' : ''}${isMatch ? ` ${SEARCH_MATCH_CLASS}` : ''}`}
                  style={{ position: 'absolute', top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={() => {
                    setActive(i)
                    choose(row)
                  }}
                  onFocus={() => setActive(i)}
                >
                  {texts[i]!.map((text, c) => (
                    <div
                      key={columns[c]?.id}
                      role="gridcell"
                      className={`col-${columns[c]?.id}`}
                      // A cell cut short by its column shows whole on hover.
                      title={measure(text) + CELL_PADDING > widths[c]! ? text : undefined}
                    >
                      {/* Search terms marked in the name columns (vehicle, station, port). */}
                      {columns[c]?.names ? <Highlighted text={text} terms={matches.terms} /> : text}
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}

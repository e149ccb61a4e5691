import type { TimeWindow } from '../../shared/chart/window'
import {
  PANEL_WIDTH_LIMITS,
  type StationOrder,
  type SummaryOpen,
  type SummaryPart,
} from '../../shared/prefs/prefs'
import {
  ALWAYS_SHOWN,
  clampColumnWidth,
  DEFAULT_SORT,
  moveColumn,
  normalizeHidden,
  placeColumn,
  TABLE_COLUMN_IDS,
  type ColumnId,
  type ColumnOrder,
  type ColumnWidths,
  type SortSpec,
} from '../../shared/table/table-layout'
import type { CountBy } from '../../shared/visits/count-by'
import type { SliceCreator } from './slice'

/** The two side panels beside the chart. */
export type SidePanelId = 'filters' | 'details'

/** Where the workspace's panels sit and how the chart's rows are arranged. */
export interface LayoutSlice {
  /** Widths the user dragged the panels to, px; the window may show them narrower. */
  readonly filtersWidth: number
  readonly detailsWidth: number
  readonly filtersCollapsed: boolean
  readonly detailsCollapsed: boolean
  readonly stationOrder: StationOrder
  /** Leave out rows with no docking in the visible window. */
  readonly hideRowsOutOfView: boolean
  /** Whether counts, stays and table rows are by docking or by visit. */
  readonly countBy: CountBy
  /**
   * The window rows are hidden by: the visible one once it has rested for
   * `SETTLE_MS`, so rows do not come and go under a drag.
   */
  readonly rowsWindow: TimeWindow | null
  /**
   * The panel the user turned to last: when the window has room for one
   * panel only, this one stays open.
   */
  readonly panelPriority: SidePanelId
  /** Whether the "Data sources" dialog is open. */
  readonly dataSourcesOpen: boolean
  /** The part of the legend-and-summaries strip open below it, if any. */
  readonly summaryOpen: SummaryOpen
  /** The table's order, as last chosen (the table shows it through `shownSort`). */
  readonly tableSort: SortSpec
  /** Columns the user took off the table. */
  readonly tableHiddenColumns: ReadonlyArray<ColumnId>
  /** The table's columns in the order the user put them (hidden ones too). */
  readonly tableColumnOrder: ColumnOrder
  /** Widths the user dragged the table's columns to; the rest fit their content. */
  readonly tableColumnWidths: ColumnWidths
  setTableSort(sort: SortSpec): void
  /** Shows a hidden column or hides a shown one (never the vehicle). */
  toggleTableColumn(column: ColumnId): void
  setTableColumnWidth(column: ColumnId, width: number): void
  /** Moves a column one place left (-1) or right (1) in the table. */
  moveTableColumn(column: ColumnId, by: -1 | 1): void
  /** Puts a column just before another (null: last), as a dragged header is dropped. */
  placeTableColumn(column: ColumnId, before: ColumnId | null): void
  /** Every column back in its opening place, each sized to its content, the rows in the opening order. */
  resetTable(): void
  setPanelWidth(panel: SidePanelId, width: number): void
  setPanelCollapsed(panel: SidePanelId, collapsed: boolean): void
  togglePanel(panel: SidePanelId): void
  setPanelPriority(panel: SidePanelId): void
  setStationOrder(order: StationOrder): void
  setHideRowsOutOfView(hide: boolean): void
  setCountBy(by: CountBy): void
  setDataSourcesOpen(open: boolean): void
  /** Opens a part of the strip (closing any other), or closes it when it is the open one. */
  toggleSummary(part: SummaryPart): void
  setSummaryOpen(open: SummaryOpen): void
}

/** Quiet time after a pan or zoom before rows out of view are hidden, ms. */
export const SETTLE_MS = 300

const clampWidth = (w: number) =>
  Math.round(Math.min(PANEL_WIDTH_LIMITS.max, Math.max(PANEL_WIDTH_LIMITS.min, w)))

const WIDTH_FIELD = { filters: 'filtersWidth', details: 'detailsWidth' } as const
const COLLAPSED_FIELD = { filters: 'filtersCollapsed', details: 'detailsCollapsed' } as const

/** Creates the layout slice; its fields persist through the prefs slice. */
export const createLayoutSlice: SliceCreator<LayoutSlice> =
  ({ onDispose }) =>
  (set, get, store) => {
    let settle: ReturnType<typeof setTimeout> | undefined
    const settleNow = () => {
      settle = undefined
      const s = get()
      if (s.rowsWindow !== s.visibleWindow) set({ rowsWindow: s.visibleWindow })
    }
    onDispose(
      store.subscribe((state, prev) => {
        if (!state.hideRowsOutOfView) return
        if (state.visibleWindow === prev.visibleWindow && prev.hideRowsOutOfView) return
        if (settle !== undefined) clearTimeout(settle)
        // Turning the option on applies at once; moves wait until the chart rests.
        if (!prev.hideRowsOutOfView) settleNow()
        else settle = setTimeout(settleNow, SETTLE_MS)
      }),
    )
    onDispose(() => clearTimeout(settle))
    // A move that leaves the columns where they stood (at an end, dropped in
    // place) stores nothing.
    const reorder = (next: (order: ColumnOrder) => ColumnOrder) => {
      const order = get().tableColumnOrder
      const moved = next(order)
      if (moved !== order) set({ tableColumnOrder: moved })
    }
    return {
      filtersWidth: 260,
      detailsWidth: 320,
      filtersCollapsed: false,
      detailsCollapsed: false,
      stationOrder: 'recent',
      hideRowsOutOfView: false,
      countBy: 'docking',
      rowsWindow: null,
      panelPriority: 'details',
      dataSourcesOpen: false,
      summaryOpen: 'none',
      tableSort: DEFAULT_SORT,
      tableHiddenColumns: [],
      tableColumnOrder: TABLE_COLUMN_IDS,
      tableColumnWidths: {},
      setTableSort: (tableSort) => set({ tableSort }),
      toggleTableColumn(column) {
        if (column === ALWAYS_SHOWN) return
        const hidden = get().tableHiddenColumns
        set({
          tableHiddenColumns: normalizeHidden(
            hidden.includes(column) ? hidden.filter((c) => c !== column) : [...hidden, column],
          ),
        })
      },
      setTableColumnWidth(column, width) {
        const w = clampColumnWidth(width)
        const widths = get().tableColumnWidths
        if (widths[column] !== w) set({ tableColumnWidths: { ...widths, [column]: w } })
      },
      moveTableColumn: (column, by) => reorder((order) => moveColumn(order, column, by)),
      placeTableColumn: (column, before) => reorder((order) => placeColumn(order, column, before)),
      resetTable: () =>
        set({
          tableSort: DEFAULT_SORT,
          tableHiddenColumns: [],
          tableColumnOrder: TABLE_COLUMN_IDS,
          tableColumnWidths: {},
        }),
      setPanelWidth(panel, width) {
        const field = WIDTH_FIELD[panel]
        const next = clampWidth(width)
        if (get()[field] !== next) set({ [field]: next })
      },
      setPanelCollapsed(panel, collapsed) {
        const field = COLLAPSED_FIELD[panel]
        if (get()[field] !== collapsed) set({ [field]: collapsed })
        if (!collapsed) set({ panelPriority: panel })
      },
      togglePanel(panel) {
        get().setPanelCollapsed(panel, !get()[COLLAPSED_FIELD[panel]])
      },
      setPanelPriority: (panelPriority) => set({ panelPriority }),
      setStationOrder: (stationOrder) => set({ stationOrder }),
      setHideRowsOutOfView: (hideRowsOutOfView) => set({ hideRowsOutOfView }),
      setCountBy: (countBy) => set({ countBy }),
      setDataSourcesOpen: (dataSourcesOpen) => set({ dataSourcesOpen }),
      toggleSummary: (part) => set({ summaryOpen: get().summaryOpen === part ? 'none' : part }),
      setSummaryOpen: (summaryOpen) => set({ summaryOpen }),
    }
  }

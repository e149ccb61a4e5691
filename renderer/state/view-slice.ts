import type { LodView } from '../../shared/chart/lod'
import { sameRowsTop, type Reveal, type RowsTop } from '../../shared/chart/reveal'
import { sameWindow, type TimeWindow } from '../../shared/chart/window'
import type { Query } from '../../shared/query/query'
import type { AppError, DetailFetch, EventDetail } from '../../shared/ipc/contract'
import type { MainView, ThemeChoice } from '../../shared/prefs/prefs'
import type { TimeZoneMode } from '../../shared/time/time-format'
import { eventId, utcMillis, type UtcMillis } from '../../shared/domain/units'
import { selectFitWindow } from './fit-selectors'
import type { SliceCreator } from './slice'

/** How often still-docked bars grow to the current time. */
const TICK_MS = 60_000

/** The detailed record of the selected event, as far as it has arrived. */
export type DetailState =
  | { readonly status: 'idle' }
  /** Reading the cache (no network). */
  | { readonly status: 'loading'; readonly eventId: number }
  /** The cache has none: asking LL2 (unless its budget is scarce), which may take until the fetch's deadline. */
  | { readonly status: 'fetching'; readonly eventId: number }
  | { readonly status: 'ready'; readonly eventId: number; readonly detail: EventDetail }
  | { readonly status: 'error'; readonly eventId: number; readonly error: AppError }

/** A place the chart was: its window, and where its rows stood. */
export interface ViewPlace {
  readonly window: TimeWindow
  readonly top: RowsTop | null
}

/** The places Back and Forward return to, newest last. */
export interface ViewHistory {
  readonly back: ReadonlyArray<ViewPlace>
  readonly forward: ReadonlyArray<ViewPlace>
  /**
   * The newest place on `back` is where a walk with N and P began, and no
   * other jump came since: the walk's further jumps add no place of their own.
   */
  readonly walking: boolean
}

/**
 * How a jump came: a step of a walk with N and P, a fit to the data (F, "Fit
 * all", "All", a search's fit), or anything else.
 */
export type JumpKind = 'walk' | 'fit' | 'other'

/** A fit the chart was asked to show, and the filters whose results it fitted. */
export interface ShownFit {
  readonly window: TimeWindow
  readonly filters: Query
  /**
   * The drawn width it was fitted for, px (null: before the chart had one).
   * Kept with the fit, not read off the last drawn view: a hidden chart draws
   * at no width, and the width it comes back at is measured against the fit's.
   */
  readonly widthPx: number | null
}

/** How many jumps Back remembers. */
export const VIEW_HISTORY_LIMIT = 50

/** `list` with `p` added last, the oldest dropped past the limit. */
const pushed = (list: ReadonlyArray<ViewPlace>, p: ViewPlace) =>
  [...list, p].slice(-VIEW_HISTORY_LIMIT)

/** How the chart is shown. */
export interface ViewSlice {
  readonly theme: ThemeChoice
  /** Times are UTC unless the user asks for local time. */
  readonly timeZone: TimeZoneMode
  readonly selectedEventId: number | null
  /** Stations whose ports are folded away; our state, not vis-timeline's (#1993). */
  readonly collapsedStations: ReadonlyArray<number>
  readonly hideEmptyPorts: boolean
  readonly mainView: MainView
  /** The time cursor's instant, or null when the cursor is off. */
  readonly cursor: UtcMillis | null
  /** What the chart shows now, mirrored from vis-timeline after each move. */
  readonly visibleWindow: TimeWindow | null
  /**
   * A window the chart should move to. `seq` grows with each request so the
   * same window asked for twice still moves the chart back after a pan.
   */
  readonly windowRequest: {
    readonly window: TimeWindow
    readonly seq: number
    /** What the chart must scroll its rows to show once there, if anything. */
    readonly reveal: Reveal | null
  } | null
  readonly helpOpen: boolean
  /**
   * The window and width the chart last drew its bars at, which decides the
   * rows too dense to draw apart (shared/chart-lod); null before the first draw.
   */
  readonly drawnView: LodView | null
  /** The clock still-docked bars run to; ticks while the app runs. */
  readonly now: UtcMillis
  readonly detail: DetailState
  /** Plain-words problem saving or reading view preferences, if any. */
  readonly viewError: string | null
  setTheme(theme: ThemeChoice): void
  setTimeZone(zone: TimeZoneMode): void
  selectEvent(id: number | null): void
  /** Loads the selected event's detail again (its record changed under it). */
  refreshDetail(): void
  /** Asks LL2 for the selected event's detail: the user asked (after a failure, or to spend a scarce budget). */
  fetchDetail(): void
  toggleStation(stationId: number): void
  setHideEmptyPorts(hide: boolean): void
  setMainView(view: MainView): void
  setCursor(t: number | null): void
  setVisibleWindow(window: TimeWindow): void
  /**
   * Moves the chart there; `fit` says the window is a fit to the data (see
   * `shownFit`), made for `fitWidthPx` (the last drawn width unless given: the
   * opening fit is made for vis's first layout, before any drawn view).
   */
  requestWindow(window: TimeWindow, reveal?: Reveal, fit?: boolean, fitWidthPx?: number): void
  /**
   * The last window asked for as a fit to the data, opening one included. A
   * fit leaves room for names measured in px, so while the chart still shows
   * it, a change of the chart's width (a side panel, the app's window) fits
   * again at the new width rather than keep a window that now cuts them.
   */
  readonly shownFit: ShownFit | null
  /**
   * Where the chart jumped from, newest last (`back`), and where Back came
   * from (`forward`): a panel's "Show", Go to, a preset, Fit, a search's fit.
   * Pans and zooms step the window and are not remembered.
   */
  readonly viewHistory: ViewHistory
  /** The row at the top of the chart and the px of it scrolled past, as the chart last said. */
  readonly rowsTop: RowsTop | null
  setRowsTop(top: RowsTop | null): void
  /**
   * Moves the chart as `requestWindow` does, remembering where it was for
   * Back. A walk with N and P is one jump, however many windows it crosses:
   * Back returns to where it began, not to each docking on the way. A fit
   * (`kind` 'fit') is remembered as `shownFit`.
   */
  jumpTo(window: TimeWindow, reveal?: Reveal, kind?: JumpKind): void
  /** Back to the place before the last jump: its window, its rows as they stood. */
  goBack(): void
  /** Forward again to where Back came from. */
  goForward(): void
  /**
   * Selects a docking and brings its row into view, moving the chart to
   * `window` first if given (null or none: it stays): a panel's "Show", N and
   * P, a visit's other leg, the table (`windowShowing` gives such a window).
   * `kind` says whether the jump is a step of a walk with N and P.
   */
  showEvent(id: number, window?: TimeWindow | null, kind?: JumpKind): void
  setHelpOpen(open: boolean): void
  /** What the chart drew; a new width refits a fit it still shows (`shownFit`). */
  setDrawnView(view: LodView | null): void
}

/**
 * Whether the chart still shows `fit`, drawn `widthPx` wide: within a px of
 * it at either end, as vis may settle a window a little off the one asked for.
 */
function stillShows(fit: TimeWindow, shown: TimeWindow | null, widthPx: number): boolean {
  if (!shown) return false
  const px = (fit.end - fit.start) / widthPx
  return Math.abs(shown.start - fit.start) <= px && Math.abs(shown.end - fit.end) <= px
}

/** Creates the view slice. */
export const createViewSlice: SliceCreator<ViewSlice> =
  ({ api, clock, onDispose }) =>
  (set, get) => {
    // Open bars run to now while the app is open.
    const ticker = setInterval(() => set({ now: clock.now() }), TICK_MS)
    onDispose(() => clearInterval(ticker))
    /**
     * Back (from `back`) and Forward (from `forward`): that list's newest
     * place becomes the view, and the view goes onto the other list. The
     * window comes back as it was, the rows scrolled as they stood.
     */
    const travel = (from: 'back' | 'forward') => {
      const other = from === 'back' ? 'forward' : 'back'
      const { visibleWindow: window, rowsTop: top, viewHistory: h } = get()
      const to = h[from].at(-1)
      if (!to || !window) return
      const here = { window, top }
      set({
        viewHistory: {
          ...h,
          [from]: h[from].slice(0, -1),
          [other]: pushed(h[other], here),
          walking: false,
        },
      })
      get().requestWindow(to.window, to.top ? { top: to.top } : 'results')
    }
    let detailRequest = 0
    // The cache first, so the panel can say when it goes to the network and why it waits.
    const loadDetail = async (id: number, fetch: DetailFetch) => {
      const mine = ++detailRequest
      set({ detail: { status: fetch === 'never' ? 'loading' : 'fetching', eventId: id } })
      const r = await api.getEventDetail({ id, fetch })
      // A newer selection won the race; its answer is the one to show.
      if (mine !== detailRequest) return
      if (r.ok && r.value.state === 'not-fetched' && fetch === 'never')
        return loadDetail(id, 'auto')
      set({
        detail: r.ok
          ? { status: 'ready', eventId: id, detail: r.value }
          : { status: 'error', eventId: id, error: r.error },
      })
    }

    return {
      theme: 'system',
      timeZone: 'utc',
      selectedEventId: null,
      collapsedStations: [],
      hideEmptyPorts: false,
      mainView: 'chart',
      cursor: null,
      visibleWindow: null,
      windowRequest: null,
      helpOpen: false,
      drawnView: null,
      now: clock.now(),
      detail: { status: 'idle' },
      viewError: null,
      setTheme(theme) {
        set({ theme })
      },
      setTimeZone(timeZone) {
        set({ timeZone })
      },
      refreshDetail() {
        const id = get().selectedEventId
        if (id !== null) void loadDetail(id, 'never')
      },
      fetchDetail() {
        const id = get().selectedEventId
        if (id !== null) void loadDetail(id, 'always')
      },
      selectEvent(id) {
        if (id === get().selectedEventId) return
        // Left behind, its record would only spend the server's budget and the network.
        if (get().detail.status === 'fetching') void api.cancelEventDetail()
        set({ selectedEventId: id })
        if (id === null) {
          detailRequest++
          set({ detail: { status: 'idle' } })
        } else void loadDetail(id, 'never')
      },
      toggleStation(stationId) {
        const current = get().collapsedStations
        const next = current.includes(stationId)
          ? current.filter((id) => id !== stationId)
          : [...current, stationId].sort((a, b) => a - b)
        set({ collapsedStations: next })
      },
      setHideEmptyPorts(hideEmptyPorts) {
        set({ hideEmptyPorts })
      },
      setMainView(mainView) {
        set({ mainView })
      },
      setCursor: (t) => set({ cursor: t === null ? null : utcMillis(Math.round(t)) }),
      setVisibleWindow(window) {
        const w = get().visibleWindow
        if (w && sameWindow(w, window)) return
        set({ visibleWindow: window })
      },
      requestWindow: (window, reveal, fit = false, fitWidthPx) =>
        set({
          windowRequest: {
            window,
            seq: (get().windowRequest?.seq ?? 0) + 1,
            reveal: reveal ?? null,
          },
          shownFit: fit
            ? {
                window,
                filters: get().filters,
                widthPx: fitWidthPx || get().drawnView?.widthPx || null,
              }
            : null,
        }),
      shownFit: null,
      viewHistory: { back: [], forward: [], walking: false },
      rowsTop: null,
      jumpTo(window, reveal, kind = 'other') {
        const { visibleWindow: from, rowsTop: top, viewHistory: h } = get()
        const walk = kind === 'walk'
        if (from && !sameWindow(from, window))
          set({
            viewHistory: {
              back: walk && h.walking ? h.back : pushed(h.back, { window: from, top }),
              forward: [],
              walking: walk,
            },
          })
        get().requestWindow(window, reveal, kind === 'fit')
      },
      goBack: () => travel('back'),
      goForward: () => travel('forward'),
      setRowsTop(rowsTop) {
        if (!sameRowsTop(get().rowsTop, rowsTop)) set({ rowsTop })
      },
      showEvent(id, window, kind) {
        get().selectEvent(id)
        const reveal = { event: eventId(id) }
        if (window) get().jumpTo(window, reveal, kind)
        else {
          const w = get().visibleWindow
          if (w) get().requestWindow(w, reveal)
        }
      },
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setDrawnView(view) {
        const v = get().drawnView
        if (v === view) return
        if (v && view && v.start === view.start && v.end === view.end && v.widthPx === view.widthPx)
          return
        set({ drawnView: view })
        const fit = get().shownFit
        // A fit to other filters than today's is not the user's to have redone by a resize.
        if (!view || !fit?.widthPx || fit.widthPx === view.widthPx || fit.filters !== get().filters)
          return
        if (!stillShows(fit.window, get().visibleWindow, fit.widthPx)) return
        const refit = selectFitWindow(get(), view.widthPx)
        if (!refit) return
        if (!sameWindow(refit, fit.window)) get().requestWindow(refit, undefined, true)
        // The same window fits this width too: it is now the fit for this width.
        else set({ shownFit: { ...fit, widthPx: view.widthPx } })
      },
    }
  }

import type { TimeWindow } from '../../shared/chart-window'
import type { AppError, EventDetail } from '../../shared/ipc/contract'
import type { TimeZoneMode } from '../../shared/time-format'
import { utcMillis, type UtcMillis } from '../../shared/units'
import { api } from '../api'
import type { SliceCreator } from './slice'

/** Light, dark, or whatever the system prefers. */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** The main area shows the chart or the table of the same rows. */
export type MainView = 'chart' | 'table'

/** The detailed record of the selected event, as far as it has arrived. */
export type DetailState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly eventId: number }
  | { readonly status: 'ready'; readonly eventId: number; readonly detail: EventDetail }
  | { readonly status: 'error'; readonly eventId: number; readonly error: AppError }

/** Preference keys of the view; main keeps them in the cache, so they survive restarts. */
export const VIEW_PREFS = {
  collapsedStations: 'view.collapsed-stations',
  hideEmptyPorts: 'view.hide-empty-ports',
  timeZone: 'view.time-zone',
  theme: 'view.theme',
  mainView: 'view.main',
} as const

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
  readonly windowRequest: { readonly window: TimeWindow; readonly seq: number } | null
  readonly helpOpen: boolean
  /** How many runs of bars the chart draws as strips at this zoom (dense rows; see shared/chart-lod). */
  readonly denseRuns: number
  /** The clock still-docked bars run to; ticks while the app runs. */
  readonly now: UtcMillis
  readonly detail: DetailState
  /** Plain-words problem saving or reading view preferences, if any. */
  readonly viewError: string | null
  setTheme(theme: ThemeChoice): void
  setTimeZone(zone: TimeZoneMode): void
  selectEvent(id: number | null): void
  toggleStation(stationId: number): void
  setHideEmptyPorts(hide: boolean): void
  setMainView(view: MainView): void
  setCursor(t: number | null): void
  setVisibleWindow(window: TimeWindow): void
  requestWindow(window: TimeWindow): void
  setHelpOpen(open: boolean): void
  setDenseRuns(count: number): void
  tick(now: number): void
  /** Reads the stored view preferences; call once at start. */
  loadViewPrefs(): Promise<void>
}

const isThemeChoice = (v: unknown): v is ThemeChoice =>
  v === 'system' || v === 'light' || v === 'dark'

/** Creates the view slice. */
export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => {
  const persist = (key: string, value: unknown) => {
    void api()
      .setPref({ key, value })
      .then((r) => {
        if (!r.ok) set({ viewError: `A view setting could not be saved: ${r.error.message}` })
      })
  }
  let detailRequest = 0
  const loadDetail = async (id: number) => {
    const mine = ++detailRequest
    set({ detail: { status: 'loading', eventId: id } })
    const r = await api().getEventDetail({ id })
    // A newer selection won the race; its answer is the one to show.
    if (mine !== detailRequest) return
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
    denseRuns: 0,
    now: utcMillis(Date.now()),
    detail: { status: 'idle' },
    viewError: null,
    setTheme(theme) {
      set({ theme })
      persist(VIEW_PREFS.theme, theme)
    },
    setTimeZone(timeZone) {
      set({ timeZone })
      persist(VIEW_PREFS.timeZone, timeZone)
    },
    selectEvent(id) {
      if (id === get().selectedEventId) return
      set({ selectedEventId: id })
      if (id === null) {
        detailRequest++
        set({ detail: { status: 'idle' } })
      } else void loadDetail(id)
    },
    toggleStation(stationId) {
      const current = get().collapsedStations
      const next = current.includes(stationId)
        ? current.filter((id) => id !== stationId)
        : [...current, stationId].sort((a, b) => a - b)
      set({ collapsedStations: next })
      persist(VIEW_PREFS.collapsedStations, next)
    },
    setHideEmptyPorts(hideEmptyPorts) {
      set({ hideEmptyPorts })
      persist(VIEW_PREFS.hideEmptyPorts, hideEmptyPorts)
    },
    setMainView(mainView) {
      set({ mainView })
      persist(VIEW_PREFS.mainView, mainView)
    },
    setCursor: (t) => set({ cursor: t === null ? null : utcMillis(Math.round(t)) }),
    setVisibleWindow(window) {
      const w = get().visibleWindow
      if (w && w.start === window.start && w.end === window.end) return
      set({ visibleWindow: window })
    },
    requestWindow: (window) =>
      set({ windowRequest: { window, seq: (get().windowRequest?.seq ?? 0) + 1 } }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setDenseRuns: (denseRuns) => {
      if (get().denseRuns !== denseRuns) set({ denseRuns })
    },
    tick: (now) => set({ now: utcMillis(now) }),
    async loadViewPrefs() {
      const keys = [
        VIEW_PREFS.collapsedStations,
        VIEW_PREFS.hideEmptyPorts,
        VIEW_PREFS.timeZone,
        VIEW_PREFS.theme,
        VIEW_PREFS.mainView,
      ] as const
      const [collapsed, hideEmpty, zone, theme, main] = await Promise.all(
        keys.map((key) => api().getPref({ key })),
      )
      const value = (r: typeof collapsed | undefined) => (r?.ok ? r.value : null)
      const c = value(collapsed)
      const failed = [collapsed, hideEmpty, zone, theme, main].find((r) => r && !r.ok)
      set({
        // Stored values are checked: a hand-edited or older cache must not break the view.
        ...(Array.isArray(c)
          ? { collapsedStations: c.filter((x): x is number => Number.isInteger(x)) }
          : {}),
        ...(typeof value(hideEmpty) === 'boolean'
          ? { hideEmptyPorts: value(hideEmpty) as boolean }
          : {}),
        ...(value(zone) === 'utc' || value(zone) === 'local'
          ? { timeZone: value(zone) as TimeZoneMode }
          : {}),
        ...(isThemeChoice(value(theme)) ? { theme: value(theme) as ThemeChoice } : {}),
        ...(value(main) === 'chart' || value(main) === 'table'
          ? { mainView: value(main) as MainView }
          : {}),
        viewError:
          failed && !failed.ok ? `View settings could not be read: ${failed.error.message}` : null,
      })
    },
  }
}

/**
 * Level of detail for dense rows: runs of bars too small to tell apart at the
 * current zoom are drawn as one strip ("412 dockings") until the user zooms in.
 *
 * A row with hundreds of one-pixel bars reads as a smear that no one can
 * point at or count; a strip says how many dockings it holds and opens on a
 * click. Only rows with more bars in view than the chart has room for are
 * thinned, so ordinary data always draws every bar.
 */
import type { PlacedBar } from './chart-model'
import { centredOn, windowAround, type TimeWindow } from './window'
import { groupBy } from './group-by'
import { HeatCache, heatCells, HeatScratch, type HeatCell, type HeatInterval } from './heat-strip'
import type { EventId, UtcMillis } from '../domain/units'

/** Below this many px per bar in view, a row counts as dense. */
export const DENSE_PX_PER_BAR = 10
/** In a dense row, bars narrower than this (px, about a short label) may join a run… */
export const NARROW_BAR_PX = 24
/** …as may the gap between two neighbours (px). */
export const JOIN_GAP_PX = 4

/** Id prefix of runs, which stand in for bars too dense to draw apart. */
export const RUN_ID_PREFIX = 'run-'

/** The visible time window and the width it is drawn at. */
export interface LodView {
  readonly start: number
  readonly end: number
  readonly widthPx: number
}

/** A run of bars in one row drawn as one strip. */
export interface BarRun {
  /** Stable while the run holds the same bars: `run-<row>-<first>-<last>-<count>`. */
  readonly id: string
  readonly rowId: string
  readonly start: UtcMillis
  readonly end: UtcMillis
  readonly count: number
  /** The run's events, by docking. */
  readonly eventIds: ReadonlyArray<EventId>
  /** True when the bars are a collapsed station's summary. */
  readonly isSummary: boolean
  /** The run's dockings, by docking: what its tooltip measures. */
  readonly intervals: ReadonlyArray<HeatInterval>
  /**
   * Its heat strip: docked share per column of the LOD step
   * (shared/chart/heat-strip.ts), worked out on first reading.
   */
  readonly heat: ReadonlyArray<HeatCell>
}

/** What to draw: bars one by one, and runs standing in for the rest. */
export interface ThinnedBars {
  readonly bars: ReadonlyArray<PlacedBar>
  readonly runs: ReadonlyArray<BarRun>
}

/**
 * The time one px stands for, rounded up to a power of two ms, so a small
 * zoom keeps the same runs and only crossing a step regroups them.
 */
export function lodResolution(view: LodView): number {
  const msPerPx = (view.end - view.start) / view.widthPx
  if (!(msPerPx > 0) || !Number.isFinite(msPerPx)) return 0
  return 2 ** Math.ceil(Math.log2(msPerPx))
}

/**
 * A run as thinning finds it: its bars, and what is derived from them worked
 * out when first read. A keystroke or a zoom thins every dense row again, and
 * most runs are only drawn, never pointed at or selected; a strip in a row
 * scrolled out of view needs no cells. (A class, so a run is one small object:
 * getters on an object literal made each run several.)
 */
class DenseRun implements BarRun {
  readonly id: string
  readonly start: UtcMillis
  readonly count: number
  readonly isSummary: boolean
  // Private (#) so a run's own properties are the BarRun fields alone.
  readonly #members: ReadonlyArray<PlacedBar>
  readonly #resolution: number
  readonly #placed: ReadonlyArray<PlacedBar>
  readonly #cache: HeatCache | undefined
  readonly #scratch: HeatScratch
  #ids: ReadonlyArray<EventId> | null = null
  #spans: ReadonlyArray<HeatInterval> | null = null
  #cells: ReadonlyArray<HeatCell> | null = null

  /** `members`: the run's bars, by docking. */
  constructor(
    readonly rowId: string,
    members: ReadonlyArray<PlacedBar>,
    readonly end: UtcMillis,
    resolution: number,
    placed: ReadonlyArray<PlacedBar>,
    cache: HeatCache | undefined,
    /** Shared by the runs of one thinning. */
    scratch: HeatScratch,
  ) {
    const first = members[0]!
    const last = members[members.length - 1]!
    this.id = `${RUN_ID_PREFIX}${rowId}-${first.bar.eventId}-${last.bar.eventId}-${members.length}`
    this.start = first.bar.start
    this.count = members.length
    this.isSummary = first.isSummary
    this.#members = members
    this.#resolution = resolution
    this.#placed = placed
    this.#cache = cache
    this.#scratch = scratch
  }

  get eventIds(): ReadonlyArray<EventId> {
    return (this.#ids ??= this.#members.map((p) => p.bar.eventId))
  }

  /** A bar is a HeatInterval already (start, end, family). */
  get intervals(): ReadonlyArray<HeatInterval> {
    return (this.#spans ??= this.#members.map((p) => p.bar))
  }

  /** Read for every strip of every frame: once worked out, no more than a field. */
  get heat(): ReadonlyArray<HeatCell> {
    if (this.#cells) return this.#cells
    const work = () =>
      heatCells(this.intervals, this.start, this.end, this.#resolution, this.#scratch)
    return (this.#cells = this.#cache
      ? this.#cache.cells(this.#placed, this.id, this.#resolution, work)
      : work())
  }
}

/**
 * Splits bars into those drawn one by one and runs of bars too dense to draw
 * apart. With a `cache`, a run's heat cells are worked out once per LOD step
 * (a run's bars and cells do not depend on where the window sits, only on
 * the step), so re-thinning after a pan reuses them.
 */
export function thinDenseRows(
  placed: ReadonlyArray<PlacedBar>,
  view: LodView,
  cache?: HeatCache,
): ThinnedBars {
  const resolution = lodResolution(view)
  if (resolution === 0) return { bars: placed, runs: [] }
  cache?.use(placed)
  const scratch = new HeatScratch()
  const byRow = groupBy(placed, (p) => p.rowId)
  const maxInView = view.widthPx / DENSE_PX_PER_BAR
  const narrow = NARROW_BAR_PX * resolution
  const gap = JOIN_GAP_PX * resolution
  const bars: PlacedBar[] = []
  const runs: BarRun[] = []
  for (const [rowId, list] of byRow) {
    let inView = 0
    for (const p of list) if (p.bar.end > view.start && p.bar.start < view.end) inView++
    if (inView <= maxInView) {
      bars.push(...list)
      continue
    }
    list.sort((a, b) => a.bar.start - b.bar.start || a.bar.eventId - b.bar.eventId)
    let run: PlacedBar[] = []
    let runEnd = Number.NEGATIVE_INFINITY
    const flush = () => {
      if (run.length === 1) bars.push(run[0]!)
      else if (run.length > 1)
        runs.push(new DenseRun(rowId, run, runEnd as UtcMillis, resolution, placed, cache, scratch))
      run = []
      runEnd = Number.NEGATIVE_INFINITY
    }
    for (const p of list) {
      const isNarrow = p.bar.end - p.bar.start < narrow
      if (!isNarrow) {
        flush()
        bars.push(p)
        continue
      }
      if (run.length > 0 && p.bar.start - runEnd >= gap) flush()
      run.push(p)
      runEnd = Math.max(runEnd, p.bar.end)
    }
    flush()
  }
  return { bars, runs }
}

/**
 * Whether two thinnings of the same bars draw the same: the same bars in the
 * same order, and runs of the same bars at the same LOD step (a run's id
 * names its bars; its heat cells depend on the step too).
 */
export function sameThinning(a: ThinnedBars, b: ThinnedBars, sameStep: boolean): boolean {
  if (a === b) return true
  if (a.bars.length !== b.bars.length || a.runs.length !== b.runs.length) return false
  if (a.runs.length > 0 && !sameStep) return false
  for (let i = 0; i < a.bars.length; i++) if (a.bars[i] !== b.bars[i]) return false
  for (let i = 0; i < a.runs.length; i++) if (a.runs[i]!.id !== b.runs[i]!.id) return false
  return true
}

/**
 * `thinDenseRows` that remembers its last answer: the same bars for a view of
 * the same window and width give the same object, without thinning again.
 * A view that thins the bars as the last one did (any zoom or pan while no
 * row is dense) also gives the last object, so the chart can tell that its
 * scene needs no rebuilding.
 * The legend counts the runs the canvas draws; one memo for both thins once.
 * Its `cache` keeps strips' heat cells per LOD step across pans until the bars change.
 */
export function memoThinDenseRows(
  cache: HeatCache = new HeatCache(),
): (placed: ReadonlyArray<PlacedBar>, view: LodView) => ThinnedBars {
  let last: { placed: ReadonlyArray<PlacedBar>; view: LodView; thin: ThinnedBars } | null = null
  return (placed, view) => {
    if (
      last?.placed !== placed ||
      last.view.start !== view.start ||
      last.view.end !== view.end ||
      last.view.widthPx !== view.widthPx
    ) {
      const thin = thinDenseRows(placed, view, cache)
      const kept =
        last?.placed === placed &&
        sameThinning(last.thin, thin, lodResolution(last.view) === lodResolution(view))
      last = { placed, view, thin: kept ? last!.thin : thin }
    }
    return last.thin
  }
}

/**
 * The window a click on a run opens: the whole run when its bars fit apart
 * there, else a stretch of it around the click (`at`, default its middle)
 * narrow enough that they do.
 */
export function openRun(run: BarRun, widthPx: number, at?: number): TimeWindow {
  const whole = windowAround(run.start, run.end)
  const fits = Math.max(1, widthPx / DENSE_PX_PER_BAR)
  if (run.count <= fits || widthPx <= 0) return whole
  // Bars spread about evenly over the run: show the share of it that fits, with room to spare.
  const span = ((run.end - run.start) * fits) / run.count / 2
  const centre =
    at !== undefined && at >= run.start && at <= run.end ? at : (run.start + run.end) / 2
  return centredOn(centre, Math.min(span, whole.end - whole.start))
}

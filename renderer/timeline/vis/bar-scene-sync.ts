/**
 * What the bar canvas shows: the scene built from the placed bars, thinned
 * into strips where rows are too dense for the window, and the selection and
 * search terms it marks. Dense rows are re-thinned once a zoom settles.
 */
import { buildScene } from '../../../shared/chart/bar-scene'
import type { Overlap, PlacedBar } from '../../../shared/chart/chart-model'
import { HeatCache } from '../../../shared/chart/heat-strip'
import { thinDenseRows, type LodView, type ThinnedBars } from '../../../shared/chart/lod'
import type { ReferenceLine } from '../../../shared/chart/reference-lines'
import type { BarLayer } from '../canvas/bar-layer'
import { selectionMark } from './selection-mark'

export class BarSceneSync {
  /** What the scene was last built from, to rebuild it when the zoom settles. */
  private shown: {
    placed: ReadonlyArray<PlacedBar>
    overlaps: ReadonlyArray<Overlap>
    view: LodView | null
  } = { placed: [], overlaps: [], view: null }
  private thin: ThinnedBars = { bars: [], runs: [] }
  /** The reference layer's lines; empty while it is off. */
  private references: ReadonlyArray<ReferenceLine> = []
  /** Events drawn one by one (the rest are inside strips). */
  private barIds = new Set<number>()
  private selectedId: number | null = null
  /** The search terms marked in bar labels; empty when not searching. */
  private terms: ReadonlyArray<string> = []
  private lodFrame = 0
  /** Strips' heat cells per LOD step, kept across pans until the bars change. */
  private readonly heat = new HeatCache()

  /**
   * `lodView` is the window and width bars are drawn at now; `onView` hears
   * each view the scene is rebuilt for.
   */
  constructor(
    private readonly layer: BarLayer,
    private readonly lodView: () => LodView | null,
    private readonly onView: (view: LodView | null) => void,
  ) {}

  /** Rebuilds the scene from these bars for `view` (null: not thinned). */
  sync(
    placed: ReadonlyArray<PlacedBar>,
    overlaps: ReadonlyArray<Overlap>,
    view: LodView | null,
  ): void {
    this.shown = { placed, overlaps, view }
    const thin: ThinnedBars = view
      ? thinDenseRows(placed, view, this.heat)
      : { bars: placed, runs: [] }
    this.thin = thin
    this.barIds = new Set(thin.bars.map((p) => p.bar.eventId as number))
    this.layer.setScene(buildScene(thin, overlaps, placed, this.references))
    this.onView(view)
    this.updatePaintState()
  }

  /** The reference lines to draw under the bars (none: the layer is off). */
  setReferences(lines: ReadonlyArray<ReferenceLine>): void {
    if (lines === this.references) return
    this.references = lines
    const { placed, overlaps, view } = this.shown
    this.sync(placed, overlaps, view)
  }

  setSelection(id: number | null): void {
    this.selectedId = id
    this.updatePaintState()
  }

  setSearchTerms(terms: ReadonlyArray<string>): void {
    this.terms = terms
    this.updatePaintState()
  }

  /** Re-thins dense rows on the next frame, if the view has changed by then. */
  scheduleLod(): void {
    if (!this.lodFrame) this.lodFrame = requestAnimationFrame(this.updateLod)
  }

  destroy(): void {
    cancelAnimationFrame(this.lodFrame)
  }

  /** What the canvas marks: the selection and the search. */
  private updatePaintState(): void {
    this.layer.setState({
      selectedId: selectionMark(this.selectedId, this.barIds, this.thin.runs),
      terms: this.terms,
    })
    this.layer.request()
  }

  // Once a zoom settles (or the first draw tells the real width), dense
  // rows are thinned for it.
  private readonly updateLod = () => {
    this.lodFrame = 0
    const drawn = this.shown.view
    const now = this.lodView()
    if (
      now &&
      (!drawn ||
        drawn.start !== now.start ||
        drawn.end !== now.end ||
        drawn.widthPx !== now.widthPx)
    )
      this.sync(this.shown.placed, this.shown.overlaps, now)
  }
}

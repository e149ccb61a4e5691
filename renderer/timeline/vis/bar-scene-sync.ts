/**
 * What the bar canvas shows: the scene built from the placed bars, thinned
 * into strips where rows are too dense for the window, and the selection and
 * search terms it marks. Dense rows are re-thinned once a zoom settles.
 */
import { buildScene } from '../../../shared/chart/bar-scene'
import type { Overlap, PlacedBar } from '../../../shared/chart/chart-model'
import type { LodView, ThinnedBars } from '../../../shared/chart/lod'
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
  /** The lines the scene was last built with. */
  private sceneReferences: ReadonlyArray<ReferenceLine> | null = null
  /** Events drawn one by one (the rest are inside strips). */
  private barIds = new Set<number>()
  private selectedId: number | null = null
  /** The search terms marked in bar labels; empty when not searching. */
  private terms: ReadonlyArray<string> = []
  private lodFrame = 0

  /**
   * `lodView` is the window and width bars are drawn at now; `onView` hears
   * each view the scene is rebuilt for; `thin` thins dense rows for a view
   * (the store's memo, which the legend's count reads too).
   */
  constructor(
    private readonly layer: BarLayer,
    private readonly lodView: () => LodView | null,
    private readonly onView: (view: LodView | null) => void,
    private readonly thinRows: (placed: ReadonlyArray<PlacedBar>, view: LodView) => ThinnedBars,
  ) {}

  /** Rebuilds the scene from these bars for `view` (null: not thinned). */
  sync(
    placed: ReadonlyArray<PlacedBar>,
    overlaps: ReadonlyArray<Overlap>,
    view: LodView | null,
  ): void {
    const was = this.shown
    this.shown = { placed, overlaps, view }
    const thin: ThinnedBars = view ? this.thinRows(placed, view) : { bars: placed, runs: [] }
    // A zoom or pan that thins as the last view did (the memo gives the same
    // object) draws the same scene: rebuilding it for 10,000 bars took a frame.
    const same =
      thin === this.thin &&
      placed === was.placed &&
      overlaps === was.overlaps &&
      this.references === this.sceneReferences
    if (!same) {
      this.thin = thin
      this.barIds = new Set(thin.bars.map((p) => p.bar.eventId as number))
      this.sceneReferences = this.references
      this.layer.setScene(buildScene(thin, overlaps, placed, this.references))
    }
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

import { afterEach, describe, expect, it } from 'vitest'

import { selectFitWindow } from '../../../renderer/state/fit-selectors'
import { selectBars, selectDenseRuns } from '../../../renderer/state/selectors'
import { barLabel, LABEL_PADDING, OUTSIDE_GAP } from '../../../shared/chart/bar-labels'
import { fitWindow, panWindow, type TimeWindow } from '../../../shared/chart/window'
import { makeEvent } from '../query/make-event'
import {
  ALL_EVENTS,
  disposeStores,
  dockingData,
  fakeLabelWidth,
  ok,
  PROGRESS_13,
  SOYUZ_26,
  storeWith,
} from './fakes'

afterEach(disposeStores)

const SALYUT_YEARS = {
  start: Date.parse('1977-01-01T00:00:00Z'),
  end: Date.parse('1983-01-01T00:00:00Z'),
}

describe('chart selectors', () => {
  it('counts the strips of bars too dense to draw apart at the zoom last drawn', async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    expect(selectDenseRuns(store.getState())).toBe(0)
    // Ten pixels for six years: the two Soyuz stays at Salyut 6 merge into one strip.
    store.getState().setDrawnView({ ...SALYUT_YEARS, widthPx: 10 })
    expect(selectDenseRuns(store.getState())).toBe(1)
    store.getState().setSearch('soyuz 26')
    expect(selectDenseRuns(store.getState())).toBe(0)
    store.getState().setSearch('')
    store.getState().setDrawnView({ ...SALYUT_YEARS, widthPx: 2000 })
    expect(selectDenseRuns(store.getState())).toBe(0)
  })

  it('runs a still-docked bar to the injected clock', async () => {
    const docked = makeEvent({ id: 7, vehicle: 'Soyuz T-15', docking: '2026-11-20T00:00:00Z' })
    const { store, time } = storeWith(
      { 'dt:data:get': () => ok(dockingData([docked])) },
      '2026-11-26T12:00:00Z',
    )
    await store.getState().loadData()
    const [bar] = selectBars(store.getState())
    expect(bar).toMatchObject({ end: time.now(), endState: 'docked' })
  })

  it("fits the results with room for the last bar's name, at the width the chart drew at", async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    const plain = fitWindow({ start: SOYUZ_26.docking, end: PROGRESS_13.departure! })
    // Before the chart has drawn, its width is unknown: the data and its margin.
    expect(selectFitWindow(store.getState())).toEqual(plain)

    store.getState().setDrawnView({ ...SALYUT_YEARS, widthPx: 600 })
    store.getState().setVisibleWindow(plain)
    store.getState().zoomToResults()
    const fit = store.getState().windowRequest!.window
    expect(fit.start).toBe(plain.start)
    expect(fit.end).toBeGreaterThan(plain.end)
    // Progress 13's ten days end the data; its name is written beside its bar.
    const progress = selectBars(store.getState()).find((b) => b.label === 'Progress 13')!
    const x1 = ((progress.end - fit.start) / (fit.end - fit.start)) * 600
    const nameEnd = x1 + OUTSIDE_GAP + 2 * LABEL_PADDING + fakeLabelWidth(barLabel(progress))
    expect(nameEnd).toBeCloseTo(600, 6)
  })

  it('fits again when the chart narrows while it shows a fit, not once the user has moved it', async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    const plain = fitWindow({ start: SOYUZ_26.docking, end: PROGRESS_13.departure! })
    const drawn = (w: TimeWindow, widthPx: number) => {
      store.getState().setVisibleWindow(w)
      store.getState().setDrawnView({ ...w, widthPx })
    }
    const nameEnd = (fit: TimeWindow, widthPx: number) => {
      const progress = selectBars(store.getState()).find((b) => b.label === 'Progress 13')!
      const x1 = ((progress.end - fit.start) / (fit.end - fit.start)) * widthPx
      return x1 + OUTSIDE_GAP + 2 * LABEL_PADDING + fakeLabelWidth(barLabel(progress))
    }
    drawn(plain, 600)
    store.getState().zoomToResults()
    const at600 = store.getState().windowRequest!.window
    drawn(at600, 600)

    // A side panel opens: vis keeps the window, 200 px narrower, and Progress 13's name would run past the edge.
    expect(nameEnd(at600, 400)).toBeGreaterThan(400 + 20)
    store.getState().setDrawnView({ ...at600, widthPx: 400 })
    const at400 = store.getState().windowRequest!.window
    expect(at400.start).toBe(at600.start)
    expect(nameEnd(at400, 400)).toBeCloseTo(400, 6)
    drawn(at400, 400)

    // Panned away from the fit: the user's window stays through a resize.
    const seq = store.getState().windowRequest!.seq
    drawn(panWindow(at400, 0.1), 400)
    store.getState().setDrawnView({ ...panWindow(at400, 0.1), widthPx: 600 })
    expect(store.getState().windowRequest!.seq).toBe(seq)

    // Back on a fit, then other filters without fitting them: a resize does not fit what the user has not asked for.
    store.getState().zoomToResults()
    const fitted = store.getState().windowRequest!.window
    drawn(fitted, 600)
    store.getState().setFitOnFilterChange(false)
    store.getState().setSearch('soyuz')
    const after = store.getState().windowRequest!.seq
    store.getState().setDrawnView({ ...fitted, widthPx: 400 })
    expect(store.getState().windowRequest!.seq).toBe(after)
  })

  it('fits the opening fit again when the chart is first drawn at another width than it was made for', async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    // The chart opens on a fit for its first layout, 600 px, before it has drawn anything.
    const opening = selectFitWindow(store.getState(), 600)!
    store.getState().requestWindow(opening, undefined, true, 600)
    store.getState().setVisibleWindow(opening)
    store.getState().setDrawnView({ ...opening, widthPx: 600 })
    expect(store.getState().windowRequest!.window).toBe(opening)
    // The app's window narrows: the opening fit is made again for 400 px.
    store.getState().setDrawnView({ ...opening, widthPx: 400 })
    const at400 = store.getState().windowRequest!.window
    expect(at400).toEqual(selectFitWindow(store.getState(), 400))
    expect(at400.end).toBeGreaterThan(opening.end)
  })

  it('keeps a fit that suits a new width as the fit for that width', async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    // So wide that every name fits within the data's margin: the fit is the same at both widths.
    const wide = selectFitWindow(store.getState(), 8000)!
    expect(selectFitWindow(store.getState(), 9000)).toEqual(wide)
    store.getState().requestWindow(wide, undefined, true, 8000)
    store.getState().setVisibleWindow(wide)
    store.getState().setDrawnView({ ...wide, widthPx: 9000 })
    // The chart is not moved, and later draws at 9000 px need no fit computed again.
    expect(store.getState().windowRequest!.window).toBe(wide)
    expect(store.getState().shownFit?.widthPx).toBe(9000)
  })

  it('fits again for the width the chart comes back at after a spell without one (hidden)', async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    const plain = fitWindow({ start: SOYUZ_26.docking, end: PROGRESS_13.departure! })
    store.getState().setVisibleWindow(plain)
    store.getState().setDrawnView({ ...plain, widthPx: 600 })
    store.getState().zoomToResults()
    const at600 = store.getState().windowRequest!.window
    store.getState().setVisibleWindow(at600)
    store.getState().setDrawnView({ ...at600, widthPx: 600 })
    // The Table tab hides the chart (no width), the window narrows, the chart comes back.
    store.getState().setDrawnView(null)
    store.getState().setDrawnView({ ...at600, widthPx: 400 })
    const at400 = store.getState().windowRequest!.window
    expect(at400).toEqual(selectFitWindow(store.getState(), 400))
    expect(at400.end).toBeGreaterThan(at600.end)
    // Back at the width it was fitted for: that fit again, not a second one.
    store.getState().setVisibleWindow(at400)
    store.getState().setDrawnView(null)
    store.getState().setDrawnView({ ...at400, widthPx: 400 })
    expect(store.getState().windowRequest!.window).toBe(at400)
  })
})

import { afterEach, describe, expect, it } from 'vitest'

import type { TimeWindow } from '../../../shared/chart/window'
import { VIEW_HISTORY_LIMIT, type ViewPlace } from '../../../renderer/state/view-slice'
import type { AppStore } from '../../../renderer/state/store'
import {
  ALL_EVENTS,
  detailOf,
  disposeStores,
  dockingData,
  ok,
  PROGRESS_13,
  SOYUZ_26,
  SOYUZ_27,
  storeWith,
} from './fakes'

afterEach(disposeStores)

const win = (startYear: number, endYear: number) =>
  ({
    start: Date.parse(`${startYear}-01-01T00:00:00Z`),
    end: Date.parse(`${endYear}-01-01T00:00:00Z`),
  }) as TimeWindow

/** A store whose chart has drawn `first`, and follows every window request as the chart does. */
async function charted(first: TimeWindow) {
  const { store } = storeWith({
    'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
    'dt:event:get-detail': ({ id }) => ok(detailOf(ALL_EVENTS.find((e) => e.id === id)!)),
  })
  await store.getState().loadData()
  store.getState().setVisibleWindow(first)
  store.subscribe((s, before) => {
    const r = s.windowRequest
    if (r && r !== before.windowRequest) s.setVisibleWindow(r.window)
  })
  return store
}

const shown = (store: AppStore) => store.getState().visibleWindow
const history = (store: AppStore) => store.getState().viewHistory
const windows = (places: ReadonlyArray<ViewPlace>) => places.map((p) => p.window)

describe('back and forward between the places the chart jumped to', () => {
  it('returns to where a jump left, bringing its dockings into view, and forward again', async () => {
    const store = await charted(win(1970, 2030))
    store.getState().jumpTo(win(1977, 1979))
    store.getState().showEvent(SOYUZ_26.id, win(1977, 1978))
    expect(windows(history(store).back)).toEqual([win(1970, 2030), win(1977, 1979)])

    store.getState().goBack()
    expect(shown(store)).toEqual(win(1977, 1979))
    // Where the rows stood is not known here (no chart said): its dockings are brought into view.
    expect(store.getState().windowRequest?.reveal).toBe('results')
    store.getState().goBack()
    expect(shown(store)).toEqual(win(1970, 2030))
    expect(windows(history(store).back)).toEqual([])
    expect(windows(history(store).forward)).toEqual([win(1977, 1978), win(1977, 1979)])
    // Nothing further back: Back does nothing.
    const seq = store.getState().windowRequest?.seq
    store.getState().goBack()
    expect(store.getState().windowRequest?.seq).toBe(seq)

    store.getState().goForward()
    expect(shown(store)).toEqual(win(1977, 1979))
    store.getState().goForward()
    expect(shown(store)).toEqual(win(1977, 1978))
    expect(history(store).forward).toEqual([])
  })

  it('puts the rows back where they stood, as the chart last said', async () => {
    const store = await charted(win(1970, 2030))
    store.getState().setRowsTop({ row: 'port-12', offset: 9 })
    store.getState().showEvent(SOYUZ_26.id, win(1977, 1978))
    store.getState().setRowsTop({ row: 'port-40', offset: 0 })
    store.getState().goBack()
    expect(store.getState().windowRequest).toMatchObject({
      window: win(1970, 2030),
      reveal: { top: { row: 'port-12', offset: 9 } },
    })
    store.getState().goForward()
    expect(store.getState().windowRequest).toMatchObject({
      window: win(1977, 1978),
      reveal: { top: { row: 'port-40', offset: 0 } },
    })
  })

  it('remembers jumps, not steps: a pan or zoom is not a place to go back to', async () => {
    const store = await charted(win(1970, 2030))
    store.getState().requestWindow(win(1971, 2031))
    store.getState().requestWindow(win(1980, 1990))
    expect(history(store).back).toEqual([])
    store.getState().jumpTo(win(2000, 2001))
    store.getState().requestWindow(win(2000, 2002))
    store.getState().goBack()
    // Back to where the jump left, the steps after it forgotten.
    expect(shown(store)).toEqual(win(1980, 1990))
    expect(windows(history(store).forward)).toEqual([win(2000, 2002)])
  })

  it('forgets forward on a new jump, skips a jump to where it already is, and keeps the last 50', async () => {
    const store = await charted(win(1970, 2030))
    store.getState().jumpTo(win(1977, 1979))
    store.getState().goBack()
    store.getState().jumpTo(win(1990, 1991))
    expect(windows(history(store).back)).toEqual([win(1970, 2030)])
    expect(history(store).forward).toEqual([])
    store.getState().jumpTo(win(1990, 1991))
    expect(history(store).back).toHaveLength(1)
    for (let i = 0; i < VIEW_HISTORY_LIMIT + 10; i++)
      store.getState().jumpTo(win(1900 + i, 1901 + i))
    expect(history(store).back).toHaveLength(VIEW_HISTORY_LIMIT)
    expect(history(store).back.at(-1)?.window).toEqual(win(1958, 1959))
  })

  it('a walk with N and P is one jump, however many windows it crosses', async () => {
    const store = await charted(win(1970, 2030))
    const walk = (id: number, w: TimeWindow | null) => store.getState().showEvent(id, w, 'walk')
    walk(SOYUZ_26.id, win(1977, 1978))
    walk(SOYUZ_27.id, null)
    // A pan between steps is not a place either.
    store.getState().requestWindow(win(1977, 1979))
    walk(PROGRESS_13.id, win(1978, 1979))
    walk(SOYUZ_26.id, win(1977, 1978))
    expect(windows(history(store).back)).toEqual([win(1970, 2030)])
    store.getState().goBack()
    expect(shown(store)).toEqual(win(1970, 2030))
    expect(windows(history(store).forward)).toEqual([win(1977, 1978)])

    // After Back, or any other jump, the next walk begins a place of its own.
    walk(SOYUZ_27.id, win(1977, 1978))
    store.getState().jumpTo(win(1990, 1991))
    walk(PROGRESS_13.id, win(1978, 1979))
    walk(SOYUZ_26.id, win(1977, 1978))
    expect(windows(history(store).back)).toEqual([
      win(1970, 2030),
      win(1977, 1978),
      win(1990, 1991),
    ])
    expect(history(store).forward).toEqual([])
  })

  it('a search’s fit to its results is a jump Back returns from', async () => {
    const store = await charted(win(1970, 2030))
    store.getState().setSearch('soyuz 26')
    await expect.poll(() => history(store).back.length, { timeout: 2_000 }).toBe(1)
    expect(shown(store)).not.toEqual(win(1970, 2030))
    store.getState().goBack()
    expect(shown(store)).toEqual(win(1970, 2030))
  })
})

import { afterEach, describe, expect, it } from 'vitest'

import type { TimeWindow } from '../../../shared/chart/window'
import type { DockingEvent } from '../../../shared/domain/model'
import type { EventDetail, Result } from '../../../shared/ipc/contract'
import { selectSelectedEvent } from '../../../renderer/state/selectors'
import {
  ALL_EVENTS,
  deferred,
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

describe('selection', () => {
  it('closes the detail panel when its record is gone, and reloads it when its record changed', async () => {
    let events: ReadonlyArray<DockingEvent> = ALL_EVENTS
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(events)),
      'dt:event:get-detail': ({ id }) => ok(detailOf(events.find((e) => e.id === id)!)),
    })
    await store.getState().loadData()
    store.getState().selectEvent(SOYUZ_27.id)
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    // A sync updates Soyuz 27's record in place: its detail is asked for again.
    events = ALL_EVENTS.map((e) =>
      e.id === SOYUZ_27.id ? { ...e, departure: (e.departure ?? 0) + 60_000 } : e,
    ) as DockingEvent[]
    await store.getState().loadData()
    await expect.poll(() => main.callsTo('dt:event:get-detail').length).toBe(2)
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    // Reloading unchanged data asks for nothing more.
    await store.getState().loadData()
    expect(main.callsTo('dt:event:get-detail')).toHaveLength(2)
    // The record disappears: the selection and its panel close.
    events = events.filter((e) => e.id !== SOYUZ_27.id)
    await store.getState().loadData()
    expect(store.getState().selectedEventId).toBeNull()
    expect(store.getState().detail).toEqual({ status: 'idle' })
  })

  it('selects an event and loads its detail', async () => {
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:event:get-detail': ({ id }) => ok(detailOf(ALL_EVENTS.find((e) => e.id === id)!)),
    })
    await store.getState().loadData()
    store.getState().selectEvent(2)
    expect(selectSelectedEvent(store.getState())?.vehicle).toBe('Soyuz 27')
    expect(store.getState().detail).toEqual({ status: 'loading', eventId: 2 })
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    expect(main.callsTo('dt:event:get-detail')).toEqual([
      { channel: 'dt:event:get-detail', request: { id: 2, fetch: 'never' } },
    ])
    store.getState().selectEvent(null)
    expect(selectSelectedEvent(store.getState())).toBeNull()
    expect(store.getState().detail).toEqual({ status: 'idle' })
  })

  it('shows the newer selection’s detail when the older one answers last', async () => {
    const answers = new Map<number, ReturnType<typeof deferred<Result<EventDetail>>>>()
    const { store } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:event:get-detail': ({ id }) => {
        const a = deferred<Result<EventDetail>>()
        answers.set(id, a)
        return a.promise
      },
    })
    await store.getState().loadData()
    store.getState().selectEvent(1)
    store.getState().selectEvent(3)
    await expect.poll(() => answers.size).toBe(2)
    answers.get(3)!.resolve(ok(detailOf(PROGRESS_13)))
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    answers.get(1)!.resolve(ok(detailOf(SOYUZ_26)))
    await new Promise((r) => setTimeout(r, 0))
    expect(store.getState().detail).toMatchObject({ status: 'ready', eventId: 3 })
  })

  it('reads the cache first, says it fetches when the cache has none, and tries again on asking', async () => {
    const fetches: Array<ReturnType<typeof deferred<Result<EventDetail>>>> = []
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:event:get-detail': ({ id, fetch }) => {
        const event = ALL_EVENTS.find((e) => e.id === id)!
        if (fetch === 'never') return ok({ ...detailOf(event), detail: null, state: 'not-fetched' })
        const a = deferred<Result<EventDetail>>()
        fetches.push(a)
        return a.promise
      },
    })
    await store.getState().loadData()
    store.getState().selectEvent(SOYUZ_27.id)
    await expect.poll(() => store.getState().detail.status).toBe('fetching')
    expect(main.callsTo('dt:event:get-detail').map((c) => c.request)).toEqual([
      { id: SOYUZ_27.id, fetch: 'never' },
      { id: SOYUZ_27.id, fetch: 'auto' },
    ])
    fetches[0]!.resolve(
      ok({ ...detailOf(SOYUZ_27), detail: null, state: 'offline', message: 'no answer' }),
    )
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    expect(store.getState().detail).toMatchObject({ detail: { state: 'offline' } })
    // "Try again" goes straight to LL2, as the user asked: the cache was just read.
    store.getState().fetchDetail()
    expect(store.getState().detail).toEqual({ status: 'fetching', eventId: SOYUZ_27.id })
    expect(main.callsTo('dt:event:get-detail').at(-1)?.request).toEqual({
      id: SOYUZ_27.id,
      fetch: 'always',
    })
    fetches[1]!.resolve(ok({ ...detailOf(SOYUZ_27), state: 'fetched' }))
    await expect
      .poll(() => store.getState().detail)
      .toMatchObject({
        status: 'ready',
        detail: { state: 'fetched' },
      })
  })

  it('stops the fetch under way when its docking is closed or another one chosen', async () => {
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:event:get-detail': ({ id, fetch }) => {
        const event = ALL_EVENTS.find((e) => e.id === id)!
        // Soyuz 26's record is cached; the others' fetches hang.
        if (id === SOYUZ_26.id) return ok(detailOf(event))
        if (fetch === 'never') return ok({ ...detailOf(event), detail: null, state: 'not-fetched' })
        return deferred<Result<EventDetail>>().promise
      },
      'dt:event:cancel-detail': () => ok(null),
    })
    await store.getState().loadData()
    store.getState().selectEvent(SOYUZ_27.id)
    await expect.poll(() => store.getState().detail.status).toBe('fetching')
    expect(main.callsTo('dt:event:cancel-detail')).toHaveLength(0)
    store.getState().selectEvent(null)
    expect(main.callsTo('dt:event:cancel-detail')).toHaveLength(1)
    expect(store.getState().detail).toEqual({ status: 'idle' })

    store.getState().selectEvent(PROGRESS_13.id)
    await expect.poll(() => store.getState().detail.status).toBe('fetching')
    // A cached record needs no fetch, so nothing would stop the one left behind.
    store.getState().selectEvent(SOYUZ_26.id)
    expect(main.callsTo('dt:event:cancel-detail')).toHaveLength(2)
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    // Leaving a docking whose record is on screen stops nothing.
    store.getState().selectEvent(null)
    expect(main.callsTo('dt:event:cancel-detail')).toHaveLength(2)
  })

  it('finds no selected event once a reload no longer has it', async () => {
    let events: ReadonlyArray<DockingEvent> = ALL_EVENTS
    const { store } = storeWith({
      'dt:data:get': () => ok(dockingData(events)),
      'dt:event:get-detail': ({ id }) => ok(detailOf(ALL_EVENTS.find((e) => e.id === id)!)),
    })
    await store.getState().loadData()
    store.getState().selectEvent(3)
    expect(selectSelectedEvent(store.getState())?.vehicle).toBe('Progress 13')
    events = [SOYUZ_26, SOYUZ_27]
    await store.getState().loadData()
    expect(selectSelectedEvent(store.getState())).toBeNull()
  })
})

describe('showing a docking on the chart', () => {
  const win = (start: string, end: string) =>
    ({ start: Date.parse(start), end: Date.parse(end) }) as TimeWindow
  const loadedStore = async () => {
    const { store } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:event:get-detail': ({ id }) => ok(detailOf(ALL_EVENTS.find((e) => e.id === id)!)),
    })
    await store.getState().loadData()
    return store
  }

  it('selects it and asks the chart for the window with its row in view', async () => {
    const store = await loadedStore()
    const w = win('1978-01-01T00:00:00Z', '1978-02-01T00:00:00Z')
    store.getState().showEvent(SOYUZ_26.id, w)
    expect(store.getState().selectedEventId).toBe(SOYUZ_26.id)
    expect(store.getState().windowRequest).toMatchObject({
      window: w,
      reveal: { event: SOYUZ_26.id },
    })
  })

  it('keeps the window it is shown in when none is given, still asking for the row', async () => {
    const store = await loadedStore()
    const shown = win('1977-01-01T00:00:00Z', '1983-01-01T00:00:00Z')
    store.getState().setVisibleWindow(shown)
    store.getState().showEvent(SOYUZ_27.id)
    expect(store.getState().windowRequest).toMatchObject({
      window: shown,
      reveal: { event: SOYUZ_27.id },
    })
  })

  it('brings the results into view on Enter even when the window fits them already', async () => {
    const { store } = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)) })
    await store.getState().loadData()
    store.getState().setVisibleWindow(win('1970-01-01T00:00:00Z', '2030-01-01T00:00:00Z'))
    store.getState().setSearch('soyuz 26')
    store.getState().zoomToResults()
    const first = store.getState().windowRequest!
    expect(first.reveal).toBe('results')
    // The chart settles on that window; a second Enter must still scroll to the rows.
    store.getState().setVisibleWindow(first.window)
    store.getState().zoomToResults()
    expect(store.getState().windowRequest).toMatchObject({
      window: first.window,
      seq: first.seq + 1,
      reveal: 'results',
    })
  })
})

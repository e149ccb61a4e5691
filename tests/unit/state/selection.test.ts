import { afterEach, describe, expect, it } from 'vitest'

import type { DockingEvent } from '../../../shared/domain/model'
import type { EventDetail, Result } from '../../../shared/ipc/contract'
import { selectSelectedEvent } from '../../../renderer/state/selectors'
import {
  ALL_EVENTS,
  deferred,
  disposeStores,
  dockingData,
  ok,
  PROGRESS_13,
  SOYUZ_26,
  SOYUZ_27,
  storeWith,
} from './fakes'

afterEach(disposeStores)

const detailOf = (event: DockingEvent): EventDetail => ({
  event,
  detail: { id: event.id },
  detailFetchedAt: null,
  state: 'cached',
  message: null,
})

describe('selection', () => {
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
      { channel: 'dt:event:get-detail', request: { id: 2 } },
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

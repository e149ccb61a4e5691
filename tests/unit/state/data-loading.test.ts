import { afterEach, describe, expect, it } from 'vitest'

import type { DockingData, DockingEvent } from '../../../shared/domain/model'
import type { Result } from '../../../shared/ipc/contract'
import { selectRows } from '../../../renderer/state/selectors'
import { selectFilteredEvents } from '../../../renderer/state/filter-selectors'
import { subscribeToMain } from '../../../renderer/ipc/subscriptions'
import { makeExpedition } from '../analysis/expedition-fixtures'
import {
  ALL_EVENTS,
  deferred,
  disposeStores,
  dockingData,
  ok,
  PROGRESS_13,
  SOYUZ_26,
  storeWith,
} from './fakes'

afterEach(disposeStores)

describe('loading the data', () => {
  it('shows loading, then the data with its rows', async () => {
    const answer = deferred<Result<DockingData>>()
    const { store } = storeWith({ 'dt:data:get': () => answer.promise })
    expect(store.getState().dataStatus).toBe('idle')
    const loading = store.getState().loadData()
    expect(store.getState().dataStatus).toBe('loading')
    answer.resolve(ok(dockingData(ALL_EVENTS)))
    await loading
    const s = store.getState()
    expect(s.dataStatus).toBe('ready')
    expect(s.appInfo?.version).toBe('9.9.9')
    expect(selectFilteredEvents(s).map((e) => e.vehicle)).toEqual([
      'Soyuz 26',
      'Soyuz 27',
      'Progress 13',
    ])
    // Most recently active station first (the default order).
    expect(selectRows(s).map((r) => [r.station.name, r.ports[0]?.eventCount])).toEqual([
      ['Salyut 7', 1],
      ['Salyut 6', 2],
    ])
  })

  it('says why the cache could not be read', async () => {
    const { store } = storeWith({
      'dt:data:get': () => ({
        ok: false,
        error: { code: 'cache-error', message: 'disk I/O error' },
      }),
    })
    await store.getState().loadData()
    const s = store.getState()
    expect(s.dataStatus).toBe('error')
    expect(s.dataError).toEqual({ code: 'cache-error', message: 'disk I/O error' })
    expect(s.data).toBeNull()
  })

  it('keeps the newer load when an older one answers after it', async () => {
    const answers: Array<ReturnType<typeof deferred<Result<DockingData>>>> = []
    const { store } = storeWith({
      'dt:data:get': () => {
        const a = deferred<Result<DockingData>>()
        answers.push(a)
        return a.promise
      },
    })
    const older = store.getState().loadData()
    const newer = store.getState().loadData()
    await Promise.resolve()
    const newest: ReadonlyArray<DockingEvent> = [SOYUZ_26, PROGRESS_13]
    answers[1]!.resolve(ok(dockingData(newest)))
    await newer
    answers[0]!.resolve(ok(dockingData([SOYUZ_26])))
    await older
    expect(store.getState().data?.events.map((e) => e.id)).toEqual([1, 3])
    expect(store.getState().dataStatus).toBe('ready')
  })

  it('reloads when main says the data changed', async () => {
    let events: ReadonlyArray<DockingEvent> = [SOYUZ_26]
    const { store, main } = storeWith({ 'dt:data:get': () => ok(dockingData(events)) })
    const off = subscribeToMain(store)
    await store.getState().loadData()
    events = ALL_EVENTS
    main.push('dt:data:changed', dockingData(ALL_EVENTS).info)
    await expect.poll(() => store.getState().data?.events.length).toBe(3)
    off()
  })

  it('loads the expeditions with the data, for the crewed periods', async () => {
    const list = [makeExpedition(7, 'Salyut 6 EO-1', '1977-12-10', '1978-03-16')]
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:expeditions:get': () => ok(list),
    })
    await store.getState().loadData()
    expect(main.callsTo('dt:expeditions:get')).toHaveLength(1)
    expect(store.getState().expeditions.map((x) => x.name)).toEqual(['Salyut 6 EO-1'])
    expect(store.getState().expeditionsError).toBeNull()
  })

  it('still shows the data when the expeditions cannot be read, and says why', async () => {
    const { store } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:expeditions:get': () => ({
        ok: false,
        error: { code: 'cache-error', message: 'no such table: expeditions' },
      }),
    })
    await store.getState().loadData()
    const s = store.getState()
    expect(s.dataStatus).toBe('ready')
    expect(s.expeditions).toEqual([])
    expect(s.expeditionsError?.message).toBe('no such table: expeditions')
  })
})

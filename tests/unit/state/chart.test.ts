import { afterEach, describe, expect, it } from 'vitest'

import { selectBars, selectDenseRuns } from '../../../renderer/state/selectors'
import { makeEvent } from '../query/make-event'
import { ALL_EVENTS, disposeStores, dockingData, ok, storeWith } from './fakes'

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
})

import { describe, expect, it } from 'vitest'

import {
  selectCountUnits,
  selectCountWords,
  selectTotalCount,
} from '../../../renderer/state/count-selectors'
import { selectFilterResult } from '../../../renderer/state/filter-selectors'
import { utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { dockingData, settle, storesOnFakeTimers, memoryPrefs, ok, storeWith } from './fakes'

storesOnFakeTimers()

// A relocation (two legs, 28 minutes apart) and a Progress at the same station.
const EVENTS = [
  makeEvent({
    id: 189,
    vehicle: 'Soyuz 31',
    configuration: 'Soyuz',
    docking: '1978-08-27T21:37:00Z',
    departure: '1978-09-07T10:53:00Z',
  }),
  makeEvent({
    id: 190,
    vehicle: 'Soyuz 31',
    configuration: 'Soyuz',
    docking: '1978-09-07T11:21:00Z',
    departure: '1978-11-02T10:46:00Z',
  }),
  makeEvent({
    id: 191,
    vehicle: 'Progress 4',
    configuration: 'Progress',
    configurationType: 'Cargo',
    docking: '1978-10-06T01:00:00Z',
    departure: '1978-10-24T13:07:00Z',
  }),
]

async function loaded(stored: Record<string, unknown> = {}) {
  const prefs = memoryPrefs(stored)
  const made = storeWith({ 'dt:data:get': () => ok(dockingData(EVENTS)), ...prefs.handlers })
  await made.store.getState().loadPrefs()
  await made.store.getState().loadData()
  return { ...made, prefs }
}

describe('counting by docking or visit in the store', () => {
  it('counts dockings by default, visits once switched, and remembers the choice', async () => {
    const { store, prefs } = await loaded()
    expect(selectCountWords(store.getState())).toBe('3 dockings')
    expect(selectFilterResult(store.getState()).counts.families.get('Soyuz')).toBe(2)

    store.getState().setCountBy('visit')
    const s = store.getState()
    expect(selectCountWords(s)).toBe('2 visits (3 dockings)')
    expect(selectTotalCount(s)).toBe(2)
    expect(selectCountUnits(s).map((u) => u.events.map((e) => e.id))).toEqual([[189, 190], [191]])
    // The option counts count Soyuz 31 once.
    expect(selectFilterResult(s).counts.families.get('Soyuz')).toBe(1)
    await settle()
    expect(prefs.stored.get('view.count-by')).toBe('visit')
  })

  it('reads a stored choice at start and counts a filtered leg as its whole visit', async () => {
    const { store } = await loaded({ 'view.count-by': 'visit' })
    expect(store.getState().countBy).toBe('visit')
    // Dockings in September 1978: the forward leg only.
    store.getState().setFilters((f) => ({
      ...f,
      docking: {
        ...f.docking,
        gte: utcMillis(Date.parse('1978-09-01T00:00:00Z')),
        lt: utcMillis(Date.parse('1978-10-01T00:00:00Z')),
      },
    }))
    const s = store.getState()
    // Only the forward leg matches; it still counts as the visit that began with leg 189.
    expect(selectCountUnits(s).map((u) => [u.id, u.events.map((e) => e.id)])).toEqual([
      [189, [190]],
    ])
    expect(selectCountWords(s)).toBe('1 visit')
  })
})

import { afterEach, describe, expect, it } from 'vitest'

import { stationId, utcMillis } from '../../../shared/domain/units'
import { evaluate } from '../../../shared/query/evaluate'
import { selectRows } from '../../../renderer/state/selectors'
import {
  selectActiveViewChanged,
  selectCountsLater,
  selectFilteredEvents,
  selectFilterResult,
  selectSearchMatches,
} from '../../../renderer/state/filter-selectors'
import { ALL_EVENTS, disposeStores, dockingData, memoryPrefs, ok, storeWith } from './fakes'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

afterEach(disposeStores)

async function loaded() {
  const prefs = memoryPrefs()
  const made = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)), ...prefs.handlers })
  await made.store.getState().loadData()
  return made
}

const vehicles = (s: Parameters<typeof selectFilteredEvents>[0]) =>
  selectFilteredEvents(s).map((e) => e.vehicle)

describe('filter changes', () => {
  it('narrows the shown events and the rows as the user searches and filters', async () => {
    const { store } = await loaded()
    store.getState().setSearch('soyuz')
    expect(vehicles(store.getState())).toEqual(['Soyuz 26', 'Soyuz 27'])
    store.getState().setSearch('')
    store.getState().toggleFilterOption('stations', stationId(15))
    const s = store.getState()
    expect(vehicles(s)).toEqual(['Progress 13'])
    // A station filter leaves only that station's rows.
    expect(selectRows(s).map((r) => r.station.name)).toEqual(['Salyut 7'])
    // Option counts stay those of every station, so the user sees what they would add.
    expect(selectFilterResult(s).counts.stations.get(stationId(14))).toBe(2)
    store.getState().clearAllFilters()
    expect(vehicles(store.getState())).toHaveLength(3)
  })

  it('gives the same answer object while the data and filters stay the same', async () => {
    const { store } = await loaded()
    const first = selectFilterResult(store.getState())
    store.getState().setHelpOpen(true)
    expect(selectFilterResult(store.getState())).toBe(first)
    store.getState().setSearch('progress')
    expect(selectFilterResult(store.getState())).not.toBe(first)
  })

  it('keeps the counts for later, with the same answer as now', async () => {
    const { store } = await loaded()
    store.getState().toggleFilterOption('stations', stationId(15))
    const later = selectCountsLater(store.getState())
    // The panel's urgent render keeps the last handle: nothing changed, same handle.
    store.getState().setHelpOpen(true)
    expect(selectCountsLater(store.getState())).toBe(later)
    store.getState().setSearch('progress')
    const next = selectCountsLater(store.getState())
    expect(next).not.toBe(later)
    // Each handle counts its own filters, whenever it is read.
    expect(later.counts.stations.get(stationId(14))).toBe(2)
    expect(next.counts.stations.get(stationId(14))).toBeUndefined()
    expect(next.counts.stations.get(stationId(15))).toBe(1)
    // A search that leaves the same events keeps the events, so the chart does no work.
    const events = selectFilteredEvents(store.getState())
    store.getState().setSearch('progres')
    expect(selectFilteredEvents(store.getState())).toBe(events)
  })

  it('applies a filter ticked between two keystrokes to the next keystroke’s result', async () => {
    const { store } = await loaded()
    store.getState().setSearch('s')
    const typed = vehicles(store.getState())
    store.getState().toggleFilterOption('stations', stationId(15))
    expect(vehicles(store.getState())).toEqual(['Progress 13'])
    store.getState().setSearch('so')
    expect(vehicles(store.getState())).toEqual([])
    // The option counts too are those of the filters now set, as a fresh evaluation gives them.
    const s = store.getState()
    expect(selectFilterResult(s).counts).toEqual(
      evaluate(s.data!.events, s.filters, utcMillis(0), { endFacts: NO_END_FACTS }).counts,
    )
    store.getState().toggleFilterOption('stations', stationId(15))
    store.getState().setSearch('s')
    expect(vehicles(store.getState())).toEqual(typed)
  })

  it('marks the events the search found, one id set while the shown events stay', async () => {
    const { store } = await loaded()
    expect(selectSearchMatches(store.getState()).isActive).toBe(false)
    store.getState().setSearch('progres')
    const found = selectSearchMatches(store.getState())
    expect(found.terms.length).toBeGreaterThan(0)
    expect([...found.eventIds]).toEqual(selectFilteredEvents(store.getState()).map((e) => e.id))
    // One more letter, the same events: the table's rows keep their marks as they are.
    store.getState().setSearch('progress')
    const more = selectSearchMatches(store.getState())
    expect(more).not.toBe(found)
    expect(more.eventIds).toBe(found.eventIds)
    store.getState().setSearch('soyuz')
    expect([...selectSearchMatches(store.getState()).eventIds]).toEqual(
      selectFilteredEvents(store.getState()).map((e) => e.id),
    )
    store.getState().setSearch('')
    expect(selectSearchMatches(store.getState()).isActive).toBe(false)
  })

  it('keeps each store’s answers to itself', async () => {
    const a = await loaded()
    const b = await loaded()
    a.store.getState().setSearch('progress')
    expect(vehicles(a.store.getState())).toEqual(['Progress 13'])
    expect(vehicles(b.store.getState())).toHaveLength(3)
    expect(vehicles(a.store.getState())).toEqual(['Progress 13'])
  })
})

describe('saved views', () => {
  it('saves the current filters under a name, reopens them, and marks a changed view', async () => {
    const { store, time } = await loaded()
    store.getState().setSearch('soyuz')
    expect(store.getState().saveView('Soyuz only')).toBeNull()
    const [view] = store.getState().savedViews
    expect(view).toMatchObject({ name: 'Soyuz only', savedAt: time.now() })
    expect(view!.filters.search).toBe('soyuz')
    expect(selectActiveViewChanged(store.getState())).toBe(false)

    store.getState().setSearch('progress')
    expect(selectActiveViewChanged(store.getState())).toBe(true)

    store.getState().openView(view!.id)
    expect(vehicles(store.getState())).toEqual(['Soyuz 26', 'Soyuz 27'])
    expect(selectActiveViewChanged(store.getState())).toBe(false)
  })

  it('leaves the open view when every filter is cleared, so no Update offers to empty it', async () => {
    const { store } = await loaded()
    store.getState().setSearch('soyuz')
    store.getState().saveView('Soyuz only')
    store.getState().clearAllFilters()
    expect(store.getState().activeViewId).toBeNull()
    expect(selectActiveViewChanged(store.getState())).toBe(false)
    expect(store.getState().savedViews[0]!.filters.search).toBe('soyuz')
  })

  it('refuses a second view of the same name', async () => {
    const { store } = await loaded()
    expect(store.getState().saveView('Mir')).toBeNull()
    expect(store.getState().saveView(' mir ')).toMatch(/already exists/)
    expect(store.getState().savedViews).toHaveLength(1)
  })

  it('updates a view to the current filters at the clock’s time', async () => {
    const { store, time } = await loaded()
    store.getState().saveView('Cargo')
    const id = store.getState().savedViews[0]!.id
    store.getState().setSearch('progress')
    time.set('2026-12-01T00:00:00Z')
    store.getState().updateView(id)
    expect(store.getState().savedViews[0]).toMatchObject({
      savedAt: Date.parse('2026-12-01T00:00:00Z'),
      filters: { search: 'progress' },
    })
    expect(selectActiveViewChanged(store.getState())).toBe(false)
  })
})

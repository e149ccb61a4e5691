import { describe, expect, it, vi } from 'vitest'

import { DEFAULT_QUERY } from '../../../shared/query/query'
import { ok, settle, storesOnFakeTimers, storeWith, storeWithPrefs } from './fakes'

storesOnFakeTimers()

describe('reading preferences at start', () => {
  it('puts every stored preference in the store', async () => {
    const { store } = storeWithPrefs({
      'view.theme': 'dark',
      'view.time-zone': 'local',
      'view.collapsed-stations': [14],
      'view.hide-empty-ports': true,
      'view.main': 'table',
      'filters.current': { ...DEFAULT_QUERY, search: 'mir' },
      'filters.views': [{ id: 'v1', name: 'Mir', filters: DEFAULT_QUERY, savedAt: 5 }],
    })
    expect(store.getState().prefsLoaded).toBe(false)
    await store.getState().loadPrefs()
    const s = store.getState()
    expect(s.prefsLoaded).toBe(true)
    expect([s.theme, s.timeZone, s.collapsedStations, s.hideEmptyPorts, s.mainView]).toEqual([
      'dark',
      'local',
      [14],
      true,
      'table',
    ])
    expect(s.filters.search).toBe('mir')
    expect(s.savedViews.map((v) => v.name)).toEqual(['Mir'])
    expect(s.filtersError).toBeNull()
  })

  it('falls back to the default for a stored value of the wrong shape, keeping what it can', async () => {
    const { store, main } = storeWithPrefs({
      'view.theme': 'purple',
      'view.main': 42,
      'view.collapsed-stations': [14, 'x', 15.5, 15],
      'filters.current': { search: 'soyuz', families: ['Soyuz', 'Warp drive'] },
      'filters.views': 'not a list',
    })
    await store.getState().loadPrefs()
    const s = store.getState()
    expect(s.theme).toBe('system')
    expect(s.mainView).toBe('chart')
    expect(s.collapsedStations).toEqual([14, 15])
    expect(s.filters).toEqual({ ...DEFAULT_QUERY, search: 'soyuz', families: ['Soyuz'] })
    expect(s.savedViews).toEqual([])
    // Reading is not a change: nothing is written back.
    await vi.advanceTimersByTimeAsync(1000)
    expect(main.callsTo('dt:prefs:set')).toEqual([])
  })

  it('keeps what the user changed before the stored values arrived', async () => {
    const { store } = storeWithPrefs({
      'view.theme': 'dark',
      'filters.current': { ...DEFAULT_QUERY, search: 'stored' },
    })
    const loading = store.getState().loadPrefs()
    store.getState().setSearch('typed')
    await loading
    expect(store.getState().filters.search).toBe('typed')
    // Untouched preferences still arrive.
    expect(store.getState().theme).toBe('dark')
  })

  it('says when stored filters could not be read', async () => {
    const { store } = storeWith({
      'dt:prefs:get': ({ key }) =>
        key === 'filters.views'
          ? { ok: false, error: { code: 'cache-error', message: 'database is locked' } }
          : ok(null),
    })
    await store.getState().loadPrefs()
    expect(store.getState().filtersError).toBe(
      'Saved filters could not be read: database is locked',
    )
    expect(store.getState().viewError).toBeNull()
  })
})

describe('saving preferences', () => {
  it('writes the filters once, after typing pauses', async () => {
    const { store, main, prefs } = storeWithPrefs()
    await store.getState().loadPrefs()
    for (const search of ['s', 'so', 'soy']) {
      store.getState().setSearch(search)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(main.callsTo('dt:prefs:set')).toEqual([])
    await vi.advanceTimersByTimeAsync(400)
    expect(main.callsTo('dt:prefs:set')).toHaveLength(1)
    expect(prefs.stored.get('filters.current')).toMatchObject({ search: 'soy' })
  })

  it('writes view settings and saved views at once', async () => {
    const { store, prefs } = storeWithPrefs()
    await store.getState().loadPrefs()
    store.getState().setTheme('light')
    store.getState().toggleStation(15)
    store.getState().saveView('All')
    await settle()
    expect(prefs.stored.get('view.theme')).toBe('light')
    expect(prefs.stored.get('view.collapsed-stations')).toEqual([15])
    expect(prefs.stored.get('filters.views')).toMatchObject([{ name: 'All' }])
  })

  it('writes pending filters at once when the window is closing', async () => {
    const { store, prefs } = storeWithPrefs()
    await store.getState().loadPrefs()
    store.getState().setSearch('salyut')
    store.getState().flushPrefs()
    await settle()
    expect(prefs.stored.get('filters.current')).toMatchObject({ search: 'salyut' })
  })

  it('says when a preference could not be saved', async () => {
    const { store } = storeWith({
      'dt:prefs:get': () => ok(null),
      'dt:prefs:set': () => ({
        ok: false,
        error: { code: 'invalid-argument', message: 'too big' },
      }),
    })
    await store.getState().loadPrefs()
    store.getState().saveView('Mir')
    store.getState().setTimeZone('local')
    await settle()
    expect(store.getState().filtersError).toBe('The saved views could not be stored: too big')
    expect(store.getState().viewError).toBe('A view setting could not be saved: too big')
  })

  it('drops pending writes and stops its timers when the store is disposed', async () => {
    const { store, main, time } = storeWithPrefs()
    await store.getState().loadPrefs()
    store.getState().setSearch('late')
    time.set('2026-11-26T00:01:00Z')
    await vi.advanceTimersByTimeAsync(60_000)
    // The clock ticker moved the still-docked bars' "now" to the clock's time.
    expect(store.getState().now).toBe(time.now())
    store.getState().setSearch('later')
    store.dispose()
    time.set('2026-11-26T00:02:00Z')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(store.getState().now).toBe(Date.parse('2026-11-26T00:01:00Z'))
    expect(main.callsTo('dt:prefs:set').map((c) => c.request)).toEqual([
      { key: 'filters.current', value: expect.objectContaining({ search: 'late' }) },
    ])
  })
})

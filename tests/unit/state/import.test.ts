import { afterEach, describe, expect, it } from 'vitest'

import type { DockingEvent } from '../../../shared/domain/model'
import type { ImportRequest, Result } from '../../../shared/ipc/contract'
import { MAX_IMPORT_BYTES } from '../../../shared/ll2/import-input'
import type { ImportReport } from '../../../shared/ll2/import-report'
import type { PickedFile } from '../../../renderer/state/import-slice'
import { selectFilteredEvents } from '../../../renderer/state/filter-selectors'
import { makeEvent } from '../query/make-event'
import {
  ALL_EVENTS,
  deferred,
  detailOf,
  disposeStores,
  dockingData,
  ok,
  SOYUZ_27,
  storeWith,
} from './fakes'

afterEach(disposeStores)

/** A picked file whose reads the test counts. */
function picked(name: string, text: string, size = text.length) {
  const reads = { count: 0 }
  const file: PickedFile = {
    name,
    size,
    text: async () => {
      reads.count++
      return text
    },
  }
  return { file, reads }
}

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  fileName: 'll2.json',
  records: 2,
  added: 1,
  updated: 1,
  unchanged: 0,
  unplaced: [],
  stations: 1,
  ports: 1,
  apiVersions: [{ version: '2.3.0', count: 2 }],
  ...over,
})

const SOYUZ_T_5 = makeEvent({
  id: 9001,
  vehicle: 'Soyuz T-5',
  docking: '1982-05-14T19:36:00Z',
  departure: '1982-08-27T15:04:00Z',
})

describe('importing a file', () => {
  it('sends the file’s name and text, shows progress, then the report and the new data', async () => {
    let events: ReadonlyArray<DockingEvent> = ALL_EVENTS
    const answer = deferred<Result<ImportReport>>()
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(events)),
      'dt:import:records': () => answer.promise,
    })
    await store.getState().loadData()
    store.getState().setImportOpen(true)
    const { file } = picked('ll2.json', '{"count":1,"results":[]}')
    const running = store.getState().importFile(file)
    await expect.poll(() => store.getState().importStatus.state).toBe('importing')
    expect(store.getState().importStatus).toEqual({ state: 'importing', fileName: 'll2.json' })
    expect(main.callsTo('dt:import:records').map((c) => c.request)).toEqual([
      { fileName: 'll2.json', text: '{"count":1,"results":[]}' } satisfies ImportRequest,
    ])
    // Main stored the new record; the store shows it once the import answers.
    events = [...ALL_EVENTS, SOYUZ_T_5]
    answer.resolve(ok(report()))
    await running
    expect(store.getState().importStatus).toEqual({ state: 'done', report: report() })
    expect(main.callsTo('dt:data:get')).toHaveLength(2)
    expect(selectFilteredEvents(store.getState()).map((e) => e.vehicle)).toContain('Soyuz T-5')
  })

  it('refreshes the detail of a selected record the import changed', async () => {
    let events: ReadonlyArray<DockingEvent> = ALL_EVENTS
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(events)),
      'dt:event:get-detail': ({ id }) => ok(detailOf(events.find((e) => e.id === id)!)),
      'dt:import:records': () => {
        events = ALL_EVENTS.map((e) =>
          e.id === SOYUZ_27.id ? { ...e, departure: (e.departure ?? 0) + 3_600_000 } : e,
        ) as DockingEvent[]
        return ok(report({ added: 0 }))
      },
    })
    await store.getState().loadData()
    store.getState().selectEvent(SOYUZ_27.id)
    await expect.poll(() => store.getState().detail.status).toBe('ready')
    await store.getState().importFile(picked('ll2.json', '[]').file)
    await expect.poll(() => main.callsTo('dt:event:get-detail').length).toBe(2)
    expect(store.getState().selectedEventId).toBe(SOYUZ_27.id)
  })

  it('shows main’s refusal of a bad file in words and loads nothing again', async () => {
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:import:records': () => ({
        ok: false,
        error: { code: 'bad-file', message: 'x.json: not JSON (oops); nothing was imported' },
      }),
    })
    await store.getState().loadData()
    await store.getState().importFile(picked('x.json', '{').file)
    expect(store.getState().importStatus).toEqual({
      state: 'error',
      fileName: 'x.json',
      message: 'x.json: not JSON (oops); nothing was imported',
    })
    expect(main.callsTo('dt:data:get')).toHaveLength(1)
  })

  it('says which file failed when main fails for another reason', async () => {
    const { store } = storeWith({
      'dt:import:records': () => ({
        ok: false,
        error: { code: 'cache-error', message: 'disk I/O error' },
      }),
    })
    await store.getState().importFile(picked('x.json', '[]').file)
    expect(store.getState().importStatus).toMatchObject({
      state: 'error',
      message: 'x.json could not be imported: disk I/O error; nothing was imported',
    })
  })

  it('refuses a file over the import limit before reading it', async () => {
    const { store, main } = storeWith({})
    const { file, reads } = picked('huge.json', '[]', MAX_IMPORT_BYTES + 1)
    await store.getState().importFile(file)
    expect(reads.count).toBe(0)
    expect(main.callsTo('dt:import:records')).toEqual([])
    expect(store.getState().importStatus).toEqual({
      state: 'error',
      fileName: 'huge.json',
      message: 'huge.json: is 50 MB, more than the 50 MB import reads; nothing was imported',
    })
  })

  it('runs one import at a time, and closing the dialog forgets only a finished one', async () => {
    const answer = deferred<Result<ImportReport>>()
    const { store, main } = storeWith({
      'dt:data:get': () => ok(dockingData(ALL_EVENTS)),
      'dt:import:records': () => answer.promise,
    })
    store.getState().setImportOpen(true)
    const first = store.getState().importFile(picked('a.json', '[]').file)
    await expect.poll(() => store.getState().importStatus.state).toBe('importing')
    await store.getState().importFile(picked('b.json', '[]').file)
    expect(main.callsTo('dt:import:records')).toHaveLength(1)
    // Closed while running: the answer still lands (and the data reloads).
    store.getState().setImportOpen(false)
    expect(store.getState().importStatus.state).toBe('importing')
    answer.resolve(ok(report()))
    await first
    expect(store.getState().importStatus.state).toBe('done')
    expect(main.callsTo('dt:data:get')).toHaveLength(1)
    store.getState().setImportOpen(false)
    expect(store.getState().importStatus).toEqual({ state: 'idle' })
  })
})

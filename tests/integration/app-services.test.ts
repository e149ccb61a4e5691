import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import {
  CACHE_FILE_NAME,
  createAppServices,
  type AppConfig,
  type AppServices,
} from '../../electron/app-services'
import { handleInvoke } from '../../electron/ipc/handlers'
import { utcMillis } from '../../shared/domain/units'
import { ingestRecords, recordsOf } from '../../shared/ll2/ingest'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { SALYUT_FILE } from '../fixtures/docking-data'

const SNAPSHOT = path.resolve(BUNDLED_SNAPSHOT_PATH)
/** The snapshot's records, counted from the file itself (one per LL2 id). */
const SNAPSHOT_IDS = (
  JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as { docking_events: Array<{ id: number }> }
).docking_events.map((r) => r.id)
const open: AppServices[] = []

function start(overrides: Partial<AppConfig> = {}) {
  const userDataDir =
    overrides.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dt-services-'))
  const opened: string[] = []
  const copied: string[] = []
  const written = new Map<string, string>()
  const services = createAppServices({
    userDataDir,
    snapshotFile: SNAPSHOT,
    version: '1.2.3',
    defaultBaseUrl: 'http://127.0.0.1:9',
    now: () => utcMillis(Date.parse('2026-11-26T00:00:00Z')),
    fetch: () => Promise.reject(new Error('offline')),
    emit: () => undefined,
    chooseSavePath: async (name) =>
      name.startsWith('cancel') ? null : path.join(userDataDir, name),
    writeFile: async (file, data) => {
      written.set(file, typeof data === 'string' ? data : Buffer.from(data).toString('base64'))
      await fs.promises.writeFile(file, data)
    },
    printPdf: async () => new Uint8Array([37, 80, 68, 70]),
    openExternal: async (url) => {
      opened.push(url)
    },
    writeClipboard: (text) => {
      copied.push(text)
    },
    ...overrides,
  })
  open.push(services)
  return { services, userDataDir, opened, copied, written }
}

afterEach(() => {
  for (const s of open.splice(0)) s.close()
})

describe('app services', () => {
  it('loads the bundled snapshot into a new cache, with its provenance', async () => {
    const { services } = start()
    const result = await handleInvoke(services.handlers, 'dt:data:get', null)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const data = result.value as {
      events: unknown[]
      info: { provenance: string; sources: object }
    }
    expect(new Set(data.events.map((e) => (e as { id: number }).id))).toEqual(new Set(SNAPSHOT_IDS))
    expect(data.info.sources).toEqual({ snapshot: SNAPSHOT_IDS.length })
    expect(data.info.provenance).toContain('Launch Library 2 by The Space Devs')
  })

  it('loads the snapshot only once per cache file, so removed snapshot rows stay removed', () => {
    const first = start()
    expect(first.services.cache.deleteEvents(SNAPSHOT_IDS)).toBe(SNAPSHOT_IDS.length)
    first.services.close()
    const again = start({ userDataDir: first.userDataDir })
    expect(again.services.cache.readData().events).toHaveLength(0)
  })

  it('moves a corrupt cache aside, keeps it, and rebuilds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-corrupt-'))
    fs.writeFileSync(path.join(dir, CACHE_FILE_NAME), 'garbage '.repeat(1000))
    const { services } = start({ userDataDir: dir })
    expect(services.cacheReport.movedAside).toMatch(/\.corrupt-/)
    expect(fs.readFileSync(services.cacheReport.movedAside!, 'utf8')).toContain('garbage')
    expect(services.cache.readData().events).toHaveLength(SNAPSHOT_IDS.length)
  })

  it('starts empty and working, with a notice, when the snapshot is missing or bad', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-snapshot-'))
    const bad = path.join(dir, 'bad.json')
    fs.writeFileSync(bad, '{"results": [{"id": "not a docking"}]}')
    for (const snapshotFile of [path.join(dir, 'missing.json'), bad]) {
      const { services } = start({ snapshotFile })
      const info = await handleInvoke(services.handlers, 'dt:app:get-info', null)
      expect(info).toMatchObject({ ok: true, value: { version: '1.2.3' } })
      if (info.ok) {
        const problem = (info.value as { snapshotProblem: string }).snapshotProblem
        expect(problem).toMatch(/^The bundled snapshot could not be loaded \(.+\)\.$/)
        expect(problem).toContain(path.basename(snapshotFile))
      }
      const data = await handleInvoke(services.handlers, 'dt:data:get', null)
      expect(data).toMatchObject({ ok: true, value: { events: [] } })
      // Still a working cache: preferences persist and a sync can be planned.
      const set = await handleInvoke(services.handlers, 'dt:prefs:set', {
        key: 'view.theme',
        value: 'dark',
      })
      expect(set).toEqual({ ok: true, value: null })
      expect(await handleInvoke(services.handlers, 'dt:prefs:get', { key: 'view.theme' })).toEqual({
        ok: true,
        value: 'dark',
      })
    }
    const ok = start()
    const info = await handleInvoke(ok.services.handlers, 'dt:app:get-info', null)
    expect(info).toMatchObject({ ok: true, value: { snapshotProblem: null } })
  })

  it('answers bad IPC arguments with invalid-argument, naming the field', async () => {
    const { services } = start()
    const bad = await handleInvoke(services.handlers, 'dt:event:get-detail', { id: 'x' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    if (!bad.ok) expect(bad.error.message).toContain('id')
    const unknown = await handleInvoke(services.handlers, 'dt:evil:channel', null)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const missing = await handleInvoke(services.handlers, 'dt:event:get-detail', {
      id: Math.max(...SNAPSHOT_IDS) + 1,
      fetch: 'never',
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('asks LL2 for a snapshot record’s detailed record, and says so when offline', async () => {
    const { services } = start()
    // Record 183 (Soyuz 26) is LL2's: its detailed record is LL2's to give.
    const detail = await handleInvoke(services.handlers, 'dt:event:get-detail', {
      id: 183,
      fetch: 'auto',
    })
    expect(detail).toMatchObject({ ok: true, value: { state: 'offline', detail: null } })
    if (detail.ok) expect((detail.value as { message: string }).message).not.toBe('')
  })

  it('says a record with no LL2 page has no LL2 detail rather than pretending to fetch one', async () => {
    const { services } = start()
    const salyut = JSON.parse(fs.readFileSync(SALYUT_FILE, 'utf8')) as unknown
    const batch = ingestRecords(
      recordsOf(salyut, 'salyut'),
      { source: 'import', fetchedAt: utcMillis(0) },
      'salyut',
    )
    services.cache.upsertEvents(batch.events, batch.ports, batch.stations)
    const detail = await handleInvoke(services.handlers, 'dt:event:get-detail', {
      id: 900001,
      fetch: 'auto',
    })
    expect(detail).toMatchObject({ ok: true, value: { state: 'not-in-ll2', detail: null } })
  })

  it('persists preferences across restarts', async () => {
    const first = start()
    await handleInvoke(first.services.handlers, 'dt:prefs:set', {
      key: 'view.collapsed-stations',
      value: [9006],
    })
    first.services.close()
    const again = start({ userDataDir: first.userDataDir })
    expect(
      await handleInvoke(again.services.handlers, 'dt:prefs:get', {
        key: 'view.collapsed-stations',
      }),
    ).toEqual({
      ok: true,
      value: [9006],
    })
  })

  it('refuses unknown preference keys, wrong values and oversized ones, storing nothing', async () => {
    const { services } = start()
    const set = (key: string, value: unknown) =>
      handleInvoke(services.handlers, 'dt:prefs:set', { key, value })
    const refusals = [
      await set('view.colour', 'red'),
      await set('view.theme', 'purple'),
      await set('filters.current', { search: 'x'.repeat(10 * 1024 * 1024) }),
      await set(
        'view.collapsed-stations',
        Array.from({ length: 1_000_000 }, (_, i) => i),
      ),
      await handleInvoke(services.handlers, 'dt:prefs:get', { key: 'view.colour' }),
    ]
    for (const r of refusals)
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const messages = refusals.map((r) => (r.ok ? '' : r.error.message))
    expect(messages[0]).toContain('a preference key')
    expect(messages[1]).toContain('view.theme')
    expect(messages[2]).toMatch(/more than the 262144/)
    expect(messages[3]).toMatch(/more than the 262144/)
    for (const key of ['view.colour', 'view.theme', 'filters.current', 'view.collapsed-stations'])
      expect(services.cache.getPref(key)).toBeUndefined()
  })

  it('reads a stored preference through its schema, repairing or dropping a bad one', async () => {
    const { services } = start()
    services.cache.setPref('view.theme', 'purple')
    services.cache.setPref('view.collapsed-stations', [9006, 'x'])
    const get = (key: string) => handleInvoke(services.handlers, 'dt:prefs:get', { key })
    expect(await get('view.theme')).toEqual({ ok: true, value: 'system' })
    expect(await get('view.collapsed-stations')).toEqual({ ok: true, value: [9006] })
    expect(await get('view.main')).toEqual({ ok: true, value: null })
  })

  it('saves files where the dialog says, and reports a cancelled dialog', async () => {
    const { services, userDataDir } = start()
    const saved = await handleInvoke(services.handlers, 'dt:export:save-file', {
      format: 'csv',
      suggestedName: 'salyut.csv',
      content: 'a,b\n1,2\n',
      encoding: 'utf8',
    })
    expect(saved).toEqual({
      ok: true,
      value: { saved: true, path: path.join(userDataDir, 'salyut.csv') },
    })
    expect(fs.readFileSync(path.join(userDataDir, 'salyut.csv'), 'utf8')).toBe('a,b\n1,2\n')
    const cancelled = await handleInvoke(services.handlers, 'dt:export:save-file', {
      format: 'csv',
      suggestedName: 'cancel.csv',
      content: 'x',
      encoding: 'utf8',
    })
    expect(cancelled).toEqual({ ok: true, value: { saved: false } })
  })

  it('refuses unsafe save names and gives a typed-in name its format’s extension', async () => {
    const { services, userDataDir } = start({
      // The user typed a name without the extension in the dialog.
      chooseSavePath: async () => path.join(userDataDir, 'my timeline'),
    })
    const save = (suggestedName: string, format = 'csv') =>
      handleInvoke(services.handlers, 'dt:export:save-file', {
        format,
        suggestedName,
        content: 'x',
        encoding: 'utf8',
      })
    for (const name of [
      '',
      '.',
      '..',
      'CON',
      'con.csv',
      'LPT1.csv',
      'file.csv:stream',
      'a.csv.',
      'a.csv ',
      'a/b.csv',
      'x.svg',
    ]) {
      const result = await save(name)
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    const pdf = await handleInvoke(services.handlers, 'dt:export:save-pdf', {
      svg: '<svg/>',
      pageSize: 'A4',
      suggestedName: 'timeline.svg',
    })
    expect(pdf).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const saved = await save('timeline.csv')
    const file = path.join(userDataDir, 'my timeline.csv')
    expect(saved).toEqual({ ok: true, value: { saved: true, path: file } })
    expect(fs.readFileSync(file, 'utf8')).toBe('x')
  })

  it('opens only allowlisted https links', async () => {
    const { services, opened } = start()
    expect(
      await handleInvoke(services.handlers, 'dt:shell:open-external', {
        url: 'https://ll.thespacedevs.com/2.3.0/',
      }),
    ).toEqual({ ok: true, value: null })
    const refused = await handleInvoke(services.handlers, 'dt:shell:open-external', {
      url: 'https://evil.example/',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(opened).toEqual(['https://ll.thespacedevs.com/2.3.0/'])
  })

  it('copies text to the clipboard, and refuses an empty or oversized text', async () => {
    const { services, copied } = start()
    const copy = (text: unknown) =>
      handleInvoke(services.handlers, 'dt:clipboard:write-text', { text })
    expect(await copy('Soyuz 26 at Salyut 6')).toEqual({ ok: true, value: null })
    expect(await copy('')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await copy('x'.repeat(20_001))).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    expect(await copy(42)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(copied).toEqual(['Soyuz 26 at Salyut 6'])
  })

  it('keeps working with a clear error when the cache cannot be created at all', async () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-block-')), 'file')
    fs.writeFileSync(blocker, 'x')
    const { services } = start({ userDataDir: blocker })
    const result = await handleInvoke(services.handlers, 'dt:data:get', null)
    expect(result).toMatchObject({ ok: false, error: { code: 'cache-error' } })
    if (!result.ok) expect(result.error.message).toContain(blocker)
  })
})

import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatCsv } from '../../electron/cli/output'
import { defaultUserDataDir } from '../../electron/cli/cli-context'
import { openCache } from '../../electron/cache/docking-cache'
import { createApiKeyStore, NO_SECRET_BOX } from '../../electron/ll2/api-key-store'
import { expeditionsBeside } from '../../electron/expeditions-bundle'
import { readSnapshot } from '../../electron/snapshot'
import { utcMillis } from '../../shared/domain/units'
import { MAX_JSON_DEPTH } from '../../shared/ll2/import-input'
import { recordsOf } from '../../shared/ll2/ingest'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { SALYUT_FILE } from '../fixtures/docking-data'
import { generateDataset, record183 } from '../fixtures/generate-dataset'
import { startLl2Server, type FaultKind, type Ll2TestServer } from '../ll2-server/server'
import { tempDbFile } from './support/harness'

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the CLI as `npm run cli` does, in its own process. */
function cli(
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv = {},
  kill?: AbortSignal,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', ...args],
      {
        env: { ...process.env, DT_LL2_BACKOFF_MS: '10', ...env },
        timeout: 60_000,
        signal: kill,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    )
  })
}

const json = <T>(run: Run): T => JSON.parse(run.stdout) as T
interface Row {
  id: number
  station: string | null
  port: string | null
  vehicle: string
  docking: string
  departure: string | null
  source: string
}

/** The bundled snapshot's LL2 ids, read from the file; a new cache starts with them. */
const SNAPSHOT_IDS: ReadonlyArray<number> = (
  JSON.parse(fs.readFileSync(BUNDLED_SNAPSHOT_PATH, 'utf8')) as {
    docking_events: Array<{ id: number }>
  }
).docking_events.map((r) => r.id)

let server: Ll2TestServer
let synced: string
beforeAll(async () => {
  server = await startLl2Server({
    dataset: generateDataset({ events: 180, seed: 21, withRecord183: true }),
  })
  synced = tempDbFile()
  const run = await cli(['sync', '--base-url', server.url, '--db', synced])
  expect(run.stderr).toMatch(/plan: Full sync: (at least )?\d+ requests?/)
  expect(run.code).toBe(0)
}, 60_000)
afterAll(() => server.close())

describe('cli sync, list, status', () => {
  it('syncs the whole dataset beside the bundled snapshot and lists it as JSON rows', async () => {
    const rows = json<Row[]>(await cli(['list', '--db', synced, '--json']))
    const served = server.dataset.events.map((e) => e.id as number)
    // The server's records were stored; the snapshot's were kept, 183 replaced by the server's.
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      [...new Set([...served, ...SNAPSHOT_IDS])].sort((a, b) => a - b),
    )
    expect(
      rows
        .filter((r) => r.source === 'll2')
        .map((r) => r.id)
        .sort((a, b) => a - b),
    ).toEqual([...served].sort((a, b) => a - b))
    expect(rows.find((r) => r.id === 183)).toMatchObject({
      station: 'Salyut 6',
      port: 'Salyut-6 forward',
      vehicle: 'Soyuz 26',
      docking: '1977-12-11T03:02:41Z',
      departure: '1978-01-16T08:08:00Z',
    })
  })

  it('filters and searches as LL2 does', async () => {
    const args = [
      '--search',
      'soyuz',
      '--station',
      'International Space Station',
      '--docking-gte',
      '2005-01-01',
      // What the server holds: the bundled snapshot's records are not on it.
      '--source',
      'll2',
    ]
    const rows = json<Row[]>(await cli(['list', '--db', synced, '--json', ...args]))
    const url = `${server.url}/2.3.0/docking_events/?limit=100&ordering=docking&search=soyuz&space_station_target__id=4&docking__gte=2005-01-01T00:00:00Z`
    const expected = ((await (await fetch(url)).json()) as { results: Array<{ id: number }> })
      .results
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id))
  })

  it('prints a table and RFC 4180 CSV', async () => {
    const table = await cli(['list', '--db', synced, '--station', '14'])
    expect(table.stdout).toMatch(/^id\s+station\s+port\s+vehicle/)
    expect(table.stdout).toMatch(/183\s+Salyut 6\s+Salyut-6 forward\s+Soyuz 26/)
    const csv = await cli(['list', '--db', synced, '--csv', '--search', 'harmony', '--limit', '3'])
    const lines = csv.stdout.split('\r\n')
    expect(lines[0]).toBe('id,station,port,vehicle,family,role,docking,departure,visitId,source')
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/International Space Station,"?Harmony/)
    expect(formatCsv(['a'], [['x,"y"']])).toBe('a\r\n"x,""y"""\r\n')
    expect(formatCsv(['a'], [[' lead']])).toBe('a\r\n" lead"\r\n')
  })

  it('reports status as JSON', async () => {
    const status = json<Record<string, unknown>>(await cli(['status', '--db', synced, '--json']))
    const file = expeditionsBeside(BUNDLED_SNAPSHOT_PATH)
    const bundledExpeditions = recordsOf(JSON.parse(fs.readFileSync(file, 'utf8')), file).length
    const kept = SNAPSHOT_IDS.filter((id) => id !== 183)
    expect(status).toMatchObject({
      events: 181 + kept.length,
      sources: { ll2: 181, snapshot: kept.length },
      lastSyncSource: server.url,
      // The bundled list and the server's generated ones (ids from 1000: none replaced).
      expeditions: bundledExpeditions + server.expeditions().length,
      unfinishedSync: null,
      lastError: null,
    })
    expect(status.lastFullSync).toMatch(/^\d{4}-\d\d-\d\dT/)
    // A page of events per 100, of expeditions per 100, the stations and the ports.
    expect(status.requestsLastHour).toBe(
      Math.ceil(181 / 100) + Math.ceil(server.expeditions().length / 100) + 2,
    )
  })
})

describe('cli docked', () => {
  it('counts an event from docking up to but not including departure', async () => {
    // The server's records only: in LL2's own record 185 (Soyuz 27) shares Soyuz 26's port.
    const at = async (iso: string) =>
      json<Row[]>(
        await cli(['docked', '--db', synced, '--at', iso, '--station', 'Salyut 6', '--json']),
      ).filter((r) => r.source === 'll2')
    expect((await at('1977-12-11T03:02:41Z')).map((r) => r.id)).toEqual([183])
    expect((await at('1978-01-16T08:07:59Z')).map((r) => r.id)).toEqual([183])
    expect(await at('1978-01-16T08:08:00Z')).toEqual([])
  })

  it('agrees with the dataset at an instant across all stations', async () => {
    const instant = Date.parse('2012-03-01T00:00:00Z')
    const expected = server.dataset.events
      .filter((e) => {
        const from = Date.parse(String(e.docking))
        const to = e.departure ? Date.parse(String(e.departure)) : Infinity
        return from <= instant && instant < to
      })
      .map((e) => e.id)
      .sort()
    const rows = json<Row[]>(
      await cli(['docked', '--db', synced, '--at', '2012-03-01T00:00:00Z', '--json']),
    )
    // The server's records, and the bundled snapshot's docked then (ISS, 2012).
    const fromSnapshot = rows.filter((r) => r.source === 'snapshot')
    expect(fromSnapshot.length).toBeGreaterThan(0)
    expect(fromSnapshot.every((r) => r.station === 'International Space Station')).toBe(true)
    expect(
      rows
        .filter((r) => r.source === 'll2')
        .map((r) => r.id)
        .sort(),
    ).toEqual(expected)
    expect(expected.length).toBeGreaterThan(0)
  })
})

describe('cli import and snapshot', () => {
  it('imports an LL2 page over the bundled snapshot, replacing the record with its id', async () => {
    const db = tempDbFile()
    const file = path.join(path.dirname(db), 'page.json')
    fs.writeFileSync(
      file,
      JSON.stringify({ count: 1, next: null, previous: null, results: [record183()] }),
    )
    const run = await cli(['import', file, '--db', db])
    // 183 is in the bundled snapshot as another capture: replaced in place, nothing added.
    expect(run.stdout).toBe(`Imported ${file}: 0 added, 1 updated, 0 unchanged, 0 removed.\n`)
    const rows = json<Row[]>(await cli(['list', '--db', db, '--json', '--source', 'import']))
    expect(rows.map((r) => [r.id, r.source])).toEqual([[183, 'import']])
    // The bundled snapshot came with the new cache; all of it but 183 is still there.
    const snapshot = json<Row[]>(await cli(['list', '--db', db, '--json', '--source', 'snapshot']))
    expect(snapshot.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      SNAPSHOT_IDS.filter((id) => id !== 183),
    )
  })

  it('imports the LL2 2.1.0 dump through the same normaliser: every record at its station and port', async () => {
    const db = tempDbFile()
    const file = 'assets/snapshot/sources/ll2-docking-events.2.1.0.colbad2.json'
    const records = (JSON.parse(fs.readFileSync(file, 'utf8')) as { results: unknown[] }).results
    const run = await cli(['import', file, '--db', db, '--no-snapshot', '--json'])
    expect(run.code).toBe(0)
    const summary = json<{
      added: number
      updated: number
      unchanged: number
      ports: number
      stations: number
      unplaced: unknown[]
    }>(run)
    expect([summary.added, summary.updated, summary.unchanged]).toEqual([records.length, 0, 0])
    expect(summary.unplaced).toEqual([])
    const rows = json<Row[]>(await cli(['list', '--db', db, '--json', '--no-snapshot']))
    expect(summary.stations).toBe(new Set(rows.map((r) => r.station)).size)
    expect(summary.ports).toBe(new Set(rows.map((r) => `${r.station}|${r.port}`)).size)
    expect(rows.every((r) => r.station !== null && r.port !== null)).toBe(true)
    expect(rows.find((r) => r.id === 183)).toMatchObject({
      station: 'Salyut 6',
      port: 'Salyut-6 forward',
    })
  })

  it('reports records it cannot place by count and reason, and stores none of them', async () => {
    const db = tempDbFile()
    const file = path.join(path.dirname(db), 'unplaceable.json')
    const base = record183() as Record<string, unknown>
    fs.writeFileSync(
      file,
      JSON.stringify([
        base,
        { ...base, id: 7001, docking: null },
        { ...base, id: 7002, space_station_target: null, docking_location: null },
      ]),
    )
    const text = await cli(['import', file, '--db', db, '--no-snapshot'])
    expect(text.code).toBe(0)
    expect(text.stdout).toBe(
      `Imported ${file}: 1 added, 0 updated, 0 unchanged, 0 removed. 2 records could not be placed and were not stored: 1 without a docking time, 1 without a known station.\n`,
    )
    const rows = json<Row[]>(await cli(['list', '--db', db, '--json', '--no-snapshot']))
    expect(rows.map((r) => r.id)).toEqual([183])
  })

  it('prints the compiled Salyut record’s day-precision times as dates', async () => {
    const db = tempDbFile()
    const run = await cli(['import', SALYUT_FILE, '--db', db, '--no-snapshot'])
    expect(run.code).toBe(0)
    const rows = json<Row[]>(await cli(['list', '--db', db, '--json', '--no-snapshot']))
    expect(rows).toHaveLength(64)
    expect(rows.some((r) => /^\d{4}-\d\d-\d\d$/.test(r.docking))).toBe(true)
    expect(rows.some((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/.test(r.docking))).toBe(true)
  })

  it('keeps escape sequences from the terminal and formulas from spreadsheets', async () => {
    const db = tempDbFile()
    const file = path.join(path.dirname(db), 'hostile.json')
    const record = record183() as { docking_location: { name: string } }
    // A formula; then OSC 0, which sets the terminal title, ended by BEL; then an 8-bit CSI.
    record.docking_location.name = '=HYPERLINK("https://evil.example")\u001b]0;pwned\u0007\u009b2J'
    fs.writeFileSync(file, JSON.stringify([record]))
    expect((await cli(['import', file, '--db', db, '--no-snapshot'])).code).toBe(0)

    const table = await cli(['list', '--db', db, '--no-snapshot'])
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('=HYPERLINK("https://evil.example")]0;pwned2J')
    // eslint-disable-next-line no-control-regex
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)

    const csv = await cli(['list', '--db', db, '--no-snapshot', '--csv'])
    const row = csv.stdout.split('\r\n')[1]
    expect(row).toContain(`,"'=HYPERLINK(""https://evil.example"")]0;pwned2J",`)
    // eslint-disable-next-line no-control-regex
    expect(csv.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/)

    // JSON keeps the name exactly, escaped as JSON escapes it.
    const rows = json<Row[]>(await cli(['list', '--db', db, '--no-snapshot', '--json']))
    expect(rows[0]?.port).toBe(record.docking_location.name)
  })

  it('rejects a bad file whole, with the record and field named', async () => {
    const db = tempDbFile()
    const file = path.join(path.dirname(db), 'bad.json')
    fs.writeFileSync(
      file,
      JSON.stringify([record183(), { ...record183(), id: 184, docking: 'soon' }]),
    )
    const run = await cli(['import', file, '--db', db, '--no-snapshot'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /bad\.json: record 1 \(id 184\): docking: not an ISO 8601 date-time; nothing was imported/,
    )
    fs.writeFileSync(file, '{"results": [')
    const notJson = await cli(['import', file, '--db', db])
    expect(notJson.code).toBe(1)
    expect(notJson.stderr).toMatch(/bad\.json: not JSON \(.*\); nothing was imported/)
    // Nested far deeper than any LL2 record: a plain refusal, not a stack overflow.
    fs.writeFileSync(file, `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`)
    const deep = await cli(['import', file, '--db', db])
    expect(deep.code).toBe(1)
    expect(deep.stderr).toMatch(/bad\.json: nests JSON 100001 levels deep, more than the 64/)
    const missing = await cli(['import', `${file}.nope`, '--db', db])
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/)
    expect(json<Row[]>(await cli(['list', '--db', db, '--json', '--no-snapshot']))).toEqual([])
  })

  it('refuses a file over 50 MB and JSON nested deeper than 64 levels, storing nothing', async () => {
    const db = tempDbFile()
    const big = path.join(path.dirname(db), 'big.json')
    // Sparse: the size is what counts, and the refusal must come before any reading.
    fs.writeFileSync(big, '')
    fs.truncateSync(big, 51 * 1024 * 1024)
    const tooBig = await cli(['import', big, '--db', db, '--no-snapshot'])
    expect(tooBig.code).toBe(1)
    expect(tooBig.stderr).toMatch(
      /big\.json: is 51 MB, more than the 50 MB import reads; nothing was imported/,
    )
    const deep = path.join(path.dirname(db), 'deep.json')
    const depth = 100_000
    fs.writeFileSync(deep, `${'['.repeat(depth)}"[{"${']'.repeat(depth)}`)
    const tooDeep = await cli(['import', deep, '--db', db, '--no-snapshot'])
    expect(tooDeep.code).toBe(1)
    expect(tooDeep.stderr).toMatch(
      new RegExp(`deep\\.json: nests JSON ${depth} levels deep, more than the ${MAX_JSON_DEPTH}`),
    )
    // Just inside the limit the file is read (and then rejected only for what it holds).
    fs.writeFileSync(deep, `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)
    expect((await cli(['import', deep, '--db', db, '--no-snapshot'])).stderr).not.toMatch(/nests/)
    expect(json<Row[]>(await cli(['list', '--db', db, '--json', '--no-snapshot']))).toEqual([])
  })

  it('builds a snapshot the app can load', async () => {
    const out = path.join(path.dirname(tempDbFile()), 'snapshot.json')
    const run = await cli([
      'snapshot',
      '--base-url',
      server.url,
      '--out',
      out,
      '--db',
      tempDbFile(),
    ])
    expect(run.code).toBe(0)
    const { batch, source } = readSnapshot(out, utcMillis(0))
    expect(batch.events).toHaveLength(181)
    expect(source).toContain(server.url)
  })
})

describe('cli mistakes', () => {
  it('rejects bad flags with usage and status 2', async () => {
    const unknown = await cli(['list', '--colour'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/)
    expect(unknown.stderr).toMatch(/usage: cli list/)
    const badTime = await cli(['docked', '--at', 'noon', '--db', tempDbFile()])
    expect(badTime.code).toBe(2)
    expect(badTime.stderr).toMatch(/--at wants an ISO 8601 time/)
    expect((await cli(['docked', '--db', tempDbFile()])).stderr).toMatch(/needs --at/)
    expect((await cli(['frobnicate'])).code).toBe(2)
    expect((await cli(['list', '--ordering=sideways', '--db', tempDbFile()])).code).toBe(2)
    expect((await cli(['sync', '--base-url', 'ftp://x', '--db', tempDbFile()])).stderr).toMatch(
      /https:\/\//,
    )
  })

  it('refuses a --db that is not a cache and leaves it untouched', async () => {
    const file = path.join(path.dirname(tempDbFile()), 'notes.txt')
    fs.writeFileSync(file, 'my notes')
    const run = await cli(['list', '--db', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/not a Docking Timeline cache/)
    expect(fs.readFileSync(file, 'utf8')).toBe('my notes')
  })

  it('reports a sync that keeps failing, then resumes on the next run', async () => {
    const db = tempDbFile()
    server.addFault({ kind: { type: 'reset' }, match: 'offset=100', times: 3 })
    const failed = await cli(['sync', '--base-url', server.url, '--db', db, '--no-snapshot'])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(
      /Sync failed: Could not get data from http:\/\/127\.0\.0\.1:\d+: .*after 3 tries/,
    )
    const again = await cli(['sync', '--base-url', server.url, '--db', db, '--no-snapshot'])
    expect(again.code).toBe(0)
    const cache = openCache(db, { now: () => utcMillis(Date.now()) }).cache
    expect(cache.readData().info.eventCount).toBe(181)
    cache.close()
  })
})

describe('default cache location', () => {
  it("is the app's user-data folder on each platform", () => {
    expect(defaultUserDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Docking Timeline')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe(
      '/x/Docking Timeline',
    )
    expect(defaultUserDataDir('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Docking Timeline',
    )
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\Users\\a')).toBe(
      path.join('C:\\AppData', 'Docking Timeline'),
    )
  })
})

describe('cli sync on a server that stalls', () => {
  const stuck: ReadonlyArray<[string, FaultKind]> = [
    ['headers then silence', { type: 'stall' }],
    ['a body trickling one byte a second', { type: 'trickle' }],
  ]
  for (const [name, kind] of stuck) {
    it(`sync --timeout 3 fails with a timeout error within 15 s on ${name}`, async () => {
      const stalling = await startLl2Server({ dataset: generateDataset({ events: 20, seed: 9 }) })
      try {
        stalling.addFault({ kind, match: 'docking_events', times: 3 })
        // Killed 15 s after its first request (start-up on a busy machine is not the
        // server's doing): a hang fails here with no exit code and no message.
        const kill = new AbortController()
        const watch = setInterval(() => {
          if (stalling.requests.length === 0) return
          clearInterval(watch)
          setTimeout(() => kill.abort(), 15_000)
        }, 20)
        const run = await cli(
          ['sync', '--timeout', '3', '--base-url', stalling.url, '--db', tempDbFile()],
          {},
          kill.signal,
        ).finally(() => clearInterval(watch))
        expect(kill.signal.aborted).toBe(false)
        expect(run.stderr).toMatch(/no complete answer within 3 s \(after 3 tries\)/)
        expect(run.code).toBe(1)
      } finally {
        await stalling.close()
      }
    }, 60_000)
  }
})

describe('cli sync and Ctrl-C', () => {
  it('ends at once on SIGINT while a request is stuck, keeping what was stored', async () => {
    const stalling = await startLl2Server({ dataset: generateDataset({ events: 150, seed: 9 }) })
    try {
      stalling.addFault({ kind: { type: 'stall' }, match: 'offset=100' })
      const db = tempDbFile()
      const child = execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          'electron/cli/main.ts',
          'sync',
          '--base-url',
          stalling.url,
          '--db',
          db,
          '--no-snapshot',
        ],
        { env: { ...process.env, DT_LL2_BACKOFF_MS: '10' }, timeout: 60_000 },
      )
      child.stdin?.end()
      let stderr = ''
      child.stderr?.on('data', (d: string) => (stderr += d))
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      await expect
        .poll(() => stalling.requests.some((r) => r.search.includes('offset=100')), {
          timeout: 30_000,
        })
        .toBe(true)
      child.kill('SIGINT')
      // The request's deadline is 30 s away: only the interrupt can end it within 2 s.
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((r) => setTimeout(() => r('still running'), 2_000)),
      ])
      expect(code).toBe(130)
      expect(stderr).toMatch(/Sync cancelled; run sync again to continue where it stopped/)
      const cache = openCache(db, { now: () => utcMillis(Date.now()) }).cache
      expect(cache.readData().info.sources).toEqual({ ll2: 100 })
      cache.close()
    } finally {
      await stalling.close()
    }
  }, 60_000)
})

describe('cli API key', () => {
  it('refuses --api-key on the command line and says where a key goes instead', async () => {
    const run = await cli(['sync', '--api-key', 'abc', '--db', tempDbFile()])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--api-key is not accepted: .*Set DT_LL2_API_KEY, or use --ask-key/)
    const ask = await cli(['status', '--ask-key', '--db', tempDbFile()])
    expect(ask.code).toBe(1)
    expect(ask.stderr).toMatch(/--ask-key needs a terminal; set DT_LL2_API_KEY instead/)
  })

  it('sends DT_LL2_API_KEY, and never a key saved for another server to --base-url', async () => {
    const key = 'cli-env-key-4567'
    const keyed = await startLl2Server({
      dataset: generateDataset({ events: 20, seed: 9 }),
      apiKeys: { [key]: { limit: 300, windowSecs: 3_600 } },
    })
    try {
      const db = tempDbFile()
      const cache = openCache(db, { now: () => utcMillis(Date.now()) }).cache
      createApiKeyStore(cache, NO_SECRET_BOX, server.url).set(server.url, key)
      cache.close()
      const before = keyed.requests.length
      const run = await cli(['sync', '--base-url', keyed.url, '--db', db, '--no-snapshot'])
      expect(run.code).toBe(0)
      expect(keyed.requests.slice(before).every((r) => r.authorization === null)).toBe(true)
      const status = json<Record<string, unknown>>(
        await cli(['status', '--base-url', server.url, '--db', db, '--json']),
      )
      expect(status).toMatchObject({ hasApiKey: true, apiKeyStorage: 'unencrypted' })

      const mark = keyed.requests.length
      const withEnv = await cli(['sync', '--base-url', keyed.url, '--db', db], {
        DT_LL2_API_KEY: key,
      })
      expect(withEnv.code).toBe(0)
      expect(keyed.requests.slice(mark).map((r) => r.authorization)).not.toContain(null)
      expect(keyed.requests.slice(mark).length).toBeGreaterThan(0)
    } finally {
      await keyed.close()
    }
  })
})

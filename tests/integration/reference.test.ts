import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAppServices } from '../../electron/app-services'
import { handleInvoke } from '../../electron/ipc/handlers'
import { loadReferenceFiles, referenceFilesIn } from '../../electron/reference/reference-files'
import { utcMillis } from '../../shared/domain/units'
import { ingestRecords } from '../../shared/ll2/ingest'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { buildBars, findOverlaps } from '../../shared/chart/chart-model'
import { endFacts } from '../../shared/occupancy/end-facts'
import {
  compareWithReference,
  referenceComparison,
  referenceVerdict,
} from '../../shared/reference/compare'
import { referenceWords } from '../../shared/reference/conflict-sentence'
import { BUNDLED_REFERENCE_PATH } from '../../shared/reference/reference-file'
import type { ConflictRow } from '../../shared/reference/conflict-row'
import { conflictValueText, countConflicts } from '../../shared/reference/source-conflict'
import { offlineAppConfig } from './support/harness'
import { runCliOn } from './support/run-cli'

const REFERENCE_DIR = path.resolve(BUNDLED_REFERENCE_PATH)
const SALYUT = path.join(REFERENCE_DIR, 'salyut-6-7-docking-events.json')
const MIR = path.join(REFERENCE_DIR, 'mir-docking-events.json')
// LL2's own record 183, as LL2 2.3.0 serves it in detailed mode.
const RECORD_183 = path.resolve('tests/fixtures/ll2/docking-event-183.detailed.json')
const NOW = utcMillis(Date.parse('2026-11-26T00:00:00Z'))

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-reference-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('bundled reference files', () => {
  it('ships both compilations, every record with its sources', () => {
    expect(referenceFilesIn(REFERENCE_DIR)).toEqual([MIR, SALYUT])
    const load = loadReferenceFiles(referenceFilesIn(REFERENCE_DIR))
    expect(load.problems).toEqual([])
    expect(load.sets.map((s) => [s.id, s.title, s.count])).toEqual([
      ['mir-docking-events', 'Mir', 128],
      ['salyut-6-7-docking-events', 'Salyut 6, Salyut 7', 64],
    ])
    expect(load.stays.every((s) => s.sources.length > 0)).toBe(true)
  })

  it('reports a missing or broken file and still serves the others', () => {
    const broken = path.join(dir, 'broken.json')
    fs.writeFileSync(broken, '{"results": [{"id": 1}]}')
    const load = loadReferenceFiles([path.join(dir, 'absent.json'), broken, SALYUT])
    expect(load.sets.map((s) => s.id)).toEqual(['salyut-6-7-docking-events'])
    expect(load.problems).toHaveLength(2)
    expect(load.problems[0]).toMatch(/absent\.json could not be read/)
    expect(load.problems[1]).toMatch(/broken\.json could not be read \(broken: record 0/)
  })
})

describe('the reference over IPC', () => {
  it('serves the sets and stays main read at start, apart from the cached events', async () => {
    const services = createAppServices(
      offlineAppConfig({
        userDataDir: fs.mkdtempSync(path.join(dir, 'services-')),
        snapshotFile: null,
        referenceFiles: referenceFilesIn(REFERENCE_DIR),
        now: () => NOW,
      }),
    )
    try {
      const got = await handleInvoke(services.handlers, 'dt:reference:get', null)
      expect(got.ok).toBe(true)
      if (!got.ok) return
      const value = got.value as { sets: unknown[]; stays: unknown[]; problems: unknown[] }
      expect([value.sets.length, value.stays.length, value.problems]).toEqual([2, 192, []])
      // Read beside the cache, never into it.
      expect(services.cache.readData().events).toHaveLength(0)
      const refused = await handleInvoke(services.handlers, 'dt:reference:get', { all: true })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    } finally {
      services.close()
    }
  })
})

describe('the bundled LL2 snapshot against the bundled reference', () => {
  const services = () =>
    createAppServices(
      offlineAppConfig({
        userDataDir: fs.mkdtempSync(path.join(dir, 'bundled-')),
        snapshotFile: path.resolve(BUNDLED_SNAPSHOT_PATH),
        referenceFiles: referenceFilesIn(REFERENCE_DIR),
        now: () => NOW,
      }),
    )

  it('reports the Soyuz 26 port disagreement, and keeps the reference out of the cache', () => {
    const s = services()
    try {
      const data = s.cache.readData()
      const reference = loadReferenceFiles(referenceFilesIn(REFERENCE_DIR))
      const conflicts = compareWithReference(data.events, reference)
      const soyuz26 = conflicts.filter((c) => c.ll2Id === 183)
      expect(soyuz26.map((c) => [c.kind, c.referenceId])).toEqual([['port', 900001]])
      expect(conflictValueText(soyuz26[0]!.ll2)).toBe('Salyut-6 forward')
      expect(conflictValueText(soyuz26[0]!.reference)).toBe('Salyut-6 aft')
      // Every kind turns up on the real records, and each conflict names its records.
      const counts = countConflicts(conflicts)
      expect(Object.values(counts).every((n) => n > 0)).toBe(true)
      const refIds = new Set(reference.stays.map((r) => r.id as number))
      expect(data.events.some((e) => refIds.has(e.id))).toBe(false)
    } finally {
      s.close()
    }
  })

  it('finds a disagreement with the reference behind each of the 13 overlaps on one port, on one record or the other', () => {
    const s = services()
    try {
      const data = s.cache.readData()
      const facts = endFacts(data.events, data.stations)
      const overlaps = findOverlaps(buildBars(data.events, NOW, { endFacts: facts }))
      const comparison = referenceComparison(
        data.events,
        loadReferenceFiles(referenceFilesIn(REFERENCE_DIR)),
      )
      expect(overlaps).toHaveLength(13)
      const said = overlaps.map((o) => referenceWords(o.eventIds, comparison))
      // Each has a disagreement, not only the word that the reference disputes neither.
      const undisputed = 'The reference disputes neither record.'
      expect(said.filter((w) => w.length === 0 || w.join() === undisputed)).toEqual([])
      // Soyuz 26 and 27 at Salyut 6's forward port: RP-1357 has Soyuz 26 aft, and Soyuz 27 as LL2 does.
      const soyuz = overlaps.findIndex((o) => o.eventIds.join() === '183,185')
      expect(said[soyuz]).toEqual([
        'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
      ])
      expect(referenceVerdict(comparison, 185)).toEqual({ kind: 'agrees' })
    } finally {
      s.close()
    }
  })
})

describe('LL2 record 183 against RP-1357', () => {
  it('reports Soyuz 26 at the forward port in LL2 and aft in the reference', () => {
    const batch = ingestRecords(
      [JSON.parse(fs.readFileSync(RECORD_183, 'utf8'))],
      { source: 'll2', fetchedAt: NOW },
      RECORD_183,
    )
    const reference = loadReferenceFiles([SALYUT, MIR])
    const conflicts = compareWithReference(
      batch.events.map((s) => s.event),
      reference,
    ).filter((c) => c.ll2Id === 183)
    expect(conflicts.map((c) => c.kind)).toEqual(['port'])
    expect(conflictValueText(conflicts[0]!.ll2)).toBe('Salyut-6 forward')
    expect(conflictValueText(conflicts[0]!.reference)).toBe('Salyut-6 aft')
    expect(conflicts[0]!.sources).toContain('https://en.wikisource.org/wiki/Page:RP1357.pdf/92')
  })
})

describe('cli compare', () => {
  let db: string
  // Only record 183 in the cache: no bundled snapshot beside it.
  const compare = (...args: string[]) => runCliOn(db, NOW, ['compare', ...args, '--no-snapshot'])
  beforeAll(async () => {
    db = path.join(dir, 'record-183.sqlite')
    const run = await runCliOn(db, NOW, ['import', RECORD_183, '--no-snapshot'])
    expect(run.status).toBe(0)
  })

  it('prints the disagreement as a JSON row', async () => {
    const run = await compare('--reference', SALYUT, '--json', '--kind', 'port')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.out) as ConflictRow[]).toEqual([
      {
        kind: 'port',
        vehicle: 'Soyuz 26',
        station: 'Salyut 6',
        ll2Id: 183,
        referenceId: 900001,
        ll2: 'Salyut-6 forward',
        reference: 'Salyut-6 aft',
      },
    ])
  })

  it('prints the disagreement as CSV, with the reference’s sources, as the app’s panel exports it', async () => {
    const run = await compare('--reference', SALYUT, '--csv', '--kind', 'port')
    expect(run.status).toBe(0)
    const lines = run.out.split('\r\n')
    expect(lines[0]).toBe('kind,vehicle,station,ll2Id,referenceId,ll2,reference,sources')
    expect(lines[1]).toMatch(
      /^port,Soyuz 26,Salyut 6,183,900001,Salyut-6 forward,Salyut-6 aft,"?https:\/\/\S*RP1357\.pdf\/92 /,
    )
    expect(lines.slice(2)).toEqual([''])
  })

  it('prints a table and the counts by kind for a person', async () => {
    const run = await compare('--reference', SALYUT)
    expect(run.status).toBe(0)
    expect(run.out).toMatch(
      /^port\s+Soyuz 26\s+Salyut 6\s+183\s+900001\s+Salyut-6 forward\s+Salyut-6 aft$/m,
    )
    // The one LL2 record here leaves the other 63 reference stays without a partner.
    expect(run.out).toMatch(
      /64 conflicts: port 1, docking 0, departure 0, missing-in-ll2 63, missing-in-reference 0\n$/,
    )
  })

  it("compares with the bundled references when given none, as the app's panel does", async () => {
    const bundled = await compare('--json')
    expect(bundled.status).toBe(0)
    const rows = JSON.parse(bundled.out) as ConflictRow[]
    // Record 183 against both: its port, and every other stay of Salyut 6 and 7 (63) and Mir (128) unpartnered.
    expect(rows.filter((r) => r.kind === 'port').map((r) => r.ll2Id)).toEqual([183])
    expect(rows.filter((r) => r.kind === 'missing-in-ll2')).toHaveLength(63 + 128)
    expect(rows).toEqual(
      JSON.parse((await compare('--reference', MIR, '--reference', SALYUT, '--json')).out),
    )
  })

  it('refuses bad flags with usage and exit status 2', async () => {
    for (const args of [
      ['--no-reference'],
      ['--reference', SALYUT, '--kind', 'colour'],
      ['--reference', SALYUT, '--csv', '--json'],
      ['--reference', SALYUT, 'extra'],
    ]) {
      const run = await compare(...args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.err).toMatch(/usage: cli compare \[--reference FILE\]/)
    }
  })

  it('fails with exit status 1 on a reference file it cannot read', async () => {
    const run = await compare('--reference', path.join(dir, 'absent.json'))
    expect(run.status).toBe(1)
    expect(run.err).toMatch(/cannot read the reference .*absent\.json/)
  })
})

describe('cli quality and the reference, over the bundled snapshot', () => {
  let db: string
  const quality = (...args: string[]) => runCliOn(db, NOW, ['quality', ...args])
  beforeAll(() => {
    db = path.join(dir, 'bundled-quality.sqlite')
  })
  type Row = { kind: string; eventIds: number[]; message: string; reference?: string[] }

  it('says what the reference has of each doubt’s records, as the app’s panels do', async () => {
    const run = await quality('--reference', SALYUT, '--reference', MIR, '--json')
    expect(run.status).toBe(0)
    const rows = JSON.parse(run.out) as Row[]
    const overlaps = rows.filter((r) => r.kind === 'port-overlap')
    expect(overlaps).toHaveLength(13)
    expect(overlaps.filter((r) => r.reference!.length === 0)).toEqual([])
    expect(overlaps.find((r) => r.eventIds.join() === '183,185')!.reference).toEqual([
      'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
    ])
    // LL2 dates Soyuz T-15's Salyut 7 stay from its Mir docking; RP-1357 has it from 6 May 1986.
    const t15 = rows.find((r) => r.kind === 'vehicle-two-places' && r.eventIds.includes(223))!
    expect(t15.reference).toEqual([
      'The reference has no record of Soyuz T-15 at Salyut 7 within 2 days of LL2’s, from 1986-03-15 13:38:42 UTC at Salyut-7 forward; it has Soyuz T-15 there from 1986-05-06 16:57 UTC at Salyut-7 aft.',
    ])
    // No reference covers the ISS.
    const iss = rows.filter((r) => r.message.includes('International Space Station'))
    expect(iss.length).toBeGreaterThan(5)
    expect(iss.filter((r) => r.reference!.length > 0)).toEqual([])
  })

  it('reads the bundled reference unless told otherwise, and prints it in the table and CSV', async () => {
    const both = await quality('--reference', SALYUT, '--no-reference')
    expect(both.status).toBe(2)
    expect(both.err).toMatch(/--reference and --no-reference: choose one/)
    const plain = JSON.parse((await quality('--no-reference', '--json')).out) as Row[]
    expect(plain.length).toBeGreaterThan(20)
    expect(plain.filter((r) => 'reference' in r)).toEqual([])
    // Without flags, what the app's panels say: both bundled compilations.
    const bundled = JSON.parse((await quality('--json')).out) as Row[]
    expect(bundled.filter((r) => r.reference!.length > 0).length).toBeGreaterThan(13)
    expect(bundled).toEqual(
      JSON.parse((await quality('--reference', SALYUT, '--reference', MIR, '--json')).out),
    )
    const table = await quality('--reference', SALYUT)
    expect(table.status).toBe(0)
    expect(table.out).toMatch(
      /^port-overlap\s+183 185\s+Soyuz 26 and Soyuz 27 .* a port holds one vehicle at a time\. Reference: The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward\.$/m,
    )
    const csv = (await quality('--reference', SALYUT, '--csv')).out.split('\r\n')
    expect(csv[0]).toBe('kind,event_ids,message,reference')
    expect(csv.find((l) => l.startsWith('port-overlap,"183;185",'))).toMatch(
      /,"The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward\."$/,
    )
  })

  it('fails with exit status 1 on a reference file it cannot read', async () => {
    const run = await quality('--reference', path.join(dir, 'absent.json'))
    expect(run.status).toBe(1)
    expect(run.err).toMatch(/cannot read the reference .*absent\.json/)
  })
})

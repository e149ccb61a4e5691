import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runCli } from '../../electron/cli/main'
import { buildBars } from '../../shared/chart/chart-model'
import type { DockingData, DockingEvent } from '../../shared/domain/model'
import { utcMillis } from '../../shared/domain/units'
import { prepareDataExport } from '../../shared/export/export-job'
import { DEFAULT_QUERY } from '../../shared/query/query'
import { effectiveEnd } from '../../shared/occupancy/effective-end'
import { endFacts } from '../../shared/occupancy/end-facts'
import { checkData } from '../../shared/quality/data-checks'
import { buildVisits } from '../../shared/visits/visits'
import { snapshotData } from '../fixtures/docking-data'

// Over the bundled snapshot: the real LL2 records the app ships with.
const NOW = utcMillis(Date.parse('2026-08-01T00:00:00Z'))
let data: DockingData
let dir: string

beforeAll(() => {
  data = snapshotData()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-checks-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const byVehicle = (name: string): DockingEvent[] => data.events.filter((e) => e.vehicle === name)

async function cliJson(...argv: string[]): Promise<unknown> {
  let out = ''
  const status = await runCli([...argv, '--json', '--db', path.join(dir, 'cache.db')], {
    out: (s) => (out += s),
    err: () => {},
    now: () => NOW,
    fetch: () => Promise.reject(new Error('no network in tests')),
    askSecret: async () => null,
    version: 'test',
    signal: new AbortController().signal,
    env: {},
  })
  expect(status).toBe(0)
  return JSON.parse(out)
}

describe('visits over the real LL2 records', () => {
  it("join Soyuz 31's aft and forward dockings (LL2 189, 190) into one visit", () => {
    const { visitOf } = buildVisits(data.events)
    const visit = visitOf.get(189 as never)
    expect(visit?.legs).toEqual([189, 190])
    expect(visitOf.get(190 as never)).toBe(visit)
    expect(byVehicle('Soyuz 31').map((e) => e.portName)).toEqual([
      'Salyut-6 aft',
      'Salyut-6 forward',
    ])
  })

  it('are listed by cli visits with their legs, and cli list rows name their visit', async () => {
    const visits = (await cliJson('visits')) as Array<{ visitId: number; legs: { id: number }[] }>
    expect(visits.find((v) => v.visitId === 189)?.legs.map((l) => l.id)).toEqual([189, 190])
    expect(visits.some((v) => v.visitId === 190)).toBe(false)
    const rows = (await cliJson('list', '--search', 'Soyuz 31')) as Array<{
      id: number
      visitId: number
    }>
    expect(rows.filter((r) => r.id === 189 || r.id === 190).map((r) => r.visitId)).toEqual([
      189, 189,
    ])
  })
})

describe('data checks over the real LL2 records', () => {
  it("flag the overlapping Soyuz T-10, T-11 and T-12 at Salyut 7's forward port", () => {
    const { flags } = checkData(data.events, data.stations, NOW)
    const [t10, t11, t12] = ['Soyuz T-10', 'Soyuz T-11', 'Soyuz T-12'].map((n) => byVehicle(n)[0]!)
    expect(new Set([t10!.portName, t11!.portName, t12!.portName])).toEqual(
      new Set(['Salyut-7 forward']),
    )
    const overlaps = flags.filter((f) => f.kind === 'port-overlap').map((f) => f.eventIds.join())
    expect(overlaps).toContain(`${t10!.id},${t11!.id}`)
    expect(overlaps).toContain(`${t11!.id},${t12!.id}`)
  })

  it('are what cli quality prints, row for row', async () => {
    const rows = (await cliJson('quality')) as Array<{ kind: string; eventIds: number[] }>
    const { flags } = checkData(data.events, data.stations, NOW)
    expect(rows.map((r) => `${r.kind}:${r.eventIds.join('-')}`)).toEqual(
      flags.map((f) => `${f.kind}:${f.eventIds.join('-')}`),
    )
  })

  it('let no event at a re-entered station end after the re-entry, even with its departure lost', () => {
    const { lives } = endFacts(data.events, data.stations)
    const deorbited = data.stations.filter((s) => s.deorbited !== null)
    expect(deorbited.length).toBeGreaterThan(5)
    // The records as they are, and with every departure at those stations lost.
    const lost = data.events.map((e) =>
      deorbited.some((s) => s.id === e.stationId) ? { ...e, departure: null } : e,
    )
    for (const events of [data.events, lost]) {
      for (const bar of buildBars(events, NOW, { endFacts: endFacts(events, data.stations) })) {
        const deorbit = lives.get(bar.stationId)?.deorbited
        if (deorbit != null) expect(bar.end).toBeLessThanOrEqual(Math.max(deorbit, bar.start))
      }
    }
    // A lost departure ends at the next docking at its port, else at the re-entry.
    const salyut7 = lost.filter((e) => e.stationName === 'Salyut 7')
    const facts = endFacts(lost, data.stations)
    const ends = salyut7.map((e) => {
      const later = lost
        .filter((o) => o.portId !== null && o.portId === e.portId && o.docking > e.docking)
        .map((o) => o.docking)
      const end = later.length > 0 ? Math.min(...later) : Date.parse('1991-02-07T00:00:00Z')
      expect(effectiveEnd(e, facts, NOW)).toMatchObject({
        end: Math.max(end, e.docking),
        state: 'unknown',
      })
      return later.length > 0 ? 'next docking' : 're-entry'
    })
    expect(new Set(ends)).toEqual(new Set(['next docking', 're-entry']))
    // Each lost departure is flagged once, by what ends its stay.
    const counts = checkData(lost, data.stations, NOW).counts
    const before = checkData(data.events, data.stations, NOW).counts
    expect(counts['open-after-deorbit']).toBeGreaterThan(0)
    expect(
      counts['open-after-deorbit'] + counts['open-port-reused'] - before['open-port-reused'],
    ).toBe(lost.filter((e, i) => e.departure === null && lost[i] !== data.events[i]).length)
  })

  it('reach the data export: visit_id and flags per row', () => {
    const { rows } = prepareDataExport(
      { data, query: DEFAULT_QUERY, appVersion: 'test', now: NOW },
      'json',
    )
    const soyuz31 = rows.filter((r) => r.id === 189 || r.id === 190)
    expect(soyuz31.map((r) => r.visitId)).toEqual([189, 189])
    const t11 = rows.find((r) => r.vehicle === 'Soyuz T-11')
    expect(t11?.flags).toContain('port-overlap')
  })
})

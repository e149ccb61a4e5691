/**
 * `cli list` and `cli stats` with --count-by, over the bundled snapshot's real records.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { utcMillis } from '../../shared/domain/units'
import { snapshotData } from '../fixtures/docking-data'
import { runCliOn } from './support/run-cli'

const NOW = utcMillis(Date.parse('2026-08-01T00:00:00Z'))
const data = snapshotData()
let dir: string
let db: string
const cli = (...argv: string[]) => runCliOn(db, NOW, argv)

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-count-by-'))
  db = path.join(dir, 'cache.sqlite')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('cli list --count-by', () => {
  it('lists Soyuz 31 as two dockings, or as one visit with both legs', async () => {
    const dockings = await cli('list', '--station', 'Salyut 6', '--search', 'Soyuz 31', '--json')
    expect(dockings.status).toBe(0)
    const rows = JSON.parse(dockings.out) as Array<{ id: number; vehicle: string }>
    const soyuz31 = rows.filter((r) => r.vehicle === 'Soyuz 31').map((r) => r.id)
    expect(soyuz31).toEqual([189, 190])

    const byVisit = await cli(
      'list',
      '--station',
      'Salyut 6',
      '--search',
      'Soyuz 31',
      '--count-by',
      'visit',
      '--json',
    )
    expect(byVisit.status).toBe(0)
    const visits = JSON.parse(byVisit.out) as Array<{
      visitId: number
      vehicle: string
      legs: Array<{ id: number }>
    }>
    const visit = visits.filter((v) => v.vehicle === 'Soyuz 31')
    expect(visit.map((v) => [v.visitId, v.legs.map((l) => l.id)])).toEqual([[189, [189, 190]]])
  })

  it('refuses an unknown unit', async () => {
    const run = await cli('list', '--count-by', 'crew')
    expect(run.status).toBe(2)
  })
})

describe('cli stats --count-by', () => {
  it('measures the median stay at Salyut 6 per docking or per visit', async () => {
    const byVisit = JSON.parse(
      (await cli('stats', '--station', 'Salyut 6', '--json')).out,
    ) as Array<Record<string, unknown>>
    const byDocking = JSON.parse(
      (await cli('stats', '--station', 'Salyut 6', '--count-by', 'docking', '--json')).out,
    ) as Array<Record<string, unknown>>
    // Independent: the median of each docking's length at Salyut 6, in days.
    const lengths = data.events
      .filter((e) => e.stationName === 'Salyut 6' && e.departure !== null)
      .map((e) => (e.departure! - e.docking) / 86_400_000)
      .sort((a, b) => a - b)
    const mid = (lengths.length - 1) / 2
    const median = (lengths[Math.floor(mid)]! + lengths[Math.ceil(mid)]!) / 2
    expect(byDocking[0]!.median_docking_days).toBe(Math.round(median * 100) / 100)
    expect(byVisit[0]).toHaveProperty('median_visit_days')
    expect(byVisit[0]!.median_visit_days).not.toBe(byDocking[0]!.median_docking_days)
    expect([byVisit[0]!.dockings, byVisit[0]!.visits]).toEqual([
      byDocking[0]!.dockings,
      byDocking[0]!.visits,
    ])
  })
})

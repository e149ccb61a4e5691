/**
 * The analysis commands on the bundled real data (the LL2 snapshot and the
 * bundled expedition list), checked against answers worked out here by
 * independent, deliberately plain computations over the same records.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { DockingEvent } from '../../shared/domain/model'
import { utcMillis } from '../../shared/domain/units'
import { snapshotData, SNAPSHOT_FILE } from '../fixtures/docking-data'
import { runCliOn } from './support/run-cli'

// A fixed "now" after the capture, so open dockings end at the same instant every run.
const NOW = utcMillis(Date.parse('2026-08-01T00:00:00Z'))
const data = snapshotData()
let dir: string
let db: string
const cli = (...argv: string[]) => runCliOn(db, NOW, argv)
const json = <T>(run: { out: string }) => JSON.parse(run.out) as T

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-analysis-'))
  db = path.join(dir, 'cache.sqlite')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const stationEvents = (name: string): DockingEvent[] =>
  data.events.filter((e) => e.stationName === name)
const endOf = (e: DockingEvent) => e.departure ?? NOW
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z')

/** Covered time of spans inside [from, to), by sweeping every boundary: no union helper. */
function coveredMs(
  spans: ReadonlyArray<readonly [number, number]>,
  from: number,
  to: number,
): number {
  const cuts = [...new Set([from, to, ...spans.flat().filter((t) => t > from && t < to)])].sort(
    (a, b) => a - b,
  )
  let total = 0
  for (let i = 0; i + 1 < cuts.length; i++) {
    const mid = (cuts[i]! + cuts[i + 1]!) / 2
    if (spans.some(([s, e]) => s <= mid && mid < e)) total += cuts[i + 1]! - cuts[i]!
  }
  return total
}

describe('cli stats --by port', () => {
  it("names Salyut 6's busiest port by time docked", async () => {
    const run = await cli('stats', '--station', 'Salyut 6', '--by', 'port', '--json')
    expect(run.status).toBe(0)
    const rows = json<Array<{ port: string; days_occupied: number }>>(run)
    // Independent: each port's covered time over all time.
    const byPort = new Map<string, Array<readonly [number, number]>>()
    for (const e of stationEvents('Salyut 6')) {
      if (e.portName === null) continue
      byPort.set(e.portName, [...(byPort.get(e.portName) ?? []), [e.docking, endOf(e)] as const])
    }
    const expected = [...byPort]
      .map(([port, spans]) => [port, coveredMs(spans, -1e15, 1e15) / 86_400_000] as const)
      .sort((a, b) => b[1] - a[1])
    expect(rows[0]!.port).toBe(expected[0]![0])
    expect(rows.map((r) => r.days_occupied)).toEqual(
      expected.map(([, d]) => Math.round(d * 100) / 100),
    )
    // The forward port held the long-stay crew Soyuz (and Progress came aft),
    // so it wins by time although the aft port saw more dockings.
    expect(rows[0]!.port).toBe('Salyut-6 forward')
  })

  it("says each port's life basis: Salyut 6's ports live with the station, founded to deorbit", async () => {
    const run = await cli('stats', '--station', 'Salyut 6', '--by', 'port', '--json')
    const rows = json<Array<{ port: string; days_existed: number; life_basis: string }>>(run)
    // LL2's station record: founded 1977-09-29, deorbited 1982-07-29.
    const life = (Date.parse('1982-07-29') - Date.parse('1977-09-29')) / 86_400_000
    expect(rows.map((r) => [r.port, r.life_basis, r.days_existed]).sort()).toEqual([
      ['Salyut-6 aft', 'station', life],
      ['Salyut-6 forward', 'station', life],
    ])
    // No ISS module appears as a docking of its own in the bundled data: its ports use their events.
    const iss = await cli(
      'stats',
      '--station',
      'International Space Station',
      '--by',
      'port',
      '--json',
    )
    const bases = json<Array<{ port: string; life_basis: string }>>(iss)
    expect(bases.find((r) => r.port === 'Pirs nadir')?.life_basis).toBe('events')
  })
})

describe('cli occupancy', () => {
  it("gives Mir's peak of simultaneous dockings and every interval it held", async () => {
    const run = await cli('occupancy', '--station', 'Mir', '--json')
    expect(run.status).toBe(0)
    const out = json<{
      steps: Array<{ at: string; total: number }>
      peak: { count: number; intervals: Array<{ start: string; end: string }> }
    }>(run)
    // Independent: count what is docked at every docking instant (the count
    // can only rise at one), take the maximum, then walk the instants.
    const mir = stationEvents('Mir')
    const dockedAt = (t: number) => mir.filter((e) => e.docking <= t && t < endOf(e)).length
    const peak = Math.max(...mir.map((e) => dockedAt(e.docking)))
    expect(out.peak.count).toBe(peak)
    const peakStarts = mir
      .map((e) => e.docking)
      .filter((t) => dockedAt(t) === peak && dockedAt(t - 1) < peak)
    expect(out.peak.intervals.map((i) => i.start)).toEqual(
      [...new Set(peakStarts)].sort((a, b) => a - b).map(iso),
    )
    for (const i of out.peak.intervals) {
      const end = Date.parse(i.end)
      expect([dockedAt(end - 1), dockedAt(end) < peak]).toEqual([peak, true])
    }
    // Every step's total is what the plain count says at its instant.
    for (const s of out.steps) expect(s.total).toBe(dockedAt(Date.parse(s.at)))
  })

  it("calls the ISS's peak an upper bound, with how many of its stays have an unknown departure", async () => {
    const run = await cli('occupancy', '--station', 'International Space Station', '--json')
    expect(run.status).toBe(0)
    const out = json<{
      peak: {
        count: number
        unknownEnds: number
        intervals: Array<{ start: string; end: string }>
      }
    }>(run)
    // Independent: with no departure, a stay ends at the next docking at its
    // port, else, if the station's record captured on 2026-07-24 does not
    // list it and it docked before that day, at that day's end, else runs to
    // now; its departure is unknown in the first two cases.
    const iss = stationEvents('International Space Station')
    const listed =
      data.stations.find((s) => s.name === 'International Space Station')!.activeDockingEventIds ??
      []
    const captured = Date.parse('2026-07-24T00:00:00Z')
    const next = (e: DockingEvent) =>
      Math.min(
        ...iss.filter((o) => o.portId === e.portId && o.docking > e.docking).map((o) => o.docking),
      )
    const unlisted = (e: DockingEvent) => !listed.includes(e.id) && e.docking < captured
    const end = (e: DockingEvent) =>
      e.departure ??
      (Number.isFinite(next(e)) ? next(e) : unlisted(e) ? captured + 86_400_000 : NOW)
    const isUnknown = (e: DockingEvent) =>
      e.departure === null && (Number.isFinite(next(e)) || unlisted(e))
    const t = Date.parse(out.peak.intervals[0]!.start)
    const docked = iss.filter((e) => e.docking <= t && t < end(e))
    expect(out.peak.count).toBe(docked.length)
    expect(out.peak.unknownEnds).toBe(docked.filter(isUnknown).length)
    expect(out.peak.unknownEnds).toBeGreaterThan(0)
    // Each interval of the peak holds the same count, and the last ends where
    // the unlisted stays do, not at now.
    for (const i of out.peak.intervals) {
      const at = Date.parse(i.start)
      expect(iss.filter((e) => e.docking <= at && at < end(e))).toHaveLength(out.peak.count)
    }
    expect(out.peak.intervals.at(-1)!.end).toBe('2026-07-25T00:00:00Z')
    const text = await cli('occupancy', '--station', 'International Space Station')
    expect(text.out).toContain(
      `Peak: up to ${out.peak.count} docked at once (${out.peak.unknownEnds} of them with an unknown departure, counted to the latest they can have left), ${out.peak.intervals[0]!.start}`,
    )
    // `cli stats` gives the same bound as a column of its own.
    const stats = json<Array<Record<string, unknown>>>(
      await cli('stats', '--station', 'International Space Station', '--json'),
    )
    expect(stats).toHaveLength(1)
    expect(stats[0]).toMatchObject({
      peak_docked: out.peak.count,
      peak_from: out.peak.intervals[0]!.start,
      peak_unknown_departures: docked.filter(isUnknown).length,
    })
    // Mir's peak holds no such stay: a plain count.
    expect((await cli('occupancy', '--station', 'Mir')).out).toMatch(/^Peak: 3 docked at once, /m)
  })

  it('refuses a missing station and a bad stacking with a usage error', async () => {
    expect((await cli('occupancy', '--json')).status).toBe(2)
    const bad = await cli('occupancy', '--station', 'Mir', '--stack', 'colour')
    expect([bad.status, bad.err]).toEqual([
      2,
      expect.stringContaining('--stack wants role or family'),
    ])
  })
})

describe('cli gaps', () => {
  it('falls back to the proxy at the ISS after the bundled list ends (Expedition 64 is left open there)', async () => {
    const run = await cli(
      'gaps',
      '--station',
      'International Space Station',
      '--from',
      '2022-01-01',
      '--to',
      '2023-01-01',
      '--json',
    )
    expect(run.status).toBe(0)
    expect(json<{ basis: string }>(run).basis).toBe('crew-vehicle-proxy')
  })

  it('gives when Salyut 6 was uncrewed in 1980, by expeditions', async () => {
    const run = await cli(
      'gaps',
      '--station',
      'Salyut 6',
      '--from',
      '1980-01-01',
      '--to',
      '1981-01-01',
      '--json',
    )
    expect(run.status).toBe(0)
    const out = json<{ basis: string; gaps: Array<{ start: string; end: string; basis: string }> }>(
      run,
    )
    // Independent: the bundled list's expeditions named for Salyut 6 (one is
    // misfiled under Salyut 5), minus those ending before they start and
    // Soyuz 33 (failed to dock in 1979, outside the year anyway).
    const list = JSON.parse(
      fs.readFileSync(
        path.join(path.dirname(SNAPSHOT_FILE), 'sources/ll2-expeditions.2.1.0.colbad2.json'),
        'utf8',
      ),
    ) as { results: Array<{ name: string; start: string; end: string | null }> }
    const spans = list.results
      .filter((x) => x.name.startsWith('Salyut 6 ') && x.end !== null && x.end > x.start)
      .map((x) => [Date.parse(x.start), Date.parse(x.end!)] as const)
    const from = Date.parse('1980-01-01T00:00:00Z')
    const to = Date.parse('1981-01-01T00:00:00Z')
    const cuts = [...new Set([from, to, ...spans.flat().filter((t) => t > from && t < to)])].sort(
      (a, b) => a - b,
    )
    const gaps: Array<[number, number]> = []
    for (let i = 0; i + 1 < cuts.length; i++) {
      const mid = (cuts[i]! + cuts[i + 1]!) / 2
      if (spans.some(([s, e]) => s <= mid && mid < e)) continue
      const last = gaps[gaps.length - 1]
      if (last && last[1] === cuts[i]) last[1] = cuts[i + 1]!
      else gaps.push([cuts[i]!, cuts[i + 1]!])
    }
    expect(out.gaps.map((g) => [g.start, g.end])).toEqual(gaps.map(([s, e]) => [iso(s), iso(e)]))
    // Worked by hand from the list: empty until EO-4 (Popov, Ryumin) arrived
    // on 9 April; empty again from their return on 11 October until EO-5
    // (Soyuz T-3) on 27 November; empty after T-3 left on 10 December.
    expect(out.gaps.map((g) => g.start.slice(0, 10))).toEqual([
      '1980-01-01',
      '1980-10-11',
      '1980-12-10',
    ])
    expect(out.basis).toBe('expeditions')
  })

  it('says when it falls back to crew vehicles: Tiangong station has no bundled expedition', async () => {
    const run = await cli('gaps', '--station', 'Tiangong space station', '--json')
    expect(run.status).toBe(0)
    const out = json<{ basis: string; expeditionCoverage: unknown }>(run)
    expect([out.basis, out.expeditionCoverage]).toEqual(['crew-vehicle-proxy', null])
  })
})

describe('cli stats --by year on the ISS', () => {
  it('finds the ISS port with the highest utilisation in 2011', async () => {
    const run = await cli(
      'stats',
      '--station',
      'International Space Station',
      '--by',
      'port',
      '--from',
      '2011-01-01',
      '--to',
      '2012-01-01',
      '--json',
    )
    expect(run.status).toBe(0)
    const rows = json<Array<{ port: string; share: number }>>(run)
    // Independent: occupied ÷ existed within 2011 per port, a port existing
    // from its first docking to its last departure.
    const from = Date.parse('2011-01-01T00:00:00Z')
    const to = Date.parse('2012-01-01T00:00:00Z')
    const byPort = new Map<string, Array<readonly [number, number]>>()
    for (const e of stationEvents('International Space Station')) {
      if (e.portName !== null)
        byPort.set(e.portName, [...(byPort.get(e.portName) ?? []), [e.docking, endOf(e)] as const])
    }
    const shares = [...byPort].flatMap(([port, spans]) => {
      const life0 = Math.max(from, Math.min(...spans.map(([s]) => s)))
      const life1 = Math.min(to, Math.max(...spans.map(([, e]) => e)))
      return life1 > life0
        ? [[port, coveredMs(spans, life0, life1) / (life1 - life0)] as const]
        : []
    })
    const best = shares.sort((a, b) => b[1] - a[1])[0]!
    const top = [...rows].sort((a, b) => b.share - a.share)[0]!
    expect([top.port, top.share]).toEqual([best[0], Math.round(best[1] * 1000) / 1000])
  })

  it('refuses an unknown grouping and a window that ends before it starts', async () => {
    expect((await cli('stats', '--by', 'colour')).status).toBe(2)
    expect((await cli('stats', '--from', '2011-01-01', '--to', '2010-01-01')).status).toBe(2)
    expect((await cli('stats', '--from', 'last year')).status).toBe(2)
  })
})

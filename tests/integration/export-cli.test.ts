import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CSV_COLUMNS, type JsonExport } from '../../shared/export/data-export'
import { utcMillis } from '../../shared/domain/units'
import { generateDataset } from '../fixtures/generate-dataset'
import { parseCsv } from '../unit/export/csv-parse'
import { byClass, parseXml, textOf } from '../unit/export/svg-parse'
import { runCliOn } from './support/run-cli'

const NOW = utcMillis(Date.parse('2025-06-02T00:00:00Z'))
let dir: string
let db: string

const cli = (...argv: string[]) => runCliOn(db, NOW, argv)

interface ListRow {
  id: number
  station: string | null
  port: string | null
  vehicle: string
  family: string
  role: string
  docking: string
  departure: string | null
  departureUnknown: boolean
  source: string
  url: string | null
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-export-cli-'))
  db = path.join(dir, 'cache.sqlite')
  // The bundled snapshot plus 300 generated LL2 records (source: import), some still docked.
  const file = path.join(dir, 'generated.json')
  fs.writeFileSync(
    file,
    JSON.stringify({ results: generateDataset({ events: 300, seed: 11 }).events }),
  )
  const imported = await cli('import', file)
  expect(imported.status, imported.err).toBe(0)
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('cli export', () => {
  const filterSets: ReadonlyArray<ReadonlyArray<string>> = [
    [],
    ['--family', 'Soyuz'],
    ['--station', 'Salyut 7', '--docking-gte', '1983-01-01'],
    ['--search', 'progress', '--source', 'import'],
  ]

  it.each(filterSets.map((f) => [f.join(' ') || '(no filters)', f] as const))(
    'CSV with %s round-trips to the rows of cli list --json',
    async (_name, filters) => {
      const listed = await cli('list', ...filters, '--json')
      expect(listed.status, listed.err).toBe(0)
      const rows = JSON.parse(listed.out) as ListRow[]
      expect(rows.length).toBeGreaterThan(0)

      const out = path.join(dir, `rows-${filters.join('-').replace(/[^a-z0-9-]/gi, '')}.csv`)
      const exported = await cli('export', '--format', 'csv', '--out', out, ...filters)
      expect(exported.status, exported.err).toBe(0)
      const csv = parseCsv(fs.readFileSync(out, 'utf8'))
      expect(csv.header).toEqual(CSV_COLUMNS)
      const got = csv.rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])))
      expect(got.map((r) => Number(r.id))).toEqual(rows.map((r) => r.id))
      got.forEach((r, i) => {
        const l = rows[i]!
        expect(r.station).toBe(l.station ?? '')
        expect(r.port).toBe(l.port ?? '')
        expect(r.vehicle).toBe(l.vehicle)
        expect(r.family).toBe(l.family)
        expect(r.role).toBe(l.role)
        expect(r.docking_utc).toBe(l.docking)
        expect(r.departure_utc).toBe(l.departure ?? '')
        // No departure reads "still docked" unless the station re-entered or
        // a later docking used the port (the bundled Soyuz MS-17's case).
        expect(r.still_docked).toBe(String(l.departure === null && !l.departureUnknown))
        expect(r.departure_unknown).toBe(String(l.departureUnknown))
        expect(r.source).toBe(l.source)
        expect(r.ll2_url).toBe(l.url ?? '')
      })
      // A plain table; what describes it is in the sidecar beside it.
      expect(csv.comments).toEqual([])
      const meta = JSON.parse(fs.readFileSync(`${out}-metadata.json`, 'utf8')) as {
        url: string
        dockingTimeline: { exportedAt: string; count: number; app: { version: string } }
      }
      expect(meta.url).toBe(path.basename(out))
      expect(meta.dockingTimeline.exportedAt).toBe('2025-06-02T00:00:00Z')
      expect(meta.dockingTimeline.count).toBe(rows.length)
      expect(meta.dockingTimeline.app.version).toBe('1.2.3-test')
    },
  )

  it('JSON records the list filters so the export can be reproduced', async () => {
    const out = path.join(dir, 'soyuz.json')
    const r = await cli(
      'export',
      '--format',
      'json',
      '--out',
      out,
      '--family',
      'soyuz',
      '--source',
      'import',
    )
    expect(r.status, r.err).toBe(0)
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as JsonExport
    expect(doc.app.version).toBe('1.2.3-test')
    expect(doc.filters.state.families).toEqual(['Soyuz'])
    expect(doc.filters.description).toBe('families: Soyuz; sources: import')
    expect(doc.events.length).toBeGreaterThan(0)
    expect(doc.events.every((e) => e.family === 'Soyuz' && e.source === 'import')).toBe(true)
    const listed = JSON.parse(
      (await cli('list', '--family', 'soyuz', '--source', 'import', '--json')).out,
    ) as ListRow[]
    expect(doc.events.map((e) => e.id)).toEqual(listed.map((l) => l.id))
  })

  it('SVG draws the listed events in the requested window, with title and footer', async () => {
    const out = path.join(dir, 'salyut7.svg')
    const r = await cli(
      'export',
      '--format',
      'svg',
      '--out',
      out,
      '--station',
      'Salyut 7',
      '--from',
      '1983-01-01',
      '--to',
      '1985-01-01',
      '--title',
      'Salyut 7 & friends',
      '--width',
      '1200',
    )
    expect(r.status, r.err).toBe(0)
    const svg = parseXml(fs.readFileSync(out, 'utf8'))
    expect(svg.attrs.width).toBe('1200')
    const listed = JSON.parse(
      (await cli('list', '--station', 'Salyut 7', '--json')).out,
    ) as ListRow[]
    const inWindow = listed.filter(
      (l) =>
        Date.parse(l.docking) <= Date.parse('1985-01-01T00:00:00Z') &&
        Date.parse(l.departure ?? '2100-01-01') >= Date.parse('1983-01-01T00:00:00Z'),
    )
    expect(
      byClass(svg, 'bar')
        .map((g) => Number(g.attrs['data-event-id']))
        .sort(),
    ).toEqual(inWindow.map((l) => l.id).sort())
    expect(textOf(byClass(svg, 'title')[0]!)).toBe('Salyut 7 & friends')
    expect(textOf(byClass(svg, 'footer')[0]!)).toContain('Filters: stations: Salyut 7')
    expect(Number(svg.attrs['data-range-start'])).toBe(Date.parse('1983-01-01T00:00:00Z'))
  })

  it('refuses bad flags with a usage error and overwrites only with --force', async () => {
    const out = path.join(dir, 'x.csv')
    expect((await cli('export', '--format', 'pdf', '--out', out)).status).toBe(2)
    expect((await cli('export', '--format', 'csv')).status).toBe(2)
    expect(
      (await cli('export', '--format', 'svg', '--out', out, '--from', '1983-01-01')).status,
    ).toBe(2)
    expect((await cli('export', '--format', 'svg', '--out', out, '--width', '20')).status).toBe(2)
    expect((await cli('export', '--format', 'csv', '--out', out, '--title', 'x')).status).toBe(2)
    expect(
      (await cli('export', '--format', 'csv', '--out', path.join(dir, 'no/such/dir.csv'))).status,
    ).toBe(1)
    expect((await cli('export', '--format', 'csv', '--out', out)).status).toBe(0)
    fs.writeFileSync(out, 'keep me')
    const again = await cli('export', '--format', 'csv', '--out', out)
    expect(again.status).toBe(1)
    expect(again.err).toContain('--force')
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me')
    expect((await cli('export', '--format', 'csv', '--out', out, '--force')).status).toBe(0)
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','))
  })

  it('says so when nothing matches instead of writing an empty figure', async () => {
    const out = path.join(dir, 'empty.svg')
    const r = await cli('export', '--format', 'svg', '--out', out, '--search', 'zzzz-nothing')
    expect(r.status).toBe(1)
    expect(r.err).toContain('nothing to draw')
    expect(fs.existsSync(out)).toBe(false)
  })
})

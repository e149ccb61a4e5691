import { describe, expect, it } from 'vitest'

import {
  CSV_COLUMNS,
  toCsv,
  toExportRow,
  type DataExportMeta,
  type JsonExport,
} from '../../../shared/export/data-export'
import { csvField } from '../../../shared/export/csv'
import { csvMetadata, retargetCsvMetadata } from '../../../shared/export/csv-metadata'
import { prepareDataExport, type ExportContext } from '../../../shared/export/export-job'
import type { DockingEvent } from '../../../shared/domain/model'
import { matchingEvents } from '../../../shared/query/evaluate'
import { DEFAULT_QUERY, type Query } from '../../../shared/query/query'
import { toIsoUtc, utcMillis } from '../../../shared/domain/units'
import { salyutData, snapshotData } from '../../fixtures/docking-data'
import { parseCsv } from './csv-parse'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const NOW = utcMillis(Date.parse('2025-06-01T12:00:00Z'))
const snapshot = snapshotData()
const ctx = (filters: Partial<Query> = {}): ExportContext => ({
  data: snapshot,
  query: { ...DEFAULT_QUERY, ...filters },
  appVersion: '9.9.9-test',
  now: NOW,
})

describe('CSV export', () => {
  // Salyut 6 is LL2 station 14.
  const filters: Partial<Query> = { families: ['Soyuz'], stations: [14 as never] }
  const exp = prepareDataExport(ctx(filters), 'csv')
  const csv = parseCsv(exp.content)

  it('holds exactly the filtered events, in docking order', () => {
    const expected = matchingEvents(snapshot.events, { ...DEFAULT_QUERY, ...filters }, NOW, {
      endFacts: NO_END_FACTS,
    })
    expect(expected.length).toBeGreaterThan(5)
    expect(csv.header).toEqual(CSV_COLUMNS)
    expect(csv.rows.map((r) => Number(r[0]))).toEqual(
      [...expected].sort((a, b) => a.docking - b.docking).map((e) => e.id),
    )
    for (const r of csv.rows) {
      expect(r[2]).toMatch(/^Salyut-6 /)
      expect(r[6]).toBe('Soyuz')
    }
  })

  it('round-trips every field through a CSV parser', () => {
    const byId = new Map(snapshot.events.map((e) => [e.id as number, e]))
    for (const r of csv.rows) {
      const e = byId.get(Number(r[0]))!
      const rec = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]]))
      expect(rec.station).toBe(e.stationName)
      expect(rec.port).toBe(e.portName)
      expect(rec.vehicle).toBe(e.vehicle)
      expect(rec.configuration).toBe(e.configuration ?? '')
      expect(rec.agency).toBe(e.agency ?? '')
      expect(rec.role).toBe(e.role)
      // Written at the known precision: a truncation of the exact instant.
      expect(toIsoUtc(e.docking).startsWith(rec.docking_utc!.replace(/Z$/, ''))).toBe(true)
      expect(toIsoUtc(e.departure!).startsWith(rec.departure_utc!.replace(/Z$/, ''))).toBe(true)
      expect(rec.docking_utc!.length).toBeGreaterThanOrEqual(10)
      expect(Number(rec.stay_days)).toBeCloseTo((e.departure! - e.docking) / 864e5, 3)
      expect(rec.still_docked).toBe('false')
      expect(rec.source).toBe('snapshot')
      expect(rec.ll2_url).toBe(e.url)
      expect(rec.ll2_url).toBe(`https://ll.thespacedevs.com/2.3.0/docking_events/${e.id}/`)
    }
  })

  it('writes times only as precisely as they are known', () => {
    // The compiled Salyut record states a precision per time; LL2 records do not.
    const salyut = salyutData()
    const dayPrecision = salyut.events.find((e) => e.provenance?.dockingPrecision === 'day')!
    const row = toExportRow(dayPrecision, NOW)
    expect(row.docking).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const minute = salyut.events.find((e) => e.provenance?.dockingPrecision === 'minute')!
    expect(toExportRow(minute, NOW).docking).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/)
    // LL2 records carry no precision note: exact to the second.
    const ll2: DockingEvent = {
      ...minute,
      provenance: null,
      docking: utcMillis(Date.parse('2020-01-02T03:04:05Z')),
    }
    expect(toExportRow(ll2, NOW).docking).toBe('2020-01-02T03:04:05Z')
  })

  it('is a plain table: the header on row 1, no comment lines', () => {
    expect(exp.content.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','))
    expect(csv.comments).toEqual([])
    expect(exp.content).not.toMatch(/^#/m)
  })

  it('has a sidecar naming it that records filters, data time, source, version and columns', () => {
    const doc = JSON.parse(exp.sidecar!) as {
      url: string
      'dc:source': string
      tableSchema: { columns: Array<{ name: string; 'dc:description': string }> }
      dockingTimeline: {
        app: { version: string }
        dataAsOf: string
        exportedAt: string
        count: number
        filters: { description: string; state: Query }
        notes: string[]
      }
    }
    expect(doc.url).toBe(exp.suggestedName)
    expect(exp.suggestedName).toMatch(/\.csv$/)
    expect(doc.tableSchema.columns.map((c) => c.name)).toEqual(csv.header)
    for (const c of doc.tableSchema.columns) expect(c['dc:description'].length).toBeGreaterThan(5)
    const t = doc.dockingTimeline
    expect(t.app.version).toBe('9.9.9-test')
    expect(t.exportedAt).toBe('2025-06-01T12:00:00Z')
    expect(t.dataAsOf).toBe('2025-01-01T00:00:00Z')
    expect(t.count).toBe(csv.rows.length)
    expect(doc['dc:source']).toBe(snapshot.info.credit)
    expect(doc['dc:source']).toContain('Launch Library 2 by The Space Devs')
    expect(t.filters.description).toBe('stations: Salyut 6; families: Soyuz')
    expect(t.filters.state).toEqual({ ...DEFAULT_QUERY, ...filters })
    expect(retargetCsvMetadata(exp.sidecar!, 'renamed.csv')).toContain('"url": "renamed.csv"')
  })

  it('carries precision, port basis, notes, sources and origin of every record', () => {
    // The compiled Salyut record carries all of these; LL2's records carry none of them.
    const salyut = salyutData()
    const rows = parseCsv(prepareDataExport({ ...ctx(), data: salyut }, 'csv').content).rows
    const byId = new Map(salyut.events.map((e) => [e.id as number, e]))
    const col = (r: ReadonlyArray<string>, c: (typeof CSV_COLUMNS)[number]) =>
      r[CSV_COLUMNS.indexOf(c)]!
    expect(rows).toHaveLength(salyut.events.length)
    for (const r of rows) {
      const p = byId.get(Number(r[0]))!.provenance!
      expect(col(r, 'docking_precision')).toBe(p.dockingPrecision)
      expect(col(r, 'departure_precision')).toBe(p.departurePrecision)
      expect(col(r, 'port_basis')).toBe(p.portBasis ?? '')
      expect(col(r, 'notes')).toBe(p.notes ?? '')
      expect(col(r, 'sources').split(' ')).toEqual(p.sources)
      expect(col(r, 'origin')).toBe('bundled snapshot')
    }
    expect(rows.some((r) => col(r, 'notes') !== '')).toBe(true)
    expect(rows.some((r) => col(r, 'port_basis') === 'inferred')).toBe(true)
  })

  it('quotes commas, quotes, line breaks and outer spaces (RFC 4180)', () => {
    const base = snapshot.events[0]!
    const nasty: DockingEvent = {
      ...base,
      vehicle: 'Soyuz "T-5", the, one',
      configuration: 'line\nbreak',
      agency: ' spaced ',
      portName: '#hash',
    }
    const parsed = parseCsv(toCsv([toExportRow(nasty, NOW)]))
    const r = parsed.rows[0]!
    expect(r[2]).toBe('#hash')
    expect(r[3]).toBe('Soyuz "T-5", the, one')
    expect(r[4]).toBe('line\nbreak')
    expect(r[5]).toBe(' spaced ')
    expect(csvField(null)).toBe('')
    expect(csvField('plain')).toBe('plain')
  })

  it('writes names that look like formulas as text, and says so in the header', () => {
    const hostile: DockingEvent = {
      ...snapshot.events[0]!,
      vehicle: '=HYPERLINK("https://evil.example","Soyuz")',
      agency: '@SUM(1)',
    }
    const meta: DataExportMeta = {
      appVersion: '1',
      exportedAt: NOW,
      dataAsOf: null,
      provenance: 'p',
      credit: 'p',
      ll2Server: null,
      filters: { ...DEFAULT_QUERY, search: 'a,=1+1' },
      filtersText: 'search: a,=1+1',
      range: null,
    }
    const text = toCsv([toExportRow(hostile, NOW)])
    const parsed = parseCsv(text)
    expect(parsed.rows[0]![3]).toBe(`'=HYPERLINK("https://evil.example","Soyuz")`)
    expect(parsed.rows[0]![5]).toBe(`'@SUM(1)`)
    expect(csvMetadata(meta, 1, 'x.csv')).toMatch(/leading ' \(quoted\) so spreadsheets do not run/)
    // No cell a spreadsheet could split off any line starts a formula.
    for (const line of text.split('\r\n')) {
      for (const cell of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/)
    }
  })

  it('marks still-docked vehicles and counts their stay to the export time', () => {
    const open: DockingEvent = {
      ...snapshot.events[0]!,
      departure: null,
      docking: utcMillis(NOW - 10 * 864e5),
    }
    const row = toExportRow(open, NOW)
    expect(row.stillDocked).toBe(true)
    expect(row.departure).toBeNull()
    expect(row.stayDays).toBe(10)
  })
})

describe('JSON export', () => {
  it('wraps exactly the filtered rows in an envelope that can reproduce them', () => {
    const filters: Partial<Query> = {
      roles: ['cargo'],
      docking: {
        gt: null,
        gte: utcMillis(Date.parse('1982-01-01T00:00:00Z')),
        lt: null,
        lte: null,
      },
    }
    const exp = prepareDataExport(ctx(filters), 'json')
    const doc = JSON.parse(exp.content) as JsonExport
    expect(doc.format).toBe('docking-timeline-export')
    expect(doc.app.version).toBe('9.9.9-test')
    expect(doc.dataAsOf).toBe('2025-01-01T00:00:00Z')
    expect(doc.filters.state).toEqual({ ...DEFAULT_QUERY, ...filters })
    expect(doc.filters.description).toBe('roles: cargo vehicle; docking on or after 1982 UTC')
    // Reapplying the recorded filters to the same data gives the same rows.
    const again = matchingEvents(snapshot.events, doc.filters.state, NOW, {
      endFacts: NO_END_FACTS,
    })
    expect(doc.events.map((e) => e.id)).toEqual(
      [...again].sort((a, b) => a.docking - b.docking).map((e) => e.id),
    )
    expect(doc.count).toBe(doc.events.length)
    expect(doc.events.every((e) => e.role === 'cargo')).toBe(true)
  })

  it('limits rows to a range when asked, and records it', () => {
    const range = {
      start: utcMillis(Date.parse('1982-01-01T00:00:00Z')),
      end: utcMillis(Date.parse('1982-12-31T00:00:00Z')),
    }
    const doc = JSON.parse(prepareDataExport(ctx(), 'json', range).content) as JsonExport
    expect(doc.range).toEqual({ start: '1982-01-01T00:00:00Z', end: '1982-12-31T00:00:00Z' })
    const expected = snapshot.events.filter(
      (e) => e.departure! >= range.start && e.docking <= range.end,
    )
    expect(doc.events.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id as number).sort())
  })
})

describe('exports counted by visit', () => {
  // Salyut 6 is LL2 station 14; Soyuz 31's relocation (189 aft, 190 forward) is one visit there.
  const filters: Partial<Query> = { families: ['Soyuz'], stations: [14 as never] }
  const events = matchingEvents(snapshot.events, { ...DEFAULT_QUERY, ...filters }, NOW, {
    endFacts: NO_END_FACTS,
  })
  // Visits by hand: a Soyuz docking again within a day of leaving this station is the same visit.
  const visitsByHand = events.filter((e) => {
    const before = events.find(
      (p) =>
        p.vehicle === e.vehicle &&
        p.departure !== null &&
        e.docking - p.departure >= 0 &&
        e.docking - p.departure <= 86_400_000,
    )
    return before === undefined
  }).length

  it('say so in the JSON envelope and the CSV sidecar, rows still one per docking', () => {
    const json = JSON.parse(
      prepareDataExport({ ...ctx(filters), countBy: 'visit' }, 'json').content,
    ) as { countedBy: string; counted: string; count: number; events: Array<{ id: number }> }
    expect(visitsByHand).toBeLessThan(events.length)
    expect(json.countedBy).toBe('visit')
    expect(json.counted).toBe(
      `${visitsByHand} visits (${events.length} dockings), counted by visit`,
    )
    expect(json.count).toBe(events.length)
    const ids = json.events.map((e) => e.id)
    expect(ids.indexOf(190)).toBe(ids.indexOf(189) + 1)
    const csv = prepareDataExport({ ...ctx(filters), countBy: 'visit' }, 'csv')
    expect(JSON.parse(csv.sidecar!)['dc:title']).toContain('counted by visit')
  })

  it('count by docking when the app does', () => {
    const json = JSON.parse(prepareDataExport(ctx(filters), 'json').content) as {
      countedBy: string
      counted: string
    }
    expect([json.countedBy, json.counted]).toEqual([
      'docking',
      `${events.length} dockings, counted by docking`,
    ])
  })
})

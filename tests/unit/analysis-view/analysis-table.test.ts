import { describe, expect, it } from 'vitest'

import { peakOccupancy, peakSpans } from '../../../shared/analysis/occupancy-series'
import { analysisModel } from '../../../shared/analysis-view/analysis-model'
import {
  firstRows,
  lazyTable,
  rowCount,
  tableCsv,
  tableCsvMetadata,
  tableJson,
} from '../../../shared/analysis-view/analysis-table'
import { utcMillis } from '../../../shared/domain/units'
import { dockingDataFrom } from '../../fixtures/docking-data'
import { DATASET_END, generateDataset } from '../../fixtures/generate-dataset'

const data = dockingDataFrom(generateDataset({ events: 1500, seed: 3 }).events, {
  source: 'll2',
  fetchedAt: utcMillis(DATASET_END),
  provenance: 'generated',
})

describe('tables whose rows are made when read', () => {
  it('show the same first rows and count as the whole table, for every table of the view', () => {
    const m = analysisModel(data.events, utcMillis(DATASET_END))
    const tables = [
      m.occupancy.table,
      m.ports.table,
      m.stays.table,
      m.traffic.table,
      m.crew.table,
      m.comparison.table,
    ]
    // The occupancy peaks recur: more rows than the view shows at first.
    expect(rowCount(m.occupancy.table)).toBeGreaterThan(100)
    for (const t of tables) {
      expect(firstRows(t, 100)).toEqual(t.rows.slice(0, 100))
      expect(rowCount(t)).toBe(t.rows.length)
    }
  })

  it('list one row per interval at each station’s peak, station by station', () => {
    const m = analysisModel(data.events, utcMillis(DATASET_END))
    const expected = m.occupancy.peaks.flatMap(({ station, peak }) =>
      peak.intervals.map((i) => [station, peak.count, i.start, i.end]),
    )
    const rows = m.occupancy.table.rows.map((r) => [
      r[0],
      r[1],
      Date.parse(String(r[3])),
      Date.parse(String(r[4])),
    ])
    // The table spells times to the minute.
    const minute = (t: number) => Math.floor(t / 60_000) * 60_000
    expect(rows).toEqual(expected.map(([s, c, a, b]) => [s, c, minute(+a!), minute(+b!)]))
  })

  it('make a row only when it is read', () => {
    const made: number[] = []
    const t = lazyTable([{ key: 'n', label: 'N' }], 5, (i) => (made.push(i), [i]))
    expect([rowCount(t), firstRows(t, 2)]).toEqual([5, [[0], [1]]])
    expect(made).toEqual([0, 1])
    expect(t.rows).toEqual([[0], [1], [2], [3], [4]])
    expect(t.rows).toBe(t.rows)
  })
})

describe('peak intervals as columns', () => {
  it('hold what the interval records hold', () => {
    const m = analysisModel(data.events, utcMillis(DATASET_END))
    for (const s of m.occupancy.series) {
      const peak = peakOccupancy(s)
      const c = peakSpans(peak)
      expect(Array.from({ length: c.length }, (_, i) => [c.start[i], c.end[i]])).toEqual(
        peak.intervals.map((i) => [i.start, i.end]),
      )
    }
  })
})

describe('a table CSV’s sidecar', () => {
  const m = analysisModel(data.events, utcMillis(DATASET_END))
  const meta = {
    title: 'How long do vehicles stay?',
    appVersion: '1.2.3',
    exportedAt: utcMillis(Date.parse('2026-12-02T10:00:00Z')),
    dataAsOf: utcMillis(DATASET_END),
    credit: 'generated',
    filtersText: 'all dockings',
  }

  it('describes each column of every table’s CSV by the words its header cell stands for', () => {
    for (const t of [m.occupancy.table, m.ports.table, m.stays.table, m.traffic.table]) {
      const doc = JSON.parse(tableCsvMetadata(t, meta, 't.csv')) as {
        tableSchema: {
          columns: Array<{ name: string; datatype: string; 'dc:description': string }>
        }
      }
      expect(doc.tableSchema.columns.map((c) => c.name)).toEqual(
        tableCsv(t).split('\r\n')[0]!.split(','),
      )
      expect(doc.tableSchema.columns.map((c) => c['dc:description'])).toEqual(
        t.columns.map((c) => c.label),
      )
    }
  })

  it('types a column by what its cells hold, and records the envelope the JSON export has', () => {
    const t = lazyTable(
      [
        { key: 'station', label: 'Station' },
        { key: 'n', label: 'Dockings' },
        { key: 'days', label: 'Days' },
        { key: 'open', label: 'Still docked' },
      ],
      2,
      (i) => (i === 0 ? ['Mir', 3, 1.5, true] : ['ISS', null, 2, false]),
    )
    const doc = JSON.parse(tableCsvMetadata(t, meta, 't.csv')) as {
      'dc:title': string
      tableSchema: { columns: Array<{ datatype: string }> }
      dockingTimeline: Record<string, unknown>
    }
    expect(doc.tableSchema.columns.map((c) => c.datatype)).toEqual([
      'string',
      'integer',
      'decimal',
      'boolean',
    ])
    expect(doc['dc:title']).toBe('Docking Timeline analysis: How long do vehicles stay?')
    const json = JSON.parse(tableJson(t, meta)) as Record<string, unknown>
    const { columns: _c, rows: _r, ...envelope } = json
    expect(doc.dockingTimeline).toMatchObject({ ...envelope, count: 2 })
  })
})

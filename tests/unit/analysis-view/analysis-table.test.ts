import { describe, expect, it } from 'vitest'

import { peakOccupancy, peakSpans } from '../../../shared/analysis/occupancy-series'
import { analysisModel } from '../../../shared/analysis-view/analysis-model'
import { firstRows, lazyTable, rowCount } from '../../../shared/analysis-view/analysis-table'
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
      Date.parse(String(r[2])),
      Date.parse(String(r[3])),
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

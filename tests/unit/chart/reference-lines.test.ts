import { describe, expect, it } from 'vitest'

import { buildBars, layoutRows } from '../../../shared/chart/chart-model'
import { placeReferenceStays, referenceLines } from '../../../shared/chart/reference-lines'
import { buildRows } from '../../../shared/chart/timeline-rows'
import { utcMillis } from '../../../shared/domain/units'
import { prepareChartExport, type ExportContext } from '../../../shared/export/export-job'
import { DEFAULT_QUERY } from '../../../shared/query/query'
import { referenceComparison } from '../../../shared/reference/compare'
import { byClass, parseXml } from '../export/svg-parse'
import { makeEvent } from '../query/make-event'
import { makePort, makeStation } from '../query/make-place'
import { makeStay } from '../reference/make-stay'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const SALYUT_6 = makeStation(14, 'Salyut 6')
const FORWARD = makePort(4, 'Salyut-6 forward', 14)
const AFT = makePort(9, 'Salyut-6 aft', 14)
const NOW = utcMillis(Date.parse('2026-01-01T00:00:00Z'))

// LL2 puts Soyuz 26 forward; RP-1357 aft. Soyuz 27 they agree on.
const events = [
  makeEvent({
    id: 183,
    vehicle: 'Soyuz 26',
    port: [4, 'Salyut-6 forward'],
    docking: '1977-12-11T03:02:41Z',
    departure: '1978-01-16T08:08:00Z',
  }),
  makeEvent({
    id: 184,
    vehicle: 'Soyuz 27',
    port: [4, 'Salyut-6 forward'],
    docking: '1978-01-11T14:05:54Z',
    departure: '1978-03-16T07:58:00Z',
  }),
]
const stays = [
  makeStay({
    id: 900001,
    vehicle: 'Soyuz 26',
    port: 'Salyut-6 aft',
    docking: '1977-12-11T03:02:41Z',
    departure: '1978-01-16T08:08:00Z',
  }),
  makeStay({
    id: 900002,
    vehicle: 'Soyuz 27',
    port: 'Salyut-6 forward',
    docking: '1978-01-11T14:05:54Z',
    departure: '1978-03-16T07:58:00Z',
  }),
  // The Shuttle's berth: no LL2 port at Salyut 6 stands for it.
  makeStay({
    id: 900099,
    vehicle: 'Soyuz 99',
    port: 'Docking Module (SO)',
    docking: '1978-04-01T00:00:00Z',
  }),
]
const reference = { sets: [], stays }
const comparison = referenceComparison(events, reference)
const rows = (collapsed: number[] = []) =>
  layoutRows(buildRows([SALYUT_6], [FORWARD, AFT], events), {
    collapsedStations: new Set(collapsed),
    hideEmptyPorts: false,
  })

describe('reference lines', () => {
  const placed = placeReferenceStays(stays, events, [SALYUT_6], [FORWARD, AFT])

  it('puts each stay under the LL2 port of its side, and leaves out ports LL2 lacks', () => {
    expect(placed.map((p) => [p.stay.id, p.portId])).toEqual([
      [900001, 9],
      [900002, 4],
    ])
  })

  it('marks the stay LL2 disagrees with, and draws in the rows shown', () => {
    const lines = referenceLines(placed, comparison.conflicts, rows())
    expect(lines.map((l) => [l.referenceId, l.rowId, l.hasConflict])).toEqual([
      [900001, 'p9', true],
      [900002, 'p4', false],
    ])
    const folded = referenceLines(placed, comparison.conflicts, rows([14]))
    expect(folded.map((l) => [l.rowId, l.isSummary])).toEqual([
      ['s14', true],
      ['s14', true],
    ])
  })
})

describe('the reference layer in an exported figure', () => {
  const ctx: ExportContext = {
    data: {
      stations: [SALYUT_6],
      ports: [FORWARD, AFT],
      events,
      info: {
        eventCount: 2,
        stationCount: 1,
        portCount: 2,
        sources: { ll2: 2 },
        provenance: 'test',
        credit: 'Launch Library 2 by The Space Devs',
        ll2Server: null,
        dataAsOf: null,
      },
    },
    query: DEFAULT_QUERY,
    appVersion: 'test',
    now: NOW,
    reference: comparison,
  }
  const svgOf = (showReference: boolean) =>
    parseXml(
      prepareChartExport(ctx, {
        range: { kind: 'all' },
        size: { kind: 'width', width: 1200 },
        theme: 'light',
        showReference,
      })!.result.svg,
    )

  it('draws a line per reference stay under the aft row while the layer is on', () => {
    const svg = svgOf(true)
    const lines = byClass(svg, 'reference-stay')
    expect(lines.map((l) => l.attrs['data-reference-id'])).toEqual(['900001', '900002'])
    expect(byClass(svg, 'has-conflict').map((l) => l.attrs['data-port-id'])).toEqual(['9'])
    expect(byClass(svg, 'legend-reference-conflict')).toHaveLength(1)
  })

  it('draws none, and no legend for it, while the layer is off', () => {
    const svg = svgOf(false)
    expect(byClass(svg, 'reference-stay')).toEqual([])
    expect(byClass(svg, 'legend-reference')).toEqual([])
  })

  it('exports only the conflicting events under the "conflicts with reference" filter', () => {
    const filtered = prepareChartExport(
      { ...ctx, query: { ...DEFAULT_QUERY, conflictsWithReference: true } },
      { range: { kind: 'all' }, size: { kind: 'width', width: 1200 }, theme: 'light' },
    )!
    expect(filtered.events.map((e) => e.id)).toEqual([183])
    expect(buildBars(filtered.events, NOW, { endFacts: NO_END_FACTS })).toHaveLength(1)
  })
})

import { describe, expect, it } from 'vitest'

import { analysisModel } from '../../../shared/analysis-view/analysis-model'
import { answers } from '../../../shared/analysis-view/answers'
import type { DockingEvent, Station } from '../../../shared/domain/model'
import { stationId, utcMillis } from '../../../shared/domain/units'
import { makeExpedition } from '../analysis/expedition-fixtures'
import { makeEvent } from '../query/make-event'
import { SOYUZ_MS_17, SOYUZ_MS_18 } from '../query/port-reused'
import { makeStation } from '../query/make-place'

const NOW = utcMillis(Date.parse('2026-01-01T00:00:00Z'))
const station = (id: number, name: string, founded: string | null) =>
  ({
    id: stationId(id),
    name,
    status: null,
    founded,
    deorbited: null,
    portIds: [],
    activeDockingEventIds: null,
    listedWithin: null,
  }) satisfies Station
const stations = [
  station(14, 'Salyut 6', '1977-09-29'),
  station(18, 'Tiangong space station', null),
]
const TG = [18, 'Tiangong space station'] as const

const events = [
  makeEvent({ id: 1, vehicle: 'Soyuz 26', docking: '1978-01-01', departure: '1978-01-11' }),
  makeEvent({ id: 2, vehicle: 'Progress 1', docking: '1978-01-06', departure: '1978-01-16' }),
  makeEvent({ id: 3, vehicle: 'Soyuz 27', docking: '1978-01-20', departure: '1978-01-30' }),
  makeEvent({
    id: 4,
    station: TG,
    port: [33, 'Tianhe forward'],
    vehicle: 'Shenzhou 12',
    configuration: 'Shenzhou',
    docking: '2021-06-17',
    departure: '2021-09-16',
  }),
]
const expeditions = [
  makeExpedition(1, 'Salyut 6 EO-1', '1978-01-01', '1978-01-25'),
  // LL2's error kind: ends before it starts. Left out, and said so.
  makeExpedition(2, 'Salyut 6 EO-x', '1978-02-01', '1977-01-01'),
]
const model = analysisModel(events, NOW, { stations, allEvents: events, expeditions })
const rows = (name: string) =>
  model.crew.table.rows.filter((r) => r[0] === name).map((r) => [r[1], r[2], r[3], r[5]])

describe('analysisModel with expeditions and station records', () => {
  it('labels each period by its basis: expeditions at Salyut 6, the proxy at Tiangong', () => {
    // Salyut 6's span in view runs 1978-01-01 to 1978-01-30; EO-1 covers to
    // the 25th; past it Soyuz 27, docked to the 30th, stands in.
    expect(rows('Salyut 6')).toEqual([
      ['crewed', '1978-01-01T00:00Z', '1978-01-25T00:00Z', 'by expeditions'],
      ['crewed', '1978-01-25T00:00Z', '1978-01-30T00:00Z', 'proxy: crew vehicle docked'],
    ])
    expect(rows('Tiangong space station')).toEqual([
      ['crewed', '2021-06-17T00:00Z', '2021-09-16T00:00Z', 'proxy: crew vehicle docked'],
    ])
    expect(model.crew.expeditionsUsed).toBe(1)
  })

  it('says which expeditions it left out', () => {
    expect(model.crew.notes).toEqual([
      expect.stringMatching(/^Salyut 6 EO-x ends \(1977-01-01\) before it starts \(1978-02-01\)/),
    ])
    expect(answers(model).crew).toMatch(/LL2 expeditions \(1 used\)/)
  })

  it('counts age from founded, or from the first docking where LL2 gives no founding date', () => {
    const byName = new Map(model.comparison.profiles.map((p) => [p.name, p]))
    // Salyut 6 founded 1977-09-29; its first docking in view, 1978-01-01, is day 94.
    expect(byName.get('Salyut 6')!.occupancy[0]!.day).toBe(94)
    expect(model.comparison.dayZero.get(14)).toBe('founded')
    expect(byName.get('Tiangong space station')!.occupancy[0]!.day).toBe(0)
    expect(model.comparison.dayZero.get(18)).toBe('first-docking')
    expect(model.comparison.table.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Salyut 6', '1977-09-29', 'founded'],
      ['Tiangong space station', '2021-06-17', 'first docking in view (no founded date)'],
    ])
  })

  it('counts an overlap at a port once, and says what the dockings sum to', () => {
    // Salyut-6 forward: 1–11, 6–16 and 20–30 January: 25 days covered, 30 summed.
    const forward = model.ports.totals.find((p) => p.portName === 'Salyut-6 forward')!
    expect([
      forward.portName,
      forward.occupiedMs / 86_400_000,
      forward.summedMs / 86_400_000,
    ]).toEqual(['Salyut-6 forward', 25, 30])
    expect(model.ports.table.rows[1]!.slice(0, 4)).toEqual(['Salyut-6 forward', 'Salyut 6', 25, 5])
    const salyutOnly = analysisModel(events.slice(0, 3), NOW, {
      stations,
      allEvents: events,
      expeditions,
    })
    expect(answers(salyutOnly).ports).toMatch(
      /25 days docked over 3 dockings, .*station founded → deorbit.* counted once: the dockings' lengths sum to 30 days\.$/,
    )
  })

  it("ends a stay with no departure at its station's re-entry, as the chart's bar does", () => {
    // Mir re-entered on 2001-03-23; LL2 gives Progress M1-5 no departure.
    const mir = makeStation(2, 'Mir', {
      status: 'De-Orbited',
      founded: '1986-02-19',
      deorbited: '2001-03-23',
    })
    const MIR = [2, 'Mir'] as const
    const atMir = [
      makeEvent({
        id: 11,
        station: MIR,
        port: [5, 'Mir Core aft'],
        vehicle: 'Progress M-43',
        docking: '2000-10-19',
        departure: '2001-01-24',
      }),
      makeEvent({
        id: 12,
        station: MIR,
        port: [6, 'Kvant-1 aft'],
        vehicle: 'Progress M1-5',
        docking: '2001-01-27',
        departure: null,
      }),
    ]
    const m = analysisModel(atMir, NOW, { stations: [mir], allEvents: atMir, expeditions: [] })
    // Not still docked at NOW (2026): Mir's occupancy ends on its re-entry day.
    const mirSteps = m.occupancy.series.find((x) => x.stationName === 'Mir')!.steps
    expect(mirSteps.at(-1)).toMatchObject({ at: Date.parse('2001-03-23'), total: 0 })
    // The second interval's one vehicle has an unknown departure: the table says so.
    expect(m.occupancy.table.rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['Mir', 1, 0, '2000-10-19T00:00Z', '2001-01-24T00:00Z'],
      ['Mir', 1, 1, '2001-01-27T00:00Z', '2001-03-23T00:00Z'],
    ])
    // The station's span in view, which the crew and comparison sections cover, ends there too.
    expect(m.crew.table.rows.map((r) => r[3]).at(-1)).toBe('2001-03-23T00:00Z')
  })

  it('ends a stay with no departure at the next docking at its port, even one a filter hides', () => {
    const [ms17, ms18] = [SOYUZ_MS_17, SOYUZ_MS_18]
    const iss = makeStation(4, 'International Space Station', { founded: '1998-11-20' })
    // A search for "MS-17" shows it alone; MS-18 still took its port in 2021.
    const m = analysisModel([ms17], NOW, {
      stations: [iss],
      allEvents: [ms17, ms18],
      expeditions: [],
    })
    expect(m.occupancy.table.rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['International Space Station', 1, 1, '2020-10-14T08:48Z', '2021-04-09T11:05Z'],
    ])
    const steps = m.occupancy.series.find((x) => x.stationName === 'International Space Station')!
    expect(steps.steps.at(-1)).toMatchObject({ at: Date.parse('2021-04-09T11:05:00Z'), total: 0 })
  })

  it('calls a peak counting a stay with an unknown departure an upper bound, and one without exact', () => {
    const iss = makeStation(4, 'International Space Station', { founded: '1998-11-20' })
    // MS-17 (no departure, its port used again by MS-18) is one of the two
    // docked from 2021-04-01; with a departure recorded the peak is exact.
    const progress = makeEvent({
      id: 300,
      station: [4, 'International Space Station'],
      port: [10, 'Poisk zenith'],
      vehicle: 'Progress MS-16',
      docking: '2021-04-01T00:00:00Z',
      departure: '2021-06-01T00:00:00Z',
    })
    const all = [SOYUZ_MS_17, SOYUZ_MS_18, progress]
    const say = (events: ReadonlyArray<DockingEvent>) =>
      answers(analysisModel(events, NOW, { stations: [iss], allEvents: events, expeditions: [] }))
        .occupancy
    expect(say(all)).toBe(
      'Most vehicles docked at once: International Space Station up to 2 (first from 2021-04-01, 1 of them with an unknown departure, counted to the latest it can have left).',
    )
    // The comparison table gives the same bound as a column beside the count.
    const comparison = (events: ReadonlyArray<DockingEvent>) => {
      const { table } = analysisModel(events, NOW, {
        stations: [iss],
        allEvents: events,
        expeditions: [],
      }).comparison
      const col = (key: string) => table.columns.findIndex((c) => c.key === key)
      return table.rows.map((r) => [r[col('peak_docked')], r[col('peak_unknown_departures')]])
    }
    expect(comparison(all)).toEqual([[2, 1]])
    const departed = { ...SOYUZ_MS_17, departure: SOYUZ_MS_18.docking }
    expect(comparison([departed, SOYUZ_MS_18, progress])).toEqual([[2, 0]])
    expect(say([departed, SOYUZ_MS_18, progress])).toBe(
      'Most vehicles docked at once: International Space Station 2 (first from 2021-04-01).',
    )
  })

  it('without expeditions or station records rests on the proxy and first dockings', () => {
    const bare = analysisModel(events, NOW)
    expect(bare.crew.table.rows.every((r) => String(r[5]).startsWith('proxy'))).toBe(true)
    expect([...bare.comparison.dayZero.values()]).toEqual(['first-docking', 'first-docking'])
  })
})

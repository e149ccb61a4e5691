import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { endAtNow, unknownEndsAt } from '../../../shared/analysis/effective-end'
import { portLives, portModuleName } from '../../../shared/analysis/port-lives'
import { portUtilisation } from '../../../shared/analysis/port-utilisation'
import { statsTable } from '../../../shared/analysis/stats-table'
import type { Station } from '../../../shared/domain/model'
import { DAY_MS, portId, stationId, utcMillis } from '../../../shared/domain/units'
import { dockingDataFrom } from '../../fixtures/docking-data'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'
import { makeEvent } from '../query/make-event'

const at = (iso: string) => utcMillis(Date.parse(iso))
const d = (t: number) => new Date(t).toISOString().slice(0, 10)
const endOf = endAtNow(at('2026-01-01'), NO_END_FACTS)

const station = (id: number, name: string, founded: string | null, deorbited: string | null) =>
  ({
    id: stationId(id),
    name,
    status: null,
    founded,
    deorbited,
    portIds: [],
    activeDockingEventIds: null,
    listedWithin: null,
  }) satisfies Station

const MIR = [5, 'Mir'] as const
const ISS = [4, 'International Space Station'] as const
const stations = [
  station(5, 'Mir', '1986-02-20', '2001-03-23'),
  station(4, 'International Space Station', '1998-11-20', null),
]
const events = [
  // The module itself docks (as an LL2-shaped compilation records Kvant-1), and never leaves.
  makeEvent({
    id: 1,
    station: MIR,
    port: [29, 'Mir Core aft'],
    vehicle: 'Kvant-1',
    docking: '1987-04-09',
  }),
  makeEvent({
    id: 2,
    station: MIR,
    port: [6, 'Kvant-1 aft'],
    vehicle: 'Soyuz TM-3',
    docking: '1987-07-24',
    departure: '1987-07-29',
  }),
  makeEvent({
    id: 3,
    station: MIR,
    port: [37, 'Mir Core forward'],
    vehicle: 'Soyuz TM-2',
    docking: '1987-02-08',
    departure: '1987-07-30',
  }),
  // No Kvant-2 docking in the data: its port falls back to its events.
  makeEvent({
    id: 4,
    station: MIR,
    port: [8, 'Kvant-2'],
    vehicle: 'Soyuz TM-9',
    docking: '1990-02-13',
    departure: '1990-08-09',
  }),
  // A module that left: Pirs, 2001-09-16 to 2021-07-26.
  makeEvent({
    id: 5,
    station: ISS,
    port: [38, 'Zvezda nadir'],
    vehicle: 'Pirs',
    docking: '2001-09-16',
    departure: '2021-07-26',
  }),
  makeEvent({
    id: 6,
    station: ISS,
    port: [18, 'Pirs nadir'],
    vehicle: 'Soyuz TM-33',
    docking: '2001-10-23',
    departure: '2002-04-29',
  }),
]

describe('portModuleName', () => {
  it('reads the module out of a port name', () => {
    expect(
      [
        'Pirs nadir',
        'Kvant-1 aft',
        'Kristall module',
        'Mir Core forward',
        'Kvant-2',
        'Forward',
        'Mir lateral port (Kristall)',
      ].map(portModuleName),
    ).toEqual(['Pirs', 'Kvant-1', 'Kristall', 'Mir Core', 'Kvant-2', '', 'Mir'])
  })
})

describe('portLives', () => {
  const lives = portLives(events, stations, endOf)
  const life = (id: number) => {
    const l = lives.get(portId(id))!
    return [d(l.start), d(l.end), l.basis, l.module]
  }

  it("runs a module's port from the module's docking to the station's deorbit", () => {
    expect(life(6)).toEqual(['1987-04-09', '2001-03-23', 'module', 'Kvant-1'])
  })

  it("runs a module's port to the module's departure when it left", () => {
    expect(life(18)).toEqual(['2001-09-16', '2021-07-26', 'module', 'Pirs'])
  })

  it("runs a port on the station's own hull from its founding to its deorbit", () => {
    expect(life(37)).toEqual(['1986-02-20', '2001-03-23', 'station', null])
    expect(life(29)).toEqual(['1986-02-20', '2001-03-23', 'station', null])
  })

  it('falls back to first-to-last event where no module can be tied', () => {
    expect(life(8)).toEqual(['1990-02-13', '1990-08-09', 'events', null])
    // Zvezda is not a docking in the data, and not the station.
    expect(life(38)).toEqual(['2001-09-16', '2021-07-26', 'events', null])
  })

  it('never makes a life shorter than the port’s own events', () => {
    const early = makeEvent({
      id: 9,
      station: MIR,
      port: [37, 'Mir Core forward'],
      docking: '1986-01-01',
      departure: '1986-01-05',
    })
    const l = portLives([...events, early], stations, endOf).get(portId(37))!
    expect([d(l.start), d(l.end), l.basis]).toEqual(['1986-01-01', '2001-03-23', 'station'])
  })

  it("measures utilisation over the module's life: 5 of 267 days of 1987 at Kvant-1 aft", () => {
    const row = portUtilisation(events, { endOf, lives }).find(
      (r) => r.portId === 6 && r.year === 1987,
    )!
    // 1987-04-09 to 1988-01-01 is 22 April days + 245 (May to December) = 267; Soyuz TM-3 stayed 5.
    expect([row.existedMs / DAY_MS, row.occupiedMs / DAY_MS, row.basis]).toEqual([267, 5, 'module'])
    expect(row.share).toBeCloseTo(5 / 267, 12)
  })

  it('gives `cli stats --by port` each port’s basis', () => {
    const table = statsTable(events, 'port', {
      endOf,
      from: at('1987-01-01'),
      to: at('1988-01-01'),
      stations,
      unknownEndsAt: (evs, t) => unknownEndsAt(evs, t, NO_END_FACTS, at('2026-01-01')),
    })
    const basis = table.columns.indexOf('life_basis')
    const byPort = new Map(
      table.rows.map((r) => [r[1], [r[basis], r[table.columns.indexOf('days_existed')]]]),
    )
    expect(byPort.get('Kvant-1 aft')).toEqual(['module', 267])
    expect(byPort.get('Mir Core forward')).toEqual(['station', 365])
  })
})

describe('portLives on real records that list module dockings', () => {
  it('ties the Mir compilation’s Kvant-1 and Kristall ports to their modules', () => {
    // assets/reference/mir-docking-events.json is LL2-shaped and, unlike LL2,
    // lists the modules' own dockings (Kvant-1 at Mir aft on 1987-04-09).
    // Its x_provenance is not LL2's and is dropped here: only times and names matter.
    const body = JSON.parse(
      fs.readFileSync('assets/reference/mir-docking-events.json', 'utf8'),
    ) as { results: Array<Record<string, unknown>> }
    body.results = body.results.map(({ x_provenance: _, ...r }) => r)
    const data = dockingDataFrom(body, {
      source: 'import',
      fetchedAt: at('2025-01-01'),
      provenance: 'Mir compilation',
    })
    const mir = station(9010, 'Mir', '1986-02-20', '2001-03-23')
    const lives = portLives(data.events, [mir], endOf)
    const byName = new Map(
      data.ports.map((p) => {
        const l = lives.get(p.id)!
        return [p.name, [d(l.start), d(l.end), l.basis, l.module]] as const
      }),
    )
    expect(byName.get('Kvant-1 aft')).toEqual(['1987-04-09', '2001-03-23', 'module', 'Kvant-1'])
    expect(byName.get('Kristall axial (APAS-89)')).toEqual([
      '1990-06-10',
      '2001-03-23',
      'module',
      'Kristall',
    ])
    expect(byName.get('Mir forward')).toEqual(['1986-02-20', '2001-03-23', 'station', null])
  })
})

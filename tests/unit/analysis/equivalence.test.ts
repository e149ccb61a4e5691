/**
 * The optimised measures give exactly what their plain definitions give
 * (tests/unit/analysis/reference-measures.ts), on seeded generated data, on
 * deliberately messy data and on the bundled snapshot.
 */
import { describe, expect, it } from 'vitest'

import { crewedPeriods } from '../../../shared/analysis/crewed-periods'
import { endAtNow } from '../../../shared/analysis/effective-end'
import { yearOf } from '../../../shared/analysis/interval'
import {
  occupancyByStation,
  occupancySeries,
  peakOccupancy,
} from '../../../shared/analysis/occupancy-series'
import {
  portLivesFromEvents,
  portTotals,
  portUtilisation,
  type PortLife,
} from '../../../shared/analysis/port-utilisation'
import { compareStations } from '../../../shared/analysis/station-comparison'
import { decadeOf, stayColumns, staysBy, vehicleTotals } from '../../../shared/analysis/stays'
import { arrivalsPerYear } from '../../../shared/analysis/traffic'
import { analysisModel } from '../../../shared/analysis-view/analysis-model'
import { utcDate } from '../../../shared/analysis-view/analysis-table'
import {
  DAY_MS,
  toIsoUtc,
  utcMillis,
  type PortId,
  type StationId,
} from '../../../shared/domain/units'
import { prng } from '../../fixtures/generate-dataset'
import { equivalenceCases } from './equivalence-fixtures'
import {
  refArrivals,
  refCompare,
  refEndRule,
  refCrewed,
  refOccupancy,
  refOccupancyByStation,
  refPeak,
  refPortTotals,
  refPortUtilisation,
  refStays,
  refStaysBy,
  refVehicleTotals,
  refYear,
} from './reference-measures'
import { stayRecords } from './stay-records'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const cases = equivalenceCases()

const stationsOf = (c: (typeof cases)[number]) => {
  const first = new Map<StationId, number>()
  for (const e of c.events)
    if (e.stationId !== null && !(first.get(e.stationId)! <= e.docking))
      first.set(e.stationId, e.docking)
  return [...first.entries()]
}

describe.each(cases)('measures equal their definitions: $name', (c) => {
  const endOf = endAtNow(c.now, NO_END_FACTS)
  // A fresh array per measure, as each query result is, so no memo hides a difference.
  const ev = () => [...c.events]

  it('occupancy series, per station and all together, by role and by family, and their peaks', () => {
    for (const stackBy of ['role', 'family'] as const) {
      const byStation = occupancyByStation(ev(), { endOf, stackBy })
      expect(byStation).toEqual(refOccupancyByStation(c.events, endOf, stackBy))
      expect(byStation.map(peakOccupancy)).toEqual(byStation.map((s) => refPeak(s.steps)))
      const all = occupancySeries(ev(), { endOf, stackBy })
      expect(all).toEqual(refOccupancy(c.events, endOf, stackBy))
      expect(peakOccupancy(all)).toEqual(refPeak(all.steps))
    }
  })

  it('port utilisation per year and port totals, on event lives and on given lives', () => {
    expect(portUtilisation(ev(), { endOf })).toEqual(refPortUtilisation(c.events, endOf))
    expect(portTotals(ev(), { endOf })).toEqual(refPortTotals(c.events, endOf))
    // Lives given for some ports (as module lives would be), some shorter than the events.
    const rand = prng(5)
    const lives = new Map<PortId, PortLife>()
    for (const [id, l] of portLivesFromEvents(c.events, endOf))
      if (rand() < 0.5)
        lives.set(id, {
          ...l,
          start: utcMillis(l.start + Math.floor(rand() * 400) * DAY_MS),
          end: utcMillis(l.end - Math.floor(rand() * 400) * DAY_MS),
          basis: 'module',
        })
    expect(portUtilisation(ev(), { endOf, lives })).toEqual(
      refPortUtilisation(c.events, endOf, lives),
    )
    expect(portTotals(ev(), { endOf, lives })).toEqual(refPortTotals(c.events, endOf, lives))
  })

  it('stays by visit and by docking, their summaries per group, and vehicle totals', () => {
    for (const unit of ['visit', 'docking'] as const) {
      expect(stayRecords(ev(), unit)).toEqual(refStays(c.events, unit))
      const stays = stayColumns(ev(), unit)
      for (const by of ['family', 'decade', 'role', 'station'] as const)
        expect(staysBy(stays, by)).toEqual(refStaysBy(refStays(c.events, unit), by))
    }
    expect(vehicleTotals(ev(), endOf)).toEqual(refVehicleTotals(c.events, endOf))
  })

  it('arrivals per year by family and by role', () => {
    for (const by of ['family', 'role'] as const)
      expect(arrivalsPerYear(ev(), by)).toEqual(refArrivals(c.events, by))
  })

  it('crewed periods and gaps over each station’s life and over a window inside it', () => {
    for (const [id, first] of stationsOf(c)) {
      const windows = [
        [first - 30 * DAY_MS, c.now],
        [first + (c.now - first) / 3, first + (2 * (c.now - first)) / 3],
      ]
      for (const [from, to] of windows) {
        const options = {
          endOf,
          from: utcMillis(Math.floor(from!)),
          to: utcMillis(Math.floor(to!)),
        }
        expect(crewedPeriods(id, c.expeditions, ev(), options)).toEqual(
          refCrewed(id, c.expeditions, c.events, endOf, options.from, options.to),
        )
        expect(crewedPeriods(id, [], ev(), options)).toEqual(
          refCrewed(id, [], c.events, endOf, options.from, options.to),
        )
      }
    }
  })

  it('station comparison by days since founding', () => {
    const stations = stationsOf(c).map(([stationId, first], i) => ({
      stationId,
      name: `Station ${stationId}`,
      founded: utcMillis(first - i * 100 * DAY_MS),
    }))
    expect(compareStations(stations, ev(), endOf)).toEqual(refCompare(stations, c.events, endOf))
  })

  it('on one array asked again with another end rule, stacking or station, each answer is its own', () => {
    const events = ev()
    const later = endAtNow(utcMillis(c.now + 400 * DAY_MS), NO_END_FACTS)
    const [id] = stationsOf(c)[0]!
    for (const rule of [endOf, later, endOf]) {
      for (const stackBy of ['role', 'family'] as const) {
        expect(occupancySeries(events, { endOf: rule, stackBy })).toEqual(
          refOccupancy(c.events, rule, stackBy),
        )
        expect(occupancySeries(events, { endOf: rule, stackBy, stationId: id })).toEqual(
          refOccupancy(c.events, rule, stackBy, id),
        )
      }
      expect(portTotals(events, { endOf: rule })).toEqual(refPortTotals(c.events, rule))
      expect(portUtilisation(events, { endOf: rule })).toEqual(refPortUtilisation(c.events, rule))
    }
  })

  it('with open stays running to an instant between two milliseconds, times that cannot be packed for the native sort', () => {
    const events = ev()
    const between = endAtNow(utcMillis(c.now + 0.5), NO_END_FACTS)
    for (const stackBy of ['role', 'family'] as const)
      expect(occupancySeries(events, { endOf: between, stackBy })).toEqual(
        refOccupancy(c.events, between, stackBy),
      )
    expect(portUtilisation(events, { endOf: between })).toEqual(
      refPortUtilisation(c.events, between),
    )
    expect(vehicleTotals(events, between)).toEqual(refVehicleTotals(c.events, between))
  })

  it('the Analysis view model reads the same measures, by the end rule of the chart', () => {
    const m = analysisModel(ev(), c.now)
    // The view ends a stay with no departure at its port's next docking, as its bar does.
    const endOf = refEndRule(c.events, c.now)
    expect(m.occupancy.series).toEqual(refOccupancyByStation(c.events, endOf, 'role'))
    // The view adds each port's summed time and module to the totals; the measure is the rest.
    const totals = m.ports.totals.map(({ summedMs: _s, module: _m, ...t }) => t)
    expect(totals).toEqual(refPortTotals(c.events, endOf))
    expect(m.stays.groups).toEqual(refStaysBy(refStays(c.events, 'visit'), 'family'))
    expect(m.traffic.counts).toEqual(refArrivals(c.events, 'family'))
    const lives = stationsOf(c).map(([id, start]) => {
      const own = c.events.filter((e) => e.stationId === id)
      const end = Math.max(...own.map((e) => endOf(e)))
      return { id, start, end, name: own[0]!.stationName ?? `Station ${id}` }
    })
    expect(m.crew.periods).toEqual(
      lives.map((l) => refCrewed(l.id, [], c.events, endOf, l.start, l.end)),
    )
    expect(m.comparison.profiles).toEqual(
      refCompare(
        lives.map((l) => ({ stationId: l.id, name: l.name, founded: l.start })),
        c.events,
        endOf,
      ),
    )
  })
})

describe('calendar arithmetic', () => {
  it('gives the UTC year, decade and table dates a Date gives, across leap years, year edges and before 1970', () => {
    const rand = prng(99)
    const edges = [1900, 1969, 1970, 1972, 2000, 2024, 2100].flatMap((y) => [
      Date.UTC(y, 0, 1),
      Date.UTC(y, 0, 1) - 1,
      Date.UTC(y, 1, 29),
      Date.UTC(y, 11, 31, 23, 59, 59, 999),
    ])
    const random = Array.from({ length: 5000 }, () => Math.floor((rand() - 0.3) * 4e12))
    for (const t of [...edges, ...random]) {
      expect(yearOf(utcMillis(t))).toBe(refYear(t))
      expect(decadeOf(utcMillis(t))).toBe(`${Math.floor(refYear(t) / 10) * 10}s`)
      expect(utcDate(t, true)).toBe(toIsoUtc(utcMillis(t)).slice(0, 16) + 'Z')
      expect(utcDate(t)).toBe(toIsoUtc(utcMillis(t)).slice(0, 10))
    }
  })
})

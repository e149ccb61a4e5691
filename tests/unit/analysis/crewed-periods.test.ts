import { describe, expect, it } from 'vitest'

import { crewedPeriods, expeditionListHorizon } from '../../../shared/analysis/crewed-periods'
import { endAtNow } from '../../../shared/analysis/effective-end'
import { DAY_MS, stationId, utcMillis } from '../../../shared/domain/units'
import { makeEvent } from '../query/make-event'
import { makeExpedition } from './expedition-fixtures'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const at = (iso: string) => utcMillis(Date.parse(iso))
const d = (t: number) => new Date(t).toISOString().slice(0, 10)
const endOf = endAtNow(at('2001-01-01'), NO_END_FACTS)
const s6 = stationId(14)

const expeditions = [
  makeExpedition(1, 'EO-1', '2000-01-01', '2000-01-10'),
  makeExpedition(2, 'EP-1', '2000-01-08', '2000-01-20'),
  makeExpedition(3, 'EO-2', '2000-02-01', '2000-02-10'),
  // LL2 error kind: ends before it starts; adds nothing.
  makeExpedition(4, 'EO-x', '2000-02-20', '2000-02-15'),
  makeExpedition(5, 'Elsewhere', '2000-02-12', '2000-02-14', [2, 'Mir']),
]
const events = [
  // Before the expeditions' coverage: a crew vehicle counts, as a proxy.
  makeEvent({ id: 1, vehicle: 'Soyuz 25', docking: '1999-12-10', departure: '1999-12-20' }),
  // Inside coverage: the expeditions decide, so this crew vehicle adds nothing.
  makeEvent({ id: 2, vehicle: 'Soyuz 26', docking: '2000-01-22', departure: '2000-01-25' }),
  // A cargo vehicle never counts as crew.
  makeEvent({ id: 3, vehicle: 'Progress 1', docking: '2000-02-15', departure: '2000-02-25' }),
]

describe('crewedPeriods', () => {
  const r = crewedPeriods(s6, expeditions, events, {
    endOf,
    from: at('1999-12-01'),
    to: at('2000-03-01'),
  })

  it('joins overlapping expeditions and falls back to crew vehicles outside their coverage', () => {
    expect(
      r.expeditionCoverage && [d(r.expeditionCoverage.start), d(r.expeditionCoverage.end)],
    ).toEqual(['2000-01-01', '2000-02-10'])
    expect(r.periods.map((p) => [d(p.start), d(p.end), p.basis, p.names])).toEqual([
      ['1999-12-10', '1999-12-20', 'crew-vehicle-proxy', ['Soyuz 25']],
      ['2000-01-01', '2000-01-20', 'expeditions', ['EO-1', 'EP-1']],
      ['2000-02-01', '2000-02-10', 'expeditions', ['EO-2']],
    ])
  })

  it('gives the uncrewed gaps with their length and basis', () => {
    expect(r.gaps.map((g) => [d(g.start), d(g.end), g.lengthMs / DAY_MS, g.basis])).toEqual([
      ['1999-12-01', '1999-12-10', 9, 'crew-vehicle-proxy'],
      ['1999-12-20', '2000-01-01', 12, 'crew-vehicle-proxy'],
      ['2000-01-20', '2000-02-01', 12, 'expeditions'],
      ['2000-02-10', '2000-03-01', 20, 'crew-vehicle-proxy'],
    ])
  })

  it('uses only the proxy for a station with no expeditions, and runs an open expedition to the window end', () => {
    const tiangong = crewedPeriods(
      stationId(18),
      [],
      [
        makeEvent({
          id: 9,
          vehicle: 'Shenzhou 12',
          station: [18, 'Tiangong'],
          docking: '2021-06-17',
          departure: null,
        }),
      ],
      {
        endOf: endAtNow(at('2021-07-01'), NO_END_FACTS),
        from: at('2021-06-01'),
        to: at('2021-07-01'),
      },
    )
    expect(tiangong.periods.map((p) => [d(p.start), d(p.end), p.basis])).toEqual([
      ['2021-06-17', '2021-07-01', 'crew-vehicle-proxy'],
    ])
    const open = crewedPeriods(s6, [makeExpedition(1, 'Exp 64', '2000-01-05', null)], [], {
      endOf,
      from: at('2000-01-01'),
      to: at('2000-02-01'),
    })
    expect(open.gaps.map((g) => [d(g.start), d(g.end), g.basis])).toEqual([
      ['2000-01-01', '2000-01-05', 'crew-vehicle-proxy'],
    ])
  })

  it('stops an open expedition at `openUntil`, where the proxy takes over', () => {
    const soyuz = makeEvent({
      id: 10,
      vehicle: 'Soyuz MS-17',
      docking: '2000-01-15',
      departure: '2000-01-25',
    })
    const r = crewedPeriods(s6, [makeExpedition(1, 'Exp 64', '2000-01-05', null)], [soyuz], {
      endOf,
      from: at('2000-01-01'),
      to: at('2000-02-01'),
      openUntil: at('2000-01-10'),
    })
    expect(r.periods.map((p) => [d(p.start), d(p.end), p.basis])).toEqual([
      ['2000-01-05', '2000-01-10', 'expeditions'],
      ['2000-01-15', '2000-01-25', 'crew-vehicle-proxy'],
    ])
    expect(r.gaps.map((g) => [d(g.start), d(g.end), g.basis])).toEqual([
      ['2000-01-01', '2000-01-05', 'crew-vehicle-proxy'],
      ['2000-01-10', '2000-01-15', 'crew-vehicle-proxy'],
      ['2000-01-25', '2000-02-01', 'crew-vehicle-proxy'],
    ])
  })

  it("takes the list's horizon from the last start or end it states", () => {
    const list = [
      makeExpedition(1, 'EO-1', '2000-01-01', '2000-01-10'),
      makeExpedition(2, 'Exp 64', '2000-01-05', null),
    ]
    expect(d(expeditionListHorizon(list)!)).toBe('2000-01-10')
    expect(
      d(expeditionListHorizon([...list, makeExpedition(3, 'Exp 65', '2000-02-01', null)])!),
    ).toBe('2000-02-01')
    expect(expeditionListHorizon([])).toBeUndefined()
  })
})

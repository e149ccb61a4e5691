import { describe, expect, it } from 'vitest'

import { arrivalsPerYear } from '../../../shared/analysis/traffic'
import { DEFAULT_QUERY } from '../../../shared/query/query'
import { evaluate } from '../../../shared/query/evaluate'
import { portId } from '../../../shared/domain/units'
import {
  countUnits,
  countWords,
  resultCountWords,
  sharedUnitOf,
} from '../../../shared/visits/count-by'
import { buildVisits } from '../../../shared/visits/visits'
import { snapshotData } from '../../fixtures/docking-data'
import { stayRecords } from '../analysis/stay-records'
import { makeEvent } from '../query/make-event'
import { soyuz31Legs } from './soyuz-31'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

// Soyuz 31's relocation (two legs) and a Progress.
const [aft, fwd] = soyuz31Legs()
const progress = makeEvent({
  id: 191,
  vehicle: 'Progress 4',
  configuration: 'Progress',
  configurationType: 'Cargo',
  port: [2, 'aft'],
  docking: '1978-10-06T01:00:00Z',
  departure: '1978-10-24T13:07:00Z',
})
const events = [aft, fwd, progress]
const visits = buildVisits(events)
const DAY = 86_400_000

describe('countUnits', () => {
  it('counts each docking by docking, and the two legs of a relocation as one visit', () => {
    expect(countUnits(events, 'docking', visits).map((u) => u.id)).toEqual([189, 190, 191])
    const byVisit = countUnits(events, 'visit', visits)
    expect(byVisit.map((u) => [u.id, u.events.map((e) => e.id)])).toEqual([
      [189, [189, 190]],
      [191, [191]],
    ])
    expect(countWords(byVisit, 'visit')).toBe('2 visits (3 dockings)')
    expect(countWords(countUnits([aft, fwd], 'visit', visits), 'visit')).toBe(
      '1 visit (2 dockings)',
    )
    expect(countWords(countUnits(events, 'docking', visits), 'docking')).toBe('3 dockings')
  })

  it('counts a visit once when the filters keep only one of its legs, and keeps the whole visit', () => {
    const [unit] = countUnits([fwd], 'visit', visits)
    expect(unit!.id).toBe(189)
    expect(unit!.events.map((e) => e.id)).toEqual([190])
    expect(unit!.visit!.legs).toEqual([189, 190])
    expect(resultCountWords([unit!], 2, 'visit')).toBe('1 of 2 visits')
    expect(resultCountWords([], 2, 'visit')).toBe('No visits match (of 2)')
    expect(resultCountWords(countUnits([aft, fwd], 'visit', visits), 2, 'visit')).toBe(
      '1 of 2 visits (2 dockings)',
    )
  })
})

describe('option counts by visit', () => {
  it('count a visit once per value its legs touch', () => {
    const byDocking = evaluate(events, DEFAULT_QUERY, fwd.departure!, {
      endFacts: NO_END_FACTS,
    }).counts
    const byVisit = evaluate(events, DEFAULT_QUERY, fwd.departure!, {
      endFacts: NO_END_FACTS,
      unitOf: sharedUnitOf('visit', visits),
    }).counts
    // Soyuz family: two dockings, one visit.
    expect([byDocking.families.get('Soyuz'), byVisit.families.get('Soyuz')]).toEqual([2, 1])
    // The aft port saw Soyuz 31 and Progress 4; the forward port only Soyuz 31.
    expect([byVisit.ports.get(portId(2)), byVisit.ports.get(portId(1))]).toEqual([2, 1])
    expect(byVisit.states.get('departed')).toBe(2)
  })
})

describe('stays and arrivals follow the unit', () => {
  it('measures a visit from arrival to its last departure, and a docking leg by leg', () => {
    const byVisit = stayRecords(events, 'visit')
    expect(byVisit.map((s) => [s.id, s.legs, s.lengthMs])).toEqual([
      [189, 2, fwd.departure! - aft.docking],
      [191, 1, progress.departure! - progress.docking],
    ])
    expect(stayRecords(events, 'docking').map((s) => s.lengthMs)).toEqual(
      events.map((e) => e.departure! - e.docking),
    )
    // 1978: two arrivals by visit (Soyuz 31 once), three by docking.
    const total = (unit: 'visit' | 'docking') =>
      arrivalsPerYear(events, 'family', unit).reduce((n, c) => n + c.arrivals, 0)
    expect([total('visit'), total('docking')]).toEqual([2, 3])
  })
})

describe('on the bundled data', () => {
  const data = snapshotData()
  const salyut6 = data.events.filter((e) => e.stationName === 'Salyut 6')

  /**
   * Visits worked out by a plain rule: per vehicle (case and punctuation
   * ignored), in docking order, a docking starts a new visit unless the same
   * vehicle left this station at most a day before.
   */
  function visitsByHand(): number {
    const name = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '')
    const lastDeparture = new Map<string, number | null>()
    let count = 0
    for (const e of [...salyut6].sort((a, b) => a.docking - b.docking)) {
      const before = lastDeparture.get(name(e.vehicle))
      const gap = before == null ? null : e.docking - before
      if (gap === null || gap < 0 || gap > DAY) count++
      lastDeparture.set(name(e.vehicle), e.departure)
    }
    return count
  }

  it('counts Salyut 6 by docking and by visit as a hand count of its relocations does', () => {
    const all = buildVisits(data.events)
    const dockings = countUnits(salyut6, 'docking', all).length
    const byVisit = countUnits(salyut6, 'visit', all)
    expect(dockings).toBe(salyut6.length)
    expect(byVisit.length).toBe(visitsByHand())
    expect(byVisit.length).toBeLessThan(dockings)
    const soyuz31 = byVisit.find((u) => u.events.some((e) => e.vehicle === 'Soyuz 31'))
    expect(soyuz31?.events.map((e) => e.id)).toEqual([189, 190])
  })
})

import { describe, expect, it } from 'vitest'

import type { DockingEvent } from '../../../shared/domain/model'
import { eventId, stationId, utcMillis } from '../../../shared/domain/units'
import { vehicleKeyIds } from '../../../shared/domain/vehicle-name'
import { visitColumns } from '../../../shared/visits/visit-columns'
import { buildVisits } from '../../../shared/visits/visits'
import { soyuz31Legs } from './soyuz-31'

const at = (iso: string) => utcMillis(Date.parse(iso))

/** Soyuz 31's relocation, a respelled second Soyuz 31 stay months later, and a Progress at Mir. */
function events(): DockingEvent[] {
  const [aft, forward] = soyuz31Legs()
  const again = {
    ...aft,
    id: eventId(300),
    vehicle: 'SOYUZ-31',
    docking: at('1979-03-01T00:00:00Z'),
    departure: at('1979-03-10T00:00:00Z'),
  }
  const mir = {
    ...forward,
    id: eventId(301),
    vehicle: 'Progress M-1',
    stationId: stationId(99),
    docking: at('1979-03-02T00:00:00Z'),
    departure: null,
  }
  return [mir, forward, again, aft]
}

describe('visitColumns', () => {
  it('numbers visits by first docking and links each leg to the next, from an array out of order', () => {
    const ev = events()
    const c = visitColumns(ev)
    expect(c.length).toBe(3)
    // Soyuz 31 (aft → forward), then Soyuz 31's later stay, then the Progress at Mir.
    expect([...c.visitOf]).toEqual([2, 0, 1, 0])
    expect(ev[c.first[0]!]!.id).toBe(189)
    expect(ev[c.nextLeg[c.first[0]!]!]!.id).toBe(190)
    expect([...c.legs]).toEqual([2, 1, 1])
    expect(Number.isNaN(c.departure[2]!)).toBe(true)
    // Soyuz 31's two visits are one vehicle at one station; the Progress is another pair.
    expect(c.pair[0]).toBe(c.pair[1])
    expect(c.pair[2]).not.toBe(c.pair[0])
  })

  it('gives the same visits when many vehicle names seen before make its pair table too big to use', () => {
    const before = buildVisits(events())
    // Thousands of names seen elsewhere spread the vehicle numbers out, so
    // (station, vehicle) pairs are looked up through a map instead.
    vehicleKeyIds(Array.from({ length: 5000 }, (_, i) => ({ vehicle: `Vehicle ${i}` })))
    expect(buildVisits(events())).toEqual(before)
  })
})

import { describe, expect, it } from 'vitest'

import { vehicleKey } from '../../shared/domain/vehicle-name'
import { buildVisits, visitStay } from '../../shared/visits/visits'
import { makeEvent } from './query/make-event'
import { soyuz31Legs } from './visits/soyuz-31'

describe('vehicleKey', () => {
  it('treats spacing, hyphens and case as one name', () => {
    expect(vehicleKey('Soyuz T-5')).toBe(vehicleKey('Soyuz-T 5'))
    expect(vehicleKey('soyuz t-5')).toBe(vehicleKey('Soyuz T-5'))
    expect(vehicleKey('Soyuz T-5')).not.toBe(vehicleKey('Soyuz T-15'))
  })

  it('names a Shuttle flight by its orbiter, as LL2 does', () => {
    expect(vehicleKey('STS-71 (Atlantis)')).toBe(vehicleKey('Space Shuttle Atlantis'))
    expect(vehicleKey('STS-89 (Endeavour)')).not.toBe(vehicleKey('Space Shuttle Atlantis'))
  })
})

describe('buildVisits', () => {
  it('links a relocation 28 minutes later into one visit with two legs', () => {
    const [aft, fwd] = soyuz31Legs()
    const other = makeEvent({
      id: 191,
      vehicle: 'Progress 4',
      docking: '1978-10-06T01:00:00Z',
      departure: '1978-10-24T13:07:00Z',
    })
    const { visits, visitOf } = buildVisits([fwd, other, aft])
    expect(visits).toHaveLength(2)
    const v = visitOf.get(aft.id)!
    expect(v.legs).toEqual([189, 190])
    expect(visitOf.get(fwd.id)).toBe(v)
    expect(v.arrival).toBe(aft.docking)
    expect(v.departure).toBe(fwd.departure)
    expect(visitStay(v)).toBe(fwd.departure! - aft.docking)
  })

  it('keeps stays apart when the gap exceeds a day, the station differs or a leg is open', () => {
    const a = makeEvent({
      id: 1,
      vehicle: 'Shuttle',
      docking: '2000-01-01T00:00:00Z',
      departure: '2000-01-02T00:00:00Z',
    })
    const later = makeEvent({
      id: 2,
      vehicle: 'Shuttle',
      docking: '2000-01-03T00:00:01Z',
      departure: '2000-01-04T00:00:00Z',
    })
    const elsewhere = makeEvent({
      id: 3,
      vehicle: 'Shuttle',
      station: [99, 'Mir'],
      docking: '2000-01-04T01:00:00Z',
      departure: null,
    })
    const afterOpen = makeEvent({
      id: 4,
      vehicle: 'Shuttle',
      station: [99, 'Mir'],
      docking: '2000-01-04T02:00:00Z',
      departure: null,
    })
    expect(buildVisits([a, later, elsewhere, afterOpen]).visits.map((v) => v.legs)).toEqual([
      [1],
      [2],
      [3],
      [4],
    ])
  })
})

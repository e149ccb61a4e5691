import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { utcMillis } from '../../../shared/domain/units'
import { ingestRecords, recordsOf } from '../../../shared/ll2/ingest'
import { isUnplaced, placeRecord } from '../../../shared/ll2/placement'
import { ll2DockingEventSchema } from '../../../shared/ll2/schema'
import { readStationRecords } from '../../../shared/ll2/snapshot-file'

const SOURCES = 'assets/snapshot/sources'
const read = (name: string): unknown =>
  JSON.parse(fs.readFileSync(`${SOURCES}/${name}`, 'utf8')) as unknown
const merged = read('ll2-docking-events.merged.json') as Array<Record<string, unknown>>
const { directory } = readStationRecords(
  read('ll2-space-stations.2.3.0.json') as unknown[],
  'stations',
  utcMillis(0),
)
const record = (id: number) => {
  const raw = merged.find((r) => r.id === id)
  if (!raw) throw new Error(`no record ${id}`)
  return ll2DockingEventSchema.parse(raw)
}
const placed = (raw: unknown) => {
  const p = placeRecord(ll2DockingEventSchema.parse(raw), directory)
  return isUnplaced(p) ? p : { station: p.station.name, port: p.port.name, portId: p.port.id }
}

describe('placeRecord on real LL2 records', () => {
  it('finds a 2.1.0 port by id where the station’s 2.3.0 list has it under a fitting name', () => {
    // 183 Soyuz 26: destination "Salyut 6", port 4 "Forward" (2.3.0: "Salyut-6 forward").
    expect(placed(record(183))).toEqual({
      station: 'Salyut 6',
      port: 'Salyut-6 forward',
      portId: 4,
    })
    // 189 Soyuz 31: port 9 "Core aft", which 2.3.0 lists at Salyut 6 as "Salyut-6 aft".
    expect(placed(record(189))).toMatchObject({ station: 'Salyut 6', port: 'Salyut-6 aft' })
  })

  it('finds a reused 2.1.0 port id by name at the flight’s destination', () => {
    // 214 Soyuz T-5: port 27 "Forward" is Salyut 1's in 2.3.0; at Salyut 7 it is port 35.
    expect(placed(record(214))).toEqual({
      station: 'Salyut 7',
      port: 'Salyut-7 forward',
      portId: 35,
    })
    // 19 Soyuz TM-11: port 5 "Core forward", no longer listed; Mir's is 37.
    expect(placed(record(19))).toEqual({ station: 'Mir', port: 'Mir Core forward', portId: 37 })
  })

  it('reads destinations as LL2 wrote them, and the port id where a destination names no station', () => {
    // "Mir Space Station" is Mir.
    expect(placed(record(32))).toMatchObject({ station: 'Mir', port: 'Mir SO starboard' })
    // 180 Soyuz 20: destination "Low Earth Orbit"; port 25 "Forward" is Salyut 4's.
    expect(placed(record(180))).toEqual({
      station: 'Salyut 4',
      port: 'Salyut-4 forward',
      portId: 25,
    })
  })

  it('prefers LL2’s later correction of the station and port', () => {
    // 223 Soyuz T-15: 2.1.0 says Mir, "Forward" 22; LL2 2.2.0 says Salyut 7, "Salyut-7 forward".
    expect(placed(record(223))).toMatchObject({ station: 'Salyut 7', port: 'Salyut-7 forward' })
    const own = placeRecord(record(223), directory, false)
    expect(isUnplaced(own) ? null : own.station.name).toBe('Mir')
  })

  it('places 2.2.0 transcriptions by name and 2.3.0 records by the ids they were listed under', () => {
    expect(placed(record(244))).toEqual({
      station: 'International Space Station',
      port: 'Pirs nadir',
      portId: 18,
    })
    expect(placed(record(634))).toEqual({
      station: 'International Space Station',
      port: 'Rassvet nadir',
      portId: 13,
    })
  })

  it('says why a record cannot be placed', () => {
    const base = merged.find((r) => r.id === 183)!
    const fv = base.flight_vehicle as Record<string, unknown>
    expect(
      placed({
        ...base,
        flight_vehicle: { ...fv, destination: 'Buran' },
        docking_location: { id: 99, name: 'Forward' },
      }),
    ).toMatchObject({
      reason: 'no-station',
      detail: 'no known station is named "Buran"',
    })
    expect(placed({ ...base, docking_location: { id: 99, name: 'Columbus nadir' } })).toMatchObject(
      {
        reason: 'no-port',
        detail: 'no port of Salyut 6 matches "Columbus nadir"',
      },
    )
  })
})

describe('ingestRecords on the LL2 2.1.0 dump', () => {
  it('places every record at a station and port, and reports nothing unplaced', () => {
    const body = read('ll2-docking-events.2.1.0.colbad2.json')
    const records = recordsOf(body, 'colbad2')
    const batch = ingestRecords(
      records,
      { source: 'import', fetchedAt: utcMillis(0) },
      'colbad2',
      directory,
    )
    expect(batch.events).toHaveLength(records.length)
    expect(batch.unplaced).toEqual([])
    expect(batch.stations.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'International Space Station',
        'Mir',
        'Salyut 6',
        'Salyut 7',
        'Skylab',
      ]),
    )
    expect(batch.ports.length).toBeGreaterThan(20)
    // Without the 2.3.0 lists a 2.1.0 port names no station: the reason is said, nothing stored.
    const blind = ingestRecords(records, { source: 'import', fetchedAt: utcMillis(0) }, 'colbad2')
    expect(blind.events).toHaveLength(0)
    expect(blind.unplaced).toHaveLength(records.length)
    expect(new Set(blind.unplaced.map((u) => u.reason))).toEqual(new Set(['no-station']))
  })

  it('keeps each record’s origin and raw JSON', () => {
    const batch = ingestRecords(
      [merged.find((r) => r.id === 100)],
      { source: 'snapshot', fetchedAt: utcMillis(0) },
      'one',
      directory,
    )
    const stored = batch.events[0]!
    expect(JSON.parse(stored.raw)).toEqual(merged.find((r) => r.id === 100))
    // LL2 moved 100's departure when a relocation became its own event (id 456).
    expect(stored.event.departure).toBe(Date.parse('2010-01-21T10:03:11Z'))
    expect(stored.event.origin).toMatchObject({
      apiVersion: '2.1.0',
      form: 'as-found',
      capturedAt: '2021-01',
      correction: { apiVersion: '2.2.0', fields: expect.arrayContaining(['departure']) },
    })
  })
})

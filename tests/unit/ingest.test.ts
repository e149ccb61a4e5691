import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { ingestRecords, Ll2FormatError, recordsOf } from '../../shared/ll2/ingest'
import { utcMillis } from '../../shared/domain/units'

const origin = { source: 'll2' as const, fetchedAt: utcMillis(0) }
const record183 = JSON.parse(
  fs.readFileSync('tests/fixtures/ll2/docking-event-183.detailed.json', 'utf8'),
)
const salyut = JSON.parse(
  fs.readFileSync('tests/fixtures/ll2/salyut-6-7-docking-events.json', 'utf8'),
)

describe('ingestRecords', () => {
  it('accepts the real LL2 record 183 despite its spec violations', () => {
    const { events, ports, stations } = ingestRecords([record183], origin, 'record 183')
    const e = events[0]!.event
    expect(e.vehicle).toBe('Soyuz 26')
    expect(e.portName).toBe('Salyut-6 forward')
    expect(e.stationName).toBe('Salyut 6')
    expect(e.family).toBe('Soyuz')
    expect(e.role).toBe('crew')
    expect(e.docking).toBe(Date.parse('1977-12-11T03:02:41Z'))
    expect(e.departure).toBe(Date.parse('1978-01-16T08:08:00Z'))
    expect(e.url).toBe('https://ll.thespacedevs.com/2.3.0/docking_events/183/')
    expect(ports).toEqual([{ id: 4, name: 'Salyut-6 forward', stationId: 14 }])
    expect(stations.map((s) => s.name)).toEqual(['Salyut 6'])
    expect(JSON.parse(events[0]!.raw)).toEqual(record183)
  })

  it('keeps the snapshot provenance and classifies every Salyut vehicle', () => {
    const { events } = ingestRecords(recordsOf(salyut, 'snapshot'), origin, 'snapshot')
    expect(events).toHaveLength(64)
    const families = new Set(events.map((e) => e.event.family))
    expect(families).toEqual(new Set(['Soyuz', 'Progress', 'TKS/Cosmos']))
    const dayPrecision = events.filter((e) => e.event.provenance?.dockingPrecision === 'day')
    expect(dayPrecision.length).toBeGreaterThan(0)
    expect(events.every((e) => (e.event.provenance?.sources.length ?? 0) > 0)).toBe(true)
  })

  it('rejects a record with a bad docking time, naming where and which field', () => {
    const bad = { ...record183, docking: 'yesterday' }
    expect(() => ingestRecords([record183, bad], origin, 'https://x/page2')).toThrow(Ll2FormatError)
    expect(() => ingestRecords([record183, bad], origin, 'https://x/page2')).toThrow(
      /https:\/\/x\/page2: record 1 \(id 183\): docking/,
    )
  })

  it('rejects a page whose results are not a list', () => {
    expect(() => recordsOf({ count: 1, results: 'oops' }, 'u')).toThrow(/results/)
  })
})

import { describe, expect, it } from 'vitest'

import { parseReferenceFile, ReferenceFormatError } from '../../../shared/reference/reference-file'

const record = (over: Record<string, unknown> = {}, provenance: Record<string, unknown> = {}) => ({
  id: 910025,
  url: null,
  docking: '1988-07-20T20:34:00Z',
  departure: null,
  docking_location: { id: 9803, name: 'Kvant-1 aft', spacestation: { id: 9010, name: 'Mir' } },
  space_station_target: { id: 9010, name: 'Mir' },
  flight_vehicle_chaser: { id: null, spacecraft: { name: 'Progress 37' } },
  x_provenance: {
    docking_precision: 'minute',
    departure_precision: 'unknown',
    event_type: 'docking',
    port_basis: 'inferred',
    sources: ['https://en.wikisource.org/wiki/Page:RP1357.pdf/60'],
    notes: 'no undocking found',
    ...provenance,
  },
  ...over,
})

describe('parseReferenceFile', () => {
  it('reads a record with its precision, sources and port basis', () => {
    const { set, stays } = parseReferenceFile(
      { source: 'Compiled from RP-1357', results: [record()] },
      'mir-docking-events',
    )
    expect(set).toEqual({
      id: 'mir-docking-events',
      title: 'Mir',
      source: 'Compiled from RP-1357',
      count: 1,
    })
    expect(stays[0]).toMatchObject({
      id: 910025,
      setId: 'mir-docking-events',
      vehicle: 'Progress 37',
      stationName: 'Mir',
      portName: 'Kvant-1 aft',
      docking: { at: Date.parse('1988-07-20T20:34:00Z'), precision: 'minute' },
      // "unknown": the compilers found none, so the reference states none.
      departure: null,
      portBasis: 'inferred',
      sources: ['https://en.wikisource.org/wiki/Page:RP1357.pdf/60'],
    })
  })

  it('rejects the file on a bad record, naming the record and field', () => {
    const bad = record({}, { docking_precision: 'fortnight' })
    expect(() => parseReferenceFile({ results: [record(), bad] }, 'mir')).toThrow(
      ReferenceFormatError,
    )
    expect(() => parseReferenceFile({ results: [record(), bad] }, 'mir')).toThrow(
      /record 1: x_provenance\.docking_precision/,
    )
  })

  it('rejects repeated ids and bodies that are not a page', () => {
    expect(() => parseReferenceFile({ results: [record(), record()] }, 'mir')).toThrow(/repeat/)
    expect(() => parseReferenceFile([record()], 'mir')).toThrow(ReferenceFormatError)
  })
})

import { describe, expect, it } from 'vitest'

import { DEFAULT_QUERY, type Query } from '../../../shared/query/query'
import {
  isPortTicked,
  rowsInLocationScope,
  stationTick,
  togglePort,
  toggleStation,
} from '../../../shared/query/location-selection'
import { buildRows } from '../../../shared/chart/timeline-rows'
import { portId, stationId } from '../../../shared/domain/units'
import { makePort, makeStation } from './make-place'

const MIR = stationId(2)
const PORTS = [portId(21), portId(22), portId(23)]

describe('station and port tree', () => {
  it('ticking a station covers its ports and replaces any ticked ones', () => {
    const some: Query = { ...DEFAULT_QUERY, ports: [portId(22), portId(5)] }
    expect(stationTick(some, MIR, PORTS)).toBe('some')
    // A partly ticked station unticks first, as a tree checkbox does.
    const cleared = toggleStation(some, MIR, PORTS)
    expect(cleared.ports).toEqual([portId(5)])
    const all = toggleStation(cleared, MIR, PORTS)
    expect(all.stations).toEqual([MIR])
    expect(stationTick(all, MIR, PORTS)).toBe('all')
    expect(PORTS.every((p) => isPortTicked(all, p, MIR))).toBe(true)
  })

  it('unticking one port of a ticked station keeps its siblings', () => {
    const all: Query = { ...DEFAULT_QUERY, stations: [MIR] }
    const next = togglePort(all, portId(22), MIR, PORTS)
    expect(next.stations).toEqual([])
    expect(next.ports).toEqual([portId(21), portId(23)])
    expect(stationTick(next, MIR, PORTS)).toBe('some')
  })

  it('ticks and unticks a single port', () => {
    const one = togglePort(DEFAULT_QUERY, portId(23), MIR, PORTS)
    expect(one.ports).toEqual([portId(23)])
    expect(togglePort(one, portId(23), MIR, PORTS).ports).toEqual([])
  })
})

describe('rowsInLocationScope', () => {
  const rows = buildRows(
    [makeStation(14, 'Salyut 6'), makeStation(MIR, 'Mir')],
    [
      makePort(4, 'Salyut-6 forward', 14),
      makePort(5, 'Salyut-6 aft', 14),
      ...PORTS.map((id, i) => ({ id, name: `Mir port ${i + 1}`, stationId: MIR })),
    ],
    [],
  )
  const labels = (state: Query) =>
    rowsInLocationScope(rows, state).map(
      (r) => `${r.station.name}: ${r.ports.map((p) => p.port.name).join(', ')}`,
    )

  it('keeps every row when no station or port is ticked', () => {
    expect(rowsInLocationScope(rows, DEFAULT_QUERY)).toBe(rows)
  })

  it('drops the rows of stations not ticked', () => {
    expect(labels({ ...DEFAULT_QUERY, stations: [MIR] })).toEqual([
      'Mir: Mir port 1, Mir port 2, Mir port 3',
    ])
  })

  it('keeps only the ticked ports of a station reached through its ports', () => {
    expect(labels({ ...DEFAULT_QUERY, stations: [MIR], ports: [portId(5)] })).toEqual([
      // Stations without dockings sort by name.
      'Mir: Mir port 1, Mir port 2, Mir port 3',
      'Salyut 6: Salyut-6 aft',
    ])
  })
})

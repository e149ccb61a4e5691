import { describe, expect, it } from 'vitest'

import { citation } from '../../../shared/domain/citation'
import type { DockingEvent } from '../../../shared/domain/model'
import { utcMillis } from '../../../shared/domain/units'
import { dockingEvent } from '../chart-fixtures'

const from = { appVersion: '1.4.0', now: utcMillis(Date.parse('2026-12-02T09:30:00Z')) }
const at = (iso: string) => utcMillis(Date.parse(iso))

describe('citation', () => {
  it('cites an LL2 record: what, where, when, which record and where it lives, and when read', () => {
    const e: DockingEvent = {
      ...dockingEvent(183, '1977-12-11T03:02:41Z', '1978-01-16T08:08:00Z', {
        stationName: 'Salyut 6',
        portName: 'Salyut-6 forward',
      }),
      vehicle: 'Soyuz 26',
      url: 'https://ll.thespacedevs.com/2.3.0/docking_events/183/',
      source: 'll2',
      fetchedAt: at('2026-11-30T10:00:00Z'),
    }
    expect(citation(e, { end: e.departure!, state: 'departed' }, from)).toBe(
      'Soyuz 26 at Salyut 6, Salyut-6 forward: docked 1977-12-11 03:02:41 UTC, departed ' +
        '1978-01-16 08:08 UTC. The Space Devs, Launch Library 2, docking event 183, ' +
        'https://ll.thespacedevs.com/2.3.0/docking_events/183/ (LL2 2.3.0 record, fetched ' +
        '2026-11-30). Read 2026-12-02 in Docking Timeline 1.4.0.',
    )
  })

  it('claims no precision the record lacks, and says when a vehicle is still docked', () => {
    const base = dockingEvent(5, '1982-05-01T00:00:00Z', null, {
      stationName: 'Salyut 7',
      portName: 'Salyut-7 aft',
    })
    const e: DockingEvent = {
      ...base,
      provenance: {
        dockingPrecision: 'month',
        departurePrecision: null,
        eventType: null,
        portBasis: null,
        spacecraftType: null,
        sources: [],
        notes: null,
      },
    }
    const text = citation(e, { end: from.now, state: 'docked' }, from)
    expect(text).toContain('docked 1982-05 (month precision), still docked.')
    expect(text).not.toContain('00:00')
  })

  it('cites a compiled record by its sources, not as Launch Library 2', () => {
    const base = dockingEvent(900001, '1978-01-11T14:05:54Z', '1978-03-16T11:18:00Z')
    const e: DockingEvent = {
      ...base,
      origin: { ...base.origin, apiVersion: null },
      provenance: {
        dockingPrecision: 'second',
        departurePrecision: 'minute',
        eventType: null,
        portBasis: null,
        spacecraftType: null,
        sources: ['NASA RP-1357, p. 92', 'https://example.org/soyuz27'],
        notes: null,
      },
    }
    const text = citation(e, { end: e.departure!, state: 'departed' }, from)
    expect(text).toContain(
      'Compiled record 900001, from NASA RP-1357, p. 92; https://example.org/soyuz27 (Not a Launch Library 2 record',
    )
    expect(text).not.toContain('The Space Devs')
  })
})

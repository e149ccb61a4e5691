import { describe, expect, it } from 'vitest'

import { eventId, portId, stationId, utcMillis } from '../../shared/domain/units'
import {
  barTooltip,
  overlapTooltip,
  runTooltip,
} from '../../renderer/timeline/tooltip/tooltip-text'
import { dockingEvent } from './chart-fixtures'

const evil = dockingEvent(
  1,
  '2000-01-01T00:00:00Z',
  '2000-01-02T06:00:00Z',
  { stationName: '<script>alert(1)</script>', portName: 'Port "A" & B' },
  '<img src=x onerror=alert(1)>',
)

describe('tooltips', () => {
  it('give a bar’s vehicle, port, times and duration as plain text', () => {
    const tip = barTooltip(evil, 'utc', 0)
    // Text, set with textContent by the view: the markup stays visible as characters.
    expect(tip.title).toBe('<img src=x onerror=alert(1)>')
    const lines = Object.fromEntries(tip.lines)
    expect(lines.Port).toBe('<script>alert(1)</script> · Port "A" & B')
    expect(lines.Docked).toBe('2000-01-01 00:00 UTC')
    expect(lines.Departed).toBe('2000-01-02 06:00 UTC')
    expect(lines.Duration).toBe('1 d 6 h')
  })

  it('say a still-docked vehicle is still docked', () => {
    const open = dockingEvent(2, '2000-01-01T00:00:00Z', null)
    const lines = Object.fromEntries(
      barTooltip(open, 'utc', Date.parse('2000-01-03T00:00:00Z')).lines,
    )
    expect(lines.Departed).toBe('still docked')
    expect(lines.Duration).toBe('2 d 0 h so far (still docked)')
  })

  it('say when a strip spans and what to do to see its bars', () => {
    const tip = runTooltip(
      {
        id: 'run-p1-1-9-5',
        rowId: 'p1',
        start: utcMillis(Date.parse('2001-02-03T04:05:00Z')),
        end: utcMillis(Date.parse('2001-06-07T08:09:00Z')),
        count: 5,
        eventIds: [],
        isSummary: false,
      },
      'utc',
    )
    expect(tip.title).toBe('5 dockings')
    expect(tip.lines).toEqual([
      ['From', '2001-02-03 04:05 UTC'],
      ['To', '2001-06-07 08:09 UTC'],
    ])
    expect(tip.note).toContain('zoom in')
  })

  it('name both vehicles of an overlap and the span they share', () => {
    const tip = overlapTooltip(
      {
        portId: portId(1),
        stationId: stationId(1),
        start: utcMillis(Date.parse('1978-01-10T00:00:00Z')),
        end: utcMillis(Date.parse('1978-01-20T00:00:00Z')),
        eventIds: [eventId(1), eventId(2)],
        labels: ['Soyuz Alpha', 'Progress Beta'],
      },
      'utc',
    )
    expect(Object.fromEntries(tip.lines)).toEqual({
      Events: 'Soyuz Alpha and Progress Beta',
      From: '1978-01-10 00:00 UTC',
      To: '1978-01-20 00:00 UTC',
    })
  })
})

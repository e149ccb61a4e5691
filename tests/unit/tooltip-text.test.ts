import { describe, expect, it } from 'vitest'

import { eventId, portId, stationId, utcMillis } from '../../shared/domain/units'
import {
  barTooltip,
  overlapTooltip,
  percent,
  runTooltip,
} from '../../renderer/timeline/tooltip/tooltip-text'
import { effectiveEnd } from '../../shared/occupancy/effective-end'
import { endFacts, NO_END_FACTS, stationLives } from '../../shared/occupancy/end-facts'
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
    const tip = barTooltip(evil, 'utc', { end: effectiveEnd(evil, NO_END_FACTS, utcMillis(0)) })
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
    const now = utcMillis(Date.parse('2000-01-03T00:00:00Z'))
    const lines = Object.fromEntries(
      barTooltip(open, 'utc', { end: effectiveEnd(open, NO_END_FACTS, now) }).lines,
    )
    expect(lines.Departed).toBe('still docked')
    expect(lines.Duration).toBe('2 d 0 h so far')
  })

  it('say an open docking at a re-entered station has an unknown departure, not still docked', () => {
    const open = dockingEvent(2, '2000-01-01T00:00:00Z', null, { stationName: 'Salyut 7' })
    const facts = {
      ...NO_END_FACTS,
      lives: stationLives([{ id: open.stationId!, status: 'De-Orbited', deorbited: '2000-01-11' }]),
    }
    const tip = barTooltip(open, 'utc', {
      end: effectiveEnd(open, facts, utcMillis(Date.parse('2026-01-01T00:00:00Z'))),
      visit: {
        id: open.id,
        vehicle: open.vehicle,
        stationId: open.stationId!,
        stationName: 'Salyut 7',
        legs: [open.id, eventId(3)],
        arrival: open.docking,
        departure: null,
      },
      flags: [{ kind: 'open-after-deorbit', eventIds: [open.id], message: 'No departure.' }],
    })
    const lines = Object.fromEntries(tip.lines)
    expect(lines.Departed).toBe(
      'unknown: no departure recorded, and Salyut 7 re-entered on 2000-01-11 UTC, where the bar ends',
    )
    expect(lines.Duration).toBe('up to 10 d 0 h')
    expect(lines.Visit).toBe('leg 1 of 2')
    expect(lines['Data check']).toBe('No departure.')
  })

  it('say an open docking whose port was used again ended by then, departure unknown', () => {
    const open = dockingEvent(2, '2020-10-14T08:48:00Z', null, { portName: 'Rassvet nadir' })
    const next = dockingEvent(3, '2021-04-09T11:05:00Z', '2021-10-17T01:14:00Z', {}, 'Soyuz MS-18')
    const end = effectiveEnd(open, endFacts([open, next], []), utcMillis(Date.parse('2026-12-02')))
    const lines = Object.fromEntries(barTooltip(open, 'utc', { end }).lines)
    expect(lines.Departed).toBe(
      'unknown: no departure recorded, and Soyuz MS-18 docked at its port on 2021-04-09 11:05 UTC, where the bar ends',
    )
    expect(lines.Duration).toBe('up to 177 d 2 h')
  })

  /** Cargo Dragon C211's tooltip lines, the ISS's record listing only MS-29, taken `listedWithin`. */
  const unlistedLines = (now: string, listedWithin?: { from: string; to: string }) => {
    const open = dockingEvent(628, '2025-08-25T11:05:00Z', null, { station: 4, stationName: 'ISS' })
    const later = dockingEvent(642, '2026-07-14T17:52:00Z', null, { station: 4, port: 2 })
    const iss = {
      id: open.stationId!,
      status: 'Active',
      deorbited: null,
      activeDockingEventIds: [642],
      listedWithin: listedWithin && {
        from: utcMillis(Date.parse(listedWithin.from)),
        to: utcMillis(Date.parse(listedWithin.to)),
      },
    }
    const end = effectiveEnd(open, endFacts([open, later], [iss]), utcMillis(Date.parse(now)))
    return Object.fromEntries(barTooltip(open, 'utc', { end }).lines)
  }

  it("say a docking its station's record no longer lists has an unknown departure, running to now", () => {
    const lines = unlistedLines('2026-08-25T11:05:00Z')
    expect(lines.Departed).toBe(
      "unknown: no departure recorded, and LL2's record of ISS no longer lists it as docked; the bar runs to now",
    )
    expect(lines.Duration).toBe('up to 365 d 0 h')
  })

  it('say when a dated record that no longer lists a docking was taken, and where its bar ends', () => {
    const lines = unlistedLines('2026-12-02T00:00:00Z', {
      from: '2026-07-24T00:00:00Z',
      to: '2026-07-25T00:00:00Z',
    })
    expect(lines.Departed).toBe(
      "unknown: no departure recorded, and LL2's record of ISS, taken on 2026-07-24 (day precision), no longer lists it as docked; the bar ends at 2026-07-25 00:00 UTC, the latest it can have left",
    )
    expect(lines.Duration).toBe('up to 333 d 12 h')
  })

  it('say when a strip spans, how much of it and of the span under the pointer was occupied', () => {
    const day = (d: number) => Date.parse('2001-01-01T00:00:00Z') + d * 86_400_000
    const tip = runTooltip(
      {
        id: 'run-p1-1-2-2',
        rowId: 'p1',
        start: utcMillis(day(0)),
        end: utcMillis(day(10)),
        count: 2,
        eventIds: [],
        isSummary: false,
        // Docked days 0–2 and 5–10: 7 of 10 days.
        intervals: [
          { start: day(0), end: day(2), family: 'Soyuz' },
          { start: day(5), end: day(10), family: 'Progress' },
        ],
        heat: [],
      },
      'utc',
      // Days 1–6: one day of each docking, 2 of 5 days.
      { from: day(1), to: day(6) },
    )
    expect(tip.title).toBe('2 dockings')
    expect(tip.lines).toEqual([
      ['From', '2001-01-01 00:00 UTC'],
      ['To', '2001-01-11 00:00 UTC'],
      ['Occupied', '70 % of that time'],
      ['Here', '2001-01-02 00:00 UTC to 2001-01-07 00:00 UTC'],
      ['Dockings here', '2'],
      ['Occupied here', '40 %'],
    ])
    expect(tip.note).toContain('zoom in')
  })

  it('never round a sliver of occupancy to none or a near miss to all', () => {
    expect(percent(0.001)).toBe('< 1 %')
    expect(percent(0.999)).toBe('> 99 %')
    expect(percent(0.5)).toBe('50 %')
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

import { describe, expect, it } from 'vitest'

import {
  effectiveReveal,
  revealRows,
  revealScroll,
  rowsTop,
  sameRowsTop,
  type RowsView,
} from '../../../shared/chart/reveal'
import { DAY_MS, eventId, portId, stationId } from '../../../shared/domain/units'
import { BAR_T0, placedBar } from '../chart-fixtures'

// Ten 32 px rows, r0 to r9, scrolled so r3 to r6 fill a 128 px view.
const view = (scrolledBy: number): RowsView => ({
  height: 128,
  rows: Array.from({ length: 10 }, (_, i) => ({
    id: `r${i}`,
    top: i * 32 - scrolledBy,
    height: 32,
  })),
})
const atRow3 = view(96)
const day = (d: number) => BAR_T0 + d * DAY_MS

describe('revealRows', () => {
  const placed = [placedBar(1, 'r1', 0, 10), placedBar(2, 'r8', 20, 10), placedBar(3, 'r9', 100, 5)]

  it('finds a docking by its event id', () => {
    expect(revealRows({ event: eventId(2) }, placed, { start: 0, end: 1 })).toEqual(new Set(['r8']))
    expect(revealRows({ event: eventId(7) }, placed, { start: 0, end: 1 }).size).toBe(0)
  })

  it('takes as results the rows with a bar in the window, however little of it', () => {
    expect(revealRows('results', placed, { start: day(9), end: day(21) })).toEqual(
      new Set(['r1', 'r8']),
    )
    // Touching the window's edge is not being in it.
    expect(revealRows('results', placed, { start: day(10), end: day(20) }).size).toBe(0)
  })
})

describe('revealRows for an analysis mark', () => {
  const at = (id: number, row: string, station: number, port: number, startDay: number) => {
    const p = placedBar(id, row, startDay, 10)
    return { ...p, bar: { ...p.bar, stationId: stationId(station), portId: portId(port) } }
  }
  const placed = [
    at(1, 'p1', 1, 1, 0),
    at(2, 'p2', 1, 2, 0),
    at(3, 'p3', 2, 3, 0),
    at(4, 'p4', 2, 4, 50),
  ]
  const window = { start: day(0), end: day(20) }

  it('takes the port’s rows, or the station’s, that have a bar in the window', () => {
    expect(revealRows({ port: portId(2) }, placed, window)).toEqual(new Set(['p2']))
    expect(revealRows({ station: stationId(2) }, placed, window)).toEqual(new Set(['p3']))
    expect(revealRows({ station: stationId(1) }, placed, window)).toEqual(new Set(['p1', 'p2']))
  })

  it('brings them to the top, as results are', () => {
    const rows = ['s1', 'p1', 'p2', 's2', 'p3', 'p4'].map((id, i) => ({
      id,
      top: i * 32,
      height: 32,
    }))
    const view = { height: 64, rows }
    expect(revealScroll(view, new Set(['p3']), { station: stationId(2) })).toBe(96)
  })
})

describe('revealScroll', () => {
  it('leaves the rows alone when a target is wholly in view', () => {
    expect(revealScroll(atRow3, new Set(['r4']), { event: eventId(1) })).toBe(0)
    expect(revealScroll(atRow3, new Set(['r0', 'r6']), 'results')).toBe(0)
  })

  it('centres a docking row that is out of view or cut by an edge', () => {
    // r8 is at 160 px, below the view: its middle (176) comes to the view's (64).
    expect(revealScroll(atRow3, new Set(['r8']), { event: eventId(1) })).toBe(112)
    expect(revealScroll(atRow3, new Set(['r0']), { event: eventId(1) })).toBe(-144)
    expect(revealScroll(view(100), new Set(['r3']), { event: eventId(1) })).toBe(-52)
  })

  it('brings the topmost result row to the top', () => {
    expect(revealScroll(atRow3, new Set(['r9', 'r8']), 'results')).toBe(160)
    expect(revealScroll(atRow3, new Set(['r1', 'r9']), 'results')).toBe(-64)
  })

  it('does nothing for a target that is not drawn (filtered out, or in a folded station)', () => {
    expect(revealScroll(atRow3, new Set(), 'results')).toBe(0)
    expect(revealScroll(atRow3, new Set(['gone']), { event: eventId(1) })).toBe(0)
  })
})

describe('revealScroll under a station', () => {
  // A station header s1 over its ports p1 and p2, then s2 over p3; 32 px each.
  const rows = ['s1', 'p1', 'p2', 's2', 'p3'].map((id, i) => ({ id, top: i * 32, height: 32 }))
  const scrolled = (by: number): RowsView => ({
    height: 64,
    rows: rows.map((b) => ({ ...b, top: b.top - by })),
  })

  it('brings results up with their station name above them when the row is its first port', () => {
    expect(revealScroll(scrolled(0), new Set(['p3']), 'results')).toBe(96)
    expect(revealScroll(scrolled(128), new Set(['p1']), 'results')).toBe(-128)
  })

  it('brings a later port to the top alone, and a folded station row as it is', () => {
    expect(revealScroll(scrolled(128), new Set(['p2']), 'results')).toBe(-64)
    expect(revealScroll(scrolled(128), new Set(['s1']), 'results')).toBe(-128)
  })
})

describe('the rows as they stood (Back and Forward)', () => {
  const placed = [placedBar(1, 'r1', 0, 10)]

  it('reads the row at the top and how far it is scrolled past', () => {
    expect(rowsTop(atRow3)).toEqual({ row: 'r3', offset: 0 })
    expect(rowsTop(view(100))).toEqual({ row: 'r3', offset: 4 })
    expect(rowsTop(view(0))).toEqual({ row: 'r0', offset: 0 })
    expect(rowsTop({ height: 128, rows: [] })).toBeNull()
  })

  it('scrolls back to exactly there, even when that row is in view already', () => {
    const top = { top: { row: 'r3', offset: 4 } }
    expect(revealRows(top, placed, { start: day(0), end: day(1) })).toEqual(new Set(['r3']))
    // From r0 at the top, r3 (at 96) comes to 4 px above the top.
    expect(revealScroll(view(0), new Set(['r3']), top)).toBe(100)
    expect(revealScroll(atRow3, new Set(['r3']), top)).toBe(4)
  })

  it('brings the results instead when that row is gone (filtered away, folded)', () => {
    const gone = { top: { row: 'r42', offset: 0 } }
    expect(effectiveReveal(gone, atRow3)).toBe('results')
    const here = { top: { row: 'r5', offset: 0 } }
    expect(effectiveReveal(here, atRow3)).toBe(here)
  })
})

describe('sameRowsTop', () => {
  it('is the same row scrolled past by the same px, and null only with null', () => {
    const at = { row: 'r3', offset: 12 }
    expect(sameRowsTop(at, { ...at })).toBe(true)
    expect(sameRowsTop(at, { ...at, offset: 13 })).toBe(false)
    expect(sameRowsTop(at, { ...at, row: 'r4' })).toBe(false)
    expect(sameRowsTop(null, null)).toBe(true)
    expect(sameRowsTop(null, at)).toBe(false)
  })
})

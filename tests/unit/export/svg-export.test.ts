import { describe, expect, it } from 'vitest'

import { buildBars, layoutRows } from '../../../shared/chart/chart-model'
import { familyColour, ROLE_STYLES } from '../../../shared/chart/style'
import { prepareChartExport, type ExportContext } from '../../../shared/export/export-job'
import { renderTimelineSvg, type SvgExportInput } from '../../../shared/export/svg-export'
import type { DockingData, DockingEvent, VehicleRole } from '../../../shared/domain/model'
import { DEFAULT_QUERY, type Query } from '../../../shared/query/query'
import { buildRows } from '../../../shared/chart/timeline-rows'
import { dataCredit } from '../../../shared/domain/data-credit'
import { utcMillis } from '../../../shared/domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../../../shared/domain/vehicle-family'
import { dockingDataFrom, salyutData, snapshotData } from '../../fixtures/docking-data'
import { generateDataset } from '../../fixtures/generate-dataset'
import { allElements, byClass, parseXml, textOf, type XmlElement } from './svg-parse'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const NOW = utcMillis(Date.parse('2025-06-01T12:00:00Z'))
// Rendering is checked on the compiled Salyut 6 and 7 record: 64 ended
// dockings on four ports, none overlapping, so every mark a test expects is
// one it put there. The real bundled snapshot is drawn whole further down.
const snapshot = salyutData()
const bundled = snapshotData()

const ctx = (filters: Partial<Query> = {}, data: DockingData = snapshot): ExportContext => ({
  data,
  query: { ...DEFAULT_QUERY, ...filters },
  appVersion: '9.9.9-test',
  now: NOW,
})

/** The axis scale as a reader recovers it: from two labelled ticks. */
function axisScale(svg: XmlElement): (t: number) => number {
  const ticks = byClass(svg, 'tick').map((g) => ({
    t: Number(g.attrs['data-t']),
    x: Number(g.children.find((c) => c.name === 'line')!.attrs.x1),
  }))
  expect(ticks.length).toBeGreaterThanOrEqual(2)
  const a = ticks[0]!
  const b = ticks[ticks.length - 1]!
  return (t) => a.x + ((t - a.t) * (b.x - a.x)) / (b.t - a.t)
}

const barRect = (g: XmlElement) => {
  const r = g.children.find((c) => c.name === 'rect')!
  return {
    x: Number(r.attrs.x),
    y: Number(r.attrs.y),
    w: Number(r.attrs.width),
    h: Number(r.attrs.height),
    fill: r.attrs.fill,
  }
}

/** The plot's clip (bars are drawn as on screen and cut at its edges), from the bars' group. */
function plotClip(svg: XmlElement): { left: number; right: number } {
  const bars = byClass(svg, 'bars')[0]!
  const id = /url\(#(.+)\)/.exec(bars.attrs['clip-path'] ?? '')![1]
  const clip = allElements(svg).find((e) => e.name === 'clipPath' && e.attrs.id === id)!
  const r = clip.children[0]!
  return { left: Number(r.attrs.x), right: Number(r.attrs.x) + Number(r.attrs.width) }
}

const portLabels = (svg: XmlElement) =>
  byClass(svg, 'row-label')
    .filter((e) => e.attrs['data-kind'] === 'port')
    .map((e) => ({ name: textOf(e), y: Number(e.attrs.y) }))

describe('renderTimelineSvg on the compiled Salyut record', () => {
  const exp = prepareChartExport(ctx(), {
    range: { kind: 'all' },
    size: { kind: 'width', width: 1600 },
    theme: 'light',
    title: 'Salyut dockings',
  })!
  const svg = parseXml(exp.result.svg)

  it('is one well-formed SVG of the requested width', () => {
    expect(svg.name).toBe('svg')
    expect(svg.attrs.width).toBe('1600')
    expect(svg.attrs.viewBox).toBe(`0 0 1600 ${exp.result.height}`)
    expect(Number(svg.attrs.height)).toBe(exp.result.height)
  })

  it('draws every event once, x and width on the axis scale within a pixel', () => {
    const xOf = axisScale(svg)
    const bars = byClass(svg, 'bar')
    expect(bars).toHaveLength(64)
    const byId = new Map(snapshot.events.map((e) => [e.id as number, e]))
    for (const g of bars) {
      const e = byId.get(Number(g.attrs['data-event-id']))!
      const r = barRect(g)
      expect(Math.abs(r.x - xOf(e.docking)), `${e.vehicle} start`).toBeLessThan(1)
      expect(Math.abs(r.x + r.w - xOf(e.departure!)), `${e.vehicle} end`).toBeLessThan(1)
      expect(r.fill).toBe(familyColour(e.family, 'light').fill)
    }
  })

  it('puts each bar in the row of its port', () => {
    const labels = portLabels(svg)
    expect(labels.map((l) => l.name)).toEqual([
      'Salyut-6 aft',
      'Salyut-6 forward',
      'Salyut-7 aft',
      'Salyut-7 forward',
    ])
    for (const g of byClass(svg, 'bar')) {
      const e = snapshot.events.find((x) => x.id === Number(g.attrs['data-event-id']))!
      const r = barRect(g)
      const centre = r.y + r.h / 2
      // The nearest row label to the bar's centre must be its own port.
      const nearest = [...labels].sort(
        (a, b) => Math.abs(a.y - centre) - Math.abs(b.y - centre),
      )[0]!
      expect(nearest.name).toBe(e.portName)
    }
  })

  it('labels the axis in UTC years across the data', () => {
    const labels = byClass(svg, 'tick').map((g) => textOf(g))
    expect(labels[0]).toBe('1978')
    expect(labels).toContain('1986')
    expect(textOf(svg)).toContain('Time (UTC)')
  })

  it('has a title and a footer for readers: source, filters, data time and app', () => {
    expect(textOf(byClass(svg, 'title')[0]!)).toBe('Salyut dockings')
    const footer = textOf(byClass(svg, 'footer')[0]!)
    expect(footer).toContain('Source: bundled snapshot: Compiled from public records')
    expect(footer).toContain('RP-1357')
    // Technical provenance belongs in the CSV/JSON, not under a figure.
    expect(footer).not.toMatch(/x_provenance|port_basis|url fields|ids|9006/)
    expect(footer).toContain('Data as of 2025-01-01T00:00:00Z UTC')
    expect(footer).toContain('Docking Timeline 9.9.9-test')
    expect(footer).toContain('Filters: none (all events)')
  })

  it('keys exactly the families, roles and marks the figure draws, in legend order', () => {
    const families = new Set(snapshot.events.map((e) => e.family))
    const roles = new Set(snapshot.events.map((e) => e.role))
    expect(families.size).toBeGreaterThan(1)
    expect(byClass(svg, 'legend-family').map((g) => g.attrs['data-family'])).toEqual(
      VEHICLE_FAMILIES.filter((f) => families.has(f)),
    )
    expect(byClass(svg, 'legend-role').map((g) => g.attrs['data-role'])).toEqual(
      VEHICLE_ROLES.filter((r) => roles.has(r)),
    )
    for (const g of byClass(svg, 'legend-role'))
      expect(textOf(g)).toBe(ROLE_STYLES[g.attrs['data-role'] as VehicleRole].label)
    // Every snapshot docking has ended and none overlaps another: no keys for marks not drawn.
    expect(byClass(svg, 'is-open')).toHaveLength(0)
    expect(byClass(svg, 'legend-open')).toHaveLength(0)
    expect(byClass(svg, 'overlap')).toHaveLength(0)
    expect(byClass(svg, 'legend-overlap')).toHaveLength(0)
  })

  it('keeps text as text: no paths or images stand in for labels', () => {
    expect(exp.result.svg).not.toContain('<image')
    expect(exp.result.svg).not.toContain('<foreignObject')
  })

  it('is deterministic', () => {
    const again = prepareChartExport(ctx(), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 1600 },
      theme: 'light',
      title: 'Salyut dockings',
    })!
    expect(again.result.svg).toBe(exp.result.svg)
  })
})

describe('renderTimelineSvg on the bundled LL2 snapshot', () => {
  const exp = prepareChartExport(ctx({}, bundled), {
    range: { kind: 'all' },
    size: { kind: 'width', width: 2400 },
    theme: 'light',
  })!
  const svg = parseXml(exp.result.svg)

  it('draws every event once, each in the row of its station and port', () => {
    const ids = byClass(svg, 'bar').map((g) => Number(g.attrs['data-event-id']))
    expect(ids.sort((a, b) => a - b)).toEqual(
      bundled.events.map((e) => e.id as number).sort((a, b) => a - b),
    )
    const labels = new Set(portLabels(svg).map((l) => l.name))
    for (const e of bundled.events) expect(labels.has(e.portName!), e.portName!).toBe(true)
  })

  it('ends still-docked bars at export time, the rest with an unknown end, and credits LL2', () => {
    // No departure: still docked, unless a later docking used the port
    // (Soyuz MS-18 after Soyuz MS-17) or the station's record, which lists a
    // later docking, no longer lists it (Cargo Dragon C211): then unknown.
    type Ev = (typeof bundled.events)[number]
    const portReused = (e: Ev) =>
      bundled.events.some((o) => o.portId === e.portId && o.docking > e.docking)
    const listed = (e: Ev) =>
      bundled.stations.find((s) => s.id === e.stationId)!.activeDockingEventIds ?? []
    const notListed = (e: Ev) =>
      !listed(e).includes(e.id) &&
      bundled.events.some((o) => listed(e).includes(o.id) && o.docking > e.docking)
    const isUnknown = (e: Ev) => portReused(e) || notListed(e)
    const open = bundled.events.filter((e) => e.departure === null && !isUnknown(e))
    const unknown = bundled.events.filter((e) => e.departure === null && isUnknown(e))
    expect([open.length > 0, unknown.length > 0]).toEqual([true, true])
    const ids = (cls: string) =>
      byClass(svg, cls)
        .map((g) => Number(g.attrs['data-event-id']))
        .sort()
    expect(ids('is-open')).toEqual(open.map((e) => e.id as number).sort())
    expect(ids('is-end-unknown')).toEqual(unknown.map((e) => e.id as number).sort())
    expect(textOf(byClass(svg, 'footer')[0]!)).toContain('Launch Library 2 by The Space Devs')
  })
})

describe('filters, range and rows', () => {
  it('names the mirror a sync came from in the footer, not LL2 production', () => {
    const sources = { ll2: snapshot.events.length }
    const ll2Server = 'https://mirror.example.org/api'
    const synced: DockingData = {
      ...snapshot,
      info: {
        ...snapshot.info,
        sources,
        ll2Server,
        credit: dataCredit({ sources, snapshotNote: null, ll2Server }),
      },
    }
    const exp = prepareChartExport(ctx({}, synced), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 1200 },
      theme: 'light',
    })!
    const footer = textOf(byClass(parseXml(exp.result.svg), 'footer')[0]!)
    expect(footer).toContain(
      'Source: Launch Library 2 by The Space Devs, from mirror.example.org (mirror)',
    )
  })

  it('shows only the filtered events and their ports, and says so in the footer', () => {
    const exp = prepareChartExport(ctx({ families: ['Progress'], stations: [9007 as never] }), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 1200 },
      theme: 'light',
    })!
    const svg = parseXml(exp.result.svg)
    const expected = snapshot.events.filter((e) => e.family === 'Progress' && e.stationId === 9007)
    expect(expected.length).toBeGreaterThan(3)
    const ids = byClass(svg, 'bar').map((g) => Number(g.attrs['data-event-id']))
    expect(ids.sort()).toEqual(expected.map((e) => e.id as number).sort())
    expect(portLabels(svg).map((l) => l.name)).toEqual(
      [...new Set(expected.map((e) => e.portName))].sort(),
    )
    expect(byClass(svg, 'row-label').map(textOf)).not.toContain('Salyut 6')
    expect(textOf(byClass(svg, 'footer')[0]!)).toContain(
      'Filters: stations: Salyut 7; families: Progress',
    )
    expect(byClass(svg, 'legend-family').map((g) => g.attrs['data-family'])).toEqual(['Progress'])
    expect(byClass(svg, 'legend-role').map((g) => g.attrs['data-role'])).toEqual([
      ...new Set(expected.map((e) => e.role)),
    ])
  })

  it('cuts bars at the edges of a visible window and leaves out the rest', () => {
    const window = {
      start: utcMillis(Date.parse('1982-01-01T00:00:00Z')),
      end: utcMillis(Date.parse('1983-01-01T00:00:00Z')),
    }
    const exp = prepareChartExport(ctx(), {
      range: { kind: 'visible', window },
      size: { kind: 'width', width: 1000 },
      theme: 'light',
    })!
    const svg = parseXml(exp.result.svg)
    const xOf = axisScale(svg)
    const overlapping = snapshot.events.filter(
      (e) => e.departure! >= window.start && e.docking <= window.end,
    )
    const bars = byClass(svg, 'bar')
    expect(bars.map((g) => Number(g.attrs['data-event-id'])).sort()).toEqual(
      overlapping.map((e) => e.id as number).sort(),
    )
    // What a viewer sees of each bar: its box inside the plot's clip.
    const clip = plotClip(svg)
    expect(Math.abs(clip.left - xOf(window.start))).toBeLessThan(1)
    expect(Math.abs(clip.right - xOf(window.end))).toBeLessThan(1)
    for (const g of bars) {
      const e = overlapping.find((x) => x.id === Number(g.attrs['data-event-id']))!
      const r = barRect(g)
      const left = Math.max(r.x, clip.left)
      const right = Math.min(r.x + r.w, clip.right)
      expect(Math.abs(left - xOf(Math.max(e.docking, window.start)))).toBeLessThan(1)
      expect(Math.abs(right - xOf(Math.min(e.departure!, window.end)))).toBeLessThan(1)
    }
    // Cosmos 1267 docked in 1981 and stayed into 1982: cut at the left edge.
    expect(exp.result.bars.some((b) => b.clippedStart)).toBe(true)
    expect(byClass(svg, 'tick').map(textOf)).toContain('1982-07')
  })

  it('draws a collapsed station as one row holding all its ports’ bars', () => {
    const exp = prepareChartExport(ctx(), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 1200 },
      theme: 'light',
      collapsedStations: [9006],
    })!
    const svg = parseXml(exp.result.svg)
    const labels = byClass(svg, 'row-label').map(textOf)
    expect(labels).toEqual(['Salyut 6 (all ports)', 'Salyut 7', 'Salyut-7 aft', 'Salyut-7 forward'])
    expect(byClass(svg, 'bar')).toHaveLength(64)
    const row = exp.result.rows[0]!
    const inRow = exp.result.bars.filter(
      (b) => b.y >= row.top && b.y + b.height <= row.top + row.height,
    )
    expect(inRow).toHaveLength(snapshot.events.filter((e) => e.stationId === 9006).length)
  })
})

describe('open-ended, overlaps, themes and paper', () => {
  const dataset = generateDataset({ events: 1000, seed: 7 })
  const generated = dockingDataFrom(dataset.events, {
    source: 'll2',
    fetchedAt: utcMillis(Date.parse('2025-05-30T08:00:00Z')),
    provenance: 'Launch Library 2 by The Space Devs (1000 events)',
  })

  it('marks still-docked vehicles as docked at export time', () => {
    const open = generated.events.filter((e) => e.departure === null && e.portId !== null)
    expect(open.length).toBeGreaterThan(0)
    const exp = prepareChartExport(ctx({}, generated), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 2000 },
      theme: 'light',
    })!
    const svg = parseXml(exp.result.svg)
    const xOf = axisScale(svg)
    const openBars = byClass(svg, 'is-open')
    expect(openBars.map((g) => Number(g.attrs['data-event-id'])).sort()).toEqual(
      open.map((e) => e.id as number).sort(),
    )
    for (const g of openBars) {
      const r = barRect(g)
      expect(Math.abs(r.x + r.w - xOf(NOW))).toBeLessThan(1)
      expect(textOf(g)).toContain('still docked at 2025-06-01T12:00:00Z')
    }
    expect(byClass(svg, 'open-marker')).toHaveLength(open.length)
    expect(textOf(byClass(svg, 'legend')[0]!)).toContain(
      'Still docked (open end) at export, 2025-06-01T12:00:00Z UTC',
    )
    expect(textOf(byClass(svg, 'footer')[0]!)).toContain(
      'Source: Launch Library 2 by The Space Devs',
    )
  })

  it('hatches two dockings on one port at once', () => {
    const events = snapshot.events.filter((e) => e.portId === 9602).slice(0, 2)
    const clash: DockingEvent = {
      ...events[1]!,
      docking: utcMillis(events[0]!.docking + 86_400_000),
    }
    const bars = buildBars([events[0]!, clash], NOW, { endFacts: NO_END_FACTS })
    const rows = layoutRows(buildRows(snapshot.stations, snapshot.ports, [events[0]!, clash]), {
      collapsedStations: new Set(),
      hideEmptyPorts: true,
    })
    const out = renderTimelineSvg({
      ...baseInput(),
      rows,
      bars,
      range: {
        start: utcMillis(events[0]!.docking - 864e5 * 30),
        end: utcMillis(clash.departure! + 864e5 * 30),
      },
    })
    const svg = parseXml(out.svg)
    expect(byClass(svg, 'overlap')).toHaveLength(1)
    expect(textOf(byClass(svg, 'legend')[0]!)).toContain('Overlap on one port')
  })

  it('draws the dark theme on a dark background', () => {
    const exp = prepareChartExport(ctx(), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 800 },
      theme: 'dark',
    })!
    const svg = parseXml(exp.result.svg)
    expect(byClass(svg, 'background')[0]!.attrs.fill).toBe('#15181c')
    const soyuz = byClass(svg, 'family-soyuz')[0]!
    expect(barRect(soyuz).fill).toBe(familyColour('Soyuz', 'dark').fill)
  })

  // Three 1,000-bar exports, each parsed back: past vitest's 5 s default on a busy two-core machine.
  it('fits any number of rows on one landscape page', () => {
    for (const paper of ['A4', 'Letter', 'A3'] as const) {
      const exp = prepareChartExport(ctx({}, generated), {
        range: { kind: 'all' },
        size: { kind: 'paper', paper },
        theme: 'light',
      })!
      const svg = parseXml(exp.result.svg)
      const printable = { A4: [277, 190], Letter: [259.4, 195.9], A3: [400, 277] }[paper]
      expect(svg.attrs.width).toBe(`${printable[0]}mm`)
      const heightMm = Number(svg.attrs.height!.replace('mm', ''))
      expect(heightMm).toBeLessThanOrEqual(printable[1]! + 0.01)
      // The drawing keeps its proportions: user units scale evenly to the page.
      const [, , vw, vh] = svg.attrs.viewBox!.split(' ').map(Number)
      expect(Math.abs(vh! / vw! - heightMm / printable[0]!)).toBeLessThan(0.001)
      expect(byClass(svg, 'bar').length).toBe(exp.result.bars.length)
    }
  }, 60_000)

  it('escapes names and titles so the file stays well-formed', () => {
    const out = renderTimelineSvg({ ...baseInput(), title: 'Crew & <cargo> "quoted"' })
    const svg = parseXml(out.svg)
    expect(textOf(byClass(svg, 'title')[0]!)).toBe('Crew & <cargo> "quoted"')
  })

  it('grows taller with more rows at a fixed width', () => {
    const one = prepareChartExport(ctx({ stations: [9006 as never] }), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 1000 },
      theme: 'light',
    })!
    const two = prepareChartExport(ctx(), {
      range: { kind: 'all' },
      size: { kind: 'width', width: 1000 },
      theme: 'light',
    })!
    expect(one.result.width).toBe(1000)
    expect(two.result.height).toBeGreaterThan(one.result.height)
  })

  it('returns null rather than an empty figure when nothing matches', () => {
    expect(
      prepareChartExport(ctx({ search: 'no such vehicle anywhere' }), {
        range: { kind: 'all' },
        size: { kind: 'width', width: 1000 },
        theme: 'light',
      }),
    ).toBeNull()
  })
})

function baseInput(): SvgExportInput {
  const bars = buildBars(snapshot.events, NOW, { endFacts: NO_END_FACTS })
  return {
    rows: layoutRows(buildRows(snapshot.stations, snapshot.ports, snapshot.events), {
      collapsedStations: new Set(),
      hideEmptyPorts: true,
    }),
    bars,
    range: {
      start: utcMillis(Date.parse('1977-01-01T00:00:00Z')),
      end: utcMillis(Date.parse('1987-01-01T00:00:00Z')),
    },
    size: { kind: 'width', width: 1000 },
    theme: 'light',
    footer: { credit: 'test', dataAsOf: null, filters: 'none', appVersion: '0' },
    now: NOW,
  }
}

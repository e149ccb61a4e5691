import { describe, expect, it } from 'vitest'

import {
  prepareChartExport,
  type ExportContext,
  type RangeChoice,
} from '../../../shared/export/export-job'
import type { ExportSize } from '../../../shared/export/svg-export'
import { DEFAULT_QUERY } from '../../../shared/query/query'
import { utcMillis } from '../../../shared/domain/units'
import { snapshotData } from '../../fixtures/docking-data'
import { BAR_TEXT_SIZE, textWidth } from '../../../shared/chart/figure-text'
import { allElements, byClass, parseXml, textOf, type XmlElement } from '../export/svg-parse'

const NOW = utcMillis(Date.parse('2025-06-01T12:00:00Z'))
const data = snapshotData()
const salyut6 = data.stations.find((s) => s.name === 'Salyut 6')!
const events = new Map(
  data.events.filter((e) => e.stationId === salyut6.id).map((e) => [e.id as number, e]),
)
const ctx: ExportContext = {
  data,
  query: { ...DEFAULT_QUERY, stations: [salyut6.id] },
  appVersion: '9.9.9-test',
  now: NOW,
}

function figure(size: ExportSize): XmlElement {
  const exp = prepareChartExport(ctx, { range: { kind: 'all' }, size, theme: 'light' })!
  return parseXml(exp.result.svg)
}

/** How a reader finds a bar's name: its label, else its number in the key. */
function nameOf(svg: XmlElement, id: number): { how: 'label' | 'key'; text: string } | null {
  const label = byClass(svg, 'bar-label').find((t) => Number(t.attrs['data-event-id']) === id)
  if (label) return { how: 'label', text: textOf(label) }
  const mark = byClass(svg, 'key-mark').find((t) => Number(t.attrs['data-event-id']) === id)
  if (!mark) return null
  const entry = byClass(svg, 'key-entry').find((t) => t.attrs['data-n'] === textOf(mark))
  return entry ? { how: 'key', text: textOf(entry) } : null
}

const SIZES: ReadonlyArray<[string, ExportSize]> = [
  ['800 px wide', { kind: 'width', width: 800 }],
  ['1600 px wide', { kind: 'width', width: 1600 }],
  ['an A4 page', { kind: 'paper', paper: 'A4' }],
]

describe('a whole-range figure of Salyut 6 names every bar', () => {
  it.each(SIZES)('at %s: each bar by its label or a numbered key entry', (_, size) => {
    const svg = figure(size)
    const ids = byClass(svg, 'bar').map((g) => Number(g.attrs['data-event-id']))
    expect(ids.sort((a, b) => a - b)).toEqual([...events.keys()].sort((a, b) => a - b))
    for (const id of ids) {
      const e = events.get(id)!
      const name = nameOf(svg, id)
      expect(name, `${e.vehicle} (event ${id}) is not named`).not.toBeNull()
      if (name!.how === 'label') expect(name!.text.replace(' ▸', '')).toBe(e.vehicle)
      else expect(name!.text).toMatch(new RegExp(`^\\d+ ${e.vehicle.replace(/[-+]/g, '\\$&')}, `))
    }
  })

  it('at 800 px the crowded bars are keyed by number, and the numbers in a lane do not overlap', () => {
    const svg = figure({ kind: 'width', width: 800 })
    const marks = byClass(svg, 'key-mark')
    expect(marks.length).toBeGreaterThan(0)
    // More room names more bars in place: the key is only for what cannot be.
    expect(byClass(figure({ kind: 'width', width: 1600 }), 'key-mark').length).toBeLessThan(
      marks.length,
    )
    // Numbers run 1..n with one key entry each.
    const ns = byClass(svg, 'key-entry').map((t) => Number(t.attrs['data-n']))
    expect(ns).toEqual(ns.map((_, i) => i + 1))
    expect(marks.map((m) => Number(textOf(m))).sort((a, b) => a - b)).toEqual(ns)
    const lanes = new Map<string, Array<{ x: number; w: number }>>()
    for (const m of marks) {
      const lane = lanes.get(m.attrs.y!) ?? []
      lane.push({ x: Number(m.attrs.x), w: textOf(m).length * 9 * 0.55 })
      lanes.set(m.attrs.y!, lane)
    }
    for (const lane of lanes.values()) {
      lane.sort((a, b) => a.x - b.x)
      for (let i = 1; i < lane.length; i++)
        expect(lane[i]!.x - lane[i - 1]!.x).toBeGreaterThanOrEqual(
          (lane[i]!.w + lane[i - 1]!.w) / 2,
        )
    }
  })
})

describe('a figure of the ISS, its last bars at the right edge', () => {
  const iss = data.stations.find((s) => s.name === 'International Space Station')!
  const issFigure = (range: RangeChoice) => {
    const exp = prepareChartExport(
      { ...ctx, query: { ...DEFAULT_QUERY, stations: [iss.id] } },
      { range, size: { kind: 'width', width: 1600 }, theme: 'light' },
    )!
    return { exp, svg: parseXml(exp.result.svg) }
  }
  const whole = issFigure({ kind: 'all' })
  const rangeEnd = whole.exp.range.end

  /** Each port row's last bar (the one docking last), unless another bar in its row runs past it. */
  function lastBars(svg: XmlElement): number[] {
    const rows = new Map<string, Array<{ id: number; start: number; end: number }>>()
    for (const g of byClass(svg, 'bar')) {
      const row = rows.get(g.attrs['data-port-id']!) ?? []
      row.push({
        id: Number(g.attrs['data-event-id']),
        start: Number(g.attrs['data-start']),
        end: Number(g.attrs['data-end']),
      })
      rows.set(g.attrs['data-port-id']!, row)
    }
    return [...rows.values()].flatMap((row) => {
      const last = row.reduce((a, b) => (b.start > a.start ? b : a))
      return row.some((b) => b.end > last.end) ? [] : [last.id]
    })
  }

  it('writes every name in full inside the plot, never cut at the edge', () => {
    for (const { svg } of [
      whole,
      issFigure({ kind: 'custom', start: whole.exp.range.start, end: rangeEnd }),
    ]) {
      const clip = allElements(svg).find((e) => e.name === 'clipPath')!.children[0]!
      const plotRight = Number(clip.attrs.x) + Number(clip.attrs.width)
      for (const label of byClass(svg, 'bar-label')) {
        const right = Number(label.attrs.x) + textWidth(textOf(label), BAR_TEXT_SIZE)
        expect(right, textOf(label)).toBeLessThanOrEqual(plotRight)
      }
    }
  })

  it('over the whole range, runs its axis on past the data, as "Fit all" does, so each row names its last bar beside it', () => {
    const last = lastBars(whole.svg)
    expect(last.length).toBeGreaterThan(10)
    for (const id of last) expect(nameOf(whole.svg, id)?.how, `event ${id}`).toBe('label')
    // Cargo Dragon C211, still docked at the range's end on Harmony forward, by name.
    const c211 = byClass(whole.svg, 'bar-label').map(textOf)
    expect(c211).toContain('Cargo Dragon C211 ?')
    expect(Number(whole.svg.attrs['data-range-end'])).toBeGreaterThan(rangeEnd)
    // The subtitle still gives the data's span, not the room after it.
    expect(textOf(byClass(whole.svg, 'subtitle')[0]!)).toContain(
      `to ${new Date(rangeEnd).toISOString().slice(0, 10)}`,
    )
  })

  it('over a range the user set, keeps its end: a name with no room there goes to the key', () => {
    const { svg } = issFigure({ kind: 'custom', start: whole.exp.range.start, end: rangeEnd })
    expect(Number(svg.attrs['data-range-end'])).toBe(rangeEnd)
    const keyed = byClass(svg, 'key-entry').map(textOf)
    expect(keyed.some((t) => /^\d+ Cargo Dragon C211 \?, 2025-08-25$/.test(t))).toBe(true)
  })
})
